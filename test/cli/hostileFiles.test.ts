// Files a manifest (or the repository around it) names, made hostile by the test: a device, a FIFO, a
// folder, links out of the repository and into its .git folder, a workspace schema that would freeze or
// crash checking. Each run must end promptly, exit as documented and print no file's content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNoStackTrace, assertUsageError, integration, parseJsonReport, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';

const CREDENTIAL = 'https://user:ghp_credential@example.com/repo.git';

/** A repository with one integration whose manifest is `edit`ed, and a .git/config holding a credential. */
function repository(t: Parameters<typeof tempFolder>[0], edit: (manifest: Record<string, unknown>) => void = () => undefined): string {
  const root = tempFolder(t);
  const manifest = structuredClone(validManifest) as Record<string, unknown>;
  edit(manifest);
  writeFiles(root, integration('x', JSON.stringify(manifest, null, 2)));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git', 'config'), `[remote "origin"]\n\turl = ${CREDENTIAL}\n`);
  return root;
}

const auditTemplates = (templates: Record<string, string>) => (m: Record<string, unknown>) => {
  delete m.otherCapabilities;
  m.capabilities = {
    auditLogEventsHook: {
      endpoint: { url: 'https://example.com/hook', method: 'POST', headers: [] },
      templates,
      defaultPolicy: [{ effect: 'allow', resources: ['proj/*:env/*:flag/*'], actions: ['*'] }],
    },
  };
};

function lint(root: string, ...extra: string[]) {
  const run = runCli(['lint', '--format', 'json', 'integrations/x/manifest.json', ...extra], root);
  assertNoStackTrace(run);
  for (const output of [run.stdout, run.stderr]) {
    assert.ok(!output.includes('ghp_credential'), `a credential was printed:\n${output}`);
    assert.ok(!output.includes('root:x:0:0'), `/etc/passwd was printed:\n${output}`);
  }
  return run;
}

const codesOf = (run: ReturnType<typeof lint>) => parseJsonReport(run).map((p) => `${p.code}: ${p.message}`);

test('an icon that is a device, a FIFO or a folder is refused with a reason, never read', (t) => {
  const root = repository(t, (m) => (m.icons = { square: 'assets/fifo.svg', horizontal: 'assets/folder.svg' }));
  execFileSync('mkfifo', [join(root, 'integrations/x/assets/fifo.svg')]);
  mkdirSync(join(root, 'integrations/x/assets/folder.svg'));
  const run = lint(root);
  assert.equal(run.status, 1);
  assert.deepEqual(codesOf(run), [
    'icon-missing: The square icon "assets/fifo.svg" cannot be read: it is not a regular file.',
    'icon-missing: The horizontal icon "assets/folder.svg" cannot be read: it is a folder.',
  ]);
  const device = lint(repository(t, (m) => (m.icons = { square: '/dev/zero', horizontal: '../../../../../../../dev/zero' })));
  assert.deepEqual(parseJsonReport(device).filter((p) => p.code === 'icon-missing').length, 2);
});

test("a template linked to the repository's .git/config or to /etc/passwd is not read, and nothing of either is quoted", (t) => {
  const root = repository(t, auditTemplates({ flag: 'templates/flag.json.hbs', member: 'templates/member.json.hbs' }));
  mkdirSync(join(root, 'integrations/x/templates'));
  symlinkSync('../../../.git/config', join(root, 'integrations/x/templates/flag.json.hbs'));
  symlinkSync('/etc/passwd', join(root, 'integrations/x/templates/member.json.hbs'));
  const run = lint(root);
  const messages = codesOf(run);
  assert.ok(messages.some((m) => /^audit-template-missing: The flag template .* cannot be read: it is inside a \.git folder/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /^audit-template-missing: The member template .* is outside the workspace/.test(m)), messages.join('\n'));
});

test('a template that renders invalid JSON is described by position, not quoted', (t) => {
  const root = repository(t, auditTemplates({ flag: 'templates/flag.json.hbs' }));
  writeFiles(root, { 'integrations/x/templates/flag.json.hbs': '{"text": "private-words-here" oops}' });
  const messages = codesOf(lint(root));
  assert.ok(messages.some((m) => /^audit-template-invalid-json: .* renders invalid JSON: invalid symbol at line 1, column 31 of its output\.$/.test(m)), messages.join('\n'));
  assert.ok(!messages.join('\n').includes('private-words-here'));
});

test('a workspace schema or a config file that is a FIFO ends the run promptly', (t) => {
  const root = repository(t);
  execFileSync('mkfifo', [join(root, 'manifest.schema.json')]);
  const run = lint(root, '--schema', 'auto');
  assert.match(codesOf(run)[0] ?? '', /^schema-workspace-broken: .*it is not a regular file/);
  execFileSync('mkfifo', [join(root, '.ld-manifest.json')]);
  assertUsageError(runCli(['lint', 'integrations/x/manifest.json'], root), /\.ld-manifest\.json.*not a regular file/);
});

test('a folder given twice, or reached through a link, is linted once', (t) => {
  const root = repository(t);
  symlinkSync(join(root, 'integrations'), join(root, 'linked'));
  const run = runCli(['lint', 'integrations', 'linked', 'integrations/x/manifest.json'], root);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /in 1 of 1 manifest|1 manifest/);
});

test('control characters in a manifest reach the terminal escaped, in messages and text output', (t) => {
  const root = tempFolder(t);
  writeFiles(root, { 'integrations/x/manifest.json': JSON.stringify({ ...validManifest, 'x\u001b]0;title\u0007\u001b[2J': 1 }) });
  const run = runCli(['lint', 'integrations/x/manifest.json'], root);
  assert.equal(run.status, 1);
  // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
  assert.doesNotMatch(run.stdout + run.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  assert.match(run.stdout, /"x\\u001b\]0;title\\u0007\\u001b\[2J" is not allowed/);
});
