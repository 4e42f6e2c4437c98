// --format github: one workflow command per problem, checked line by line against the JSON report,
// with the escaping GitHub's toolkit applies (message: %, CR, LF; properties also : and ,).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/githubFormat';
import { integration, parseJsonReport, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';

test('escaping: data escapes %, CR and LF; properties also : and ,', () => {
  assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext%3A a%2C b');
  // % first, so that an escape is never escaped again.
  assert.equal(escapeData('%0A'), '%250A');
});

test('one command per problem: error, warning and notice, with the JSON report\'s positions', (t) => {
  const folder = tempFolder(t);
  mkdirSync(join(folder, '.git'));
  const manifest = { ...validManifest, name: 5, overview: 'No full stop' };
  // A duplicate key for a warning, a wrong type for an error, the overview rule made a hint.
  const text = JSON.stringify(manifest, null, 2).replace('"name"', '"name": "Again",\n  "name"');
  writeFiles(folder, integration('example', text));
  const args = ['--severity', 'overview-full-stop=hint', '.'];
  const cwd = join(folder, 'integrations');
  const problems = parseJsonReport(runCli(['lint', '--format', 'json', ...args], cwd));
  assert.deepEqual(problems.map((p) => p.severity).sort(), ['error', 'hint', 'warning']);
  const run = runCli(['lint', '--format', 'github', ...args], cwd);
  assert.equal(run.status, 1);
  assert.equal(run.stderr, '');
  const lines = run.stdout.split('\n');
  assert.equal(lines.pop(), '', 'ends with a newline');
  assert.equal(lines.length, problems.length);
  const commands = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;
  lines.forEach((line, i) => {
    const p = problems[i]!;
    // The file is relative to the repository root, not to the working directory.
    const expected = `::${commands[p.severity as keyof typeof commands]} file=integrations/example/manifest.json,line=${p.line},col=${p.column},endLine=${p.endLine},endColumn=${p.endColumn},title=${p.code}::${escapeData(p.message)}`;
    assert.equal(line, expected);
  });
});

test('a path and a message with %, : and , stay on one line and come back intact', (t) => {
  const folder = tempFolder(t);
  // The key quoted in the message holds a CR, an LF (which messages quote as \u escapes), a % and a
  // colon; the folder name a comma, a colon and a %.
  const text = JSON.stringify({ ...validManifest, 'odd%key:\r\nx': 1 }, null, 2);
  writeFiles(folder, { 'integrations/we,ird:100%/manifest.json': text });
  const problems = parseJsonReport(runCli(['lint', '--format', 'json', 'integrations'], folder));
  const unknownKey = problems.find((p) => p.code === 'schema-unknown-key')!;
  assert.match(unknownKey.message, /%/);
  const run = runCli(['lint', '--format', 'github', 'integrations'], folder);
  const lines = run.stdout.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, problems.length, 'no line break leaks out of a command');
  const line = lines.find((l) => l.includes('title=schema-unknown-key'))!;
  const match = /^::error file=([^,]*),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]*)::(.*)$/.exec(line);
  assert.ok(match, line);
  assert.equal(match[1], 'integrations/we%2Cird%3A100%25/manifest.json');
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  assert.equal(unescape(match[1]!), 'integrations/we,ird:100%/manifest.json');
  assert.equal(unescape(match[7]!), unknownKey.message);
});
