// --output FILE, --max-warnings N and --quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertUsageError, integration, parseJsonReport, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';

// Two warnings (a duplicate key twice) and, in `withError`, an error too.
const twoWarnings = JSON.stringify(validManifest, null, 2).replace('"name"', '"name": "a",\n  "name"').replace('"author"', '"author": "b",\n  "author"');
const withError = twoWarnings.replace('"version": "1.0.0"', '"version": 1');

test('--output writes the report to the file, nothing to stdout, with the same exit code', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, integration('example', withError));
  writeFileSync(join(folder, 'report.json'), 'an older, longer report that must be replaced whole');
  const run = runCli(['lint', '--format', 'json', '--output', 'report.json', 'integrations'], folder);
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, '');
  const written = readFileSync(join(folder, 'report.json'), 'utf8');
  assert.deepEqual(parseJsonReport({ ...run, stdout: written }).map((p) => p.code).sort(), ['json-duplicate-key', 'json-duplicate-key', 'schema-wrong-type']);
  assert.deepEqual(readdirSync(folder).sort(), ['integrations', 'report.json'], 'no temporary file left');
});

test('--output to a folder, into a missing folder or a FIFO-like target: one line, exit 2, nothing linted', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, integration('example', withError));
  mkdirSync(join(folder, 'out'));
  assertUsageError(runCli(['lint', '-o', 'out', 'integrations'], folder), /cannot write the report to out: it is a folder/);
  assertUsageError(runCli(['lint', '--output', 'missing/report.txt', 'integrations'], folder), /cannot write the report to missing\/report\.txt: the folder .*missing does not exist/);
  assertUsageError(runCli(['lint', '--output', '/dev/null', 'integrations'], folder), /it is not a regular file/);
  // --fix did not run before the failure was found.
  const fixable = JSON.stringify({ ...validManifest, categories: ['infrastructure'] }, null, 2).replace('"description"', '"descripton"');
  writeFiles(folder, integration('fixable', fixable));
  assertUsageError(runCli(['lint', '--fix', '-o', 'out', 'integrations'], folder), /it is a folder/);
  assert.equal(readFileSync(join(folder, 'integrations/fixable/manifest.json'), 'utf8'), fixable);
});

test('--max-warnings: exit 1 above N even without errors, with a line on stderr; 0 at N', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, integration('example', twoWarnings));
  const atLimit = runCli(['lint', '--max-warnings', '2', 'integrations'], folder);
  assert.equal(atLimit.status, 0, atLimit.stderr);
  assert.equal(atLimit.stderr, '');
  const above = runCli(['lint', '--max-warnings=1', 'integrations'], folder);
  assert.equal(above.status, 1);
  assert.equal(above.stderr, 'ld-manifest: 2 warnings, more than --max-warnings 1 allows\n');
  assert.match(above.stdout, /2 problems \(0 errors, 2 warnings\)/);
  // Counted even when --quiet leaves them out of the report.
  const quiet = runCli(['lint', '--quiet', '--max-warnings', '0', 'integrations'], folder);
  assert.equal(quiet.status, 1);
  assert.equal(quiet.stdout, 'No problems in 1 manifest\n');
  // Errors fail the run whatever the threshold.
  writeFiles(folder, integration('example', withError));
  assert.equal(runCli(['lint', '--max-warnings', '100', 'integrations'], folder).status, 1);
});

test('--max-warnings needs a whole number', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, integration('example'));
  for (const bad of ['many', '1.5', '-1', '']) {
    assertUsageError(runCli(['lint', `--max-warnings=${bad}`, 'integrations'], folder), /--max-warnings/);
  }
});

test('--quiet reports errors only, in every format', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, integration('example', withError));
  const run = runCli(['lint', '--quiet', '--format', 'json', 'integrations'], folder);
  assert.deepEqual(parseJsonReport(run).map((p) => p.severity), ['error']);
  const github = runCli(['lint', '-q', '--format', 'github', 'integrations'], folder);
  assert.deepEqual(github.stdout.split('\n').filter((l) => l !== '').map((l) => l.split(' ')[0]), ['::error']);
});
