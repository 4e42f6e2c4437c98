// What the marketplaces (VS Code's and Open VSX) read from the package: the manifest fields, an icon
// that is a 128×128 PNG shipped in the .vsix, a licence file, and a README that leads with the features.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/manifests';

const root = repoRoot();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

test('the fields both marketplaces need are set', () => {
  for (const field of ['name', 'displayName', 'description', 'version', 'publisher', 'license', 'icon', 'categories', 'keywords']) {
    assert.ok(manifest[field], `package.json has no ${field}`);
  }
  assert.match(String((manifest.engines as Record<string, string>).vscode), /^\^1\.\d+\.\d+$/);
  assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /MIT License/);
});

test('the icon is a 128×128 PNG and the .vsix ships it', () => {
  const png = readFileSync(join(root, String(manifest.icon)));
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  const shipped = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(shipped.includes(`!${String(manifest.icon)}`), '.vscodeignore leaves the icon out');
});

test('the README leads with what the extension does, with a picture, before the development notes', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  assert.equal(headings[0], 'What it does');
  assert.ok(readme.indexOf('![') < readme.indexOf('## What it does'), 'a picture before the features');
  assert.ok(headings.indexOf('Quick start (a fresh clone)') > headings.indexOf('Diagnostic codes'));
});
