import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Range } from 'vscode-languageserver-types';
import { formatDocument } from '../../server/src/engine/formatting';
import { parseManifest } from '../../server/src/engine/manifestDocument';

const CORPUS = process.env.LD_MANIFEST_CORPUS ?? '/work/shared/corpus/integration-framework/integrations';
const TWO_SPACES: FormattingOptions = { tabSize: 2, insertSpaces: true };

function formatted(content: string, options: FormattingOptions = TWO_SPACES, range?: Range): string {
  const doc = parseManifest('file:///m/manifest.json', content);
  return TextDocument.applyEdits(doc.text, formatDocument(doc, options, range));
}

/** The text of every token but whitespace: what formatting must never change. */
function significantTokens(text: string): string[] {
  const scanner = createScanner(text, true);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    tokens.push(text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()));
  }
  return tokens;
}

describe('formatDocument', () => {
  test('indents with the requested number of spaces', () => {
    assert.equal(formatted('{"a":1,"b":[true,null]}'), '{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}');
    assert.equal(formatted('{"a":{"b":1}}', { tabSize: 4, insertSpaces: true }), '{\n    "a": {\n        "b": 1\n    }\n}');
  });

  test('indents with tabs when spaces are not wanted', () => {
    assert.equal(formatted('{"a":{"b":1}}', { tabSize: 4, insertSpaces: false }), '{\n\t"a": {\n\t\t"b": 1\n\t}\n}');
  });

  test('returns no edits for a document that is already formatted', () => {
    const doc = parseManifest('file:///m/manifest.json', '{\n  "a": 1\n}\n');
    assert.deepEqual(formatDocument(doc, TWO_SPACES), []);
  });

  test('keeps CRLF line ends in a CRLF document', () => {
    assert.equal(formatted('{\r\n"a":1,\r\n"b":[2]}\r\n'), '{\r\n  "a": 1,\r\n  "b": [\r\n    2\r\n  ]\r\n}\r\n');
  });

  test('inserts a final newline only when asked, and keeps one that is there', () => {
    assert.equal(formatted('{"a":1}', { ...TWO_SPACES, insertFinalNewline: true }), '{\n  "a": 1\n}\n');
    assert.equal(formatted('{"a":1}', { ...TWO_SPACES, insertFinalNewline: false }), '{\n  "a": 1\n}');
    assert.equal(formatted('{"a":1}\n', { ...TWO_SPACES, insertFinalNewline: false }), '{\n  "a": 1\n}\n');
    assert.equal(formatted('{\r\n"a":1}', { ...TWO_SPACES, insertFinalNewline: true }), '{\r\n  "a": 1\r\n}\r\n');
  });

  test('reports edits at UTF-16 positions after non-ASCII text and surrogate pairs', () => {
    const doc = parseManifest('file:///m/manifest.json', '{"😀":"é","b":1}');
    const edits = formatDocument(doc, TWO_SPACES).map((e) => [e.range.start.character, e.range.end.character, e.newText]);
    // "😀" is two UTF-16 code units, so the colon after it is at character 5.
    assert.deepEqual(edits, [
      [1, 1, '\n  '],
      [6, 6, ' '],
      [10, 10, '\n  '],
      [14, 14, ' '],
      [15, 15, '\n'],
    ]);
  });

  test('leaves a byte order mark where it is and formats what follows it', () => {
    const doc = parseManifest('file:///m/manifest.json', '\uFEFF  {"a":1}');
    const edits = formatDocument(doc, TWO_SPACES);
    assert.deepEqual(edits[0], { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: '' });
    assert.equal(TextDocument.applyEdits(doc.text, edits), '\uFEFF{\n  "a": 1\n}');
  });

  test('formats only within a range, keeping the indentation of its first line', () => {
    const content = '{\n"a":  1,\n  "b":   2,\n"c":3\n}';
    const secondLine: Range = { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } };
    assert.equal(formatted(content, TWO_SPACES, secondLine), '{\n"a":  1,\n  "b": 2,\n"c":3\n}');
    const keyOnly: Range = { start: { line: 2, character: 2 }, end: { line: 2, character: 5 } };
    assert.equal(formatted(content, TWO_SPACES, keyOnly), content);
  });

  test('does not join an unterminated string with the next line', () => {
    // jsonc-parser alone removes the line break after `"abc`, making `"abc"b": 1`: other tokens. It
    // leaves the space before a broken token alone, hence `"a":"abc`.
    const content = '{\n"a":"abc\n    "b":1\n}';
    const result = formatted(content);
    assert.equal(result, '{\n  "a":"abc\n    "b": 1\n}');
    assert.deepEqual(significantTokens(result), significantTokens(content));
  });

  test('keeps every token of documents with syntax errors', () => {
    const broken = [
      '{"a": 1 "b": 2}',
      '{"a": @@, "b": 2}',
      '{"a":1,}',
      '{"a": "abc',
      '{"a": "x\\"\n,"b":[1,\n2',
      '{"a": [1, }',
      '{"a": "\\u12"\n}',
      ']{"a":1}}',
    ];
    for (const content of broken) {
      const result = formatted(content);
      assert.deepEqual(significantTokens(result), significantTokens(content), JSON.stringify(content));
    }
  });

  test('still formats the parts of a broken document away from the error', () => {
    assert.equal(formatted('{"a": @@, "b":2}'), '{\n  "a": @@,\n  "b": 2\n}');
  });

  const vercel = join(CORPUS, 'vercel/manifest.json');
  test('formats a real manifest without changing its value, and is stable', { skip: !existsSync(vercel) && `no corpus at ${vercel}` }, () => {
    const original = readFileSync(vercel, 'utf8');
    const once = formatted(original, { tabSize: 4, insertSpaces: false });
    assert.notEqual(once, original);
    assert.deepEqual(JSON.parse(once), JSON.parse(original));
    assert.match(once, /^\t"name": "Vercel",$/m);
    assert.equal(formatted(once, { tabSize: 4, insertSpaces: false }), once);
  });
});
