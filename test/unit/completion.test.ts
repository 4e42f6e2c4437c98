import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { completion } from '../../server/src/engine/completion';
import { bundledSchemaContext } from '../../server/src/engine/schema/schemaContext';
import { positionOf } from '../support/manifests';

const schema = bundledSchemaContext().schema;

function complete(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const doc = parseManifest('file:///m/manifest.json', text);
  return { text, items: completion(doc, doc.text.positionAt(offset), schema).items };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;

describe('key completion', () => {
  test('offers the keys not yet present, required ones first', () => {
    const { items } = complete('{\n  "name": "x",\n  |\n}');
    const keys = items.filter((i) => i.kind === 10).map((i) => i.label);
    assert.ok(!keys.includes('name'), 'present key left out');
    for (const key of ['version', 'capabilities', 'formVariables']) assert.ok(keys.includes(key), key);
    const sorted = [...items].filter((i) => i.kind === 10).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0].sortText!.startsWith('0_'), true);
    assert.ok(sorted.findIndex((i) => i.label === 'version') < sorted.findIndex((i) => i.label === 'capabilities'), 'required before optional');
  });

  test('replaces the key being typed, quotes included, and leaves out capabilities already present', () => {
    const { text, items } = complete('{\n  "capabilities": {\n    "trigger": {},\n    "feat|"\n  }\n}');
    const item = items.find((i) => i.label === 'featureStore' && i.kind === 10)!;
    const start = positionOf(text, '"feat"');
    assert.deepEqual(edit(item).range, { start, end: { line: start.line, character: start.character + 6 } });
    assert.equal(edit(item).newText, '"featureStore": {$1}');
    assert.ok(!labels(items).includes('trigger'), 'present capability left out');
  });

  test('adds a comma when another entry follows', () => {
    const { items } = complete('{\n  "capabilities": {\n    "feat|"\n    "trigger": {}\n  }\n}');
    const item = items.find((i) => i.label === 'featureStore' && i.kind === 10)!;
    assert.equal(edit(item).newText, '"featureStore": {$1},');
  });

  test('offers the capability skeleton snippets from the schema', () => {
    const { items } = complete('{\n  "capabilities": {\n    |\n  }\n}');
    const snippet = items.find((i) => i.kind === 15 && String(i.label).startsWith('featureStore'));
    assert.ok(snippet, 'a featureStore snippet is offered');
    const body = edit(snippet).newText;
    for (const part of ['"formVariables"', '"validationRequest"', '"featureStoreRequest"', '"endpoint"', '"headers"', '_featureStoreKey']) {
      assert.ok(body.includes(part), `snippet has ${part}`);
    }
  });

  test('works in a document that does not parse', () => {
    const { items } = complete('{\n  "links": {\n    "si|\n');
    assert.ok(labels(items).includes('site'));
  });
});

describe('value completion', () => {
  test('offers enum values and replaces the value being typed', () => {
    const { text, items } = complete('{"capabilities": {"featureStore": {"featureStoreRequest": {"endpoint": {"method": "PA|"}}}}}');
    assert.deepEqual(labels(items).sort(), ['"DELETE"', '"GET"', '"PATCH"', '"POST"', '"PUT"']);
    const start = positionOf(text, '"PA"');
    assert.deepEqual(edit(items[0]).range, { start, end: { line: 0, character: start.character + 4 } });
  });

  test('leaves out categories already listed, as they must be unique', () => {
    const { items } = complete('{"categories": ["data", |]}');
    assert.ok(!labels(items).includes('"data"'));
    assert.ok(labels(items).includes('"monitoring"'));
  });

  test('offers booleans', () => {
    const { items } = complete('{"requiresOAuth": |}');
    assert.deepEqual(labels(items).sort(), ['false', 'true']);
  });

  test('offers nothing after a finished value', () => {
    const { items } = complete('{"name": "x" |}');
    assert.deepEqual(items, []);
  });
});
