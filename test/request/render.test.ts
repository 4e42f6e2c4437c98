// Rendering: the values the templates see, LaunchDarkly's helpers, masking, curl, refusals.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { edgeGridAuthorization } from '../../server/src/request/edgeGrid';
import { curlFor, prepareRequest, type PreparedRequest } from '../../server/src/request/testRequest';
import { manifestText } from '../support/manifests';
import { TOKEN, storeDoc, storeManifest, values } from './fixtures';

const ORIGIN = 'http://127.0.0.1:9';

function prepared(given: Record<string, string>, doc = storeDoc(), kind: 'validation' | 'featureStore' = 'validation'): PreparedRequest {
  const result = prepareRequest(doc, kind, given);
  assert.ok(result.ok, JSON.stringify(result));
  return result.prepared;
}

describe('rendering a validation request', () => {
  test('encodes path and query values, fills defaults and sends secrets only in the real request', () => {
    const p = prepared(values(ORIGIN));
    assert.equal(p.rendered.real.url, `${ORIGIN}/validate/my%20site/1?region=eu`);
    assert.deepEqual(p.rendered.real.headers, [
      { name: 'Authorization', value: `Bearer ${TOKEN}` },
      { name: 'X-Site', value: 'my site/1' },
    ]);
    assert.deepEqual(p.display.headers[0], { name: 'Authorization', value: 'Bearer ••••' });
    assert.ok(!JSON.stringify(p.display).includes(TOKEN));
  });

  test('asks for the referenced variables only, in manifest order', () => {
    const p = prepared(values(ORIGIN));
    assert.deepEqual(p.spec.variables.map((v) => v.key), ['baseUrl', 'siteId', 'region', 'apiToken']);
    const store = prepared(values(ORIGIN), storeDoc(), 'featureStore');
    assert.deepEqual(store.spec.variables.map((v) => v.key), ['baseUrl', 'apiToken']);
    assert.equal(store.spec.usesFeatureStoreKey, true);
  });

  test('a value outside allowedValues and a missing required value are refused by name', () => {
    const bad = prepareRequest(storeDoc(), 'validation', values(ORIGIN, { region: 'mars' }));
    assert.ok(!bad.ok);
    assert.equal(bad.stage, 'values');
    assert.match(bad.problems.join(), /`region` must be one of 'eu', 'us'/);
    const missing = prepareRequest(storeDoc(), 'validation', { baseUrl: ORIGIN, siteId: 'x' });
    assert.ok(!missing.ok);
    assert.match(missing.problems.join(), /no value for `apiToken`/);
    assert.ok(!missing.problems.join().includes(TOKEN));
  });

  test('preview and curl do not need the secrets', () => {
    const result = prepareRequest(storeDoc(), 'validation', { baseUrl: ORIGIN, siteId: 'x' }, { secretsNotNeeded: true });
    assert.ok(result.ok);
    assert.equal(result.prepared.display.headers[0]!.value, 'Bearer ••••');
  });

  test('a template error in the request is refused with the list of errors', () => {
    const manifest = storeManifest({ headers: [{ name: 'Authorization', value: 'Bearer {{apiTokn}}' }, { name: 'X', value: '{{pathEncode}}' }] });
    const result = prepareRequest(parseManifest('file:///m.json', manifestText(manifest)), 'validation', values(ORIGIN));
    assert.ok(!result.ok);
    assert.equal(result.stage, 'render');
    assert.equal(result.problems.length, 2, result.problems.join('\n'));
    assert.match(result.problems[0]!, /Unknown variable `apiTokn`/);
    assert.match(result.problems[1]!, /`pathEncode` takes 1 argument/);
  });

  test('only http: and https: URLs are sent', () => {
    const result = prepareRequest(storeDoc(), 'validation', values('ftp://127.0.0.1'));
    assert.ok(!result.ok);
    assert.match(result.problems.join(), /only http: and https: URLs are sent, not ftp:/);
  });

  test('the feature store request wraps the sample payload in payloadPrefix and payloadSuffix', () => {
    const p = prepared(values(ORIGIN, { _featureStoreKey: 'env-key', envId: 'env-1' }), storeDoc(), 'featureStore');
    assert.equal(p.rendered.real.url, `${ORIGIN}/store/env-key`);
    const body = JSON.parse(p.rendered.real.body!) as { env: string; data: { flags: object; segments: object } };
    assert.equal(body.env, 'env-1');
    assert.ok(Object.keys(body.data.flags).length === 1 && 'segments' in body.data);
  });

  test('without a given _featureStoreKey a sample key is generated', () => {
    const p = prepared(values(ORIGIN), storeDoc(), 'featureStore');
    assert.match(p.rendered.real.url, /\/store\/ld-manifest-test-[0-9a-f]{12}$/);
  });
});

describe('helpers', () => {
  const render = (header: string, variables: object[], given: Record<string, string>) => {
    const manifest = storeManifest({ headers: [{ name: 'X', value: header }] }) as { capabilities: { featureStore: { formVariables: object[] } } };
    manifest.capabilities.featureStore.formVariables.push(...variables);
    return prepareRequest(parseManifest('file:///m.json', manifestText(manifest)), 'validation', values(ORIGIN, given));
  };
  const user = { key: 'user', name: 'User', type: 'string', description: 'User.' };
  const on = { key: 'on', name: 'On', type: 'boolean', description: 'Switch.' };

  test('basicAuthHeaderValue builds a Basic header, masked when the password is secret', () => {
    const result = render('{{basicAuthHeaderValue user apiToken}}', [user], { user: 'ann' });
    assert.ok(result.ok);
    assert.equal(result.prepared.rendered.real.headers[0]!.value, `Basic ${Buffer.from(`ann:${TOKEN}`).toString('base64')}`);
    assert.equal(result.prepared.display.headers[0]!.value, 'Basic ••••');
    const curl = curlFor(result.prepared);
    assert.match(curl, /Basic \$\(printf '%s' "ann:\$\{API_TOKEN\}" \| base64 \| tr -d '\\n'\)/);
  });

  test('equal and equalWithElse compare strictly; booleans reach templates as booleans', () => {
    const result = render("{{#equal region 'eu'}}EU{{else}}other{{/equal}}-{{#if on}}yes{{else}}no{{/if}}-{{#equalWithElse region 'us'}}US{{else}}not-us{{/equalWithElse}}", [on], { on: 'false' });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.prepared.rendered.real.headers[0]!.value, 'EU-no-not-us');
  });

  test('formatWithOffset adds seconds and formats simple as YYYY-MM-DD HH:mm:ss UTC', () => {
    const when = { key: 'when', name: 'When', type: 'string', description: 'ms.' };
    const result = render("{{formatWithOffset when 301 'simple'}}", [when], { when: String(Date.UTC(2024, 0, 2, 3, 4, 5)) });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.prepared.rendered.real.headers[0]!.value, '2024-01-02 03:09:06');
  });

  test('queryEncode encodes as encodeURIComponent, pathEncode as encodeURI (the framework\'s helpers)', () => {
    const result = render('{{queryEncode siteId}}|{{pathEncode siteId}}', [], { siteId: 'a b&c/d' });
    assert.ok(result.ok);
    assert.equal(result.prepared.rendered.real.headers[0]!.value, 'a%20b%26c%2Fd|a%20b&c/d');
  });

  test('formatWithOffset knows the units milliseconds, seconds, rfc3339 and simple', () => {
    const when = { key: 'when', name: 'When', type: 'string', description: 'ms.' };
    const at = String(Date.UTC(2024, 0, 2, 3, 4, 5));
    const result = render("{{formatWithOffset when 1 'milliseconds'}} {{formatWithOffset when 1 'seconds'}} {{formatWithOffset when 1 'rfc3339'}}", [when], { when: at });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.prepared.rendered.real.headers[0]!.value, `${Number(at) + 1000} ${(Number(at) + 1000) / 1000} 2024-01-02T03:04:06Z`);
  });
});

describe('EdgeGrid signing', () => {
  // Akamai's published test vectors (the reference clients' shared test data).
  const vector = { clientToken: 'akab-client-token-xxx-xxxxxxxxxxxxxxxx', accessToken: 'akab-access-token-xxx-xxxxxxxxxxxxxxxx', clientSecret: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=', timestamp: '20140321T19:34:21+0000', nonce: 'nonce-xx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' };
  const host = 'akaa-baseurl-xxxxxxxxxxx-xxxxxxxxxxxxx.luna.akamaiapis.net';
  const signature = (method: string, pathAndQuery: string) => edgeGridAuthorization({ ...vector, method, host, pathAndQuery }).split('signature=')[1];

  test('matches the published signatures', () => {
    assert.equal(signature('GET', '/'), 'tL+y4hxyHxgWVD30X3pWnGKHcPzmrIF+LThiAOhMxYU=');
    assert.equal(signature('GET', '/testapi/v1/t1?p1=1&p2=2'), 'hKDH1UlnQySSHjvIcZpDMbQHihTQ0XyVAKZaApabdeA=');
    assert.equal(signature('PUT', '/testapi/v1/t6'), 'GNBWEYSEWOLtu+7dD52da2C39aX/Jchpon3K/AmBqBU=');
  });

  test('the header starts with the tokens, timestamp and nonce', () => {
    const header = edgeGridAuthorization({ ...vector, method: 'GET', host, pathAndQuery: '/' });
    assert.equal(header.split('signature=')[0], `EG1-HMAC-SHA256 client_token=${vector.clientToken};access_token=${vector.accessToken};timestamp=${vector.timestamp};nonce=${vector.nonce};`);
  });
});

describe('copy as curl', () => {
  test('one option per line, secrets as shell variables, literal text single-quoted', () => {
    const result = prepareRequest(storeDoc(), 'validation', { baseUrl: ORIGIN, siteId: "o'brien" }, { secretsNotNeeded: true });
    assert.ok(result.ok);
    assert.equal(
      curlFor(result.prepared),
      [
        '# Set first (secret, not written here): API_TOKEN=...',
        `curl --request GET --url '${ORIGIN}/validate/o'\\''brien?region=eu' \\`,
        '  --header "Authorization: Bearer ${API_TOKEN}" \\',
        `  --header 'X-Site: o'\\''brien'`,
        '',
      ].join('\n'),
    );
  });
});
