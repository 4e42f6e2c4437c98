// `ld-manifest render`: each template and JSON body rendered for a sample, secrets masked, in text,
// Markdown and JSON, with its problems and the exit code they give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoStackTrace, assertUsageError, integration, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';

function repository(t: Parameters<typeof tempFolder>[0], flagTemplate = '{ "text": "{{{title.plainText}}}", "key": "{{formVariables.apiKey}}" }') {
  const root = tempFolder(t);
  const manifest: Record<string, unknown> = structuredClone(validManifest);
  delete manifest.otherCapabilities;
  manifest.formVariables = [{ key: 'apiKey', name: 'API key', type: 'string', description: 'The key.', isSecret: true }];
  manifest.capabilities = {
    auditLogEventsHook: {
      endpoint: { url: 'https://example.com/hook', method: 'POST', headers: [] },
      templates: { flag: 'templates/flag.json.hbs', default: 'templates/default.txt.hbs' },
      defaultPolicy: [{ effect: 'allow', resources: ['proj/*:env/*:flag/*'], actions: ['*'] }],
    },
  };
  writeFiles(root, {
    ...integration('x', JSON.stringify(manifest, null, 2)),
    'integrations/x/templates/flag.json.hbs': flagTemplate,
    'integrations/x/templates/default.txt.hbs': '{{{title.plainText}}} ({{kind}})',
  });
  return root;
}

test('text: each template for its own sample event, JSON pretty-printed, the secret masked; exit 0', (t) => {
  const run = runCli(['render', 'integrations/x/manifest.json'], repository(t));
  assertNoStackTrace(run);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(
    run.stdout,
    [
      '=== auditLogEventsHook flag (templates/flag.json.hbs, sample flag event)',
      '{',
      '  "text": "Ada Lovelace turned on the flag New checkout flow",',
      '  "key": "••••"',
      '}',
      '',
      '=== auditLogEventsHook default (templates/default.txt.hbs, sample default event)',
      'Ada Lovelace turned on the flag New checkout flow (flag)',
      '',
    ].join('\n'),
  );
});

test('--template, --event and --format markdown', (t) => {
  const run = runCli(['render', 'integrations/x/manifest.json', '--template', 'default', '--event', 'project', '--format', 'markdown'], repository(t));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^## Rendered templates of `integrations\/x\/manifest\.json`\n/);
  assert.match(run.stdout, /### auditLogEventsHook `default`\n\nSource: `templates\/default\.txt\.hbs`, sample project event\.\n\n```text\nAda Lovelace updated the project Checkout \(project\)\n```/);
  assert.doesNotMatch(run.stdout, /flag\.json\.hbs/);
});

test('a rendering that is not JSON is listed with its problem: exit 1; JSON output parses', (t) => {
  const root = repository(t, '{ "text": "{{{title.plainText}}}", }');
  const run = runCli(['render', 'integrations/x/manifest.json', '--format', 'json'], root);
  assert.equal(run.status, 1);
  const report = JSON.parse(run.stdout) as { previews: { name: string; problems: string[] }[] };
  assert.deepEqual(report.previews.map((p) => [p.name, p.problems.length]), [['flag', 1], ['default', 0]]);
  assert.match(report.previews[0]!.problems[0]!, /trailing comma/);
});

test('bad usage: no manifest, an unknown template (the known ones named), an unknown event', (t) => {
  const root = repository(t);
  assertUsageError(runCli(['render'], root), /render takes one MANIFEST, not 0/);
  assertUsageError(runCli(['render', 'integrations/x/manifest.json', '--template', 'flags'], root), /has no template or JSON body named 'flags' \(it has: flag, default\)/);
  assertUsageError(runCli(['render', 'integrations/x/manifest.json', '--event', 'flagg'], root), /--event must be one of/);
});
