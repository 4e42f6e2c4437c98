// Preview Integration over LSP (stdio, the bundled server): the lens above the manifest, the page (with
// the nonce, origin and script the webview gives), the body after an edit, the values toggled, the
// Markdown; and what it answers a document it does not have, a template file or a malformed request.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeLensRequest, DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { IntegrationPreviewRequest, PREVIEW_INTEGRATION_COMMAND, type IntegrationPreviewParams } from '../../server/src/protocol';
import { bundledServerCommand, startServer, withDeadline, type ServerSession } from '../support/lspClient';
import { repoRoot } from '../support/manifests';

const FIXTURE = join(repoRoot(), 'test/e2e/fixtures/preview/integrations/acme-events');
const PAGE = { nonce: '0123456789abcdef0123456789abcdef', cspSource: 'https://webview.example', script: 'void 0;' };

describe('Preview Integration over LSP', () => {
  let server: ServerSession;
  let workspace: string;
  let manifestUri: string;
  let manifestText: string;
  const ask = (params: Partial<IntegrationPreviewParams>) => withDeadline(server.connection.sendRequest(IntegrationPreviewRequest, { uri: manifestUri, format: 'body', ...params } as IntegrationPreviewParams), 'a preview');

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'ld-preview-'));
    cpSync(FIXTURE, join(workspace, 'integrations/acme-events'), { recursive: true });
    const manifestPath = join(workspace, 'integrations/acme-events/manifest.json');
    manifestUri = pathToFileURL(manifestPath).href;
    manifestText = readFileSync(manifestPath, 'utf8');
    server = await startServer(bundledServerCommand(repoRoot()), undefined, () => null, { pull: true, workspaceFolders: [pathToFileURL(workspace).href] });
    await server.open(manifestUri, manifestText, 1);
  });
  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('a "Preview integration" lens above the first key names the manifest', async () => {
    const lenses = await withDeadline(server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: manifestUri } }), 'code lenses');
    const preview = (lenses ?? []).filter((l) => l.command?.command === PREVIEW_INTEGRATION_COMMAND);
    assert.equal(preview.length, 1);
    assert.equal(preview[0]!.command!.title, 'Preview integration');
    assert.deepEqual(preview[0]!.command!.arguments, [{ uri: manifestUri }]);
    assert.equal(preview[0]!.range.start.line, manifestText.split('\n').findIndex((line) => line.includes('"name"')));
  });

  test('the page: the webview\'s nonce and origin in its policy, its script inlined, the icons read beside the manifest', async () => {
    const answer = await ask({ format: 'page', page: PAGE });
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.deepEqual([answer.version, answer.title], [1, 'Acme Events']);
    assert.match(answer.text, /content="default-src &#39;none&#39;; img-src data: https:\/\/webview\.example; style-src &#39;nonce-0123456789abcdef0123456789abcdef&#39; https:\/\/webview\.example; script-src &#39;nonce-0123456789abcdef0123456789abcdef&#39;/);
    assert.match(answer.text, /<script nonce="0123456789abcdef0123456789abcdef">void 0;<\/script>/);
    assert.equal(answer.text.match(/<img [^>]*src="data:image\/svg\+xml;base64,/g)?.length, 2);
    assert.deepEqual(server.loggedErrors(), []);
  });

  test('the body follows an edit and the toggled values; Markdown for the pull request', async () => {
    const edited = manifestText.replace('"name": "Region"', '"name": "Data region"');
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: manifestUri, version: 2 }, contentChanges: [{ text: edited }] });
    const body = await ask({ format: 'body', values: { formVariables: { useProxy: true } } });
    assert.ok(body.ok);
    assert.equal(body.version, 2);
    assert.match(body.text, /<label for="field-0-1">Data region<\/label>/);
    assert.doesNotMatch(body.text, /class="field not-shown"[^>]*data-path="formVariables\.3"/);
    const hidden = await ask({ format: 'body' });
    assert.ok(hidden.ok);
    assert.match(hidden.text, /class="field not-shown"[^>]*data-path="formVariables\.3"/);
    const markdown = await ask({ format: 'markdown', event: 'member' });
    assert.ok(markdown.ok);
    assert.match(markdown.text, /^\*\*Describe the solution you've provided\*\*/);
    assert.match(markdown.text, /sample member event/);
  });

  test('a document it does not have, a template file, a malformed request: a message, no error', async () => {
    const missing = await ask({ uri: pathToFileURL(join(workspace, 'nope/manifest.json')).href });
    assert.deepEqual(missing, { ok: false, problem: 'the manifest is not open in the language server (open it as a LaunchDarkly Integration Manifest)' });
    const templateUri = pathToFileURL(join(workspace, 'integrations/acme-events/templates/flag.json.hbs')).href;
    await server.open(templateUri, readFileSync(join(FIXTURE, 'templates/flag.json.hbs'), 'utf8'), 1, 'handlebars');
    assert.match(JSON.stringify(await ask({ uri: templateUri })), /a template file has no integration preview/);
    assert.match(JSON.stringify(await ask({ format: 'page' })), /`format` must be 'page' \(with the webview's nonce/);
    assert.match(JSON.stringify(await ask({ format: 'page', page: { ...PAGE, nonce: 'short' } })), /could not make the preview: the page needs a nonce/);
    assert.match(JSON.stringify(await ask({ uri: 42 as never })), /names no manifest/);
  });
});
