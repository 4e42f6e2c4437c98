// The pre-commit hook (.pre-commit-hooks.yaml): its `files` pattern picks the staged integration
// manifests, its `entry` lints them (run here the way pre-commit runs it, with the staged file names
// as arguments), and `npm pack` of this repository, which pre-commit installs, holds the CLI the
// hook's `ld-manifest` names (a dry run: nothing is built or written).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, commitAll, git, integration, projectRoot, tempFolder, validManifest, writeFiles } from './cliHarness';

const hooks = readFileSync(join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8');
/** One top-level scalar of the hook's YAML entry (the file holds one hook, one `key: value` a line). */
const field = (name: string) => new RegExp(`^(?:- |  )${name}: (.*)$`, 'm').exec(hooks)?.[1];

test('the hook is a node hook whose entry is ld-manifest lint', () => {
  assert.equal(field('id'), 'ld-manifest');
  assert.equal(field('language'), 'node');
  assert.equal(field('entry'), 'ld-manifest lint');
  const bin = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
  assert.equal(bin['ld-manifest'], './dist/cli.js');
});

test('files: the integration manifests, nothing else', () => {
  const files = new RegExp(field('files')!);
  for (const path of ['integrations/acme/manifest.json', 'repo/integrations/acme/manifest.json']) assert.ok(files.test(path), path);
  for (const path of ['manifest.json', 'integrations/acme/other.json', 'integrations/acme/sample-responses/manifest.json.bak', 'package.json']) {
    assert.ok(!files.test(path), path);
  }
});

test('run as pre-commit runs it: the staged manifests fail the commit, the others are not read', (t) => {
  const folder = tempFolder(t);
  const broken = JSON.stringify({ ...validManifest, overview: 'No full stop' }, null, 2);
  writeFiles(folder, { ...integration('staged'), ...integration('unstaged') });
  commitAll(folder, 'two integrations');
  const runHook = () => {
    const files = new RegExp(field('files')!);
    const staged = git(folder, 'diff', '--cached', '--name-only', '-z').split('\0').filter((f) => files.test(f));
    if (staged.length === 0) return undefined; // pre-commit skips a hook with no files
    const [command, ...args] = field('entry')!.split(' ');
    assert.equal(command, 'ld-manifest');
    return spawnSync(process.execPath, [cliPath, ...args, ...staged], { cwd: folder, encoding: 'utf8' });
  };
  writeFileSync(join(folder, 'integrations/unstaged/manifest.json'), broken);
  assert.equal(runHook(), undefined);
  writeFileSync(join(folder, 'integrations/staged/manifest.json'), broken);
  git(folder, 'add', 'integrations/staged/manifest.json');
  const failed = runHook()!;
  assert.equal(failed.status, 1);
  assert.match(failed.stdout, /^integrations\/staged\/manifest\.json:\d+:\d+: error overview-full-stop /);
  assert.match(failed.stdout, / in 1 of 1 manifest\n$/);
});

test('npm pack of this repository holds the bundled CLI and no sources', () => {
  const dryRun = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  assert.equal(dryRun.status, 0, dryRun.stderr);
  const files = (JSON.parse(dryRun.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
  assert.deepEqual(files, ['LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
});
