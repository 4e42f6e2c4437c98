// Per-code severities on the command line: the --severity flag and .ld-manifest.json at the repository root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertUsageError, integration, parseJsonReport, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';

// An overview without a full stop: an error by default (overview-full-stop).
const noFullStop = JSON.stringify({ ...validManifest, overview: 'An example integration for tests' }, null, 2);

test('by default the rule is an error: exit 1', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, integration('example', noFullStop));
  const run = runCli(['lint', '--format', 'json', 'integrations'], folder);
  assert.equal(run.status, 1);
  assert.deepEqual(parseJsonReport(run).map((p) => `${p.severity} ${p.code}`), ['error overview-full-stop']);
});

test('--severity changes a severity or turns a rule off, and may be repeated', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, integration('example', noFullStop));
  const warned = runCli(['lint', '--format', 'json', '--severity', 'overview-full-stop=warning', 'integrations'], folder);
  assert.equal(warned.status, 0);
  assert.deepEqual(parseJsonReport(warned).map((p) => `${p.severity} ${p.code}`), ['warning overview-full-stop']);
  const off = runCli(['lint', '--format', 'json', '--severity', 'icon-missing=hint', '--severity', 'overview-full-stop=off', 'integrations'], folder);
  assert.equal(off.status, 0);
  assert.deepEqual(parseJsonReport(off), []);
});

test('.ld-manifest.json at the repository root sets severities; the flag wins over it', (t) => {
  const folder = tempFolder(t);
  mkdirSync(join(folder, '.git'));
  writeFiles(folder, { ...integration('example', noFullStop), '.ld-manifest.json': JSON.stringify({ severity: { 'overview-full-stop': 'hint' } }) });
  // Run from a folder below the root: the file is found at the root, not in the working directory.
  const fromFile = runCli(['lint', '--format', 'json', '.'], join(folder, 'integrations'));
  assert.equal(fromFile.status, 0, fromFile.stderr);
  assert.deepEqual(parseJsonReport(fromFile).map((p) => `${p.severity} ${p.code}`), ['hint overview-full-stop']);
  const flagWins = runCli(['lint', '--format', 'json', '--severity', 'overview-full-stop=error', '.'], join(folder, 'integrations'));
  assert.equal(flagWins.status, 1);
});

test('unknown codes and levels are reported, with the nearest name, as bad usage', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, integration('example', noFullStop));
  assertUsageError(runCli(['lint', '--severity', 'overview-fullstop=off', 'integrations'], folder), /"overview-fullstop" is not a diagnostic code; did you mean "overview-full-stop"\?/);
  assertUsageError(runCli(['lint', '--severity', 'overview-full-stop=warn', 'integrations'], folder), /did you mean "warning"\?/);
  assertUsageError(runCli(['lint', '--severity', 'overview-full-stop', 'integrations'], folder), /expected code=level/);
  writeFiles(folder, { '.ld-manifest.json': JSON.stringify({ severity: { 'no-such-code': 'off' } }) });
  mkdirSync(join(folder, '.git'));
  assertUsageError(runCli(['lint', 'integrations'], folder), /\.ld-manifest\.json.*"no-such-code" is not a diagnostic code/);
});
