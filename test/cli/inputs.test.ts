// Which files get linted (files, folders, globs) and which inputs are refused as unreadable (exit 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { assertUsageError, integration, parseJsonReport, runCli, tempFolder, validManifestText, writeFiles, type CliRun } from './cliHarness';

/** The files a run looked at: a manifest with a wrong-typed `name` is reported once per file. */
function reportedFiles(run: CliRun): string[] {
  return parseJsonReport(run)
    .filter((p) => p.code === 'schema-wrong-type')
    .map((p) => p.file);
}

const flagged = JSON.stringify({ ...JSON.parse(validManifestText), name: 42 }, null, 2);

/** A tree with manifests where the folder search must find them and where it must not look. */
function writeTree(folder: string): void {
  writeFiles(folder, {
    ...integration('alpha', flagged),
    ...integration('beta', flagged),
    'nested/deeper/manifest.json': flagged,
    'node_modules/pkg/manifest.json': flagged,
    '.hidden/manifest.json': flagged,
    'integrations/.draft/manifest.json': flagged,
    'integrations/alpha/other.json': flagged,
    'integrations/README.md': '# Integrations\n',
  });
}

test('a folder is searched for every manifest.json, skipping node_modules and dot-folders', (t) => {
  const folder = tempFolder(t);
  writeTree(folder);
  const run = runCli(['lint', '--format', 'json', '.'], folder);
  assert.equal(run.status, 1);
  assert.deepEqual(reportedFiles(run), ['integrations/alpha/manifest.json', 'integrations/beta/manifest.json', 'nested/deeper/manifest.json']);
});

test('paths are printed as given: relative to the folder argument, or absolute', (t) => {
  const folder = tempFolder(t);
  writeTree(folder);
  assert.deepEqual(reportedFiles(runCli(['lint', '--format', 'json', 'integrations/'], folder)), [
    'integrations/alpha/manifest.json',
    'integrations/beta/manifest.json',
  ]);
  assert.deepEqual(reportedFiles(runCli(['lint', '--format', 'json', join(folder, 'integrations', 'beta')], folder)), [
    join(folder, 'integrations', 'beta', 'manifest.json'),
  ]);
  // A file given directly is linted whatever its name, and a dot-folder given explicitly is searched.
  assert.deepEqual(reportedFiles(runCli(['lint', '--format', 'json', 'integrations/alpha/other.json', '.hidden'], folder)), [
    'integrations/alpha/other.json',
    '.hidden/manifest.json',
  ]);
});

test('a manifest named twice is linted once', (t) => {
  const folder = tempFolder(t);
  writeTree(folder);
  const run = runCli(['lint', '--format', 'json', 'integrations/alpha/manifest.json', 'integrations', './integrations/alpha/manifest.json'], folder);
  assert.deepEqual(reportedFiles(run), ['integrations/alpha/manifest.json', 'integrations/beta/manifest.json']);
});

test('globs: *, ** and ? are expanded by the CLI itself', (t) => {
  const folder = tempFolder(t);
  writeTree(folder);
  const files = (pattern: string) => reportedFiles(runCli(['lint', '--format', 'json', pattern], folder));
  assert.deepEqual(files('integrations/*/manifest.json'), ['integrations/alpha/manifest.json', 'integrations/beta/manifest.json']);
  assert.deepEqual(files('integrations/?lpha/manifest.json'), ['integrations/alpha/manifest.json']);
  assert.deepEqual(files('integrations/*/*.json'), ['integrations/alpha/manifest.json', 'integrations/alpha/other.json', 'integrations/beta/manifest.json']);
  // ** matches zero or more folders but, like the folder search, not node_modules or dot-folders.
  assert.deepEqual(files('**/manifest.json'), ['integrations/alpha/manifest.json', 'integrations/beta/manifest.json', 'nested/deeper/manifest.json']);
  assert.deepEqual(files('nested/**/manifest.json'), ['nested/deeper/manifest.json']);
  // A folder a glob matches is searched; the README it also matches is not taken for a manifest.
  assert.deepEqual(files('integrations/*'), ['integrations/alpha/manifest.json', 'integrations/beta/manifest.json']);
  // A dot-folder matches only a pattern segment that starts with a dot.
  assert.deepEqual(files('integrations/.*/manifest.json'), ['integrations/.draft/manifest.json']);
  assert.deepEqual(files(join(folder, 'integrations', 'b*', 'manifest.json')), [join(folder, 'integrations', 'beta', 'manifest.json')]);
});

test('an existing file whose name contains a glob character is taken literally', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, { 'odd*name.json': flagged, 'odd-other.json': flagged });
  assert.deepEqual(reportedFiles(runCli(['lint', '--format', 'json', 'odd*name.json'], folder)), ['odd*name.json']);
});

const unreadable: [string, Record<string, string | Uint8Array>, string[], RegExp][] = [
  ['a missing file', {}, ['integrations/nope/manifest.json'], /no such file or folder: integrations\/nope\/manifest\.json$/],
  ['a folder with no manifest', { 'empty/readme.txt': 'hi' }, ['empty'], /no manifest\.json found in folder empty$/],
  ['a folder whose only manifests are in node_modules', { 'node_modules/x/manifest.json': '{}' }, ['.'], /no manifest\.json found in folder \.$/],
  ['a glob matching nothing', {}, ['integrations/*/manifest.json'], /no files match integrations\/\*\/manifest\.json$/],
  ['a glob matching only folders without manifests', { 'a/b/readme.txt': 'x' }, ['a/*'], /no manifest\.json found in what a\/\* matches$/],
  ['a glob matching only files that are not .json', { 'a/readme.txt': 'x' }, ['a/*'], /no manifest\.json found in what a\/\* matches$/],
  ['a binary file (NUL bytes)', { 'manifest.json': new Uint8Array([0x7b, 0x00, 0x7d]) }, ['manifest.json'], /manifest\.json is a binary file/],
  ['a PNG renamed to manifest.json', { 'manifest.json': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }, ['manifest.json'], /is a binary file/],
  ['invalid UTF-8 (Latin-1 text)', { 'manifest.json': new Uint8Array([...Buffer.from('{"name": "Caf'), 0xe9, ...Buffer.from('"}')]) }, ['manifest.json'], /manifest\.json is not UTF-8 text/],
  ['plain prose', { 'manifest.json': 'This integration sends events to Example.\n' }, ['manifest.json'], /manifest\.json is not JSON at all \(it starts with "This integration sen"\)/],
  ['YAML', { 'manifest.json': 'name: Example\nversion: 1.0.0\n' }, ['manifest.json'], /is not JSON at all/],
  ['HTML after a BOM and blank lines', { 'manifest.json': '\uFEFF\n\n  <html></html>' }, ['manifest.json'], /is not JSON at all \(it starts with "<html><\/html>"\)/],
];

for (const [name, files, args, expected] of unreadable) {
  test(`unreadable input: ${name} exits 2 with one line`, (t) => {
    const folder = tempFolder(t);
    writeFiles(folder, files);
    assertUsageError(runCli(['lint', ...args], folder), expected);
  });
}

test('one unreadable input stops the whole run before anything is reported', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, { ...integration('good', flagged), 'bad.json': 'not json' });
  assertUsageError(runCli(['lint', 'integrations', 'bad.json'], folder), /bad\.json is not JSON at all/);
  assertUsageError(runCli(['lint', 'integrations', 'missing.json'], folder), /no such file or folder: missing\.json/);
});

test('a file that starts like JSON is a manifest with problems (exit 1), not unreadable input', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, {
    'truncated.json': '{"name": "Example',
    'empty.json': '',
    'commented.json': '// a comment\n{}',
    'array.json': '[1, 2]',
  });
  for (const file of ['truncated.json', 'empty.json', 'commented.json', 'array.json']) {
    const run = runCli(['lint', '--format', 'json', file], folder);
    assert.equal(run.status, 1, `${file}: ${run.stderr}`);
    assert.equal(run.stderr, '');
    assert.ok(parseJsonReport(run).some((p) => p.code === 'json-syntax' && p.severity === 'error'), file);
  }
});
