// The fast strict-JSON parser must build exactly jsonc-parser's tree, and give up on anything that
// jsonc-parser would report an error for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseStrictTree } from '../../server/src/engine/strictTree';
import { corpusRoot, manifestText, validManifest } from '../support/manifests';
import { scaledManifest } from '../support/scaledManifest';

/** A tree as plain data, parents checked and dropped. */
function plain(node: Node | undefined, parent?: Node): unknown {
  if (!node) return undefined;
  assert.equal(node.parent, parent, 'parent links');
  const { parent: _parent, children, ...rest } = node;
  return { ...rest, ...(children ? { children: children.map((c) => plain(c, node)) } : {}) };
}

function jsonc(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return { root, errors };
}

function assertSameTree(text: string, label: string): void {
  const strict = parseStrictTree(text);
  const reference = jsonc(text);
  if (strict === undefined) {
    return;
  }
  assert.deepEqual(reference.errors, [], `${label}: the strict parser accepted what jsonc-parser reports`);
  assert.deepEqual(plain(strict), plain(reference.root), label);
}

test('the same tree as jsonc-parser on written manifests, odd values and formatting', () => {
  const texts = [
    manifestText(validManifest()),
    JSON.stringify(validManifest()),
    manifestText(scaledManifest(30), '\r\n'),
    '{"a": [1, -0, 2.5e-3, 1E+9, true, false, null, "é\\u00e9\\n\\"\\\\"], "b": {}, "c": [], "d": [[]], "e": {"f": {}}}',
    '  [ ]  ',
    '"just a string"',
    '0',
  ];
  for (const [i, text] of texts.entries()) {
    assert.ok(parseStrictTree(text), `text #${i} is strict JSON`);
    assertSameTree(text, `text #${i}`);
  }
});

test('gives up on what strict JSON does not allow', () => {
  for (const text of ['', '{', '{"a": 1,}', '[1,]', '{"a" 1}', '// c\n{}', '{"a": 01}', '{"a": "\t"}', '{"a": tru}', '{} {}', '{"a": "\\x"}', '[1 2]', '{"a":1 "b":2}', "{'a': 1}"]) {
    assert.equal(parseStrictTree(text), undefined, JSON.stringify(text));
  }
});

test('every corpus manifest, and every one-character deletion of one: the same tree or a fall back', (t) => {
  const root = corpusRoot();
  if (!root) return t.skip('no corpus at ../shared/corpus on this machine');
  const keys = readdirSync(join(root, 'integrations')).filter((k) => !k.startsWith('.'));
  for (const key of keys) {
    const text = readFileSync(join(root, 'integrations', key, 'manifest.json'), 'utf8');
    assert.ok(parseStrictTree(text), `${key} is strict JSON`);
    assertSameTree(text, key);
  }
  // Deletions at every 7th character of one manifest: broken documents as an author makes them.
  const text = readFileSync(join(root, 'integrations', keys[0], 'manifest.json'), 'utf8');
  for (let at = 0; at < text.length; at += 7) assertSameTree(text.slice(0, at) + text.slice(at + 1), `${keys[0]} without character ${at}`);
});
