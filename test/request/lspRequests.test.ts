// The request commands' requests (server/src/protocol.ts) over a real LSP connection to the bundled
// server, the way the VS Code client makes them: plan, prepare, send from this process (as the client
// does; the server runs with the network forbidden), judge. Secrets never come back unmasked except in
// the request to send.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { outcomeData } from '../../client/src/request/outcomeData';
import {
  JudgeResponseRequest,
  PrepareRequestRequest,
  RequestPlanRequest,
  RequestVariablesRequest,
  type JudgeResponseResult,
  type PrepareRequestResult,
} from '../../server/src/protocol';
import { sendRequest } from '../../server/src/request/send';
import { startServer, type ServerSession } from '../support/lspClient';
import { manifestText, repoRoot } from '../support/manifests';
import { TOKEN, storeManifest, values } from './fixtures';
import { json, startHttpServer, type TestServer } from './servers';

type Prepared = Extract<PrepareRequestResult, { ok: true }>;

describe('the request commands over LSP', () => {
  let server: ServerSession;
  let http: TestServer;
  const workspace = mkdtempSync(join(tmpdir(), 'ld-lsp-requests-'));
  const uri = pathToFileURL(join(workspace, 'integrations/acme/manifest.json')).href;
  const brokenUri = pathToFileURL(join(workspace, 'integrations/broken/manifest.json')).href;

  before(async () => {
    const root = repoRoot();
    server = await startServer([process.execPath, '-r', join(root, 'test/support/no-network.cjs'), join(root, 'dist/server.js'), '--stdio']);
    http = await startHttpServer();
    const opened = server.nextDiagnostics(uri);
    await server.open(uri, manifestText(storeManifest()));
    await opened;
    const broken = storeManifest({ headers: [{ name: 'Authorization', value: 'Bearer {{apiTokn}}' }] });
    const brokenOpened = server.nextDiagnostics(brokenUri);
    await server.open(brokenUri, manifestText(broken));
    await brokenOpened;
  });

  after(async () => {
    await server.stop();
    await http.close();
    rmSync(workspace, { recursive: true, force: true });
    assert.doesNotMatch(server.stderr(), /NETWORK ATTEMPT/);
  });

  const prepare = async (given: Record<string, string>, secretsNotNeeded = false, kind: 'validation' | 'featureStore' = 'validation'): Promise<Prepared> => {
    const result = await server.connection.sendRequest(PrepareRequestRequest, { uri, kind, values: given, secretsNotNeeded });
    assert.ok(result.ok, JSON.stringify(result));
    return result;
  };

  const sendAndJudge = async (prepared: Prepared, maxBodyBytes = 1024 * 1024): Promise<JudgeResponseResult> => {
    assert.ok(prepared.id && prepared.request);
    const outcome = await sendRequest(prepared.request, { timeoutMs: 5000, maxBodyBytes });
    return server.connection.sendRequest(JudgeResponseRequest, { id: prepared.id, label: 'integrations/acme/manifest.json', outcome: outcomeData(outcome) });
  };

  test('requestPlan: the variables to ask for, in manifest order, with their choices', async () => {
    const plan = await server.connection.sendRequest(RequestPlanRequest, { uri, kind: 'validation' });
    assert.ok(plan.ok, JSON.stringify(plan));
    assert.equal(plan.path, 'capabilities.featureStore.validationRequest');
    assert.deepEqual(plan.variables.map((v) => v.key), ['baseUrl', 'siteId', 'region', 'apiToken']);
    const region = plan.variables.find((v) => v.key === 'region')!;
    assert.deepEqual([region.choices, region.defaultValue, region.isOptional], [['eu', 'us'], 'eu', true]);
    const token = plan.variables.find((v) => v.key === 'apiToken')!;
    assert.deepEqual([token.name, token.isSecret, token.choices], ['API token', true, undefined]);
    assert.deepEqual(plan.templateErrors, []);
    const store = await server.connection.sendRequest(RequestPlanRequest, { uri, kind: 'featureStore' });
    assert.ok(store.ok);
    assert.deepEqual([store.variables.map((v) => v.key), store.usesFeatureStoreKey, store.usesEnvId], [['baseUrl', 'apiToken'], true, true]);
  });

  test('requestPlan: template errors are listed, and prepareRequest refuses at the render stage', async () => {
    const plan = await server.connection.sendRequest(RequestPlanRequest, { uri: brokenUri, kind: 'validation' });
    assert.ok(plan.ok);
    assert.equal(plan.templateErrors.length, 1);
    assert.match(plan.templateErrors[0]!, /^\d+:\d+ Unknown variable `apiTokn`/);
    const prepared = await server.connection.sendRequest(PrepareRequestRequest, { uri: brokenUri, kind: 'validation', values: {}, secretsNotNeeded: true });
    assert.ok(!prepared.ok);
    assert.equal(prepared.stage, 'render');
  });

  test('a manifest that is not open, or a bad request, is answered with a message', async () => {
    const closed = pathToFileURL(join(workspace, 'elsewhere/manifest.json')).href;
    const plan = await server.connection.sendRequest(RequestPlanRequest, { uri: closed, kind: 'validation' });
    assert.ok(!plan.ok);
    assert.match(plan.problem, /not open in the language server/);
    const kind = await server.connection.sendRequest(RequestPlanRequest, { uri, kind: 'other' as 'validation' });
    assert.ok(!kind.ok);
    assert.match(kind.problem, /`kind` must be 'validation' or 'featureStore'/);
    const variables = await server.connection.sendRequest(RequestVariablesRequest, { uri: closed });
    assert.ok(!variables.ok);
    const prepared = await server.connection.sendRequest(PrepareRequestRequest, { uri: closed, kind: 'validation', values: {}, secretsNotNeeded: false });
    assert.deepEqual(prepared.ok ? undefined : prepared.stage, 'manifest');
  });

  test('requestVariables: every form variable of the capability, for Forget Request Values', async () => {
    const answer = await server.connection.sendRequest(RequestVariablesRequest, { uri });
    assert.ok(answer.ok);
    assert.deepEqual(answer.variables.map((v) => [v.key, v.isSecret]), [['baseUrl', false], ['siteId', false], ['region', false], ['apiToken', true]]);
  });

  test('prepareRequest for preview and curl: masked, no id and nothing to send', async () => {
    const shown = await prepare({ baseUrl: http.origin, siteId: 'my site/1' }, true);
    assert.equal(shown.id, undefined);
    assert.equal(shown.request, undefined);
    assert.equal(shown.displayText, `GET ${http.origin}/validate/my%20site/1?region=eu\nAuthorization: Bearer ••••\nX-Site: my site/1`);
    assert.match(shown.curl, /^# Set first \(secret, not written here\): API_TOKEN=\.\.\.\n/);
    assert.match(shown.curl, /--header "Authorization: Bearer \$\{API_TOKEN\}"/);
  });

  test('a test run: the real request goes to the client, the verdict and report come back masked', async () => {
    http.route('/validate/my%20site/1', (req, res) => json(res, 200, { success: true, echoed: req.headers.authorization }));
    const prepared = await prepare(values(http.origin));
    assert.deepEqual(prepared.request!.headers[0], { name: 'Authorization', value: `Bearer ${TOKEN}` });
    assert.deepEqual(prepared.display.headers[0], { name: 'Authorization', value: 'Bearer ••••' });
    assert.ok(!JSON.stringify({ ...prepared, request: undefined }).includes(TOKEN), 'a secret outside the request to send');
    const judged = await sendAndJudge(prepared);
    assert.ok(judged.ok, JSON.stringify(judged));
    assert.deepEqual(judged.verdict, { kind: 'success', summary: 'Success: HTTP 200 and /success is true.', passed: true });
    assert.match(judged.report, /^=== Test validation request: integrations\/acme\/manifest.json/);
    assert.match(judged.report, /"echoed": "Bearer ••••"/);
    assert.deepEqual(judged.sample && [judged.sample.path, JSON.parse(judged.sample.text)], ['sample-responses/validationRequest.json', { success: true, echoed: 'Bearer ••••' }]);
    assert.ok(!JSON.stringify(judged).includes(TOKEN), 'the secret came back');
    assert.equal(http.received.at(-1)!.headers.authorization, `Bearer ${TOKEN}`);

    const again = await server.connection.sendRequest(JudgeResponseRequest, { id: prepared.id!, label: 'm', outcome: { kind: 'network-error', error: 'refused', message: 'x', elapsedMs: 1 } });
    assert.ok(!again.ok, 'a prepared request is judged once');
    assert.match(again.problem, /no longer has this request/);
  });

  test('a failed verdict masks an echoed secret in its summary too', async () => {
    http.route('/validate/echo', (req, res) => json(res, 200, { success: false, errors: [`bad token ${req.headers.authorization}`] }));
    const judged = await sendAndJudge(await prepare(values(http.origin, { siteId: 'echo' })));
    assert.ok(judged.ok);
    assert.equal(judged.verdict.kind, 'failure');
    assert.equal(judged.verdict.summary, 'Failed: /success is false. Errors: bad token Bearer ••••');
    assert.equal(judged.verdict.passed, false);
  });

  test('a network error and a body that is not JSON are judged without a sample', async () => {
    http.route('/validate/html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>\u00e9</html>');
    });
    const html = await sendAndJudge(await prepare(values(http.origin, { siteId: 'html' })));
    assert.ok(html.ok);
    assert.equal(html.verdict.kind, 'not-json');
    assert.equal(html.sample, undefined);
    assert.match(html.report, /<html>\u00e9<\/html>/);
    const prepared = await prepare(values(http.origin));
    const refused = await server.connection.sendRequest(JudgeResponseRequest, {
      id: prepared.id!,
      label: 'm',
      outcome: { kind: 'network-error', error: 'refused', message: 'the connection was refused: connect ECONNREFUSED', elapsedMs: 3 },
    });
    assert.ok(refused.ok);
    assert.deepEqual([refused.verdict.kind, refused.verdict.passed], ['network-error', false]);
    assert.match(refused.report, /No response \(refused\) after 3 ms/);
  });

  test('a body cut at the limit reaches the server byte for byte, even inside a character', async () => {
    http.route('/validate/big', (_req, res) => json(res, 200, { success: true, text: '\u00e9'.repeat(100) }));
    const judged = await sendAndJudge(await prepare(values(http.origin, { siteId: 'big' })), 51);
    assert.ok(judged.ok);
    assert.equal(judged.verdict.kind, 'body-too-large');
    assert.match(judged.verdict.summary, /limit of 51 bytes/);
    assert.match(judged.report, /\(the body was cut at 51 bytes, the limit\)/);
  });

  test('the feature store request is stored with its sample payload, and judged without a parser', async () => {
    http.route('/store/env-key', (_req, res) => json(res, 204, {}));
    const prepared = await prepare(values(http.origin, { _featureStoreKey: 'env-key', envId: 'env-1' }), false, 'featureStore');
    assert.equal(prepared.display.method, 'PUT');
    assert.match(prepared.request!.body!, /^\{"env":"env-1","data":\{"flags"/);
    const judged = await sendAndJudge(prepared);
    assert.ok(judged.ok);
    assert.deepEqual([judged.verdict.kind, judged.verdict.passed, judged.sample], ['stored', true, undefined]);
  });

  test('a malformed outcome is answered with a message; only the last 16 prepared requests are kept', async () => {
    const first = await prepare(values(http.origin));
    const malformed = await server.connection.sendRequest(JudgeResponseRequest, { id: first.id!, label: 'm', outcome: { kind: 'response' } as never });
    assert.ok(!malformed.ok);
    assert.match(malformed.problem, /could not judge the response: the outcome sent with judgeResponse is neither/);
    const oldest = await prepare(values(http.origin));
    for (let i = 0; i < 16; i++) await prepare(values(http.origin));
    const forgotten = await server.connection.sendRequest(JudgeResponseRequest, { id: oldest.id!, label: 'm', outcome: { kind: 'network-error', error: 'other', message: 'x', elapsedMs: 0 } });
    assert.ok(!forgotten.ok);
  });
});
