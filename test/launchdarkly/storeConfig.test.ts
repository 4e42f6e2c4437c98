// The pure parts that decide what is sent: the manifest's store capability and its form variables,
// `dependsOn`, and the config built from given values (unknown keys, types, required values,
// defaults, generated variables, update against the saved config).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { storeCapability, integrationKeyOf, type StoreVariable } from '../../server/src/launchdarkly/storeCapability';
import { buildConfig } from '../../server/src/launchdarkly/storeConfig';
import { manifestText } from '../support/manifests';
import { acmeManifest, redisxManifest } from './fixtures';

const doc = (key: string, manifest: unknown) => parseManifest(`file:///work/integrations/${key}/manifest.json`, manifestText(manifest));

function variablesOf(key: string, manifest: unknown): readonly StoreVariable[] {
  const found = storeCapability(doc(key, manifest));
  assert.ok(found.ok, JSON.stringify(found));
  return found.capability.variables;
}

test('the capability: featureStore reads its own form variables, bigSegmentStore the top-level ones', () => {
  const acme = storeCapability(doc('acme', acmeManifest('https://partner.example')));
  assert.ok(acme.ok);
  assert.deepEqual([acme.capability.kind, acme.capability.integrationKey, acme.capability.variablesPath], ['featureStore', 'acme', 'capabilities.featureStore.formVariables']);
  assert.deepEqual(acme.capability.variables.map((v) => v.key), ['baseUrl', 'apiToken', 'region', 'useProxy', 'proxyHost']);
  assert.deepEqual(acme.capability.variables[4]!.dependsOn, [{ variableKey: 'useProxy', variableLocation: 'formVariables', action: 'showField', conditions: [{ operator: 'equalTo', value: 'true' }] }]);
  const redis = storeCapability(doc('redisx', redisxManifest()));
  assert.ok(redis.ok);
  assert.deepEqual([redis.capability.kind, redis.capability.variablesPath, redis.capability.variables.length], ['bigSegmentStore', 'formVariables', 5]);
});

test('the capability: what is missing or ambiguous is said', () => {
  const none = storeCapability(doc('acme', { name: 'x', capabilities: {} }));
  assert.deepEqual(none, { ok: false, problem: 'the manifest has no `capabilities.featureStore` or `capabilities.bigSegmentStore`' });
  const both = { ...redisxManifest(), capabilities: { ...(acmeManifest('https://p').capabilities as object), bigSegmentStore: { dbStyle: 'redis' } } };
  assert.match((storeCapability(doc('acme', both)) as { problem: string }).problem, /declares both featureStore and bigSegmentStore; say which one/);
  const picked = storeCapability(doc('acme', both), 'bigSegmentStore');
  assert.equal(picked.ok && picked.capability.kind, 'bigSegmentStore');
  assert.match((storeCapability(parseManifest('file:///work/integrations/acme/manifest.json', '{"a": ')) as { problem: string }).problem, /not valid JSON/);
  assert.equal(integrationKeyOf('file:///work/integrations/my%20store/manifest.json'), undefined);
  assert.equal(integrationKeyOf('file:///work/integrations/dynamodb/manifest.json'), 'dynamodb');
});

test('create: defaults for optional values, types coerced from text, generated and dependsOn-unused variables never sent', () => {
  const acme = variablesOf('acme', acmeManifest('https://p'));
  const built = buildConfig(acme, new Map<string, unknown>([['baseUrl', 'https://s.example'], ['apiToken', 'secret-value-1']]), { mode: 'create' });
  assert.deepEqual(built, { ok: true, config: { baseUrl: 'https://s.example', apiToken: 'secret-value-1', region: 'eu', useProxy: false }, secretValues: ['secret-value-1'] });
  const proxied = buildConfig(acme, new Map<string, unknown>([['baseUrl', 'https://s.example'], ['apiToken', 's'], ['useProxy', 'true']]), { mode: 'create' });
  assert.ok(proxied.ok);
  assert.deepEqual([proxied.config.useProxy, proxied.config.proxyHost], [true, 'proxy.local']);
  const redis = variablesOf('redisx', redisxManifest());
  const stored = buildConfig(redis, new Map<string, unknown>([['host', 'h'], ['tlsEnabled', true]]), { mode: 'create' });
  assert.deepEqual(stored.ok && stored.config, { host: 'h', port: '6379', password: '', tlsEnabled: true });
});

test('create: every problem is named, and no secret is quoted', () => {
  const acme = variablesOf('acme', acmeManifest('https://p'));
  const problems = (given: [string, unknown][]) => {
    const built = buildConfig(acme, new Map(given), { mode: 'create' });
    assert.ok(!built.ok);
    return built.problems;
  };
  assert.deepEqual(problems([]), ["no value for 'baseUrl' (Base URL)", "no value for 'apiToken' (API token)"]);
  assert.deepEqual(problems([['baseUrl', 'not a url'], ['apiToken', 's']]), ["'baseUrl' (Base URL) must be an absolute http(s) URL, not 'not a url'"]);
  assert.deepEqual(problems([['baseUrl', 'https://x'], ['apiToken', 42]]), ["'apiToken' (API token) must be a string, not a number"]);
  assert.deepEqual(problems([['baseUrl', 'https://x'], ['apiToken', 's'], ['region', 'asia']]), ["'region' (Region) must be one of 'eu', 'us', not 'asia'"]);
  assert.deepEqual(problems([['baseUrl', 'https://x'], ['apiToken', 's'], ['useProxy', 'yes']]), ["'useProxy' (Use a proxy) must be true or false, not 'yes'"]);
  assert.match(problems([['baseUrl', 'https://x'], ['apiToken', 's'], ['__proto__', 'x']])[0]!, /^unknown config key '__proto__': the manifest's form variables are the config, and it declares 'baseUrl', 'apiToken', 'region', 'useProxy', 'proxyHost'$/);
  const secretEnum = [{ key: 'k', name: 'Key', type: 'enum', isSecret: true, isOptional: false, isHidden: false, allowedValues: ['a'], dependsOn: [] }];
  const hidden = buildConfig(secretEnum, new Map([['k', 'my-secret-guess']]), { mode: 'create' });
  assert.ok(!hidden.ok);
  assert.ok(!hidden.problems[0]!.includes('my-secret-guess'), hidden.problems[0]);
});

test('multiselect values: a list or comma-separated text, each one of the options', () => {
  const variables: StoreVariable[] = [{ key: 'envs', name: 'Envs', type: 'multiselect', isSecret: false, isOptional: false, isHidden: false, multiselectValues: ['a', 'b'], dependsOn: [] }];
  assert.deepEqual(buildConfig(variables, new Map([['envs', 'a, b']]), { mode: 'create' }), { ok: true, config: { envs: ['a', 'b'] }, secretValues: [] });
  assert.deepEqual(buildConfig(variables, new Map([['envs', ['b']]]), { mode: 'create' }), { ok: true, config: { envs: ['b'] }, secretValues: [] });
  assert.deepEqual(buildConfig(variables, new Map([['envs', 'a,c']]), { mode: 'create' }), { ok: false, problems: ["'envs' (Envs) takes only 'a', 'b', not 'c'"] });
});

test('update: only the given values, dependsOn decided against the saved config', () => {
  const acme = variablesOf('acme', acmeManifest('https://p'));
  const saved = { baseUrl: 'https://s', apiToken: 's', region: 'eu', useProxy: false };
  assert.deepEqual(buildConfig(acme, new Map([['region', 'us']]), { mode: 'update', current: saved }), { ok: true, config: { region: 'us' }, secretValues: [] });
  const hidden = buildConfig(acme, new Map([['proxyHost', 'p']]), { mode: 'update', current: saved });
  assert.deepEqual(hidden, { ok: false, problems: ["'proxyHost' (Proxy host) is not used: its dependsOn shows it only when 'useProxy' is equalTo 'true'"] });
  assert.ok(buildConfig(acme, new Map([['proxyHost', 'p']]), { mode: 'update', current: { ...saved, useProxy: true } }).ok);
  // Before the configuration is read, only keys and types can be checked.
  assert.ok(buildConfig(acme, new Map([['proxyHost', 'p']]), { mode: 'update' }).ok);
});
