// Pull diagnostics with result ids, cancellation of a request the next edit supersedes, and the file
// watching the server registers itself (so clients other than VS Code report changed files too).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest } from 'vscode-languageserver-protocol/node';
import { bundledServerCommand, startServer, type ServerSession } from '../support/lspClient';
import { manifestText, positionOf, repoRoot, validManifest } from '../support/manifests';
import { scaledManifest } from '../support/scaledManifest';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>';

describe('a client with pull diagnostics and file watching', () => {
  let server: ServerSession;
  let workspace: string;
  let manifestPath: string;
  let uri: string;
  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'ld-pull-'));
    manifestPath = join(workspace, 'integrations/acme/manifest.json');
    mkdirSync(join(workspace, 'integrations/acme/assets/images'), { recursive: true });
    writeFileSync(join(workspace, 'integrations/acme/assets/images/square.svg'), SVG);
    writeFileSync(manifestPath, manifestText(validManifest()));
    uri = pathToFileURL(manifestPath).href;
    server = await startServer(bundledServerCommand(repoRoot()), undefined, () => null, {
      pull: true,
      watchers: true,
      workspaceFolders: [pathToFileURL(workspace).href],
    });
  });
  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('the server registers watchers for what its rules read', async () => {
    const deadline = Date.now() + 10_000;
    while (server.registrations().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const watching = server.registrations().find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watching, 'a didChangeWatchedFiles registration');
    const globs = (watching.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    for (const glob of ['**/*.svg', '**/*.hbs', '**/manifest.schema.json', '**/sample-responses/*.json', '**/sample-requests/*.json', '**/manifest.json']) assert.ok(globs.includes(glob), glob);
  });

  test('pulled diagnostics carry a result id; the same document answers "unchanged"; an edit answers in full', async () => {
    await server.open(uri, manifestText(validManifest()));
    const first = await server.pullDiagnostics(uri);
    assert.equal(first.kind, 'full');
    assert.ok(first.kind === 'full' && first.resultId);
    // The horizontal icon is missing; the square one exists.
    assert.deepEqual(first.kind === 'full' && first.items.map((d) => d.code), ['icon-missing']);
    const again = await server.pullDiagnostics(uri, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });

    const manifest = validManifest() as Record<string, any>;
    manifest.name = 7;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: manifestText(manifest) }] });
    const edited = await server.pullDiagnostics(uri, first.resultId);
    assert.equal(edited.kind, 'full');
    assert.notEqual(edited.resultId, first.resultId);
    assert.deepEqual(edited.kind === 'full' && edited.items.map((d) => d.code).sort(), ['icon-missing', 'schema-wrong-type']);
    assert.equal(server.pushedCount(uri), 0, 'a pull client gets no pushed diagnostics');
  });

  test('a diagnostics request superseded by an edit is cancelled for the client to ask again', async () => {
    // A large document is checked in many steps; the edit arrives while the first of them run.
    const large = manifestText(scaledManifest(3000));
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text: large }] });
    const text = manifestText(validManifest());
    const pending = server.pullDiagnostics(uri);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 4 }, contentChanges: [{ text }] });
    await assert.rejects(pending, (error: { code?: number; data?: { retriggerRequest?: boolean } }) => error.code === -32802 && error.data?.retriggerRequest === true);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, '"name"', 0, 2) });
    assert.ok(hover, 'the newer version answers');
  });

  test('a file created beside the manifest re-checks it (refresh), and only what read it', async () => {
    const before = await server.pullDiagnostics(uri);
    assert.deepEqual(before.kind === 'full' && before.items.map((d) => d.code), ['icon-missing']);
    const refreshes = server.refreshes();
    const icon = join(workspace, 'integrations/acme/assets/images/horizontal.svg');
    writeFileSync(icon, SVG);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(icon).href, type: FileChangeType.Created }] });
    const deadline = Date.now() + 10_000;
    while (server.refreshes() === refreshes && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(server.refreshes(), refreshes + 1, 'the server asked for a refresh');
    const after = await server.pullDiagnostics(uri, before.resultId);
    assert.deepEqual(after.kind === 'full' && after.items, []);

    // A file no open document read changes nothing.
    const unrelated = join(workspace, 'elsewhere.svg');
    writeFileSync(unrelated, SVG);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(unrelated).href, type: FileChangeType.Created }] });
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 4 } });
    assert.equal(server.refreshes(), refreshes + 1, 'no refresh for a file nothing read');
  });
});
