// `npm run release [-- VERSION]`: builds one release, the VS Code extension and the CLI's npm package
// with one version number, into dist/release-<version>/:
//   ld-manifest-tools-<version>.vsix   (npm run package)
//   ld-manifest-<version>.tgz          (npm run pack:cli)
// With VERSION, package.json and package-lock.json take that version first. CHANGELOG.md must have a
// `## <version>` section: a release says what changed. Publishing stays a manual step.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './bundleOptions.mjs';

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(2);
}

const requested = process.argv[2];
if (requested !== undefined && !SEMVER.test(requested)) fail(`${requested} is not a version like 1.2.3`);

const packagePath = join(root, 'package.json');
const project = JSON.parse(readFileSync(packagePath, 'utf8'));
const version = requested ?? project.version;

const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
if (!new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm').test(changelog)) {
  fail(`CHANGELOG.md has no "## ${version}" section; move the "Unreleased" notes under it first`);
}

if (version !== project.version) {
  // npm version rewrites package.json and package-lock.json alike, without a git commit or tag.
  execFileSync('npm', ['version', version, '--no-git-tag-version', '--allow-same-version'], { cwd: root, stdio: 'inherit' });
}

const run = (script) => execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
run('package');
run('pack:cli');

const out = join(root, 'dist', `release-${version}`);
mkdirSync(out, { recursive: true });
copyFileSync(join(root, 'dist', 'ld-manifest-tools.vsix'), join(out, `ld-manifest-tools-${version}.vsix`));
copyFileSync(join(root, 'dist', `ld-manifest-${version}.tgz`), join(out, `ld-manifest-${version}.tgz`));
writeFileSync(join(out, 'VERSION'), version + '\n');
console.log(`release ${version}: ${out}`);
