// The report: text and JSON formats, exact 1-based lines and columns (UTF-16 code units, as VS Code
// counts them) whatever the line endings, tabs, non-ASCII text or byte order mark, the summary line,
// --quiet and the exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { integration, parseJsonReport, positionsOf, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';

/**
 * A manifest laid out by hand so that the positions below can be counted on one's fingers:
 * line 2 holds a tab, a two-byte "Ç" and an emoji (2 UTF-16 code units, 4 UTF-8 bytes) before the
 * wrong-typed version, whose `1` is therefore at UTF-16 column 33 (32 in code points, 36 in bytes);
 * line 4 repeats the key "overview" (a warning).
 */
function handLaidManifest(eol: string): string {
  const rest = ['description', 'author', 'supportEmail', 'links', 'categories', 'icons', 'otherCapabilities'] as const;
  const lines = [
    '{',
    '\t"name": "Ça 😀 va",\t"version": 1,',
    '  "overview": "An example integration for tests.",',
    '  "overview": "An example integration, again.",',
    ...rest.map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify(validManifest[key])},`),
  ];
  lines.push(lines.pop()!.replace(/,$/, ''), '}', '');
  return lines.join(eol);
}

const expectedPositions = (file: string) => [`${file}:2:33-2:34 error schema-wrong-type`, `${file}:4:3-4:13 warning json-duplicate-key`];

test('json format: exact 1-based positions in UTF-16 columns, with LF, CRLF and BOM alike', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, {
    'lf.json': handLaidManifest('\n'),
    'crlf.json': handLaidManifest('\r\n'),
    'bom-crlf.json': '\uFEFF' + handLaidManifest('\r\n'),
  });
  for (const file of ['lf.json', 'crlf.json', 'bom-crlf.json']) {
    const run = runCli(['lint', '--format', 'json', file], folder);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(positionsOf(parseJsonReport(run)), expectedPositions(file));
  }
});

test('text format: one path:line:column line per problem, then the summary', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, { 'lf.json': handLaidManifest('\n'), ...integration('clean') });
  const run = runCli(['lint', 'lf.json', 'integrations'], folder);
  assert.equal(run.status, 1);
  assert.equal(run.stderr, '');
  const lines = run.stdout.split('\n');
  assert.equal(lines.length, 4, run.stdout);
  assert.match(lines[0]!, /^lf\.json:2:33: error schema-wrong-type \S.*$/);
  assert.match(lines[1]!, /^lf\.json:4:3: warning json-duplicate-key \S.*"overview".*$/);
  assert.equal(lines[2], '2 problems (1 error, 1 warning) in 1 of 2 manifests');
  assert.equal(lines[3], '');
});

test('a byte order mark does not shift line 1 columns', (t) => {
  const folder = tempFolder(t);
  const oneLine = JSON.stringify({ ...validManifest, name: 5 });
  writeFiles(folder, { 'plain.json': oneLine, 'bom.json': '\uFEFF' + oneLine });
  for (const file of ['plain.json', 'bom.json']) {
    const run = runCli(['lint', file], folder);
    // {"name":5 -> the 5 is the 9th UTF-16 code unit of the line once the BOM is gone.
    assert.match(run.stdout, new RegExp(`^${file.replace('.', '\\.')}:1:9: error schema-wrong-type `), run.stdout);
  }
});

test('JSON syntax errors are reported at their position and exit 1', (t) => {
  const folder = tempFolder(t);
  // Line 3 lacks the comma after "version": the parser expects it where "overview" begins.
  const text = JSON.stringify(validManifest, null, 2).replace('"1.0.0",', '"1.0.0"');
  writeFiles(folder, { 'manifest.json': text });
  const run = runCli(['lint', '--format', 'json', 'manifest.json'], folder);
  assert.equal(run.status, 1);
  assert.deepEqual(positionsOf(parseJsonReport(run)), ['manifest.json:4:3-4:13 error json-syntax']);
});

test('warnings alone exit 0; --quiet reports errors only', (t) => {
  const folder = tempFolder(t);
  const duplicated = JSON.stringify(validManifest, null, 2).replace('"author": "Example Inc.",', '"author": "Example Inc.",\n  "author": "Example Inc.",');
  writeFiles(folder, { ...integration('dup', duplicated), ...integration('clean') });

  const text = runCli(['lint', 'integrations'], folder);
  assert.equal(text.status, 0, text.stdout);
  assert.match(text.stdout, /^integrations\/dup\/manifest\.json:\d+:3: warning json-duplicate-key /);
  assert.match(text.stdout, /\n1 problem \(0 errors, 1 warning\) in 1 of 2 manifests\n$/);

  const quiet = runCli(['lint', '--quiet', 'integrations'], folder);
  assert.equal(quiet.status, 0);
  assert.equal(quiet.stdout, 'No problems in 2 manifests\n');
  assert.equal(runCli(['lint', '-q', '--format', 'json', 'integrations'], folder).stdout, '[]\n');

  writeFiles(folder, { 'integrations/bad/manifest.json': duplicated.replace('"1.0.0"', '1') });
  const quietWithError = runCli(['lint', '--quiet', '--format', 'json', 'integrations'], folder);
  assert.equal(quietWithError.status, 1);
  assert.deepEqual(parseJsonReport(quietWithError).map((p) => `${p.file} ${p.severity}`), ['integrations/bad/manifest.json error']);
});

test('a clean run: exit 0, "No problems" (singular and plural), an empty JSON array', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, { ...integration('one'), ...integration('two') });
  assert.deepEqual(runCli(['lint', 'integrations/one/manifest.json'], folder), { status: 0, stdout: 'No problems in 1 manifest\n', stderr: '' });
  assert.deepEqual(runCli(['lint', 'integrations'], folder), { status: 0, stdout: 'No problems in 2 manifests\n', stderr: '' });
  assert.deepEqual(runCli(['lint', '--format', 'json', 'integrations'], folder), { status: 0, stdout: '[]\n', stderr: '' });
});
