import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { hover } from '../../server/src/engine/hover';
import { bundledSchemaContext } from '../../server/src/engine/schema/schemaContext';
import { manifestText, positionOf, rangeOfText, validManifest } from '../support/manifests';

const schema = bundledSchemaContext().schema;
const text = manifestText(validManifest());
const doc = parseManifest('file:///m/manifest.json', text);
const markdown = (h: ReturnType<typeof hover>) => (h!.contents as MarkupContent).value;

test('hover on a key shows its title, description, constraints and that it is required', () => {
  const h = hover(doc, positionOf(text, '"overview"', 0, 2), schema);
  assert.deepEqual(h!.range, rangeOfText(text, '"overview"'));
  const value = markdown(h);
  assert.match(value, /\(required\)/);
  assert.match(value, /Type: `string`/);
  assert.match(value, /10–100 characters/);
});

test('hover on an enum value explains that value; on the key it lists all values', () => {
  const onValue = markdown(hover(doc, positionOf(text, '"PUT"', 0, 2), schema));
  assert.match(onValue, /PUT/);
  const onKey = markdown(hover(doc, positionOf(text, '"method"', 1, 2), schema));
  for (const method of ['POST', 'PUT', 'PATCH', 'GET', 'DELETE']) assert.match(onKey, new RegExp(method));
});

test('hover works in a document that does not parse, and is null where there is nothing to say', () => {
  const broken = '{\n  "supportEmail": "a@b.c",\n  "links": { "site": ';
  const brokenDoc = parseManifest('file:///m/manifest.json', broken);
  assert.match(markdown(hover(brokenDoc, positionOf(broken, 'supportEmail', 0, 2), schema)), /email/i);
  assert.equal(hover(parseManifest('file:///m/manifest.json', ''), { line: 0, character: 0 }, schema), null);
  assert.equal(hover(doc, { line: 0, character: 0 }, schema), null);
});
