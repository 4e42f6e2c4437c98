// --config FILE and the configuration's `ignore` list: code + path glob + reason, shown with
// --show-ignored; mistakes are bad usage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathMatcher } from '../../server/src/cli/pathGlob';
import { assertUsageError, integration, parseJsonReport, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';

const noFullStop = JSON.stringify({ ...validManifest, overview: 'No full stop' }, null, 2);
const ignoreAcme = { code: 'overview-full-stop', path: 'integrations/acme*/manifest.json', reason: 'Upstream keeps it,\nfor now.\u001b[31m' };
/** The reason as reports show it: an escape sequence as text, never sent to the terminal. */
const shownReason = 'Upstream keeps it,\nfor now.\\u001b[31m';

test('path globs: *, ? and ** per segment, dot-names only when written', () => {
  const cases: [string, string, boolean][] = [
    ['integrations/*/manifest.json', 'integrations/acme/manifest.json', true],
    ['integrations/*/manifest.json', 'integrations/a/b/manifest.json', false],
    ['integrations/**', 'integrations/a/b/manifest.json', true],
    ['**/manifest.json', 'manifest.json', true],
    ['**/manifest.json', 'x/.hidden/manifest.json', false],
    ['integrations/.hidden/manifest.json', 'integrations/.hidden/manifest.json', true],
    ['integrations/acme?/manifest.json', 'integrations/acme2/manifest.json', true],
    ['integrations/acme?/manifest.json', 'integrations/acme/manifest.json', false],
    ['./integrations/a/manifest.json', 'integrations/a/manifest.json', true],
  ];
  for (const [pattern, path, expected] of cases) assert.equal(pathMatcher(pattern)(path), expected, `${pattern} ~ ${path}`);
});

test('an ignore entry drops its code in the manifests its glob matches; the summary counts it', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, {
    ...integration('acme', noFullStop),
    ...integration('other', noFullStop),
    'ci/lint.json': JSON.stringify({ ignore: [{ ...ignoreAcme, path: '../integrations/acme*/manifest.json' }] }),
    '.ld-manifest.json': JSON.stringify({ ignore: [ignoreAcme] }),
  });
  const run = runCli(['lint', 'integrations'], folder);
  assert.equal(run.status, 1, 'the other manifest still has the error');
  const lines = run.stdout.split('\n');
  assert.equal(lines.length, 3, run.stdout);
  assert.match(lines[0]!, /^integrations\/other\/manifest\.json:4:15: error overview-full-stop /);
  assert.equal(lines[1], '1 problem (1 error, 0 warnings) in 1 of 2 manifests (1 ignored by the configuration; --show-ignored lists them)');
  // Paths in a file named with --config are relative to that file's folder, and a rule never reaches
  // out of it: ci/lint.json's `../integrations/...` ignores nothing.
  const named = runCli(['lint', '--config', 'ci/lint.json', '--format', 'json', 'integrations'], folder);
  assert.equal(parseJsonReport(named).length, 2);
});

test('--show-ignored lists ignored problems with the reason, and they never fail the run', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, { ...integration('acme', noFullStop), '.ld-manifest.json': JSON.stringify({ ignore: [ignoreAcme] }) });
  const text = runCli(['lint', '--show-ignored', 'integrations'], folder);
  assert.equal(text.status, 0);
  const lines = text.stdout.split('\n');
  assert.match(lines[0]!, /^integrations\/acme\/manifest\.json:4:15: ignored error overview-full-stop .* \(ignored: Upstream keeps it, for now\.\\u001b\[31m\)$/);
  assert.equal(lines[1], 'No problems in 1 manifest (1 ignored by the configuration)');
  const json = runCli(['lint', '--show-ignored', '--format', 'json', 'integrations'], folder);
  const [problem] = JSON.parse(json.stdout);
  assert.equal(problem.ignored, shownReason);
  assert.equal(problem.code, 'overview-full-stop');
});

test('--config FILE replaces .ld-manifest.json; its severity applies, then --severity', (t) => {
  const folder = tempFolder(t);
  mkdirSync(join(folder, '.git'));
  writeFiles(folder, {
    ...integration('acme', noFullStop),
    '.ld-manifest.json': JSON.stringify({ severity: { 'overview-full-stop': 'off' } }),
    'strict.json': JSON.stringify({ severity: { 'overview-full-stop': 'warning' } }),
  });
  assert.deepEqual(parseJsonReport(runCli(['lint', '--format', 'json', 'integrations'], folder)), []);
  const named = runCli(['lint', '--format', 'json', '--config', 'strict.json', 'integrations'], folder);
  assert.deepEqual(parseJsonReport(named).map((p) => p.severity), ['warning']);
  const flag = runCli(['lint', '--format', 'json', '--config', 'strict.json', '--severity', 'overview-full-stop=error', 'integrations'], folder);
  assert.deepEqual(parseJsonReport(flag).map((p) => p.severity), ['error']);
});

test('configuration mistakes are bad usage, each in one line', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, integration('acme'));
  const bad = (config: unknown, expected: RegExp) => {
    writeFiles(folder, { 'bad.json': typeof config === 'string' ? config : JSON.stringify(config) });
    assertUsageError(runCli(['lint', '--config', 'bad.json', 'integrations'], folder), expected);
  };
  assertUsageError(runCli(['lint', '--config', 'missing.json', 'integrations'], folder), /config file not found: missing\.json/);
  bad('{ not json', /bad\.json is not valid JSON/);
  bad({ severty: {} }, /unknown key "severty"/);
  bad({ ignore: {} }, /"ignore" must be an array/);
  bad({ ignore: [{ code: 'overview-full-stop', path: 'x' }] }, /"ignore"\[0\] "reason" must say why/);
  bad({ ignore: [{ code: 'overview-fullstop', path: 'x', reason: 'r' }] }, /did you mean "overview-full-stop"/);
  bad({ ignore: [{ code: 'overview-full-stop', path: '', reason: 'r' }] }, /"path" must be a path glob/);
  bad({ ignore: [{ code: 'overview-full-stop', path: 'x', reason: 'r', until: '2027' }] }, /unknown key "until"/);
  bad({ severity: { 'overview-full-stop': 'loud' } }, /not a severity/);
  bad('\u0000\u0001', /not valid JSON/);
});
