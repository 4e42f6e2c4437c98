// Base URLs, routes, rate-limit waits, JSON Patch, response parsing, messages and the rendering of a
// call (token masked when shown, a shell variable in curl), and that these parts bundle without Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { curlCommand } from '../../server/src/request/curl';
import { apiErrorMessage } from '../../server/src/launchdarkly/apiErrors';
import { renderApiCall } from '../../server/src/launchdarkly/apiRequest';
import { resolveBaseUri } from '../../server/src/launchdarkly/instances';
import { buildPatch, pointerSegment } from '../../server/src/launchdarkly/jsonPatch';
import { rateLimitWaitMs } from '../../server/src/launchdarkly/rateLimit';
import { parseConfiguration, parseProjects, validationSucceeded } from '../../server/src/launchdarkly/responses';
import { routes } from '../../server/src/launchdarkly/routes';
import { repoRoot } from '../support/manifests';

test('base URIs: the named instances, https anywhere, http only on loopback, nothing that hides where the token goes', () => {
  assert.deepEqual(resolveBaseUri(undefined), { ok: true, baseUri: 'https://app.launchdarkly.com' });
  assert.deepEqual(resolveBaseUri('eu'), { ok: true, baseUri: 'https://app.eu.launchdarkly.com' });
  assert.deepEqual(resolveBaseUri('federal'), { ok: true, baseUri: 'https://app.launchdarkly.us' });
  assert.deepEqual(resolveBaseUri('https://relay.example.com/ld/'), { ok: true, baseUri: 'https://relay.example.com/ld' });
  assert.deepEqual(resolveBaseUri('http://127.0.0.1:8080'), { ok: true, baseUri: 'http://127.0.0.1:8080' });
  assert.deepEqual(resolveBaseUri('http://[::1]:8080/'), { ok: true, baseUri: 'http://[::1]:8080' });
  for (const [given, problem] of [
    ['http://app.launchdarkly.com', /must use https:/],
    ['http://127.0.0.1.example.com', /must use https:/],
    ['https://user:pw@app.launchdarkly.com', /user name or password/],
    ['https://app.launchdarkly.com/?x=1', /query or fragment/],
    ['file:///etc/passwd', /must be an https: URL, not file:/],
    ['toString', /not a URL/],
  ] as const) {
    const result = resolveBaseUri(given);
    assert.ok(!result.ok, given);
    assert.match(result.problem, problem);
  }
});

test('routes: the exact paths of the contract, keys percent-encoded as one segment, beta where it applies', () => {
  const ref = { kind: 'featureStore' as const, projectKey: 'my proj', environmentKey: 'a/b', integrationKey: 'acme', id: '6a..' };
  assert.deepEqual(routes.validate(ref), { method: 'POST', path: '/api/v2/integration-capabilities/featureStore/my%20proj/a%2Fb/acme/6a../validate', beta: true });
  assert.deepEqual(routes.update({ ...ref, kind: 'bigSegmentStore' }), { method: 'PATCH', path: '/api/v2/integration-capabilities/big-segment-store/my%20proj/a%2Fb/acme/6a..', beta: true });
  assert.deepEqual(routes.listAll('bigSegmentStore'), { method: 'GET', path: '/api/v2/integration-capabilities/big-segment-store', beta: true });
  assert.deepEqual(routes.listByEnvironment('p', 'e'), { method: 'GET', path: '/api/v2/integration-capabilities/featureStore/p/e', beta: true });
  assert.deepEqual(routes.listProjects(), { method: 'GET', path: '/api/v2/projects?expand=environments', beta: false });
});

test('rate-limit waits: Retry-After seconds or date, X-Ratelimit-Reset epoch milliseconds, else a second', () => {
  const now = 1_700_000_000_000;
  assert.equal(rateLimitWaitMs([['retry-after', '7']], now), 7000);
  assert.equal(rateLimitWaitMs([['retry-after', new Date(now + 3000).toUTCString()]], now), 3000);
  assert.equal(rateLimitWaitMs([['x-ratelimit-reset', String(now + 2500)]], now), 2500);
  assert.equal(rateLimitWaitMs([['x-ratelimit-reset', String(now - 10)]], now), 0);
  assert.equal(rateLimitWaitMs([], now), 1000);
});

test('JSON Patch: the version tested first, config keys escaped as pointer segments', () => {
  assert.equal(pointerSegment('a/b~c'), 'a~1b~0c');
  assert.deepEqual(buildPatch({ on: false, tags: ['x'], config: { 'a/b': 1 } }, 4), [
    { op: 'test', path: '/version', value: 4 },
    { op: 'replace', path: '/on', value: false },
    { op: 'add', path: '/tags', value: ['x'] },
    { op: 'add', path: '/config/a~1b', value: 1 },
  ]);
});

test('responses: a configuration, projects with environments, a validation verdict; a malformed one is named', () => {
  const parsed = parseConfiguration({ _id: 'x', integrationKey: 'redis', projectKey: 'p', environmentKey: 'e', config: {}, on: true, version: 3, _status: { available: 'yes', errors: [{}] } }, 'bigSegmentStore');
  assert.ok(parsed.ok);
  assert.deepEqual([parsed.value.on, parsed.value.version, parsed.value.status?.available, parsed.value.status?.errors.length], [true, 3, undefined, 1]);
  assert.deepEqual(parseConfiguration({ _id: 'x', integrationKey: 'a', projectKey: 'p', config: {} }, 'featureStore'), { ok: false, problem: 'configuration x has no `environmentKey` string' });
  const projects = parseProjects({ items: [{ key: 'p', name: 'P', environments: { items: [{ key: 'e', name: 'E' }] } }] });
  assert.deepEqual(projects, { ok: true, value: [{ key: 'p', name: 'P', environments: [{ key: 'e', name: 'E' }] }] });
  assert.equal(validationSucceeded({ statusCode: 200 }), true);
  assert.equal(validationSucceeded({ statusCode: 200, error: 'parser said no' }), false);
  assert.equal(validationSucceeded({ statusCode: 401 }), false);
});

test('messages: LaunchDarkly\'s code and message in one line, then what to do', () => {
  const context = { action: 'list the projects', instance: 'eu (https://app.eu.launchdarkly.com)', tokenSource: 'LD_ACCESS_TOKEN' };
  assert.equal(
    apiErrorMessage(401, { code: 'unauthorized', message: 'Invalid access token' }, context),
    'cannot list the projects: LaunchDarkly answered 401 (unauthorized: Invalid access token); the access token was not accepted: check LD_ACCESS_TOKEN, and that the token belongs to this instance, eu (https://app.eu.launchdarkly.com) (a token works only on the instance that issued it)',
  );
  assert.match(apiErrorMessage(503, {}, context), /answered 503; LaunchDarkly had a problem: try again later$/);
});

test('a call as sent, as shown and as curl: the token and a secret value only where they are sent', () => {
  const rendered = renderApiCall({
    baseUri: 'https://app.launchdarkly.com',
    route: routes.create({ kind: 'featureStore', projectKey: 'p', environmentKey: 'e', integrationKey: 'acme' }),
    token: 'api-secret-token-123',
    userAgent: 'ld-manifest/0.1.0',
    body: { config: { apiToken: 'sec"ret-value', region: 'eu' } },
    secretKeys: new Set(['apiToken']),
  });
  assert.deepEqual(rendered.real.headers.slice(0, 1), [{ name: 'Authorization', value: 'api-secret-token-123' }]);
  assert.deepEqual(JSON.parse(rendered.real.body!), { config: { apiToken: 'sec"ret-value', region: 'eu' } });
  const shown = rendered.marks.masked(rendered.marked.headers[0]!.value + rendered.marked.body!);
  assert.equal(shown, '••••{"config":{"apiToken":"••••","region":"eu"}}');
  const curl = curlCommand(rendered);
  assert.ok(!curl.includes('api-secret-token-123') && !curl.includes('ret-value'), curl);
  assert.match(curl, /^# Set first \(secret, not written here\): LD_ACCESS_TOKEN=\.\.\. API_TOKEN=\.\.\.\n/);
  assert.match(curl, /--header "Authorization: \$\{LD_ACCESS_TOKEN\}"/);
  assert.match(curl, /--header 'LD-API-Version: beta'/);
});

test('the pure parts bundle for a platform without Node (a browser worker)', async () => {
  const root = repoRoot();
  const esbuild = createRequire(join(root, 'package.json'))('esbuild') as { build(options: Record<string, unknown>): Promise<unknown> };
  const pure = ['apiErrors', 'apiRequest', 'dependsOn', 'instances', 'jsonPatch', 'rateLimit', 'responses', 'routes', 'storeCapability', 'storeConfig'];
  // esbuild fails on any `node:` import reachable from these entries.
  await esbuild.build({
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    absWorkingDir: root,
    mainFields: ['module', 'main'],
    entryPoints: pure.map((name) => `server/src/launchdarkly/${name}.ts`),
    outdir: join(root, 'out/launchdarkly-pure-check'),
  });
});
