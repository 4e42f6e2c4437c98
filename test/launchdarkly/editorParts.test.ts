// What the editor's store features decide without VS Code: the code lenses, the server's answers to
// the store requests, the order of the create prompts, and how a configuration shows in the view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerShape, nextVariable } from '../../client/src/launchDarkly/askOrder';
import { configurationDescription, configurationIcon, configurationTooltip, integrationPage } from '../../client/src/launchDarkly/configText';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { storeConfig, storePlan } from '../../server/src/launchdarkly/editorRequests';
import type { StoreConfiguration } from '../../server/src/launchdarkly/responses';
import type { StoreVariable } from '../../server/src/launchdarkly/storeCapability';
import { storeLenses } from '../../server/src/launchdarkly/storeLenses';
import { LAUNCHDARKLY_COMMANDS } from '../../server/src/protocol';
import { manifestText } from '../support/manifests';
import { acmeManifest, redisxManifest } from './fixtures';

const acmeDoc = () => parseManifest('file:///w/integrations/acme/manifest.json', manifestText(acmeManifest('https://partner.example')));

test('code lenses sit on the store capability key and name the create and show commands', () => {
  const doc = acmeDoc();
  const lenses = storeLenses(doc);
  assert.deepEqual(lenses.map((l) => [l.command.title, l.command.command]), [
    ['Create configuration in LaunchDarkly', LAUNCHDARKLY_COMMANDS.create],
    ['Show configurations', LAUNCHDARKLY_COMMANDS.refresh],
  ]);
  const line = doc.text.getText().split('\n')[lenses[0]!.range.start.line]!;
  assert.match(line.slice(lenses[0]!.range.start.character), /^"featureStore"/);
  const redis = storeLenses(parseManifest('file:///w/integrations/redisx/manifest.json', manifestText(redisxManifest())));
  assert.equal(redis.length, 2);
  assert.deepEqual(storeLenses(parseManifest('file:///w/integrations/x/manifest.json', '{"capabilities": {"featureStore": 1}}')), []);
});

test('the store requests: the plan, and values checked the way the CLI checks them', () => {
  const plan = storePlan(acmeDoc());
  assert.ok(plan.ok);
  assert.deepEqual([plan.kind, plan.integrationKey, plan.variables.length], ['featureStore', 'acme', 5]);
  assert.deepEqual(storeConfig(acmeDoc(), { uri: '', values: { baseUrl: 'https://s', apiToken: 'secret-1' }, mode: 'create' }), {
    ok: true,
    config: { baseUrl: 'https://s', apiToken: 'secret-1', region: 'eu', useProxy: false },
  });
  const wrong = storeConfig(acmeDoc(), { uri: '', values: { region: 'asia' }, mode: 'update', current: {} });
  assert.deepEqual(wrong, { ok: false, problems: ["'region' (Region) must be one of 'eu', 'us', not 'asia'"] });
  assert.deepEqual(storePlan(parseManifest('file:///w/integrations/x/manifest.json', '{}')), { ok: false, problem: 'the manifest has no `capabilities.featureStore` or `capabilities.bigSegmentStore`' });
});

test('create prompts: manifest order, generated and hidden never asked, dependsOn decided on the answers so far', () => {
  const plan = storePlan(acmeDoc());
  assert.ok(plan.ok);
  const order: string[] = [];
  const answers = new Map<string, unknown>();
  const script: Record<string, unknown> = { baseUrl: 'https://s', apiToken: 't', region: 'us', useProxy: 'true', proxyHost: 'p' };
  for (let v = nextVariable(plan.variables, answers); v; v = nextVariable(plan.variables, answers)) {
    order.push(v.key);
    answers.set(v.key, script[v.key]);
  }
  assert.deepEqual(order, ['baseUrl', 'apiToken', 'region', 'useProxy', 'proxyHost']);
  const noProxy = new Map<string, unknown>([['baseUrl', 'x'], ['apiToken', 't'], ['region', 'eu'], ['useProxy', 'false']]);
  assert.equal(nextVariable(plan.variables, noProxy), undefined);
  const redis = storePlan(parseManifest('file:///w/integrations/redisx/manifest.json', manifestText(redisxManifest())));
  assert.ok(redis.ok);
  const asked = new Map<string, unknown>();
  for (let v = nextVariable(redis.variables, asked); v; v = nextVariable(redis.variables, asked)) asked.set(v.key, '');
  assert.deepEqual([...asked.keys()], ['host', 'port', 'password', 'tlsEnabled']);
  const hidden: StoreVariable = { key: 'h', name: 'H', type: 'string', isSecret: false, isOptional: true, isHidden: true, dependsOn: [] };
  assert.equal(nextVariable([hidden], new Map()), undefined);
});

test('answer shapes: enums and booleans picked, multiselects picked many, the rest typed', () => {
  const base = { name: 'N', isSecret: false, isOptional: false, isHidden: false, dependsOn: [] };
  assert.deepEqual(answerShape({ ...base, key: 'r', type: 'enum', allowedValues: ['eu', 'us'] }), { kind: 'pick', choices: ['eu', 'us'] });
  assert.deepEqual(answerShape({ ...base, key: 'b', type: 'boolean' }), { kind: 'pick', choices: ['true', 'false'] });
  assert.deepEqual(answerShape({ ...base, key: 'm', type: 'multiselect', multiselectValues: ['a'] }), { kind: 'pickMany', choices: ['a'] });
  assert.deepEqual(answerShape({ ...base, key: 's', type: 'string' }), { kind: 'text' });
});

test('a configuration in the view: description, status icon, tooltip with escaped text, the integration page', () => {
  const c: StoreConfiguration = {
    id: 'ps1',
    integrationKey: 'redis',
    projectKey: 'p',
    environmentKey: 'e',
    name: '[click](command:x)',
    on: true,
    tags: ['a'],
    version: 3,
    config: {},
    status: { available: true, potentiallyStale: true, lastSync: Date.UTC(2026, 0, 2), errors: [] },
  };
  assert.equal(configurationDescription(c), 'p/e · on · v3 · a');
  assert.equal(configurationIcon(c), 'warning');
  assert.equal(configurationIcon({ ...c, status: { ...c.status!, errors: [{ message: 'x' }] } }), 'error');
  assert.equal(configurationIcon({ ...c, status: undefined, on: false }), 'circle-outline');
  const tooltip = configurationTooltip(c);
  assert.match(tooltip, /^\*\*\\\[click\\\]\\\(command:x\\\)\*\* \(ps1\)/);
  assert.match(tooltip, /Status: available, potentially stale\n\nLast sync: 2026-01-02T00:00:00\.000Z/);
  assert.equal(integrationPage('https://app.eu.launchdarkly.com', 'my-store'), 'https://app.eu.launchdarkly.com/settings/integrations/my-store');
});
