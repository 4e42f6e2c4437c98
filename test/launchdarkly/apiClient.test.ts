// The API client against the strict stand-in (and, for redirects and time-outs, bare servers): the
// wire (exact routes, raw token, beta header, User-Agent, bodies), every call, 429 handling, the
// messages for 401/403/404/409/422, cancellation, time-outs, and no redirect followed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { version } from '../../package.json';
import { LaunchDarklyClient, type ApiClientOptions, type RateLimitWait } from '../../server/src/launchdarkly/apiClient';
import { buildPatch } from '../../server/src/launchdarkly/jsonPatch';
import type { ConfigurationRef } from '../../server/src/launchdarkly/routes';
import { json, startHttpServer, type TestServer } from '../request/servers';
import { PARTNER_SECRET, READ_ONLY_TOKEN, TOKEN, standInOptions } from './fixtures';
import { startStandIn, type StandIn } from './standIn/standIn';
import { sendRequest } from '../../server/src/request/send';

describe('LaunchDarklyClient against the stand-in', () => {
  let partner: TestServer;
  let standIn: StandIn;
  before(async () => {
    partner = await startHttpServer();
    partner.route('/validate', (req, res) => json(res, 200, { ok: req.headers.authorization === `Bearer ${PARTNER_SECRET}`, errors: ['bad token'] }));
    standIn = await startStandIn(standInOptions(partner.origin));
  });
  after(async () => {
    await standIn.close();
    await partner.close();
  });
  const client = (extra: Partial<ApiClientOptions> = {}) =>
    new LaunchDarklyClient({ baseUri: standIn.origin, token: TOKEN, send: sendRequest, userAgent: `ld-manifest/${version}`, tokenSource: 'LD_ACCESS_TOKEN', ...extra });
  const acmeAt = { kind: 'featureStore' as const, projectKey: 'default', environmentKey: 'production', integrationKey: 'acme' };
  const acmeConfig = { baseUrl: 'https://store.example.com', apiToken: PARTNER_SECRET, region: 'eu', useProxy: false };

  test('projects and environments, with the raw token, User-Agent and no beta header off the beta routes', async () => {
    const projects = await client().listProjects();
    assert.ok(projects.ok, JSON.stringify(projects));
    assert.deepEqual(projects.value.map((p) => [p.key, p.environments?.map((e) => e.key)]), [
      ['default', ['production', 'test']],
      ['mobile', ['production']],
    ]);
    const environments = await client().listEnvironments('mobile');
    assert.deepEqual(environments.ok && environments.value, [{ key: 'production', name: 'Production' }]);
    const call = standIn.received.at(-1)!;
    assert.equal(call.url, '/api/v2/projects/mobile/environments');
    assert.equal(call.headers.authorization, TOKEN);
    assert.equal(call.headers['user-agent'], `ld-manifest/${version}`);
    assert.equal(call.headers['ld-api-version'], undefined);
  });

  test('a delivery configuration: create, get, list, update with the version, validate, delete', async () => {
    const created = await client().createConfiguration(acmeAt, { config: acmeConfig, name: 'Acme EU', tags: ['edge'], on: false }, new Set(['apiToken']));
    assert.ok(created.ok, JSON.stringify(created));
    const createCall = standIn.received.at(-1)!;
    assert.deepEqual([createCall.method, createCall.url, createCall.headers['ld-api-version'], createCall.headers['content-type']], [
      'POST',
      '/api/v2/integration-capabilities/featureStore/default/production/acme',
      'beta',
      'application/json',
    ]);
    assert.deepEqual(JSON.parse(createCall.body), { config: acmeConfig, name: 'Acme EU', tags: ['edge'], on: false });
    const ref: ConfigurationRef & { kind: 'featureStore' } = { ...acmeAt, id: created.value.id };
    assert.deepEqual([created.value.version, created.value.on, created.value.name], [1, false, 'Acme EU']);

    const got = await client().getConfiguration(ref);
    assert.equal(got.ok && got.value.id, created.value.id);
    const listed = await client().listConfigurations('featureStore', { integrationKey: 'acme', projectKey: 'default', environmentKey: 'production' });
    assert.deepEqual(listed.ok && listed.value.map((c) => c.id), [created.value.id]);
    assert.equal(standIn.received.at(-1)!.url, '/api/v2/integration-capabilities/featureStore/default/production');

    const updated = await client().updateConfiguration(ref, buildPatch({ on: true, config: { region: 'us' } }, 1), new Set(['apiToken']));
    assert.ok(updated.ok, JSON.stringify(updated));
    assert.deepEqual([updated.value.on, updated.value.version, updated.value.config.region], [true, 2, 'us']);
    const stale = await client().updateConfiguration(ref, buildPatch({ name: 'late' }, 1), new Set());
    assert.ok(!stale.ok);
    assert.equal(stale.failure.status, 422);
    assert.match(stale.failure.message, /changed since it was read: read it again and retry/);

    const validated = await client().validateDeliveryConfiguration(ref);
    assert.ok(validated.ok, JSON.stringify(validated));
    assert.equal(validated.value.statusCode, 200);
    assert.equal(validated.value.error, undefined);
    assert.match(validated.value.responseBody ?? '', /"ok":true/);
    // LaunchDarkly (the stand-in) sent the manifest's request to the partner, region from the saved config.
    assert.equal(partner.received.at(-1)!.url, '/validate?region=us');

    const deleted = await client().deleteConfiguration(ref);
    assert.ok(deleted.ok);
    assert.equal(standIn.received.at(-1)!.method, 'DELETE');
    const gone = await client().getConfiguration(ref);
    assert.ok(!gone.ok);
    assert.equal(gone.failure.status, 404);
    assert.match(gone.failure.message, /^cannot read delivery configuration dc\d+ of 'acme' in default\/production: LaunchDarkly answered 404 \(not_found: Integration configuration not found\); check the project/);
  });

  test('a persistent store reports its _status; the generated value comes from LaunchDarkly', async () => {
    const at = { kind: 'bigSegmentStore' as const, projectKey: 'mobile', environmentKey: 'production', integrationKey: 'redisx' };
    const created = await client().createConfiguration(at, { config: { host: 'redis.example.com' } }, new Set());
    assert.ok(created.ok, JSON.stringify(created));
    assert.equal(standIn.received.at(-1)!.url, '/api/v2/integration-capabilities/big-segment-store/mobile/production/redisx');
    standIn.store.setStatus(created.value.id, { available: true, potentiallyStale: false, lastSync: 1_700_000_000_000, errors: [{ statusCode: 500, message: 'timeout', timestamp: 1_700_000_000_500 }] });
    const got = await client().getConfiguration({ ...at, id: created.value.id });
    assert.ok(got.ok);
    assert.deepEqual(got.value.status, { available: true, potentiallyStale: false, lastSync: 1_700_000_000_000, lastError: undefined, errors: [{ statusCode: 500, message: 'timeout', timestamp: 1_700_000_000_500 }] });
    assert.match(String(got.value.config.externalId), /^generated-externalId-/);
    const all = await client().listConfigurations('bigSegmentStore', { integrationKey: 'redisx' });
    assert.equal(standIn.received.at(-1)!.url, '/api/v2/integration-capabilities/big-segment-store');
    assert.deepEqual(all.ok && all.value.map((c) => c.id), [created.value.id]);
    const conflict = await client().createConfiguration(at, { config: { host: 'other' } }, new Set());
    assert.ok(!conflict.ok);
    assert.equal(conflict.failure.status, 409);
    assert.match(conflict.failure.message, /\(conflict: .*\); a configuration for this integration already exists in this environment: update or delete that one instead$/);
  });

  test('401, 403 and an unknown integration key say what to do, without the token', async () => {
    const wrong = await client({ token: 'api-not-a-known-token-0000' }).listProjects();
    assert.ok(!wrong.ok);
    assert.match(wrong.failure.message, /answered 401 \(unauthorized: .*\); the access token was not accepted: check LD_ACCESS_TOKEN, and that the token belongs to this instance/);
    const reader = await client({ token: READ_ONLY_TOKEN }).createConfiguration(acmeAt, { config: acmeConfig }, new Set(['apiToken']));
    assert.ok(!reader.ok);
    assert.match(reader.failure.message, /answered 403 .*role does not allow this/);
    assert.ok(!reader.failure.message.includes(READ_ONLY_TOKEN));
    const unknown = await client().createConfiguration({ ...acmeAt, integrationKey: 'nobody' }, { config: {} }, new Set());
    assert.ok(!unknown.ok);
    assert.match(unknown.failure.message, /404 .*LaunchDarkly knows the integration 'nobody'/);
  });

  test('429: Retry-After seconds and X-Ratelimit-Reset epoch milliseconds are waited out, each wait reported', async () => {
    const waits: RateLimitWait[] = [];
    standIn.rateLimitNext(1, { retryAfterSeconds: 1 });
    standIn.rateLimitNext(1, { resetInMs: 300 });
    const started = Date.now();
    const projects = await client({ onRateLimit: (w) => waits.push(w) }).listProjects();
    const elapsed = Date.now() - started;
    assert.ok(projects.ok, JSON.stringify(projects));
    assert.equal(waits.length, 2);
    assert.equal(waits[0]!.waitMs, 1000);
    // Epoch milliseconds read as a time, not as seconds to wait.
    assert.ok(waits[1]!.waitMs > 0 && waits[1]!.waitMs <= 300, `waited ${waits[1]!.waitMs} ms`);
    assert.ok(elapsed >= 1000, `returned after ${elapsed} ms`);
    assert.deepEqual(waits.map((w) => [w.retry, w.maxRetries]), [[1, 3], [2, 3]]);
  });

  test('429: retries are bounded, and a wait beyond a minute is not attempted', async () => {
    standIn.rateLimitNext(3, { resetInMs: 0 });
    const tooMany = await client({ maxRetries: 2 }).listProjects();
    assert.ok(!tooMany.ok);
    assert.equal(tooMany.failure.kind, 'rate-limited');
    assert.match(tooMany.failure.message, /still rate limited after 2 retries/);
    standIn.rateLimitNext(1, {});
    const recovered = await client().listProjects();
    assert.ok(recovered.ok);
    standIn.rateLimitNext(1, { retryAfterSeconds: 3600 });
    const started = Date.now();
    const long = await client().listProjects();
    assert.ok(!long.ok);
    assert.match(long.failure.message, /rate limited for 3600 s, longer than this product waits/);
    assert.ok(Date.now() - started < 5000);
  });

  test('cancellation during a rate-limit wait ends the call at once', async () => {
    standIn.rateLimitNext(1, { retryAfterSeconds: 30 });
    const abort = new AbortController();
    const started = Date.now();
    const pending = client({ signal: abort.signal, onRateLimit: () => abort.abort() }).listProjects();
    const result = await pending;
    assert.ok(!result.ok);
    assert.equal(result.failure.kind, 'cancelled');
    assert.ok(Date.now() - started < 5000);
  });
});

describe('LaunchDarklyClient against misbehaving servers', () => {
  let server: TestServer;
  let elsewhere: TestServer;
  before(async () => {
    server = await startHttpServer();
    elsewhere = await startHttpServer();
  });
  after(async () => {
    await server.close();
    await elsewhere.close();
  });
  const client = (extra: Partial<ApiClientOptions> = {}) =>
    new LaunchDarklyClient({ baseUri: server.origin, token: TOKEN, send: sendRequest, userAgent: 'ld-manifest/test', tokenSource: 'LD_ACCESS_TOKEN', ...extra });

  test('a redirect is never followed: the token reaches no other URL', async () => {
    server.route('/api/v2/projects', (_req, res) => {
      res.writeHead(302, { location: `${elsewhere.origin}/api/v2/projects` });
      res.end();
    });
    const result = await client().listProjects();
    assert.ok(!result.ok);
    assert.equal(result.failure.kind, 'redirect');
    assert.match(result.failure.message, /redirects to http:\/\/127\.0\.0\.1:\d+\/api\/v2\/projects, where the token is not sent/);
    assert.equal(elsewhere.received.length, 0);
  });

  test('a time-out, an answer that is not JSON, and an error body that echoes the token', async () => {
    server.route('/api/v2/projects/slow/environments', () => undefined);
    const slow = await client({ timeoutMs: 200 }).listEnvironments('slow');
    assert.ok(!slow.ok);
    assert.equal(slow.failure.kind, 'network');
    assert.match(slow.failure.message, /no complete answer within 0\.2 s/);
    server.route('/api/v2/projects/html/environments', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    });
    const html = await client().listEnvironments('html');
    assert.ok(!html.ok);
    assert.match(html.failure.message, /is not JSON; check the base URI/);
    server.route('/api/v2/projects/echo/environments', (req, res) => json(res, 400, { code: 'invalid_request', message: `bad token ${String(req.headers.authorization)}\u001b[31m` }));
    const echo = await client().listEnvironments('echo');
    assert.ok(!echo.ok);
    assert.ok(!echo.failure.message.includes(TOKEN), echo.failure.message);
    // Masked here; a terminal's caller escapes the control characters (the CLI test checks that).
    assert.ok(echo.failure.message.includes('bad token ••••\u001b[31m'), echo.failure.message);
  });
});
