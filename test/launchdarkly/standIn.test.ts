// The stand-in itself is strict, so a product that sends a wrong path, header or body fails: raw
// requests that break the contract one way each get LaunchDarkly's status and error body.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import { READ_ONLY_TOKEN, TOKEN, standInOptions } from './fixtures';
import { startStandIn, type StandIn } from './standIn/standIn';

interface Answer {
  readonly status: number;
  readonly body: { code?: string; message?: string; id?: string } & Record<string, unknown>;
  readonly headers: http.IncomingHttpHeaders;
}

function call(origin: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Answer['body']) : {}, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FS = '/api/v2/integration-capabilities/featureStore';
const beta = { authorization: TOKEN, 'ld-api-version': 'beta' };
const withJson = { ...beta, 'content-type': 'application/json' };
const validCreate = JSON.stringify({ config: { baseUrl: 'https://s.example', apiToken: 'secret-secret' } });

describe('the LaunchDarkly stand-in', () => {
  let standIn: StandIn;
  before(async () => {
    standIn = await startStandIn(standInOptions('http://127.0.0.1:9'));
  });
  after(() => standIn.close());
  const expect = async (answer: Promise<Answer>, status: number, code: string) => {
    const got = await answer;
    assert.equal(got.status, status, JSON.stringify(got.body));
    assert.equal(got.body.code, code);
    assert.equal(typeof got.body.message, 'string');
    assert.equal(typeof got.body.id, 'string');
  };

  test('authorization: the token as is; a Bearer prefix or none is 401', async () => {
    await expect(call(standIn.origin, 'GET', '/api/v2/projects', {}), 401, 'unauthorized');
    await expect(call(standIn.origin, 'GET', '/api/v2/projects', { authorization: `Bearer ${TOKEN}` }), 401, 'unauthorized');
    assert.equal((await call(standIn.origin, 'GET', '/api/v2/projects', { authorization: TOKEN })).status, 200);
  });

  test('the beta routes need LD-API-Version: beta (403 otherwise)', async () => {
    await expect(call(standIn.origin, 'GET', FS, { authorization: TOKEN }), 403, 'forbidden');
    await expect(call(standIn.origin, 'GET', FS, { authorization: TOKEN, 'ld-api-version': '20240415' }), 403, 'forbidden');
    assert.equal((await call(standIn.origin, 'GET', FS, beta)).status, 200);
  });

  test('paths and methods: 404 off the contract, 405 for another method, 400 for an unknown query', async () => {
    await expect(call(standIn.origin, 'GET', '/api/v2/integration-capabilities/feature-store', beta), 404, 'not_found');
    await expect(call(standIn.origin, 'GET', '/api/v2/integration-capabilities/big-segment-store/default/production', beta), 404, 'not_found');
    await expect(call(standIn.origin, 'PUT', `${FS}/default/production/acme`, withJson, validCreate), 405, 'method_not_allowed');
    await expect(call(standIn.origin, 'GET', `${FS}?limit=5`, beta), 400, 'invalid_request');
    await expect(call(standIn.origin, 'GET', `${FS}/default/staging`, beta), 404, 'not_found');
  });

  test('create bodies: JSON with a config, no unknown field, values by the form variables, writers only', async () => {
    const create = (body: string, headers: Record<string, string> = withJson) => call(standIn.origin, 'POST', `${FS}/default/test/acme`, headers, body);
    await expect(create(validCreate, beta), 400, 'invalid_request');
    await expect(create('{"config":'), 400, 'invalid_request');
    await expect(create(JSON.stringify({ config: { baseUrl: 'https://s', apiToken: 'x' }, enabled: true })), 400, 'invalid_request');
    await expect(create(JSON.stringify({ name: 'no config' })), 400, 'invalid_request');
    await expect(create(JSON.stringify({ config: { baseUrl: 'https://s' } })), 400, 'invalid_request');
    await expect(create(JSON.stringify({ config: { baseUrl: 'https://s', apiToken: 'x', useProxy: 'true' } })), 400, 'invalid_request');
    await expect(create(JSON.stringify({ config: { baseUrl: 'https://s', apiToken: 'x', region: 'asia' } })), 400, 'invalid_request');
    await expect(create(validCreate, { ...withJson, authorization: READ_ONLY_TOKEN }), 403, 'forbidden');
    await expect(call(standIn.origin, 'POST', `${FS}/default/test/unknown`, withJson, validCreate), 404, 'not_found');
    const made = await create(validCreate);
    assert.equal(made.status, 201);
    assert.equal(made.body.version, 1);
    await expect(create(validCreate), 409, 'conflict');
  });

  test('JSON Patch: all or nothing, 422 when it cannot apply, 400 for what may not be written; delete 204', async () => {
    const made = await call(standIn.origin, 'POST', `${FS}/mobile/production/acme`, withJson, validCreate);
    const path = `${FS}/mobile/production/acme/${String(made.body._id)}`;
    const patch = (ops: unknown) => call(standIn.origin, 'PATCH', path, withJson, JSON.stringify(ops));
    await expect(patch([{ op: 'test', path: '/version', value: 7 }, { op: 'replace', path: '/on', value: true }]), 422, 'unprocessable_entity');
    await expect(patch([{ op: 'replace', path: '/config/region', value: 'us' }]), 422, 'unprocessable_entity');
    await expect(patch([{ op: 'replace', path: '/version', value: 9 }]), 400, 'invalid_request');
    await expect(patch([{ op: 'move', from: '/name', path: '/tags' }]), 400, 'invalid_request');
    await expect(patch([{ op: 'add', path: '/config/colour', value: 'red' }]), 400, 'invalid_request');
    await expect(patch({ op: 'add', path: '/on', value: true }), 400, 'invalid_request');
    const unchanged = await call(standIn.origin, 'GET', path, beta);
    assert.deepEqual([unchanged.body.on, unchanged.body.version], [false, 1]);
    const applied = await patch([{ op: 'test', path: '/version', value: 1 }, { op: 'add', path: '/tags/-', value: 'x' }, { op: 'add', path: '/config/region', value: 'us' }]);
    assert.equal(applied.status, 200);
    assert.deepEqual([applied.body.tags, (applied.body.config as Record<string, unknown>).region, applied.body.version], [['x'], 'us', 2]);
    await expect(call(standIn.origin, 'POST', `${path}/validate`, withJson, '{}'), 400, 'invalid_request');
    const deleted = await call(standIn.origin, 'DELETE', path, beta);
    assert.deepEqual([deleted.status, deleted.body], [204, {}]);
    await expect(call(standIn.origin, 'DELETE', path, beta), 404, 'not_found');
  });

  test('429 when told: Retry-After or X-Ratelimit-Reset in epoch milliseconds, and the rate-limit headers', async () => {
    standIn.rateLimitNext(1, { resetInMs: 5000 });
    standIn.rateLimitNext(1, { retryAfterSeconds: 2 });
    const first = await call(standIn.origin, 'GET', '/api/v2/projects', { authorization: TOKEN });
    assert.equal(first.status, 429);
    assert.equal(first.body.code, 'rate_limited');
    const reset = Number(first.headers['x-ratelimit-reset']);
    assert.ok(reset > Date.now() && reset <= Date.now() + 5000, String(reset));
    assert.equal(first.headers['x-ratelimit-route-remaining'], '0');
    const second = await call(standIn.origin, 'GET', '/api/v2/projects', { authorization: TOKEN });
    assert.deepEqual([second.status, second.headers['retry-after']], [429, '2']);
    assert.equal((await call(standIn.origin, 'GET', '/api/v2/projects', { authorization: TOKEN })).status, 200);
  });
});
