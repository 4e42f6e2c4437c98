// The glob expander on its own (the end-to-end glob cases are in inputs.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandGlob, hasGlobMagic, segmentRegExp } from '../../server/src/cli/glob';

test('segmentRegExp: * and ? stay within a name, other characters are literal', () => {
  const matches = (segment: string, name: string) => segmentRegExp(segment).test(name);
  assert.ok(matches('*.json', 'manifest.json'));
  assert.ok(!matches('*.json', 'manifest.jsonc'));
  assert.ok(!matches('*.json', 'manifestXjson'), 'the dot is literal');
  assert.ok(matches('manifest.???n', 'manifest.json'));
  assert.ok(!matches('manifest.??n', 'manifest.json'));
  assert.ok(matches('?', '😀'), '? is one character, even outside the BMP');
  assert.ok(matches('a+(b)[c]', 'a+(b)[c]'), 'regular-expression characters are literal');
  assert.ok(!matches('*', '.hidden'), 'wildcards do not match hidden names');
  assert.ok(!matches('?hidden', '.hidden'));
  assert.ok(matches('.*', '.hidden'), 'a segment starting with a dot does');
  assert.ok(hasGlobMagic('a/*/b') && hasGlobMagic('?') && !hasGlobMagic('integrations/x/manifest.json'));
});

test('expandGlob: relative and absolute patterns, ** across folders, no node_modules, no link loops', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'ld-manifest-glob-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const folder of ['a/b/c', 'a/node_modules/m', 'a/.git', 'x']) mkdirSync(join(root, folder), { recursive: true });
  for (const file of ['a/1.json', 'a/b/2.json', 'a/b/c/3.json', 'a/node_modules/m/4.json', 'a/.git/5.json', 'x/6.txt']) {
    writeFileSync(join(root, file), '{}');
  }
  symlinkSync(join(root, 'a'), join(root, 'a/b/loop'), 'dir');

  assert.deepEqual(expandGlob('a/**/*.json', root), ['a/1.json', 'a/b/2.json', 'a/b/c/3.json']);
  assert.deepEqual(expandGlob('**/3.json', root), ['a/b/c/3.json']);
  assert.deepEqual(expandGlob('a/*', root), ['a/1.json', 'a/b'], 'wildcards match neither node_modules nor dot-names');
  assert.deepEqual(expandGlob('a/node_*/*/*.json', root), []);
  assert.deepEqual(expandGlob('a/*/?.json', root), ['a/b/2.json']);
  assert.deepEqual(expandGlob('./a/b/*.json', root), ['./a/b/2.json']);
  assert.deepEqual(expandGlob('a/node_modules/*/*.json', root), ['a/node_modules/m/4.json'], 'named explicitly, node_modules is searched');
  assert.deepEqual(expandGlob(`${root}/x/*`, '/'), [`${root}/x/6.txt`]);
  assert.deepEqual(expandGlob('a/b/loop/*.json', root), ['a/b/loop/1.json'], 'a name may pass through a link');
  assert.deepEqual(expandGlob('nothing/*', root), []);
});
