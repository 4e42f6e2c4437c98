import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SymbolKind, type DocumentSymbol, type Position, type Range } from 'vscode-languageserver-types';
import { documentSymbols } from '../../server/src/engine/documentSymbols';
import { parseManifest, type ManifestDocument } from '../../server/src/engine/manifestDocument';

const CORPUS = process.env.LD_MANIFEST_CORPUS ?? '/work/shared/corpus/integration-framework/integrations';

const MANIFEST = JSON.stringify(
  {
    name: 'Example',
    formVariables: [{ key: 'apiKey', name: 'API key', type: 'string', isSecret: true }],
    capabilities: {
      featureStore: {
        formVariables: [{ key: 'storeId', type: 'uri' }, { name: 'No key yet' }],
        featureStoreRequest: {
          endpoint: {
            url: 'https://x/{{storeId}}',
            method: 'PUT',
            headers: [{ name: 'Authorization', value: 'Bearer {{apiKey}}' }],
          },
        },
      },
      approval: { environmentFormVariables: [{ key: 'envVar', type: 'boolean' }], approvalFormVariables: [] },
      hideConfiguration: true,
    },
  },
  null,
  2,
);

function symbolsOf(content: string): { doc: ManifestDocument; symbols: DocumentSymbol[] } {
  const doc = parseManifest('file:///m/manifest.json', content);
  return { doc, symbols: documentSymbols(doc) };
}

/** The symbol reached by following names from the top. */
function find(symbols: DocumentSymbol[], ...names: string[]): DocumentSymbol {
  let symbol: DocumentSymbol | undefined;
  let level = symbols;
  for (const name of names) {
    symbol = level.find((s) => s.name === name);
    assert.ok(symbol, `no symbol ${names.join(' > ')}`);
    level = symbol.children ?? [];
  }
  return symbol!;
}

function names(symbols: DocumentSymbol[] | undefined): string[] {
  return (symbols ?? []).map((s) => s.name);
}

function summary(symbol: DocumentSymbol): [string, SymbolKind, string | undefined] {
  return [symbol.name, symbol.kind, symbol.detail];
}

function within(outer: Range, inner: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end) && before(inner.start, inner.end);
}

/** Every symbol has a name, a selection range inside its range, and a range inside the document. */
function assertValid(doc: ManifestDocument, symbols: DocumentSymbol[], where: string): void {
  const whole: Range = { start: { line: 0, character: 0 }, end: doc.text.positionAt(doc.text.getText().length) };
  for (const symbol of symbols) {
    assert.ok(symbol.name.length > 0, `${where}: empty name`);
    assert.ok(within(symbol.range, symbol.selectionRange), `${where}: ${symbol.name} selectionRange outside range`);
    assert.ok(within(whole, symbol.range), `${where}: ${symbol.name} range outside the document`);
    assertValid(doc, symbol.children ?? [], where);
  }
}

describe('documentSymbols', () => {
  test('lists the top-level keys', () => {
    const { symbols } = symbolsOf(MANIFEST);
    assert.deepEqual(names(symbols), ['name', 'formVariables', 'capabilities']);
    assert.deepEqual(summary(symbols[0]!), ['name', SymbolKind.String, 'Example']);
    assert.deepEqual(summary(symbols[1]!), ['formVariables', SymbolKind.Array, undefined]);
  });

  test('shows capabilities as classes, but not the flags beside them', () => {
    const { symbols } = symbolsOf(MANIFEST);
    const capabilities = find(symbols, 'capabilities');
    assert.deepEqual(capabilities.children!.map(summary), [
      ['featureStore', SymbolKind.Class, undefined],
      ['approval', SymbolKind.Class, undefined],
      ['hideConfiguration', SymbolKind.Boolean, 'true'],
    ]);
  });

  test('names form variables by key with their type as detail, at the top level and in capabilities', () => {
    const { symbols } = symbolsOf(MANIFEST);
    assert.deepEqual(find(symbols, 'formVariables').children!.map(summary), [['apiKey', SymbolKind.Variable, 'string']]);
    assert.deepEqual(find(symbols, 'capabilities', 'featureStore', 'formVariables').children!.map(summary), [
      ['storeId', SymbolKind.Variable, 'uri'],
      // Without a key (still being typed) a variable falls back to its name, then to its index.
      ['No key yet', SymbolKind.Variable, undefined],
    ]);
    assert.deepEqual(find(symbols, 'capabilities', 'approval', 'environmentFormVariables').children!.map(summary), [
      ['envVar', SymbolKind.Variable, 'boolean'],
    ]);
    assert.deepEqual(summary(find(symbols, 'capabilities', 'approval', 'approvalFormVariables')), [
      'approvalFormVariables',
      SymbolKind.Array,
      '[]',
    ]);
    assert.deepEqual(names(find(symbols, 'formVariables', 'apiKey').children), ['key', 'name', 'type', 'isSecret']);
  });

  test('describes an endpoint by method and URL and names headers by name', () => {
    const { symbols } = symbolsOf(MANIFEST);
    const endpoint = find(symbols, 'capabilities', 'featureStore', 'featureStoreRequest', 'endpoint');
    assert.deepEqual(summary(endpoint), ['endpoint', SymbolKind.Module, 'PUT https://x/{{storeId}}']);
    assert.deepEqual(find(endpoint.children!, 'headers').children!.map(summary), [
      ['Authorization', SymbolKind.Module, undefined],
    ]);
  });

  test('names other array items by index', () => {
    const { symbols } = symbolsOf('{"categories": ["ai", "data"], "x": [{"effect": "allow"}]}');
    assert.deepEqual(find(symbols, 'categories').children!.map(summary), [
      ['0', SymbolKind.String, 'ai'],
      ['1', SymbolKind.String, 'data'],
    ]);
    assert.deepEqual(names(find(symbols, 'x').children), ['0']);
  });

  test('ranges: the property for a key, the naming value for an item, across CRLF and surrogate pairs', () => {
    const content = '{\r\n  "name": "é😀",\r\n  "formVariables": [\r\n    {"type": "string", "key": "😀k"}\r\n  ]\r\n}';
    const { symbols } = symbolsOf(content);
    const name = find(symbols, 'name');
    // "😀" is two UTF-16 code units.
    assert.deepEqual(name.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 15 } });
    assert.deepEqual(name.selectionRange, { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } });
    const variable = find(symbols, 'formVariables', '😀k');
    assert.deepEqual(variable.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 36 } });
    assert.deepEqual(variable.selectionRange, { start: { line: 3, character: 30 }, end: { line: 3, character: 35 } });
  });

  test('keeps positions after a byte order mark and shows an empty key', () => {
    const { symbols } = symbolsOf('\uFEFF{"": 1}');
    assert.deepEqual(symbols, [
      {
        name: '""',
        kind: SymbolKind.Number,
        detail: '1',
        range: { start: { line: 0, character: 2 }, end: { line: 0, character: 7 } },
        selectionRange: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } },
        children: [],
      },
    ]);
  });

  test('outlines what parses of a broken document', () => {
    const { symbols } = symbolsOf('{"name": "ab\n, "formVariables": [{"key": "x", "type": "string"}, {"key": ');
    assert.deepEqual(symbols.map(summary), [
      ['name', SymbolKind.String, 'ab'],
      ['formVariables', SymbolKind.Array, undefined],
    ]);
    const variables = find(symbols, 'formVariables').children!;
    assert.deepEqual(variables.map(summary), [
      ['x', SymbolKind.Variable, 'string'],
      ['1', SymbolKind.Variable, undefined],
    ]);
    assert.deepEqual(variables[1]!.children!.map(summary), [['key', SymbolKind.Property, undefined]]);
  });

  test('gives valid ranges for broken documents and nothing for an empty one', () => {
    const broken = ['{"a":}', '{ "a": [1, }', '{"a" 1, "b": [{"c": }]}', '[1,, {"key": "k"', '{"capabilities": {"x": {', '\uFEFF{"a": "\\"\n}'];
    for (const content of broken) {
      const { doc, symbols } = symbolsOf(content);
      assert.ok(symbols.length > 0, JSON.stringify(content));
      assertValid(doc, symbols, JSON.stringify(content));
    }
    assert.deepEqual(symbolsOf('').symbols, []);
    assert.deepEqual(symbolsOf('"just a string"').symbols, []);
  });

  const vercel = join(CORPUS, 'vercel/manifest.json');
  test('outlines a real manifest', { skip: !existsSync(vercel) && `no corpus at ${vercel}` }, () => {
    const content = readFileSync(vercel, 'utf8');
    const { symbols } = symbolsOf(content);
    assert.deepEqual(names(symbols), Object.keys(JSON.parse(content)));
    const store = find(symbols, 'capabilities', 'featureStore');
    assert.equal(store.kind, SymbolKind.Class);
    assert.deepEqual(find(store.children!, 'formVariables').children!.map(summary), [
      ['edgeConfigId', SymbolKind.Variable, 'string'],
      ['teamId', SymbolKind.Variable, 'string'],
      ['apiToken', SymbolKind.Variable, 'string'],
      ['configurationId', SymbolKind.Variable, 'string'],
    ]);
    const endpoint = find(store.children!, 'featureStoreRequest', 'endpoint');
    assert.equal(endpoint.detail, 'PATCH https://api.vercel.com/v1/edge-config/{{edgeConfigId}}/items?teamId={{teamId}}');
    assert.deepEqual(names(find(endpoint.children!, 'headers').children), ['Authorization', 'Content-Type', 'User-Agent']);
  });

  test('outlines every real manifest with valid ranges and form variables named by key', { skip: !existsSync(CORPUS) && `no corpus at ${CORPUS}` }, () => {
    let formVariables = 0;
    for (const key of readdirSync(CORPUS)) {
      const path = join(CORPUS, key, 'manifest.json');
      if (!existsSync(path)) continue;
      const { doc, symbols } = symbolsOf(readFileSync(path, 'utf8'));
      assertValid(doc, symbols, key);
      const capabilities = symbols.find((s) => s.name === 'capabilities')?.children ?? [];
      const variables = [symbols, ...capabilities.map((c) => c.children ?? [])].flatMap(
        (level) => level.find((s) => s.name === 'formVariables')?.children ?? [],
      );
      for (const variable of variables) assert.doesNotMatch(variable.name, /^\d+$/, `${key}: ${variable.name}`);
      formVariables += variables.length;
    }
    assert.ok(formVariables > 0);
  });
});
