// Command-line usage: help, version, and every kind of bad usage (exit 2, one line on stderr).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNoStackTrace, assertUsageError, integration, projectRoot, runCli, tempFolder, writeFiles } from './cliHarness';

test('--version prints the version from package.json', () => {
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const run = runCli(['--version'], projectRoot);
  assert.equal(run.status, 0);
  assert.equal(run.stdout, `${version}\n`);
  assert.equal(run.stderr, '');
});

test('--help lists the commands; lint --help documents formats, schema and exit status', () => {
  const main = runCli(['--help'], projectRoot);
  assert.equal(main.status, 0);
  assert.match(main.stdout, /^Usage: ld-manifest <command>/);
  assert.match(main.stdout, /^ {2}lint /m);
  assert.equal(runCli(['-h'], projectRoot).stdout, main.stdout);

  const lint = runCli(['lint', '--help'], projectRoot);
  assert.equal(lint.status, 0);
  assert.equal(lint.stderr, '');
  for (const expected of [/--format text\|json/, /--schema auto\|bundled\|PATH/, /--quiet/, /UTF-16/, /not JSON at all/, /JSON syntax errors/, /^ {2}2 {2}bad usage/m]) {
    assert.match(lint.stdout, expected);
  }
  // --help wins over everything else on the line, even without paths.
  assert.equal(runCli(['lint', '--format', 'json', '-h'], projectRoot).stdout, lint.stdout);
});

const badUsage: [string, string[], RegExp][] = [
  ['no command', [], /missing command/],
  ['unknown command', ['check', 'x.json'], /unknown command 'check'/],
  ['unknown global option', ['--frobnicate'], /unknown option '--frobnicate'/],
  ['unknown lint option', ['lint', '--fixx', 'x.json'], /unknown option '--fixx'/],
  ['unknown short option', ['lint', '-x', 'x.json'], /unknown option '-x'/],
  ['missing --format value at the end', ['lint', 'x.json', '--format'], /option '--format' needs a value/],
  ['missing --format value before another option', ['lint', '--format', '--quiet', 'x.json'], /option '--format' needs a value/],
  ['empty --schema= value', ['lint', '--schema=', 'x.json'], /option '--schema' needs a value/],
  ['bad --format value', ['lint', '--format', 'xml', 'x.json'], /--format must be one of 'text', 'json', 'sarif', 'github' or 'junit', not 'xml'/],
  ['value given to a flag', ['lint', '--quiet=yes', 'x.json'], /option '--quiet' takes no value/],
  ['no paths', ['lint'], /lint needs at least one PATH/],
  ['no paths, only options', ['lint', '--format', 'json'], /lint needs at least one PATH/],
];

for (const [name, args, expected] of badUsage) {
  test(`bad usage: ${name} exits 2 with one line`, (t) => {
    const folder = tempFolder(t);
    writeFiles(folder, integration('example'));
    assertUsageError(runCli(args, folder), expected);
  });
}

test('options may come before or after paths, and --format=json works like --format json', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, integration('example'));
  const a = runCli(['lint', '--format=json', 'integrations'], folder);
  const b = runCli(['lint', 'integrations', '--format', 'json'], folder);
  assert.equal(a.status, 0);
  assert.equal(a.stdout, '[]\n');
  assert.equal(b.stdout, a.stdout);
});

test('-- ends the options: a path that starts with a dash is linted', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, { '-odd.json': '{"name": 1}\n' });
  const run = runCli(['lint', '--format', 'json', '--', '-odd.json'], folder);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /"file": "-odd.json"/);
});

test('a manifest nested 500,000 levels deep is one json-too-deep problem, and the other files are still checked', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, { 'deep/manifest.json': '['.repeat(500_000), 'broken/manifest.json': '{ "name": 1 }' });
  const run = runCli(['lint', '--format', 'json', 'deep/manifest.json', 'broken/manifest.json'], folder);
  assertNoStackTrace(run);
  assert.equal(run.status, 1);
  const problems = JSON.parse(run.stdout) as { file: string; code: string; line: number; column: number }[];
  assert.deepEqual(problems.filter((p) => p.file.startsWith('deep')).map((p) => [p.code, p.line, p.column]), [['json-too-deep', 1, 129]]);
  assert.ok(problems.some((p) => p.file.startsWith('broken') && p.code === 'schema-wrong-type'));
});
