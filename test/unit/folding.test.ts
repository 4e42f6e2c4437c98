import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldingRanges } from '../../server/src/engine/folding';
import { parseManifest } from '../../server/src/engine/manifestDocument';

const CORPUS = process.env.LD_MANIFEST_CORPUS ?? '/work/shared/corpus/integration-framework/integrations';

/** The folding ranges of `content` as [startLine, endLine] pairs. */
function folds(content: string): [number, number][] {
  return foldingRanges(parseManifest('file:///m/manifest.json', content)).map((r) => [r.startLine, r.endLine]);
}

const NESTED = [
  '{', //                 0
  '  "links": {', //      1
  '    "site": "x"', //   2
  '  },', //              3
  '  "categories": [', // 4
  '    "ai",', //         5
  '    "data"', //        6
  '  ]', //               7
  '}', //                 8
].join('\n');

describe('foldingRanges', () => {
  test('folds each multi-line object and array up to the line before its closing bracket', () => {
    assert.deepEqual(folds(NESTED), [
      [0, 7],
      [1, 2],
      [4, 6],
    ]);
  });

  test('does not fold what closes on the same or the next line', () => {
    assert.deepEqual(folds('{"a": {"b": 1}}'), []);
    assert.deepEqual(folds('{\n"a": 1}'), []);
    assert.deepEqual(folds('{\n}'), []);
    assert.deepEqual(folds('{\n\n}'), [[0, 1]]);
  });

  test('keeps only the innermost of ranges starting on the same line', () => {
    const content = '[{\n  "a": 1\n}, {\n  "b": 2\n}]';
    assert.deepEqual(folds(content), [
      [0, 1],
      [2, 3],
    ]);
  });

  test('counts CRLF as one line end', () => {
    assert.deepEqual(folds(NESTED.replace(/\n/g, '\r\n')), folds(NESTED));
    assert.deepEqual(folds(NESTED.replace(/\n/g, '\r\n')), [
      [0, 7],
      [1, 2],
      [4, 6],
    ]);
  });

  test('is not confused by a byte order mark, tabs or brackets inside non-ASCII strings', () => {
    const content = '\uFEFF{\n\t"name": "é😀 { [",\n\t"links": {\n\t\t"site": "}"\n\t}\n}';
    assert.deepEqual(folds(content), [
      [0, 4],
      [2, 3],
    ]);
  });

  test('folds a document that does not parse wherever its brackets pair up', () => {
    const content = [
      '{', //                        0
      '  "name": "unterminated {', // 1: an unterminated string ends at the line end
      '  "links": {', //             2
      '    "site": ]', //            3: a stray closer is ignored
      '    "privacyPolicy": "y"', // 4
      '  },', //                     5
      '  "categories": [', //        6: never closed
      '    "ai",', //                7
    ].join('\n');
    assert.deepEqual(folds(content), [[2, 4]]);
  });

  test('returns nothing for an empty document', () => {
    assert.deepEqual(folds(''), []);
  });

  const vercel = join(CORPUS, 'vercel/manifest.json');
  test('folds a real manifest', { skip: !existsSync(vercel) && `no corpus at ${vercel}` }, () => {
    const content = readFileSync(vercel, 'utf8');
    const lines = content.split(/\r?\n/);
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text));
    const ranges = folds(content);
    const lastLine = lines.length - (lines.at(-1) === '' ? 2 : 1);
    assert.deepEqual(ranges[0], [0, lastLine - 1]);
    const links = lineOf('"links": {');
    assert.ok(ranges.some(([s, e]) => s === links && e === lineOf('"privacyPolicy"')));
    const headers = lineOf('"headers": [');
    assert.ok(ranges.some(([s, e]) => s === headers && lines[e + 1]!.trim() === ']'));
    // `"categories": ["infrastructure"]` is on one line: nothing to fold there.
    assert.ok(!ranges.some(([s]) => s === lineOf('"categories"')));
    assert.equal(new Set(ranges.map(([s]) => s)).size, ranges.length);
  });
});
