import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import { parseManifest, type ManifestDocument } from '../../server/src/engine/manifestDocument';
import { selectionRanges } from '../../server/src/engine/selectionRanges';

const CORPUS = process.env.LD_MANIFEST_CORPUS ?? '/work/shared/corpus/integration-framework/integrations';

function flatten(selection: SelectionRange): Range[] {
  const ranges: Range[] = [];
  for (let s: SelectionRange | undefined = selection; s; s = s.parent) ranges.push(s.range);
  return ranges;
}

/** The ranges offered at `position`, innermost first, as [startLine, startChar, endLine, endChar]. */
function rangesAt(doc: ManifestDocument, position: Position): number[][] {
  const [selection] = selectionRanges(doc, [position]);
  return flatten(selection!).map((r) => [r.start.line, r.start.character, r.end.line, r.end.character]);
}

/** The same ranges as the text they select. */
function textsAt(doc: ManifestDocument, position: Position): string[] {
  const [selection] = selectionRanges(doc, [position]);
  return flatten(selection!).map((r) => doc.text.getText(r));
}

/** The position of the `|` marker in `marked`, and the document without it. */
function docWithCaret(marked: string): { doc: ManifestDocument; caret: Position } {
  const offset = marked.indexOf('|');
  const doc = parseManifest('file:///m/manifest.json', marked.slice(0, offset) + marked.slice(offset + 1));
  return { doc, caret: doc.text.positionAt(offset) };
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

describe('selectionRanges', () => {
  test('grows from string contents to the string, the property, the object', () => {
    const { doc, caret } = docWithCaret('{"name": "Ver|cel", "version": "1.0.0"}');
    assert.deepEqual(textsAt(doc, caret), [
      'Vercel',
      '"Vercel"',
      '"name": "Vercel"',
      '"name": "Vercel",',
      '"name": "Vercel", "version": "1.0.0"',
      '{"name": "Vercel", "version": "1.0.0"}',
    ]);
    assert.deepEqual(rangesAt(doc, caret), [
      [0, 10, 0, 16],
      [0, 9, 0, 17],
      [0, 1, 0, 17],
      [0, 1, 0, 18],
      [0, 1, 0, 37],
      [0, 0, 0, 38],
    ]);
  });

  test('starts from a key when the caret is in the key', () => {
    const { doc, caret } = docWithCaret('{"a": 1, "ke|y": true}');
    assert.deepEqual(textsAt(doc, caret), ['key', '"key"', '"key": true', '"a": 1, "key": true', '{"a": 1, "key": true}']);
  });

  test('offers an array item with and without its comma, across CRLF lines', () => {
    const { doc, caret } = docWithCaret('{\r\n  "categories": [\r\n    "a|i",\r\n    "data"\r\n  ]\r\n}');
    assert.deepEqual(rangesAt(doc, caret), [
      [2, 5, 2, 7], // ai
      [2, 4, 2, 8], // "ai"
      [2, 4, 2, 9], // "ai",
      [1, 17, 4, 2], // the array's contents, from after `[` to before `]`
      [1, 16, 4, 3], // the array
      [1, 2, 4, 3], // the property
      [0, 1, 5, 0], // the object's contents
      [0, 0, 5, 1], // the object
    ]);
  });

  test('counts UTF-16 code units after non-ASCII text and surrogate pairs', () => {
    const { doc, caret } = docWithCaret('{"é😀": "😀é|x", "b": 1}');
    // "😀" is two code units: the value's opening quote is at character 8, not 7.
    assert.deepEqual(rangesAt(doc, caret).slice(0, 3), [
      [0, 9, 0, 13],
      [0, 8, 0, 14],
      [0, 1, 0, 14],
    ]);
  });

  test('keeps positions after a byte order mark', () => {
    const { doc, caret } = docWithCaret('\uFEFF{"a":\t|1}');
    assert.deepEqual(rangesAt(doc, caret), [
      [0, 7, 0, 8], // 1
      [0, 2, 0, 8], // "a":\t1, which is also the object's contents
      [0, 1, 0, 9], // the object
    ]);
  });

  test('selects all of an unterminated string, which has no closing quote to leave out', () => {
    const { doc, caret } = docWithCaret('{"a": "ab|c\n}');
    assert.deepEqual(textsAt(doc, caret).slice(0, 2), ['abc', '"abc']);
    const escaped = docWithCaret('{"a": "ab|\\"\n}');
    assert.deepEqual(textsAt(escaped.doc, escaped.caret).slice(0, 2), ['ab\\"', '"ab\\"']);
  });

  test('selects within an unclosed object', () => {
    const { doc, caret } = docWithCaret('{"links": {"site": |1');
    assert.deepEqual(textsAt(doc, caret), ['1', '"site": 1', '{"site": 1', '"links": {"site": 1', '{"links": {"site": 1']);
    // The last `}` belongs to the inner object, so the outer object's contents run to the end.
    const outer = docWithCaret('{"a": 1, | "b": {}');
    assert.deepEqual(textsAt(outer.doc, outer.caret), ['"a": 1,  "b": {}', '{"a": 1,  "b": {}']);
  });

  test('offers an empty range where there is no node', () => {
    const { doc, caret } = docWithCaret('{"a": 1}\n|');
    assert.deepEqual(selectionRanges(doc, [caret]), [{ range: { start: caret, end: caret } }]);
    const empty = parseManifest('file:///m/manifest.json', '');
    assert.deepEqual(rangesAt(empty, { line: 0, character: 0 }), [[0, 0, 0, 0]]);
  });

  test('answers every position, in order', () => {
    const doc = parseManifest('file:///m/manifest.json', '{"a": 1, "b": 2}');
    const answers = selectionRanges(doc, [
      { line: 0, character: 14 },
      { line: 0, character: 6 },
    ]);
    assert.deepEqual(
      answers.map((s) => doc.text.getText(s.range)),
      ['2', '1'],
    );
  });

  test('every range contains the one before it, everywhere in broken documents', () => {
    const broken = ['{"a":}', '{ "a": [1, }', '{"a": , "b": "x', '{"a" 1, "b": [{"c": }]}', '[1,, 2]', '{"a": "\\"\n, "b": {}}'];
    for (const content of broken) {
      const doc = parseManifest('file:///m/manifest.json', content);
      for (let offset = 0; offset <= content.length; offset++) {
        const ranges = flatten(selectionRanges(doc, [doc.text.positionAt(offset)])[0]!);
        for (let i = 1; i < ranges.length; i++) {
          assert.ok(contains(ranges[i]!, ranges[i - 1]!), `${JSON.stringify(content)} at ${offset}`);
          assert.notDeepEqual(ranges[i], ranges[i - 1], `${JSON.stringify(content)} at ${offset}`);
        }
      }
    }
  });

  const vercel = join(CORPUS, 'vercel/manifest.json');
  test('grows through a real manifest from a method to the capability', { skip: !existsSync(vercel) && `no corpus at ${vercel}` }, () => {
    const content = readFileSync(vercel, 'utf8');
    const doc = parseManifest('file:///vercel/manifest.json', content);
    const texts = textsAt(doc, doc.text.positionAt(content.indexOf('"PATCH"') + 2));
    assert.deepEqual(texts.slice(0, 4), ['PATCH', '"PATCH"', '"method": "PATCH"', '"method": "PATCH",']);
    assert.ok(texts.some((t) => t.startsWith('"endpoint": {') && t.endsWith('}')));
    assert.ok(texts.some((t) => t.startsWith('"featureStore": {')));
    assert.equal(texts.at(-1), content.trimEnd());
  });
});
