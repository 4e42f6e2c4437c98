import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  HoverRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  SelectionRangeRequest,
  DidChangeTextDocumentNotification,
  type CompletionList,
  type MarkupContent,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { startServer, bundledServerCommand, type ServerSession } from '../support/lspClient';
import { manifestText, positionOf, rangeOfText, repoRoot, validManifest } from '../support/manifests';

describe('the bundled server over stdio', () => {
  let server: ServerSession;
  before(async () => {
    server = await startServer(bundledServerCommand(repoRoot()));
  });
  after(async () => {
    await server.stop();
  });

  test('publishes diagnostics with codes and exact ranges on open and on change', async () => {
    const uri = 'file:///ws/integrations/example/manifest.json';
    const manifest = validManifest() as Record<string, any>;
    manifest.capabilities.featureStore.featureStoreRequest.endpoint.method = 'put';
    const text = manifestText(manifest);
    const first = server.nextDiagnostics(uri, 1);
    await server.open(uri, text);
    const published = await first;
    // The icons do not exist under /ws: the file rules run with the manifest's real path.
    assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), ['icon-missing', 'icon-missing', 'schema-value-not-allowed']);
    const wrongMethod = published.diagnostics.find((d) => d.code === 'schema-value-not-allowed')!;
    assert.equal(wrongMethod.source, 'ld-manifest');
    assert.deepEqual(wrongMethod.range, rangeOfText(text, '"put"'));

    const fixed = server.nextDiagnostics(uri, 2);
    const range = rangeOfText(text, '"put"');
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range, text: '"PUT"' }],
    });
    assert.deepEqual((await fixed).diagnostics.map((d) => d.code), ['icon-missing', 'icon-missing']);
  });

  test('completes keys and values, and hovers, in a document that does not parse', async () => {
    const uri = 'file:///ws/integrations/broken/manifest.json';
    const text = '{\n  "name": "Broken",\n  "capabilities": {\n    "featureStore": {\n      "featureStoreRequest": {\n        "endpoint": { "method": "P" \n';
    const published = server.nextDiagnostics(uri);
    await server.open(uri, text);
    assert.ok((await published).diagnostics.some((d) => d.code === 'json-syntax'));

    const keyPosition = positionOf(text, '"featureStore"');
    const keyList = (await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: keyPosition.line, character: keyPosition.character + 1 },
    })) as CompletionList;
    const labels = keyList.items.map((i) => i.label);
    assert.ok(labels.includes('featureStore'));
    assert.ok(labels.includes('auditLogEventsHook'));

    const valuePosition = positionOf(text, '"P"', 0, 2);
    const values = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: valuePosition })) as CompletionList;
    assert.deepEqual(values.items.map((i) => i.label).sort(), ['"DELETE"', '"GET"', '"PATCH"', '"POST"', '"PUT"']);
    const put = values.items.find((i) => i.label === '"PUT"')!;
    assert.deepEqual((put.textEdit as { range: unknown }).range, rangeOfText(text, '"P"'));

    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'method', 0, 1) });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /POST/);
  });

  test('formats with the editor options, folds, selects and outlines', async () => {
    const uri = 'file:///ws/integrations/format/manifest.json';
    const text = JSON.stringify(validManifest());
    const published = server.nextDiagnostics(uri);
    await server.open(uri, text);
    await published;
    const edits = await server.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.ok(edits && edits.length > 0);
    assert.ok(edits.some((e) => /^\n {4}$/.test(e.newText)), 'indents with four spaces');
    assert.ok(!edits.some((e) => /^\n {2}$/.test(e.newText)), 'never with two');

    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const names = JSON.stringify(symbols.map(function flat(s: DocumentSymbol): unknown { return [s.name, (s.children ?? []).map(flat)]; }));
    for (const expected of ['featureStore', 'apiToken', 'siteId']) assert.ok(names.includes(`"${expected}"`), `outline has ${expected}`);

    // The document above is one line: fold a pretty-printed one, where every object and array folds.
    const prettyUri = 'file:///ws/integrations/folding/manifest.json';
    const pretty = manifestText(validManifest());
    const prettyPublished = server.nextDiagnostics(prettyUri);
    await server.open(prettyUri, pretty);
    await prettyPublished;
    const folds = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: prettyUri } });
    const formVariables = positionOf(pretty, '"formVariables"').line;
    assert.ok(folds?.some((f) => f.startLine === 0), 'the root object folds');
    assert.ok(folds?.some((f) => f.startLine === formVariables), 'the formVariables array folds');
    const selections = await server.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [{ line: 0, character: 5 }] });
    assert.equal(selections?.length, 1);
  });

  test('every document, however broken, gets diagnostics and answers, and no feature fails', async () => {
    const junk = [
      '\u0000\u0001\u0002garbage',
      '{'.repeat(5000),
      '['.repeat(200_000),
      '{"capabilities": {"featureStore": {"validationRequest": {"parser": {"success": "/' + '~'.repeat(20_000) + '"}}}}}',
      '{"' + 'k'.repeat(1_000_000) + '": 1}',
      '[' + '1,'.repeat(20000) + ']',
      '{"capabilities": {"featureStore": {"formVariables": [' + '{"key": 1},'.repeat(500) + ']}}}',
      '"just a string"',
      '{"name": "\\uZZZZ"}',
    ];
    for (const [index, text] of junk.entries()) {
      const uri = `file:///ws/junk/${index}/manifest.json`;
      const published = server.nextDiagnostics(uri);
      await server.open(uri, text);
      const diagnostics = (await published).diagnostics;
      assert.ok(diagnostics.length > 0, `junk #${index} gets diagnostics`);
      await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
      await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
      await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
      await server.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [{ line: 0, character: 3 }] });
      for (const d of diagnostics) assert.ok(String(d.message).length <= 600, `junk #${index}: a ${String(d.message).length}-character message`);
    }
    // A feature that threw would have been logged and answered empty: nothing may have thrown.
    assert.deepEqual(server.loggedErrors(), []);
    assert.equal(server.process.exitCode, null, 'server still running');
  });
});
