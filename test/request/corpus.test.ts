// The five real featureStore validation requests, rendered with sample values: URL and headers as
// LaunchDarkly would send them (Akamai's signature recomputed for a fixed clock and nonce).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { edgeGridAuthorization } from '../../server/src/request/edgeGrid';
import { prepareRequest } from '../../server/src/request/testRequest';
import { corpusRoot } from '../support/manifests';

const root = corpusRoot();
const NOW = new Date(Date.UTC(2024, 4, 6, 7, 8, 9));
const NONCE = 'nonce-for-test';

const cases: Record<string, { values: Record<string, string>; url: string; headers: Record<string, string>; masked: Record<string, string> }> = {
  'akamai-edgeworkers': {
    values: { hostname: 'akab-host.luna.akamaiapis.net', namespaceId: 'default', groupId: '12345', clientSecret: 'cs=', clientToken: 'akab-ct', accessToken: 'akab-at', _featureStoreKey: 'env-key' },
    url: 'https://akab-host.luna.akamaiapis.net/edgekv/v1/networks/production/namespaces/default',
    headers: {
      Authorization: edgeGridAuthorization({ method: 'GET', host: 'akab-host.luna.akamaiapis.net', pathAndQuery: '/edgekv/v1/networks/production/namespaces/default', clientSecret: 'cs=', clientToken: 'akab-ct', accessToken: 'akab-at', timestamp: '20240506T07:08:09+0000', nonce: NONCE }),
    },
    masked: { Authorization: 'EG1-HMAC-SHA256 ••••' },
  },
  cloudflare: {
    values: { accountId: 'acc1', namespaceId: 'ns1', apiToken: 'cf-token' },
    url: 'https://api.cloudflare.com/client/v4/accounts/acc1/storage/kv/namespaces/ns1/keys',
    headers: { Authorization: 'Bearer cf-token' },
    masked: { Authorization: 'Bearer ••••' },
  },
  convex: {
    values: { deploymentPayloadUrl: 'https://techno-kitten-138.convex.site/ld/webhook', componentApiToken: 'cx-token' },
    url: 'https://techno-kitten-138.convex.site/ld/webhook',
    headers: { Authorization: 'Bearer cx-token', 'Content-Type': 'application/json' },
    masked: { Authorization: 'Bearer ••••', 'Content-Type': 'application/json' },
  },
  'generic-feature-store': {
    values: { validationReqUrl: 'https://store.example.com/validate?x=1' },
    url: 'https://store.example.com/validate?x=1',
    headers: {},
    masked: {},
  },
  netlify: {
    values: { siteId: 'e0d5cce2', syncToken: 'nf-token' },
    url: 'https://e0d5cce2.netlify.app/.official-launchdarkly/edge-config-test',
    headers: { Authorization: 'Bearer nf-token' },
    masked: { Authorization: 'Bearer ••••' },
  },
};

for (const [integration, expected] of Object.entries(cases)) {
  test(`corpus ${integration}: validation request renders to the expected URL and headers`, { skip: root ? false : 'no corpus at ../shared/corpus' }, () => {
    const path = join(root!, 'integrations', integration, 'manifest.json');
    const doc = parseManifest(`file://${path}`, readFileSync(path, 'utf8'));
    const result = prepareRequest(doc, 'validation', expected.values, { now: () => NOW, nonce: () => NONCE });
    assert.ok(result.ok, JSON.stringify(result));
    const { real, marked } = result.prepared.rendered;
    assert.equal(real.url, expected.url);
    assert.equal(real.method, 'GET');
    assert.deepEqual(Object.fromEntries(real.headers.map((h) => [h.name, h.value])), expected.headers);
    assert.deepEqual(Object.fromEntries(result.prepared.display.headers.map((h) => [h.name, h.value])), expected.masked);
    assert.equal(marked.method, 'GET');
  });
}
