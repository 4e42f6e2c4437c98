// `ld-manifest preview`: the integration as its users see it, as Markdown for a pull request (default)
// or one self-contained HTML page (--output writes it), --event picking the audit-log sample, and the
// exit codes (1 for a manifest with errors or a rendering with a problem, 2 for bad usage).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNoStackTrace, assertUsageError, integration, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';

function repository(t: Parameters<typeof tempFolder>[0], edit: (manifest: Record<string, any>) => void = () => {}) {
  const root = tempFolder(t);
  const manifest: Record<string, any> = structuredClone(validManifest);
  delete manifest.otherCapabilities;
  manifest.formVariables = [
    { key: 'apiKey', name: 'API key', type: 'string', description: 'The [key](https://acme.example/keys).', isSecret: true },
    { key: 'verbose', name: 'Verbose', type: 'boolean', description: 'More.', isOptional: true, defaultValue: false },
  ];
  manifest.capabilities = {
    auditLogEventsHook: {
      endpoint: { url: 'https://example.com/hook', method: 'POST', headers: [] },
      templates: { flag: 'templates/flag.json.hbs' },
      defaultPolicy: [{ effect: 'allow', resources: ['proj/*:env/*:flag/*'], actions: ['*'] }],
    },
  };
  edit(manifest);
  writeFiles(root, {
    ...integration('x', JSON.stringify(manifest, null, 2)),
    'integrations/x/templates/flag.json.hbs': '{ "text": "{{{title.plainText}}}", "key": "{{formVariables.apiKey}}" }',
  });
  return root;
}

test('Markdown by default: the card, the form, the rendering; exit 0', (t) => {
  const run = runCli(['preview', 'integrations/x/manifest.json'], repository(t));
  assertNoStackTrace(run);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /^\*\*Describe the solution you've provided\*\*\n\n\*\*Example Store\*\* \(`integrations\/x\/manifest\.json`, version 1\.0\.0\): Deliver flags/);
  assert.match(run.stdout, /^\| API key \| `apiKey` \| string, secret \| required \| {2}\| The key\. \|$/m);
  assert.match(run.stdout, /\*\*Provide a request preview\*\*/);
  assert.match(run.stdout, /```json\n\{\n {2}"text": "Ada Lovelace turned on the flag New checkout flow",\n {2}"key": "••••"\n\}\n```/);
});

test('--format html --output FILE: one self-contained page, written whole; --event picks the sample', (t) => {
  const root = repository(t);
  const run = runCli(['preview', 'integrations/x/manifest.json', '--format', 'html', '--event', 'project', '-o', 'preview.html'], root);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  const page = readFileSync(join(root, 'preview.html'), 'utf8');
  assert.match(page, /^<!DOCTYPE html>/);
  assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; img-src data:; style-src &#39;nonce-[A-Za-z0-9+/=]{24}&#39;; script-src &#39;none&#39;/);
  assert.match(page, /<img class="icon-square" src="data:image\/svg\+xml;base64,/);
  assert.match(page, /sample project event/);
  assert.doesNotMatch(page, /<script|<link|src="http/);
  // A fresh nonce each time.
  runCli(['preview', 'integrations/x/manifest.json', '--format', 'html', '-o', 'again.html'], root);
  const nonce = (text: string) => /'nonce-([^']+)'|&#39;nonce-([^&]+)&#39;/.exec(text)?.slice(1).find(Boolean);
  assert.notEqual(nonce(page), nonce(readFileSync(join(root, 'again.html'), 'utf8')));
});

test('a manifest with errors is previewed all the same, and exits 1', (t) => {
  const root = repository(t, (manifest) => {
    manifest.colour = 'red';
  });
  const run = runCli(['preview', 'integrations/x/manifest.json', '--format', 'html'], root);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /Other problems in the manifest/);
  assert.match(run.stdout, /schema-unknown-key/);
});

test('bad usage: no manifest, two, an unknown format or event, a missing file, an unwritable output', (t) => {
  const root = repository(t);
  assertUsageError(runCli(['preview'], root), /preview takes one MANIFEST, not 0/);
  assertUsageError(runCli(['preview', 'a.json', 'b.json'], root), /preview takes one MANIFEST, not 2/);
  assertUsageError(runCli(['preview', 'integrations/x/manifest.json', '--format', 'pdf'], root), /--format must be 'markdown' or 'html', not 'pdf'/);
  assertUsageError(runCli(['preview', 'integrations/x/manifest.json', '--event', 'flagg'], root), /--event must be one of/);
  assertUsageError(runCli(['preview', 'integrations/missing/manifest.json'], root), /cannot read integrations\/missing\/manifest\.json: no such file/);
  assertUsageError(runCli(['preview', 'integrations/x/manifest.json', '-o', 'no/such/folder/p.html'], root), /cannot write the preview to no\/such\/folder\/p\.html/);
});

test('--help explains the formats and the exit status; the main help lists the command', (t) => {
  const root = repository(t);
  const help = runCli(['preview', '--help'], root);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: ld-manifest preview MANIFEST \[options\]/);
  assert.match(help.stdout, /--format FORMAT/);
  assert.match(help.stdout, /Exit status: 0 written; 1/);
  assert.match(runCli(['--help'], root).stdout, /^ {2}preview +Show the integration as its users will see it/m);
});
