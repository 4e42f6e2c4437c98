// Sending for real: HTTP and HTTPS servers on 127.0.0.1 answer each case the issue lists, and record
// what reached them, so the checks are on the wire.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { reportJson, reportText } from '../../server/src/request/report';
import { prepareRequest, type RequestRun } from '../../server/src/request/testRequest';
import { sendPrepared } from '../../server/src/request/sendPrepared';
import type { SendOptions } from '../../server/src/request/sendTypes';
import { TOKEN, storeDoc, values } from './fixtures';
import { json, makeTestCa, startHttpServer, startHttpsServer, type TestCa, type TestServer } from './servers';

const OPTIONS: SendOptions = { timeoutMs: 5000, maxBodyBytes: 1024 * 1024 };

async function run(origin: string, options: Partial<SendOptions> = {}, kind: 'validation' | 'featureStore' = 'validation', path?: string): Promise<RequestRun> {
  const prepared = prepareRequest(storeDoc({ validationPath: path }), kind, values(origin, { _featureStoreKey: 'env-key', envId: 'env-1' }));
  assert.ok(prepared.ok, JSON.stringify(prepared));
  return sendPrepared(prepared.prepared, { ...OPTIONS, ...options });
}

function assertNoSecret(r: RequestRun): void {
  for (const output of [reportText(r, 'm.json'), reportJson(r, 'm.json')]) {
    assert.ok(!output.includes(TOKEN), 'the token appears in a report');
    assert.ok(!output.includes(encodeURIComponent(TOKEN)), 'the encoded token appears in a report');
  }
}

describe('sending the validation request over HTTP', () => {
  let server: TestServer;
  let other: TestServer;
  before(async () => {
    server = await startHttpServer();
    other = await startHttpServer();
  });
  after(async () => {
    await server.close();
    await other.close();
  });

  test('success: the server receives the rendered URL and headers', async () => {
    server.route('/validate/my%20site/1', (_req, res) => json(res, 200, { success: true }));
    const r = await run(server.origin);
    assert.equal(r.reading.verdict.kind, 'success', r.reading.verdict.summary);
    const got = server.received.at(-1)!;
    assert.equal(got.method, 'GET');
    assert.equal(got.url, '/validate/my%20site/1?region=eu');
    assert.equal(got.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(got.headers['x-site'], 'my site/1');
    assert.match(reportText(r, 'm.json'), /success \/success → true/);
    assertNoSecret(r);
  });

  test('failure with errors: the messages at parser.errors are shown', async () => {
    server.route('/bad/my%20site/1', (_req, res) => json(res, 200, { success: false, errors: ['token expired', { message: 'no such site' }] }));
    const r = await run(server.origin, {}, 'validation', '/bad');
    assert.equal(r.reading.verdict.kind, 'failure');
    assert.deepEqual(r.reading.verdict.kind === 'failure' && r.reading.verdict.errors, ['token expired', 'no such site']);
    assert.match(r.reading.verdict.summary, /\/success is false\. Errors: token expired; no such site/);
  });

  test('2xx with a success value that is not the boolean true fails and names the value', async () => {
    server.route('/string/my%20site/1', (_req, res) => json(res, 201, { success: 'true' }));
    const r = await run(server.origin, {}, 'validation', '/string');
    assert.equal(r.reading.verdict.kind, 'failure');
    assert.match(r.reading.verdict.summary, /"true" \(a string, not the boolean true\)/);
  });

  test('a pointer that selects nothing has its own verdict', async () => {
    server.route('/other/my%20site/1', (_req, res) => json(res, 200, { ok: true }));
    const r = await run(server.origin, {}, 'validation', '/other');
    assert.equal(r.reading.verdict.kind, 'pointer-missing');
    assert.match(r.reading.verdict.summary, /`parser.success` \(\/success\) selects nothing/);
  });

  test('a body that is not JSON', async () => {
    server.route('/html/my%20site/1', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    });
    const r = await run(server.origin, {}, 'validation', '/html');
    assert.equal(r.reading.verdict.kind, 'not-json');
    assert.match(r.reading.verdict.summary, /not JSON \(content-type text\/html\)/);
  });

  test('HTTP 500, with the errors of its JSON body', async () => {
    server.route('/boom/my%20site/1', (_req, res) => json(res, 500, { success: false, errors: ['database down'] }));
    const r = await run(server.origin, {}, 'validation', '/boom');
    assert.equal(r.reading.verdict.kind, 'http-error');
    assert.match(r.reading.verdict.summary, /HTTP 500 Internal Server Error\. Errors: database down/);
  });

  test('time-out: a server that never answers', async () => {
    server.route('/hang/my%20site/1', () => undefined);
    const started = Date.now();
    const r = await run(server.origin, { timeoutMs: 300 }, 'validation', '/hang');
    assert.equal(r.reading.verdict.kind, 'network-error');
    assert.equal(r.outcome.kind === 'network-error' && r.outcome.error, 'timeout');
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 290 && elapsed < 3000, `took ${elapsed} ms`);
  });

  test('a body over the limit is cut there and said so', async () => {
    server.route('/big/my%20site/1', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: true, padding: 'x'.repeat(2 * 1024 * 1024) }));
    });
    const r = await run(server.origin, { maxBodyBytes: 1000 }, 'validation', '/big');
    assert.equal(r.reading.verdict.kind, 'body-too-large');
    assert.ok(r.outcome.kind === 'response' && r.outcome.response.truncated && r.outcome.response.body.length === 1000);
    assert.match(reportText(r, 'm.json'), /the body was cut at 1000 bytes/);
  });

  test('a redirect to the same origin is followed, with the headers', async () => {
    server.route('/moved/my%20site/1', (_req, res) => {
      res.writeHead(307, { location: '/validate/my%20site/1?region=eu&hop=1' });
      res.end();
    });
    const before = server.received.length;
    const r = await run(server.origin, {}, 'validation', '/moved');
    assert.equal(r.reading.verdict.kind, 'success', r.reading.verdict.summary);
    const hops = server.received.slice(before);
    assert.deepEqual(hops.map((h) => h.url), ['/moved/my%20site/1?region=eu', '/validate/my%20site/1?region=eu&hop=1']);
    assert.equal(hops[1]!.headers.authorization, `Bearer ${TOKEN}`);
  });

  test('a redirect to another origin is not followed and the other server receives nothing', async () => {
    other.route('/steal', (_req, res) => json(res, 200, { success: true }));
    server.route('/away/my%20site/1', (_req, res) => {
      res.writeHead(302, { location: `${other.origin}/steal` });
      res.end();
    });
    const r = await run(server.origin, {}, 'validation', '/away');
    assert.equal(r.reading.verdict.kind, 'http-error');
    assert.match(r.reading.verdict.summary, /HTTP 302.*was not followed/);
    assert.equal(other.received.length, 0, 'the other origin was contacted');
    assert.match(reportText(r, 'm.json'), /NOT followed/);
  });

  test('a refused connection', async () => {
    const closed = await startHttpServer();
    await closed.close();
    const r = await run(closed.origin);
    assert.equal(r.outcome.kind === 'network-error' && r.outcome.error, 'refused');
    assert.match(r.reading.verdict.summary, /refused/);
  });

  test('cancelling stops the exchange', async () => {
    server.route('/slow/my%20site/1', () => undefined);
    const abort = new AbortController();
    const pending = run(server.origin, { signal: abort.signal }, 'validation', '/slow');
    // Cancel once the server has the request: that is when a user presses Cancel.
    await waitUntil(() => server.received.some((r) => r.url.startsWith('/slow/')));
    abort.abort();
    const r = await pending;
    assert.equal(r.outcome.kind === 'network-error' && r.outcome.error, 'cancelled');
  });

  test('a secret the service echoes back is masked in every report', async () => {
    server.route('/echo/my%20site/1', (req, res) => json(res, 200, { success: true, youSent: req.headers.authorization, url: req.url }));
    const r = await run(server.origin, {}, 'validation', '/echo');
    assert.equal(r.reading.verdict.kind, 'success');
    assert.ok(r.outcome.kind === 'response' && r.outcome.response.body.toString().includes(TOKEN), 'the server did echo it');
    assertNoSecret(r);
    assert.match(reportText(r, 'm.json'), /"youSent": "Bearer ••••"/);
  });

  test('the feature store request PUTs the wrapped payload', async () => {
    server.route('/store/env-key', (_req, res) => json(res, 200, {}));
    const r = await run(server.origin, {}, 'featureStore');
    assert.equal(r.reading.verdict.kind, 'stored');
    const got = server.received.at(-1)!;
    assert.equal(got.method, 'PUT');
    const body = JSON.parse(got.body) as { env: string; data: { flags: Record<string, unknown> } };
    assert.equal(body.env, 'env-1');
    assert.ok('ld-manifest-test-flag' in body.data.flags);
    assert.equal(got.headers['content-type'], 'application/json');
  });
});

describe('sending over HTTPS', () => {
  let ca: TestCa;
  let server: TestServer;
  before(async () => {
    ca = makeTestCa();
    server = await startHttpsServer(ca);
    server.route('/validate/my%20site/1', (_req, res) => json(res, 200, { success: true }));
  });
  after(() => server.close());

  test('verifies the certificate against the extra CA', async () => {
    const r = await run(server.origin, { extraCa: ca.caPem });
    assert.equal(r.reading.verdict.kind, 'success', r.reading.verdict.summary);
    assert.equal(server.received.at(-1)!.headers.authorization, `Bearer ${TOKEN}`);
  });

  test('refuses a certificate no trusted CA signed', async () => {
    const before = server.received.length;
    const r = await run(server.origin);
    assert.equal(r.outcome.kind === 'network-error' && r.outcome.error, 'tls', r.reading.verdict.summary);
    assert.match(r.reading.verdict.summary, /TLS certificate was not accepted/);
    assert.equal(server.received.length, before, 'no request reached the server');
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
