// The browser's transport (fetchSend.ts), run on Node's own fetch against real servers on 127.0.0.1:
// the wire, the limits and the refusals are the same code in a browser. What only a browser does
// (CORS) is tested in the browser suite (test/e2e/web/request.web.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchSend, headersABrowserWithholds } from '../../server/src/request/fetchSend';
import { bodyText, type SendOptions } from '../../server/src/request/sendTypes';
import type { RenderedRequest } from '../../server/src/request/render';
import { json, startHttpServer, type TestServer } from './servers';

const OPTIONS: SendOptions = { timeoutMs: 5000, maxBodyBytes: 1024 };

function get(url: string, headers: { name: string; value: string }[] = []): RenderedRequest {
  return { method: 'GET', url, headers, body: undefined };
}

describe('sending with fetch, as the web extension does', () => {
  let server: TestServer;
  before(async () => {
    server = await startHttpServer();
  });
  after(() => server.close());

  test('sends method, headers and body as given, and reads status, headers and body', async () => {
    server.route('/echo', (req, res) => json(res, 201, { method: req.method, auth: req.headers.authorization, body: req.body }));
    const outcome = await fetchSend(
      { method: 'POST', url: `${server.origin}/echo`, headers: [{ name: 'Authorization', value: 'Bearer t0k3n' }, { name: 'Content-Type', value: 'application/json' }], body: '{"a":1}' },
      OPTIONS,
    );
    assert.equal(outcome.kind, 'response');
    if (outcome.kind !== 'response') return;
    assert.equal(outcome.response.status, 201);
    assert.deepEqual(JSON.parse(bodyText(outcome.response.body)), { method: 'POST', auth: 'Bearer t0k3n', body: '{"a":1}' });
    assert.ok(outcome.response.headers.some(([name, value]) => name === 'content-type' && value.includes('json')));
    assert.equal(outcome.response.truncated, false);
  });

  test('cuts the body at the limit and says so', async () => {
    server.route('/big', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(10_000));
    });
    const outcome = await fetchSend(get(`${server.origin}/big`), OPTIONS);
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.response.body.length, OPTIONS.maxBodyBytes);
    assert.equal(outcome.response.truncated, true);
  });

  test('refuses a header a browser would drop, so that what is shown is what is sent', async () => {
    const before = server.received.filter((r) => r.url.startsWith('/echo')).length;
    const request = get(`${server.origin}/echo`, [{ name: 'Host', value: 'elsewhere.example' }, { name: 'User-Agent', value: 'x' }, { name: 'X-Fine', value: 'y' }]);
    assert.deepEqual(headersABrowserWithholds(request), ['Host', 'User-Agent']);
    const outcome = await fetchSend(request, OPTIONS);
    assert.ok(outcome.kind === 'network-error');
    assert.equal(outcome.error, 'browser');
    assert.match(outcome.message, /Host, User-Agent/);
    assert.equal(server.received.filter((r) => r.url.startsWith('/echo')).length, before, 'nothing reached the server');
  });

  test('a service out of reach is a browser network error that names CORS and reachability both', async () => {
    const closed = await startHttpServer();
    const origin = closed.origin;
    await closed.close();
    const outcome = await fetchSend(get(`${origin}/validate`), OPTIONS);
    assert.ok(outcome.kind === 'network-error');
    assert.equal(outcome.error, 'browser');
    assert.match(outcome.message, /CORS/);
    assert.match(outcome.message, /cannot be reached/);
  });

  test('times out with one deadline, and a cancel is a cancel', async () => {
    server.route('/slow', () => undefined);
    const timedOut = await fetchSend(get(`${server.origin}/slow`), { ...OPTIONS, timeoutMs: 200 });
    assert.ok(timedOut.kind === 'network-error');
    assert.equal(timedOut.error, 'timeout');
    const abort = new AbortController();
    const pending = fetchSend(get(`${server.origin}/slow`), { ...OPTIONS, signal: abort.signal });
    abort.abort();
    const cancelled = await pending;
    assert.ok(cancelled.kind === 'network-error');
    assert.equal(cancelled.error, 'cancelled');
  });

  test('does not follow a redirect', async () => {
    server.route('/moved', (_req, res) => {
      res.writeHead(302, { location: `${server.origin}/echo` });
      res.end();
    });
    const echoes = () => server.received.filter((r) => r.url.startsWith('/echo')).length;
    const before = echoes();
    const outcome = await fetchSend(get(`${server.origin}/moved`), OPTIONS);
    // Node shows the redirect itself; a browser hides it (an opaque redirect, reported as a browser error).
    assert.ok(outcome.kind === 'response');
    assert.equal(outcome.response.status, 302);
    assert.equal(echoes(), before, 'the redirect was not followed');
  });
});
