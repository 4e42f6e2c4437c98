// "Test validation request" end to end in the real editor: the command runs against a server this
// test starts on 127.0.0.1, with the values handed in through the command's argument (its test
// injection point: no prompt is shown, nothing of VS Code is mocked). Fixture: test/e2e/fixtures/request.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activatedExtension, fixtureUri, manifestDocument, openFixture, waitFor } from './helpers';

const MANIFEST = 'integrations/acme-store/manifest.json';
const TOKEN = 'e2e-s3cret-token';

interface Received {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

interface RequestCommandResult {
  sent: boolean;
  passed: boolean;
  verdict?: { kind: string; summary: string };
  report: string;
  samplePath?: string;
}

describe('validation request', function () {
  let server: http.Server;
  let origin = '';
  const received: Received[] = [];
  let answer: unknown = { success: true };
  const sample = () => path.join(path.dirname(fixtureUri(MANIFEST).fsPath), 'sample-responses');

  before(async function () {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await activatedExtension();
    await openFixture(MANIFEST);
    await manifestDocument(fixtureUri(MANIFEST));
  });

  after(async function () {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // The command saves the last answer beside the manifest; the fixture folder stays as committed.
    fs.rmSync(sample(), { recursive: true, force: true });
  });

  it('shows the three lenses above validationRequest and featureStoreRequest, from the language server', async function () {
    const lenses = await waitFor('request code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fixtureUri(MANIFEST));
      return found?.some((l) => l.command?.title === 'Test validation request') ? found : undefined;
    });
    const titles = lenses.map((l) => l.command?.title ?? '');
    for (const title of ['Test validation request', 'Preview request', 'Copy as curl', 'Test feature store request']) assert.ok(titles.includes(title), `missing lens "${title}" in ${titles.join(', ')}`);
    const uri = fixtureUri(MANIFEST).toString();
    // The request lenses, in order (the LaunchDarkly store lenses beside them have their own tests).
    const commands = lenses.filter((l) => l.command?.command.startsWith('ldManifest.request.')).map((l) => [l.command?.command, JSON.stringify(l.command?.arguments)]);
    const args = (kind: string) => JSON.stringify([{ uri, kind }]);
    assert.deepEqual(commands, [
      ['ldManifest.request.testValidation', args('validation')],
      ['ldManifest.request.preview', args('validation')],
      ['ldManifest.request.copyCurl', args('validation')],
      ['ldManifest.request.testFeatureStore', args('featureStore')],
      ['ldManifest.request.preview', args('featureStore')],
      ['ldManifest.request.copyCurl', args('featureStore')],
    ]);
  });

  it('sends the request and reports success, the secret masked, the answer saved as sample', async function () {
    answer = { success: true, echoed: `Bearer ${TOKEN}` };
    const result = await vscode.commands.executeCommand<RequestCommandResult>('ldManifest.request.testValidation', {
      uri: fixtureUri(MANIFEST).toString(),
      values: { baseUrl: origin, apiToken: TOKEN },
    });
    assert.ok(result, 'the command returned nothing');
    assert.equal(result.verdict?.kind, 'success', result.report);
    assert.equal(result.passed, true);
    assert.deepEqual(received.at(-1), { method: 'GET', url: '/validate', authorization: `Bearer ${TOKEN}`, body: '' });
    assert.match(result.report, /Authorization: Bearer ••••/);
    assert.match(result.report, /Verdict: Success/);
    assert.ok(!result.report.includes(TOKEN), 'the secret is in the report');
    assert.equal(result.samplePath, 'sample-responses/validationRequest.json');
    const saved = fs.readFileSync(path.join(sample(), 'validationRequest.json'), 'utf8');
    assert.ok(!saved.includes(TOKEN), 'the secret is in the saved sample');
    assert.deepEqual(JSON.parse(saved), { success: true, echoed: 'Bearer ••••' });
  });

  it('reports a failed verdict with the errors the service gave', async function () {
    answer = { success: false, errors: ['token expired'] };
    const result = await vscode.commands.executeCommand<RequestCommandResult>('ldManifest.request.testValidation', {
      uri: fixtureUri(MANIFEST).toString(),
      values: { baseUrl: origin, apiToken: TOKEN },
    });
    assert.equal(result.passed, false);
    assert.equal(result.verdict?.kind, 'failure');
    assert.match(result.verdict?.summary ?? '', /\/success is false\. Errors: token expired/);
  });

  it('previews and copies as curl without the secret', async function () {
    const args = { uri: fixtureUri(MANIFEST).toString(), values: { baseUrl: origin } };
    const preview = await vscode.commands.executeCommand<string>('ldManifest.request.preview', args);
    assert.match(preview, new RegExp(`GET ${origin}/validate\\nAuthorization: Bearer ••••`));
    const curl = await vscode.commands.executeCommand<string>('ldManifest.request.copyCurl', args);
    assert.match(curl, /--header "Authorization: Bearer \$\{API_TOKEN\}"/);
    assert.ok(!curl.includes(TOKEN));
  });

  it('writes the sample payload with the feature store request only once confirmed', async function () {
    answer = {};
    const args = { uri: fixtureUri(MANIFEST).toString(), values: { baseUrl: origin, apiToken: TOKEN, _featureStoreKey: 'e2e-store-key' } };
    const count = received.length;
    const declined = await vscode.commands.executeCommand<RequestCommandResult>('ldManifest.request.testFeatureStore', { ...args, confirmWrite: false });
    assert.equal(declined.sent, false);
    assert.equal(received.length, count, 'a declined write reached the server');
    const result = await vscode.commands.executeCommand<RequestCommandResult>('ldManifest.request.testFeatureStore', { ...args, confirmWrite: true });
    assert.equal(result.verdict?.kind, 'stored', result.report);
    assert.equal(result.passed, true);
    assert.equal(result.samplePath, undefined);
    const got = received.at(-1)!;
    assert.deepEqual([got.method, got.url, got.authorization], ['PUT', '/store/e2e-store-key', `Bearer ${TOKEN}`]);
    assert.ok('ld-manifest-test-flag' in (JSON.parse(got.body) as { flags: object }).flags, got.body);
    assert.ok(!result.report.includes(TOKEN), 'the secret is in the report');
  });

  it('forgets the values remembered for the manifest', async function () {
    // The runs above gave their values, so only the generated _featureStoreKey was remembered.
    const forgotten = await vscode.commands.executeCommand<number>('ldManifest.request.forgetValues', { uri: fixtureUri(MANIFEST).toString() });
    assert.equal(forgotten, 1);
    assert.equal(await vscode.commands.executeCommand<number>('ldManifest.request.forgetValues', { uri: fixtureUri(MANIFEST).toString() }), 0);
  });
});
