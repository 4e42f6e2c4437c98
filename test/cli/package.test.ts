// The CLI's npm package (npm run pack:cli): the tarball holds only the bundled CLI, its schema, the
// README, the licence and the changelog, declares no dependency, installs into a fresh prefix without
// the registry (--offline, an empty cache), and the installed `ld-manifest` lints the examples and
// the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './cliHarness';
import { corpusRoot } from '../support/manifests';

const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 180_000 });
  if (result.error) throw result.error;
  return result;
}

test('the packed CLI installs offline into a fresh prefix and lints the examples and the corpus', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'ld-manifest-package-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));

  const packed = run(process.execPath, [join(projectRoot, 'scripts/pack-cli.mjs'), '--out', folder], projectRoot);
  assert.equal(packed.status, 0, packed.stderr);
  const tarball = join(folder, `ld-manifest-${version}.tgz`);
  assert.ok(existsSync(tarball), `${tarball} written; got ${readdirSync(folder).join(', ')}`);

  const listing = run('tar', ['-tzf', tarball], folder);
  assert.deepEqual(listing.stdout.split('\n').filter((l) => l !== '').sort(), [
    'package/CHANGELOG.md',
    'package/LICENSE',
    'package/README.md',
    'package/cli.js',
    'package/package.json',
    'package/schemas/manifest.schema.json',
  ]);
  // The package ships no image, so its README (npm's package page) names none but links out.
  const readme = run('tar', ['-xzOf', tarball, 'package/README.md'], folder).stdout;
  assert.ok(readme.includes('## Command-line linter'), 'the README is the project\'s');
  assert.deepEqual([...readme.matchAll(/!\[[^\]\n]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target!)), []);
  const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], folder).stdout);
  assert.equal(manifest.name, 'ld-manifest');
  assert.equal(manifest.version, version, 'the version of the project, as the .vsix');
  assert.deepEqual(manifest.bin, { 'ld-manifest': 'cli.js' });
  for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts']) assert.equal(manifest[key], undefined, key);

  const prefix = join(folder, 'prefix');
  const started = process.hrtime.bigint();
  // An empty cache and --offline: the install cannot reach the registry, and needs not.
  const installed = run('npm', ['install', '-g', '--prefix', prefix, '--cache', join(folder, 'cache'), '--offline', '--no-audit', '--no-fund', tarball], folder);
  assert.equal(installed.status, 0, installed.stderr);
  t.diagnostic(`tarball ${(readFileSync(tarball).length / 1024).toFixed(0)} KiB; offline install ${Number(process.hrtime.bigint() - started) / 1e6} ms`);

  const bin = join(prefix, 'bin', 'ld-manifest');
  // A clean environment: no NODE_PATH or project node_modules to lean on.
  const env = { PATH: process.env.PATH, HOME: folder };
  const versionRun = run(bin, ['--version'], folder, env);
  assert.equal(versionRun.stdout, `${version}\n`);
  const examples = run(bin, ['lint', 'integrations'], join(projectRoot, 'examples'), env);
  assert.equal(examples.stdout, 'No problems in 2 manifests\n');
  assert.equal(examples.status, 0);

  const corpus = corpusRoot();
  if (corpus && existsSync(join(corpus, 'integrations'))) {
    const linted = run(bin, ['lint', '--quiet', '--format', 'sarif', 'integrations'], corpus, env);
    assert.equal(linted.status, 0, linted.stderr);
    assert.deepEqual(JSON.parse(linted.stdout).runs[0].results, []);
    const text = run(bin, ['lint', '--quiet', 'integrations'], corpus, env);
    assert.equal(text.stdout, 'No problems in 129 manifests\n');
  } else {
    t.diagnostic('corpus not found (../shared/corpus); the installed CLI was run on the examples only');
  }
});
