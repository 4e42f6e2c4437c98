// The LaunchDarkly store configurations end to end in the real editor, against the strict LaunchDarkly
// API stand-in (test/launchdarkly/standIn/) and a partner server, both started here on 127.0.0.1: sign
// in with the token handed to the command (its test injection point), the view's items (read through
// what the refresh command returns), create with the values given as arguments, validate on
// LaunchDarkly's side, sign out. Nothing of VS Code is mocked. Fixture: test/e2e/fixtures/launchdarkly.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LAUNCHDARKLY_COMMANDS } from '../../../server/src/protocol';
import { startStandIn, type ReceivedCall, type StandIn } from '../../launchdarkly/standIn/standIn';
import { activatedExtension, fixtureUri, manifestDocument, openFixture, waitFor } from './helpers';

const FEATURE_STORE = 'integrations/edge-store/manifest.json';
const PERSISTENT_STORE = 'integrations/segment-cache/manifest.json';
const TOKEN = 'api-e2e-0123456789abcdef-writer';
const WRONG_TOKEN = 'api-e2e-not-a-known-token-000000';
const PARTNER_SECRET = 'partner-e2e-S3cret/+value';
const REDIS_PASSWORD = 'redis-e2e-pa55word-value';
const NEW_PARTNER_SECRET = 'partner-e2e-N3w-secret-value';
const OUTPUT_CHANNEL = 'LaunchDarkly Manifest: Store Configurations';
const CAPABILITIES = '/api/v2/integration-capabilities';

const COMMANDS = LAUNCHDARKLY_COMMANDS;

/** What the refresh command returns: the view's nodes (to hand back to its commands) and tree items. */
interface Shown {
  node: { kind: 'configuration' | 'message'; configuration?: { id: string } };
  item: vscode.TreeItem;
}

interface ValidationResult {
  statusCode?: number;
  error?: string;
  timestamp?: number;
  responseBody?: string;
}

interface PartnerCall {
  method: string;
  url: string;
  authorization?: string;
}

const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const iconOf = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined);
const tooltipOf = (item: vscode.TreeItem) => (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? ''));

function manifestJson(relative: string): unknown {
  return JSON.parse(fs.readFileSync(fixtureUri(relative).fsPath, 'utf8'));
}

/** The view's items for `manifest`, as the refresh command (the lens's and the view's) leaves it. */
async function viewFor(manifest: string): Promise<Shown[]> {
  const shown = await vscode.commands.executeCommand<Shown[]>(COMMANDS.refresh, { uri: fixtureUri(manifest).toString() });
  assert.ok(Array.isArray(shown), 'the refresh command returned no items');
  return shown;
}

function describeView(shown: readonly Shown[]): string {
  return shown.map((s) => `${labelOf(s.item)} | ${String(s.item.description ?? '')}`).join('\n');
}

/**
 * The editor's log files: the output channels' (`output_logging_*`) and the extension host's. The
 * harness keeps the user data of a scenario at <run>/<scenario>/data, beside <run>/extensions.
 */
function logFiles(): string[] {
  const extensions = process.env.LD_E2E_EXTENSIONS_DIR;
  assert.ok(extensions, 'LD_E2E_EXTENSIONS_DIR is not set');
  const scenario = path.basename(fixtureUri('.').fsPath);
  const logs = path.join(path.dirname(extensions), scenario, 'data', 'logs');
  assert.ok(fs.existsSync(logs), `no log folder at ${logs}`);
  return fs
    .readdirSync(logs, { recursive: true })
    .map((f) => path.join(logs, String(f)))
    .filter((f) => f.endsWith('.log') && fs.statSync(f).isFile());
}

/** An output channel's log file is `<n>-<its name without the characters a file name may not hold>.log`. */
function isOutputChannelLog(file: string): boolean {
  const bare = (text: string) => text.replace(/[^A-Za-z0-9]+/g, ' ').trim();
  return path.basename(path.dirname(file)).startsWith('output_logging_') && bare(path.basename(file, '.log')).endsWith(bare(OUTPUT_CHANNEL));
}

function outputChannelText(): string {
  const files = logFiles().filter(isOutputChannelLog);
  assert.ok(files.length > 0, `no log file of the output channel "${OUTPUT_CHANNEL}"`);
  return files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

describe('LaunchDarkly store configurations', function () {
  let standIn: StandIn;
  let partner: http.Server;
  let partnerOrigin = '';
  const partnerCalls: PartnerCall[] = [];
  let partnerAnswer: unknown = { ok: true };
  let deliveryId = '';

  const calls = (method: string, pathname: string): ReceivedCall[] => standIn.received.filter((c) => c.method === method && c.url.split('?')[0] === pathname);

  before(async function () {
    partner = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        partnerCalls.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(partnerAnswer));
      });
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    partnerOrigin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
    standIn = await startStandIn({
      readers: [],
      writers: [TOKEN],
      projects: [
        { key: 'default', name: 'Default', environments: [{ key: 'production', name: 'Production' }, { key: 'test', name: 'Test' }] },
        { key: 'mobile', name: 'Mobile', environments: [{ key: 'production', name: 'Production' }] },
      ],
      integrations: {
        'edge-store': { kind: 'featureStore', manifest: manifestJson(FEATURE_STORE) },
        'segment-cache': { kind: 'bigSegmentStore', manifest: manifestJson(PERSISTENT_STORE) },
      },
    });
    await activatedExtension();
    await openFixture(FEATURE_STORE);
    await manifestDocument(fixtureUri(FEATURE_STORE));
  });

  after(async function () {
    // Leave no token behind in this editor's secret storage.
    await vscode.commands.executeCommand(COMMANDS.signOut);
    await standIn?.close();
    partner?.closeAllConnections();
    await new Promise<void>((resolve) => partner.close(() => resolve()));
  });

  it('shows the create lens above featureStore, from the language server', async function () {
    const lenses = await waitFor('a LaunchDarkly code lens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fixtureUri(FEATURE_STORE));
      return found?.some((l) => l.command?.command === COMMANDS.create) ? found : undefined;
    });
    const create = lenses.find((l) => l.command?.command === COMMANDS.create)!;
    assert.deepEqual(create.command?.arguments, [{ uri: fixtureUri(FEATURE_STORE).toString() }]);
  });

  it('keeps no token LaunchDarkly refuses, and signs in with one it accepts', async function () {
    const before = standIn.received.length;
    const refused = await vscode.commands.executeCommand<boolean>(COMMANDS.signIn, { token: WRONG_TOKEN, baseUri: standIn.origin });
    assert.equal(refused, false);
    const checked = standIn.received.slice(before);
    assert.deepEqual(
      checked.map((c) => [c.method, c.url.split('?')[0], c.headers.authorization]),
      [['GET', '/api/v2/projects', WRONG_TOKEN]],
      'the refused token was checked once, against the projects route',
    );
    const notSignedIn = await viewFor(FEATURE_STORE);
    assert.equal(notSignedIn.length, 1, describeView(notSignedIn));
    assert.match(labelOf(notSignedIn[0]!.item), /^Not signed in to LaunchDarkly/);
    assert.equal(notSignedIn[0]!.item.command?.command, COMMANDS.signIn);

    const signedIn = await vscode.commands.executeCommand<boolean>(COMMANDS.signIn, { token: TOKEN, baseUri: standIn.origin });
    assert.equal(signedIn, true);
    const check = standIn.received.filter((c) => c.headers.authorization === TOKEN)[0];
    assert.ok(check, 'the accepted token never reached LaunchDarkly');
    assert.equal(check.url.split('?')[0], '/api/v2/projects');
    assert.match(String(check.headers['user-agent']), /^launchdarkly-manifest-tools-vscode\/\d+\.\d+\.\d+/);
  });

  it('the view says there is no configuration yet, and offers to create one', async function () {
    const shown = await viewFor(FEATURE_STORE);
    assert.equal(shown.length, 1, describeView(shown));
    assert.match(labelOf(shown[0]!.item), /^No configurations of 'edge-store' yet/);
    assert.equal(shown[0]!.item.command?.command, COMMANDS.create);
    const listed = calls('GET', `${CAPABILITIES}/featureStore`).at(-1);
    assert.ok(listed, 'the view did not list the delivery configurations');
    assert.equal(listed.headers['ld-api-version'], 'beta');
    assert.equal(listed.headers.authorization, TOKEN);
  });

  it('sends nothing when a value breaks the manifest', async function () {
    const before = standIn.received.length;
    const args = { uri: fixtureUri(FEATURE_STORE).toString(), projectKey: 'default', environmentKey: 'production', name: 'Bad', on: false };
    const notUri = await vscode.commands.executeCommand<string | undefined>(COMMANDS.create, { ...args, values: { baseUrl: 'not a url', apiToken: PARTNER_SECRET } });
    assert.equal(notUri, undefined);
    const unknown = await vscode.commands.executeCommand<string | undefined>(COMMANDS.create, { ...args, values: { baseUrl: partnerOrigin, apiToken: PARTNER_SECRET, regoin: 'us' } });
    assert.equal(unknown, undefined);
    const missing = await vscode.commands.executeCommand<string | undefined>(COMMANDS.create, { ...args, values: { baseUrl: partnerOrigin } });
    assert.equal(missing, undefined);
    assert.deepEqual(
      standIn.received.slice(before).filter((c) => c.method !== 'GET'),
      [],
      'a configuration with a bad value was sent',
    );
    assert.equal(standIn.store.all().length, 0);
  });

  it('creates a delivery configuration from the values given: LaunchDarkly gets exactly the config', async function () {
    const id = await vscode.commands.executeCommand<string | undefined>(COMMANDS.create, {
      uri: fixtureUri(FEATURE_STORE).toString(),
      projectKey: 'default',
      environmentKey: 'production',
      // As the prompts answer: text. `region` is left out (its default is sent), `compress` is a boolean.
      values: { baseUrl: partnerOrigin, apiToken: PARTNER_SECRET, compress: 'true' },
      name: 'Edge (e2e)',
      tags: ['e2e', 'edge'],
      on: true,
    });
    assert.ok(id, 'create returned no id');
    deliveryId = id;
    const posts = calls('POST', `${CAPABILITIES}/featureStore/default/production/edge-store`);
    assert.equal(posts.length, 1);
    const post = posts[0]!;
    assert.equal(post.headers.authorization, TOKEN);
    assert.equal(post.headers['ld-api-version'], 'beta');
    assert.match(String(post.headers['content-type']), /^application\/json\b/);
    assert.deepEqual(JSON.parse(post.body), {
      config: { baseUrl: partnerOrigin, apiToken: PARTNER_SECRET, region: 'eu', compress: true },
      name: 'Edge (e2e)',
      tags: ['e2e', 'edge'],
      on: true,
    });
    assert.deepEqual(
      standIn.store.all().map((s) => [s.id, s.kind, s.projectKey, s.environmentKey, s.integrationKey, s.version]),
      [[id, 'featureStore', 'default', 'production', 'edge-store', 1]],
    );
  });

  it('refuses a second configuration in the same environment (LaunchDarkly answers 409), nothing changes', async function () {
    const again = await vscode.commands.executeCommand<string | undefined>(COMMANDS.create, {
      uri: fixtureUri(FEATURE_STORE).toString(),
      projectKey: 'default',
      environmentKey: 'production',
      values: { baseUrl: partnerOrigin, apiToken: PARTNER_SECRET },
      name: 'Edge again',
    });
    assert.equal(again, undefined);
    assert.equal(calls('POST', `${CAPABILITIES}/featureStore/default/production/edge-store`).length, 2, 'the second create was not sent');
    assert.deepEqual(standIn.store.all().map((s) => [s.id, s.name]), [[deliveryId, 'Edge (e2e)']]);
  });

  it('the view shows the configuration: name, placement, on/off, version, tags', async function () {
    const shown = await viewFor(FEATURE_STORE);
    assert.equal(shown.length, 1, describeView(shown));
    const { node, item } = shown[0]!;
    assert.equal(node.kind, 'configuration');
    assert.equal(node.configuration?.id, deliveryId);
    assert.equal(labelOf(item), 'Edge (e2e)');
    assert.equal(item.description, 'default/production · on · v1 · e2e, edge');
    assert.equal(item.contextValue, 'ldStoreConfiguration.featureStore');
    assert.equal(iconOf(item), 'circle-filled');
    assert.match(tooltipOf(item), /default\/production, on, version 1/);
    assert.ok(!tooltipOf(item).includes(PARTNER_SECRET), 'the secret is in the tooltip');
  });

  it('validates on LaunchDarkly: the partner gets the validation request with the saved config', async function () {
    partnerAnswer = { ok: true, echoed: `Bearer ${PARTNER_SECRET}` };
    const node = (await viewFor(FEATURE_STORE))[0]!.node;
    const before = partnerCalls.length;
    const result = await vscode.commands.executeCommand<ValidationResult | undefined>(COMMANDS.validate, node);
    assert.ok(result, 'validate returned nothing');
    assert.equal(result.statusCode, 200);
    assert.equal(result.error, undefined);
    assert.equal(typeof result.timestamp, 'number');
    assert.deepEqual(JSON.parse(result.responseBody ?? ''), partnerAnswer);
    assert.deepEqual(partnerCalls.slice(before), [{ method: 'GET', url: '/validate?region=eu&compress=true', authorization: `Bearer ${PARTNER_SECRET}` }]);
    const validations = calls('POST', `${CAPABILITIES}/featureStore/default/production/edge-store/${deliveryId}/validate`);
    assert.equal(validations.length, 1);
    assert.equal(validations[0]!.body, '');
    assert.equal(validations[0]!.headers.authorization, TOKEN);
    // The output says what LaunchDarkly got, the partner's echo of the secret masked.
    const output = await waitFor('the validation in the output channel', () => {
      const text = outputChannelText();
      return text.includes(`=== LaunchDarkly validated`) && text.includes('Status code: 200') ? text : undefined;
    });
    assert.match(output, /=== LaunchDarkly validated .*edge-store.*: passed/);
    assert.match(output, /Bearer ••••/);
    assert.ok(!output.includes(PARTNER_SECRET), 'the secret is in the output');
  });

  it('validates on LaunchDarkly: a failure the partner reports comes back as the error', async function () {
    partnerAnswer = { ok: false, errors: ['the token expired'] };
    const node = (await viewFor(FEATURE_STORE))[0]!.node;
    const result = await vscode.commands.executeCommand<ValidationResult | undefined>(COMMANDS.validate, node);
    assert.ok(result, 'validate returned nothing');
    assert.equal(result.statusCode, 200);
    assert.match(result.error ?? '', /the token expired/);
    const output = await waitFor('the failed validation in the output channel', () => {
      const text = outputChannelText();
      return /: FAILED/.test(text) ? text : undefined;
    });
    assert.match(output, /Error: .*the token expired/);
    assert.ok(!output.includes(PARTNER_SECRET), 'the secret is in the output');
  });

  it('shows a persistent store with its sync status as icon and tooltip', async function () {
    await openFixture(PERSISTENT_STORE);
    await manifestDocument(fixtureUri(PERSISTENT_STORE));
    const id = await vscode.commands.executeCommand<string | undefined>(COMMANDS.create, {
      uri: fixtureUri(PERSISTENT_STORE).toString(),
      projectKey: 'mobile',
      environmentKey: 'production',
      values: { host: 'redis.e2e.local', password: REDIS_PASSWORD },
      name: 'Segments (e2e)',
      on: false,
    });
    assert.ok(id, 'create returned no id');
    const post = calls('POST', `${CAPABILITIES}/big-segment-store/mobile/production/segment-cache`)[0];
    assert.ok(post, 'the persistent store was not created');
    // The generated externalId is LaunchDarkly's to make: never sent.
    assert.deepEqual(JSON.parse(post.body), { config: { host: 'redis.e2e.local', password: REDIS_PASSWORD }, name: 'Segments (e2e)', tags: [], on: false });

    const fresh = await viewFor(PERSISTENT_STORE);
    assert.equal(fresh.length, 1, describeView(fresh));
    assert.equal(fresh[0]!.item.description, 'mobile/production · off · v1');
    assert.equal(fresh[0]!.item.contextValue, 'ldStoreConfiguration.bigSegmentStore');
    assert.equal(iconOf(fresh[0]!.item), 'error', 'a store not yet available shows as unavailable');
    assert.match(tooltipOf(fresh[0]!.item), /Status: unavailable/);
    assert.match(tooltipOf(fresh[0]!.item), /Last sync: never/);

    standIn.store.setStatus(id, { available: true, potentiallyStale: true, lastSync: Date.UTC(2026, 0, 2), errors: [] });
    const stale = (await viewFor(PERSISTENT_STORE))[0]!.item;
    assert.equal(iconOf(stale), 'warning');
    assert.match(tooltipOf(stale), /Status: available, potentially stale/);
    assert.match(tooltipOf(stale), /Last sync: 2026-01-02T00:00:00\.000Z/);

    standIn.store.setStatus(id, {
      available: true,
      potentiallyStale: false,
      lastSync: Date.UTC(2026, 0, 3),
      lastError: Date.UTC(2026, 0, 2),
      errors: [{ statusCode: 503, message: 'NOAUTH', timestamp: Date.UTC(2026, 0, 2) }],
    });
    const failing = (await viewFor(PERSISTENT_STORE))[0]!.item;
    assert.equal(iconOf(failing), 'error');
    assert.match(tooltipOf(failing), /Last error: 2026-01-02T00:00:00\.000Z/);
    assert.match(tooltipOf(failing), /503 at 2026-01-02T00:00:00\.000Z: NOAUTH/);

    standIn.store.setStatus(id, { available: true, potentiallyStale: false, lastSync: Date.UTC(2026, 0, 4), errors: [] });
    assert.equal(iconOf((await viewFor(PERSISTENT_STORE))[0]!.item), 'pass');
    // The view follows the manifest it is asked about: the delivery configuration is not among these.
    assert.ok(!(await viewFor(PERSISTENT_STORE)).some((s) => s.node.configuration?.id === deliveryId));
  });

  it('the view says so when LaunchDarkly keeps limiting the rate, after one retry', async function () {
    const before = standIn.received.length;
    standIn.rateLimitNext(2, { retryAfterSeconds: 1 });
    const shown = await viewFor(FEATURE_STORE);
    assert.equal(shown.length, 1, describeView(shown));
    assert.equal(shown[0]!.node.kind, 'message');
    assert.match(labelOf(shown[0]!.item), /limiting the rate/);
    assert.match(labelOf(shown[0]!.item), /still rate limited after 1 retries/);
    // The call and its one retry (the view, when VS Code shows it, shares the load in flight).
    assert.deepEqual(
      standIn.received.slice(before, before + 2).map((c) => [c.method, c.url.split('?')[0]]),
      [['GET', `${CAPABILITIES}/featureStore`], ['GET', `${CAPABILITIES}/featureStore`]],
    );
    // Once LaunchDarkly answers again, so does the view.
    assert.equal((await viewFor(FEATURE_STORE))[0]!.node.configuration?.id, deliveryId);
  });

  it('turns it off and renames it with JSON Patches that test the version shown; a stale one is refused', async function () {
    const shown = (await viewFor(FEATURE_STORE))[0]!.node;
    const path = `${CAPABILITIES}/featureStore/default/production/edge-store/${deliveryId}`;
    assert.equal(await vscode.commands.executeCommand<boolean>(COMMANDS.toggle, shown), true);
    const toggled = calls('PATCH', path);
    assert.equal(toggled.length, 1);
    assert.match(String(toggled[0]!.headers['content-type']), /^application\/json\b/);
    assert.deepEqual(JSON.parse(toggled[0]!.body), [
      { op: 'test', path: '/version', value: 1 },
      { op: 'replace', path: '/on', value: false },
    ]);
    assert.deepEqual([standIn.store.get(deliveryId)?.on, standIn.store.get(deliveryId)?.version], [false, 2]);
    // The node still says version 1: LaunchDarkly refuses the patch (422) and nothing changes.
    assert.equal(await vscode.commands.executeCommand<boolean>(COMMANDS.rename, shown, 'Stale name'), false);
    assert.equal(calls('PATCH', path).length, 2);
    assert.deepEqual([standIn.store.get(deliveryId)?.name, standIn.store.get(deliveryId)?.version], ['Edge (e2e)', 2]);
    const fresh = (await viewFor(FEATURE_STORE))[0]!;
    assert.equal(fresh.item.description, 'default/production · off · v2 · e2e, edge');
    assert.equal(await vscode.commands.executeCommand<boolean>(COMMANDS.rename, fresh.node, 'Edge renamed'), true);
    assert.deepEqual(JSON.parse(calls('PATCH', path)[2]!.body), [
      { op: 'test', path: '/version', value: 2 },
      { op: 'add', path: '/name', value: 'Edge renamed' },
    ]);
    assert.deepEqual([standIn.store.get(deliveryId)?.name, standIn.store.get(deliveryId)?.version], ['Edge renamed', 3]);
  });

  it('changes a secret value given as argument, checked against the manifest first', async function () {
    const path = `${CAPABILITIES}/featureStore/default/production/edge-store/${deliveryId}`;
    const node = (await viewFor(FEATURE_STORE))[0]!.node;
    const patches = calls('PATCH', path).length;
    assert.equal(await vscode.commands.executeCommand<boolean>(COMMANDS.editValues, node, { region: 'asia' }), false);
    assert.equal(calls('PATCH', path).length, patches, 'a value the manifest does not allow was sent');
    assert.equal(await vscode.commands.executeCommand<boolean>(COMMANDS.editValues, node, { apiToken: NEW_PARTNER_SECRET }), true);
    const sent = JSON.parse(calls('PATCH', path).at(-1)!.body) as { op: string; path: string; value: unknown }[];
    assert.deepEqual(sent[0], { op: 'test', path: '/version', value: 3 });
    assert.ok(sent.some((op) => op.path === '/config/apiToken' && op.value === NEW_PARTNER_SECRET), JSON.stringify(sent.map((op) => op.path)));
    assert.equal(standIn.store.get(deliveryId)?.config.apiToken, NEW_PARTNER_SECRET);
    assert.equal(standIn.store.get(deliveryId)?.config.baseUrl, partnerOrigin, 'another value changed');
  });

  it('deletes it when the confirmation is given; the view offers to create one again', async function () {
    const node = (await viewFor(FEATURE_STORE))[0]!.node;
    assert.equal(await vscode.commands.executeCommand<boolean>(COMMANDS.delete, node, false), false);
    assert.ok(standIn.store.get(deliveryId), 'deleted without confirmation');
    assert.equal(await vscode.commands.executeCommand<boolean>(COMMANDS.delete, node, true), true);
    assert.equal(calls('DELETE', `${CAPABILITIES}/featureStore/default/production/edge-store/${deliveryId}`).length, 1);
    assert.equal(standIn.store.get(deliveryId), undefined);
    const shown = await viewFor(FEATURE_STORE);
    assert.match(labelOf(shown[0]!.item), /^No configurations of 'edge-store' yet/);
  });

  it('signs out: the token is gone, the view asks to sign in, nothing more reaches LaunchDarkly', async function () {
    await vscode.commands.executeCommand(COMMANDS.signOut);
    const before = standIn.received.length;
    const shown = await viewFor(FEATURE_STORE);
    assert.equal(shown.length, 1, describeView(shown));
    assert.match(labelOf(shown[0]!.item), /^Not signed in to LaunchDarkly/);
    assert.equal(standIn.received.length, before, 'the view called LaunchDarkly after the sign-out');
  });

  it('never writes the token or a secret value to the editor\'s logs and output channels', function () {
    const files = logFiles();
    assert.ok(files.some(isOutputChannelLog), 'the output channel has no log file');
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const secret of [TOKEN, WRONG_TOKEN, PARTNER_SECRET, NEW_PARTNER_SECRET, REDIS_PASSWORD]) assert.ok(!text.includes(secret), `${secret} is in ${file}`);
    }
  });
});
