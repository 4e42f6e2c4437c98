// `npm run pack:cli`: the command-line linter as an npm package of its own, `ld-manifest`, written
// to dist/ld-manifest-<version>.tgz (or the folder given with --out DIR). The package holds the CLI
// bundled into one file with every dependency inside (so it installs without the registry), the
// bundled schema, the README and the licence; its package.json is written here, with the project's
// version, so that the .vsix and the tarball of one release carry one version number.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cliBuildOptions, generateValidator, root } from './bundleOptions.mjs';
import { readmeWithShippedImages } from './readmeImages.mjs';

/** Free on the npm registry when chosen (`npm view ld-manifest` answered 404); the name of the command too. */
export const CLI_PACKAGE_NAME = 'ld-manifest';

const outIndex = process.argv.indexOf('--out');
const outDir = resolve(outIndex >= 0 ? process.argv[outIndex + 1] : join(root, 'dist'));
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const stage = mkdtempSync(join(tmpdir(), 'ld-manifest-pack-'));
try {
  generateValidator();
  await esbuild.build(cliBuildOptions(true, stage));
  chmodSync(join(stage, 'cli.js'), 0o755);
  mkdirSync(join(stage, 'schemas'));
  copyFileSync(join(root, 'schemas/manifest.schema.json'), join(stage, 'schemas/manifest.schema.json'));
  // The npm package ships no image: the README's screenshots show as their descriptions there.
  writeFileSync(join(stage, 'README.md'), readmeWithShippedImages(readFileSync(join(root, 'README.md'), 'utf8'), () => false).text);
  copyFileSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
  copyFileSync(join(root, 'CHANGELOG.md'), join(stage, 'CHANGELOG.md'));
  const manifest = {
    name: CLI_PACKAGE_NAME,
    version: project.version,
    description: 'Lints LaunchDarkly integration manifests (integrations/<key>/manifest.json) in CI: schema, templates, JSON pointers and the integration framework\'s rules; text, JSON, SARIF, GitHub annotations and JUnit reports.',
    keywords: ['launchdarkly', 'integration', 'manifest', 'lint', 'linter', 'sarif'],
    license: project.license,
    bin: { [CLI_PACKAGE_NAME]: 'cli.js' },
    files: ['cli.js', 'schemas/manifest.schema.json', 'CHANGELOG.md'],
    engines: { node: project.engines.node },
  };
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  mkdirSync(outDir, { recursive: true });
  // npm pack of a folder without dependencies never reaches the registry.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8' }))[0];
  const tarball = join(outDir, packed.filename);
  console.log(`${tarball}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
