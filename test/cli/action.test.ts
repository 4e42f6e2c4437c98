// The GitHub Action's lint script (scripts/action/lint.mjs), run locally the way action.yml runs it,
// on a fixture repository: annotations or a SARIF file, the step outputs, --changed; and action.yml
// passes exactly the inputs the script reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, commitAll, integration, projectRoot, tempFolder, validManifest, writeFiles } from './cliHarness';

const script = join(projectRoot, 'scripts/action/lint.mjs');
const actionYml = readFileSync(join(projectRoot, 'action.yml'), 'utf8');

function fixtureRepository(t: { after(fn: () => void): void }): string {
  const folder = tempFolder(t);
  const broken = JSON.stringify({ ...validManifest, version: 1 }, null, 2).replace('"name"', '"name": "x",\n  "name"');
  writeFiles(folder, { ...integration('clean'), ...integration('broken', broken) });
  commitAll(folder, 'fixture');
  return folder;
}

function runAction(cwd: string, inputs: Record<string, string>) {
  const outputFile = join(cwd, '.github-output');
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LD_MANIFEST_CLI: cliPath, GITHUB_OUTPUT: outputFile };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const result = spawnSync(process.execPath, [script], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
}

test('action.yml passes every input the script reads, and runs scripts that exist', () => {
  assert.match(actionYml, /^\s+using: composite$/m);
  for (const input of ['paths', 'format', 'sarif-file', 'changed-since', 'config', 'max-warnings']) {
    assert.match(actionYml, new RegExp(`^  ${input}:$`, 'm'), `input ${input} declared`);
    assert.ok(actionYml.includes(`INPUT_${input.toUpperCase().replace(/-/g, '_')}: \${{ inputs.${input} }}`), `input ${input} passed to the script`);
  }
  for (const [, path] of actionYml.matchAll(/\$GITHUB_ACTION_PATH\/([\w./-]+)/g)) assert.ok(existsSync(join(projectRoot, path!)), path);
});

test('format github: annotations in the log, exit-code output 1, the step itself succeeds', (t) => {
  const repo = fixtureRepository(t);
  const run = runAction(repo, { paths: 'integrations', format: 'github' });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n').filter((l) => l !== '');
  assert.deepEqual(lines.map((l) => l.slice(0, l.indexOf(' '))).sort(), ['::error', '::warning']);
  for (const line of lines) assert.match(line, /^::\w+ file=integrations\/broken\/manifest\.json,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/);
  assert.deepEqual(run.outputs, { 'exit-code': '1' });
});

test('format sarif: the report file and its path as an output', (t) => {
  const repo = fixtureRepository(t);
  const run = runAction(repo, { format: 'sarif', 'sarif-file': 'out.sarif', 'max-warnings': '0' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'ld-manifest: 2 results written to out.sarif\n');
  assert.deepEqual(run.outputs, { 'exit-code': '1', 'sarif-file': 'out.sarif' });
  const log = JSON.parse(readFileSync(join(repo, 'out.sarif'), 'utf8'));
  assert.equal(log.version, '2.1.0');
});

test('changed-since: only what changed is annotated; a clean change gives exit-code 0', (t) => {
  const repo = fixtureRepository(t);
  writeFileSync(join(repo, 'integrations/clean/manifest.json'), JSON.stringify({ ...validManifest, name: 7 }, null, 2));
  const run = runAction(repo, { paths: 'integrations', 'changed-since': 'HEAD' });
  assert.deepEqual(run.stdout.split('\n').filter((l) => l !== '').map((l) => l.split(',')[0]), ['::error file=integrations/clean/manifest.json']);
  writeFileSync(join(repo, 'integrations/clean/manifest.json'), JSON.stringify(validManifest, null, 4));
  const clean = runAction(repo, { paths: 'integrations', 'changed-since': 'HEAD' });
  assert.equal(clean.stdout, '');
  assert.deepEqual(clean.outputs, { 'exit-code': '0' });
});

test('a bad input fails the step with an annotation', (t) => {
  const repo = fixtureRepository(t);
  const run = runAction(repo, { format: 'xml' });
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '::error title=ld-manifest action::the format input must be github or sarif, not xml\n');
  const usage = runAction(repo, { paths: 'no-such-folder' });
  assert.equal(usage.status, 0);
  assert.deepEqual(usage.outputs, { 'exit-code': '2' });
  assert.match(usage.stderr, /^ld-manifest: no such file or folder: no-such-folder\n$/);
});
