// `ld-manifest configs` against the stand-in: every subcommand, its exit codes and messages, text and
// JSON, values from --var, LD_VAR_<key> and --vars-file, and neither the token nor a secret value in
// any output, in any encoding. Most runs go in-process through the function the CLI dispatches to;
// a few run the real dist/cli.js, whose standard input is not a terminal.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../../package.json';
import { runConfigsCommand } from '../../server/src/launchdarkly/cli/configsRun';
import type { Terminal } from '../../server/src/launchdarkly/cli/terminal';
import { json, startHttpServer, type TestServer } from '../request/servers';
import { PARTNER_SECRET, READ_ONLY_TOKEN, TOKEN, standInOptions, workspace } from './fixtures';
import { startStandIn, type StandIn } from './standIn/standIn';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const SECRETS = [TOKEN, READ_ONLY_TOKEN, PARTNER_SECRET];

function assertNoSecret(output: string): void {
  for (const secret of SECRETS) {
    for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), JSON.stringify(secret).slice(1, -1)]) {
      assert.ok(!output.includes(form), `a secret was printed:\n${output}`);
    }
  }
}

const noTerminal: Terminal = { interactive: false, confirm: () => Promise.reject(new Error('not asked on a non-terminal')) };

function answering(answer: boolean, asked: string[]): Terminal {
  return { interactive: true, confirm: (question) => (asked.push(question), Promise.resolve(answer)) };
}

describe('ld-manifest configs', () => {
  let partner: TestServer;
  let standIn: StandIn;
  let root: string;
  before(async () => {
    partner = await startHttpServer();
    partner.route('/validate', (req, res) =>
      json(res, 200, { ok: req.headers.authorization === `Bearer ${PARTNER_SECRET}`, errors: [`token ${String(req.headers.authorization)} refused`] }),
    );
    standIn = await startStandIn(standInOptions(partner.origin));
    root = workspace(partner.origin);
  });
  after(async () => {
    await standIn.close();
    await partner.close();
  });

  const env = (extra: Record<string, string> = {}) => ({ LD_ACCESS_TOKEN: TOKEN, LD_BASE_URI: standIn.origin, LD_VAR_apiToken: PARTNER_SECRET, ...extra });
  async function cli(args: string[], environment: Record<string, string> = env(), terminal: Terminal = noTerminal): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await runConfigsCommand(args, { cwd: root, env: environment, terminal, out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
    assertNoSecret(stdout + stderr);
    return { code, stdout, stderr };
  }
  function assertUsage(run: Run, pattern: RegExp): void {
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^ld-manifest: configs: [^\n]*\n$/);
    assert.match(run.stderr, pattern);
  }
  const acme = 'integrations/acme/manifest.json';
  const redisx = 'integrations/redisx/manifest.json';
  const where = ['--project', 'default', '--environment', 'production'];
  const created = async (): Promise<string> => {
    const run = await cli(['create', acme, ...where, '--var', 'baseUrl=https://store.example.com', '--name', 'Acme', '--tag', 'edge,eu', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    return (JSON.parse(run.stdout) as { id: string }).id;
  };
  const clear = () => {
    for (const saved of standIn.store.all()) standIn.store.delete(saved.id);
  };

  test('create prints the configuration with the secret masked; the body sent is the checked config', async () => {
    clear();
    const run = await cli(['create', acme, ...where, '--var', 'baseUrl=https://store.example.com', '--var', 'region=us', '--on', '--tag', 'edge', '--tag', 'eu']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Created delivery configuration dc\d+ of 'acme' in default\/production\n/);
    assert.match(run.stdout, /^ {4}apiToken: "••••"$/m);
    assert.match(run.stdout, /^ {2}tags: {4}edge, eu$/m);
    const call = standIn.received.at(-1)!;
    assert.equal(call.headers['user-agent'], `ld-manifest/${version}`);
    // Optional values take their defaults; proxyHost is left out: its dependsOn shows it only with useProxy.
    assert.deepEqual(JSON.parse(call.body), { config: { baseUrl: 'https://store.example.com', apiToken: PARTNER_SECRET, region: 'us', useProxy: false }, tags: ['edge', 'eu'], on: true });
  });

  test('create refuses wrong values before sending anything (exit 2)', async () => {
    const before = standIn.received.length;
    assertUsage(await cli(['create', acme, ...where, '--var', 'baseUrl=https://x.example', '--var', 'regoin=us']), /unknown config key 'regoin' \(did you mean 'region'\?\).*\(nothing was sent\)/);
    assertUsage(await cli(['create', acme, ...where, '--var', 'baseUrl=https://x.example', '--var', 'region=asia']), /'region' \(Region\) must be one of 'eu', 'us', not 'asia'/);
    assertUsage(await cli(['create', acme, ...where, '--var', 'baseUrl=https://x.example', '--var', 'useProxy=maybe']), /'useProxy' \(Use a proxy\) must be true or false/);
    assertUsage(await cli(['create', acme, ...where, '--var', 'baseUrl=https://x.example', '--var', 'proxyHost=p']), /'proxyHost' \(Proxy host\) is not used: its dependsOn shows it only when 'useProxy' is equalTo 'true'/);
    assertUsage(await cli(['create', acme, ...where], env({ LD_VAR_apiToken: '' })), /no value for 'baseUrl' \(Base URL\); no value for 'apiToken' \(API token\)/);
    assertUsage(await cli(['create', redisx, ...where, '--var', 'host=h', '--var', 'externalId=x']), /'externalId' \(External Id\) is generated by LaunchDarkly; it cannot be given/);
    assert.equal(standIn.received.length, before);
  });

  test('values from --vars-file (typed JSON) and LD_VAR_<key>; a secret given with --var gets a note', async () => {
    clear();
    writeFileSync(join(root, 'vars.json'), JSON.stringify({ baseUrl: 'https://store.example.com', useProxy: true, proxyHost: 'proxy.example.com' }));
    const run = await cli(['create', acme, ...where, '--vars-file', 'vars.json', '--var', `apiToken=${PARTNER_SECRET}`], env({ LD_VAR_apiToken: '' }));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /note: the secret 'apiToken' was given with --var/);
    assert.deepEqual(JSON.parse(standIn.received.at(-1)!.body).config, { baseUrl: 'https://store.example.com', apiToken: PARTNER_SECRET, region: 'eu', useProxy: true, proxyHost: 'proxy.example.com' });
  });

  test('a second create in the same environment: LaunchDarkly\'s 409 in one line, exit 1', async () => {
    clear();
    await created();
    const run = await cli(['create', acme, ...where, '--var', 'baseUrl=https://store.example.com']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^ld-manifest: configs create: cannot create a delivery configuration of 'acme' in default\/production: LaunchDarkly answered 409 \(conflict: [^)]*\); a configuration for this integration already exists[^\n]*\n$/);
  });

  test('list: text and JSON, narrowed by --project/--environment, secrets masked even when echoed', async () => {
    clear();
    const id = await created();
    const text = await cli(['list', acme]);
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stdout, `default/production  ${id}  off  v1  "Acme"  tags edge, eu\n1 delivery configuration of 'acme'.\n`);
    const jsonRun = await cli(['list', acme, '--format', 'json']);
    const items = JSON.parse(jsonRun.stdout) as { id: string; config: Record<string, unknown> }[];
    assert.deepEqual(items.map((i) => [i.id, i.config.apiToken]), [[id, '••••']]);
    const none = await cli(['list', acme, '--project', 'mobile']);
    assert.equal(none.stdout, "No delivery configurations of 'acme' found.\n");
    assert.equal(standIn.received.at(-1)!.url, '/api/v2/integration-capabilities/featureStore');
  });

  test('get, update (a JSON Patch that tests the version) and update refusing an unknown key', async () => {
    clear();
    const id = await created();
    const got = await cli(['get', acme, ...where, '--id', id, '--format', 'json']);
    assert.equal(got.code, 0, got.stderr);
    assert.deepEqual((JSON.parse(got.stdout) as { version: number }).version, 1);
    // LD_VAR_apiToken would be a value to set too: left empty (unset) here, only the three changes go.
    const updated = await cli(['update', acme, ...where, '--id', id, '--on', '--name', 'Acme US', '--var', 'region=us'], env({ LD_VAR_apiToken: '' }));
    assert.equal(updated.code, 0, updated.stderr);
    assert.match(updated.stdout, /^Updated delivery configuration .*\n {2}name: {4}Acme US\n {2}on: {6}yes\n/);
    assert.match(updated.stdout, /^ {2}version: 2$/m);
    assert.deepEqual(JSON.parse(standIn.received.at(-1)!.body), [
      { op: 'test', path: '/version', value: 1 },
      { op: 'replace', path: '/on', value: true },
      { op: 'add', path: '/name', value: 'Acme US' },
      { op: 'add', path: '/config/region', value: 'us' },
    ]);
    const before = standIn.received.length;
    assertUsage(await cli(['update', acme, ...where, '--id', id, '--var', 'colour=red']), /unknown config key 'colour'/);
    assertUsage(await cli(['update', acme, ...where, '--id', id], env({ LD_VAR_apiToken: '' })), /needs something to change/);
    assert.equal(standIn.received.length, before);
  });

  test('validate: exit 0 when the partner accepts the saved config, 1 when it does not; bigSegmentStore is bad usage', async () => {
    clear();
    const id = await created();
    const passed = await cli(['validate', acme, ...where, '--id', id]);
    assert.equal(passed.code, 0, passed.stderr);
    assert.match(passed.stdout, /^LaunchDarkly validated delivery configuration .*: passed\n {2}status code: 200\n/);
    assert.equal(partner.received.at(-1)!.headers.authorization, `Bearer ${PARTNER_SECRET}`);
    const update = await cli(['update', acme, ...where, '--id', id, '--var', 'apiToken=wrong-secret-value'], env({ LD_VAR_apiToken: '' }));
    assert.equal(update.code, 0, update.stderr);
    const failed = await cli(['validate', acme, ...where, '--id', id, '--format', 'json'], env({ LD_VAR_apiToken: '' }));
    assert.equal(failed.code, 1, failed.stderr);
    const result = JSON.parse(failed.stdout) as { passed: boolean; statusCode: number; error: string; responseBody: string };
    assert.deepEqual([result.passed, result.statusCode], [false, 200]);
    // The partner echoed the secret LaunchDarkly sent; it was read back from the saved config and masked.
    assert.match(result.responseBody, /token Bearer •••• refused/);
    assert.ok(!failed.stdout.includes('wrong-secret-value'));
    assertUsage(await cli(['validate', redisx, ...where, '--id', 'x']), /validate is for featureStore delivery configurations/);
    // A secret too short to mask: what the partner sent back is withheld, not shown half-masked.
    await cli(['update', acme, ...where, '--id', id, '--var', 'apiToken=tiny1'], env({ LD_VAR_apiToken: '' }));
    const short = await cli(['validate', acme, ...where, '--id', id], env({ LD_VAR_apiToken: '' }));
    assert.equal(short.code, 1);
    assert.ok(!short.stdout.includes('tiny1'), short.stdout);
    assert.match(short.stdout, /response body:\n {4}\(withheld: a secret value is shorter than 8 characters/);
  });

  test('delete: --yes, a confirmation on a terminal, and bad usage without a terminal', async () => {
    clear();
    const id = await created();
    assertUsage(await cli(['delete', acme, ...where, '--id', id]), /standard input is not a terminal: add --yes/);
    const asked: string[] = [];
    const declined = await cli(['delete', acme, ...where, '--id', id], env(), answering(false, asked));
    assert.equal(declined.code, 1);
    assert.match(declined.stderr, /not confirmed; nothing was deleted/);
    assert.match(asked[0]!, /^Delete delivery configuration dc\d+ of 'acme' in default\/production in LaunchDarkly\? \[y\/N\] $/);
    assert.equal(standIn.store.all().length, 1);
    const confirmed = await cli(['delete', acme, ...where, '--id', id], env(), answering(true, []));
    assert.equal(confirmed.code, 0, confirmed.stderr);
    assert.equal(standIn.store.all().length, 0);
    const again = await cli(['delete', acme, ...where, '--id', id, '--yes']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /answered 404 \(not_found: Integration configuration not found\)/);
  });

  test('a persistent store: create prints its _status; get shows lastSync and errors', async () => {
    clear();
    const made = await cli(['create', redisx, '--project', 'mobile', '--environment', 'production', '--var', 'host=redis.example.com', '--var', 'tlsEnabled=true']);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /^ {2}status: {2}unavailable\n {4}last sync: {2}never\n/m);
    const id = standIn.store.all()[0]!.id;
    standIn.store.setStatus(id, { available: true, potentiallyStale: true, lastSync: Date.UTC(2026, 0, 2), lastError: Date.UTC(2026, 0, 1), errors: [{ statusCode: 503, message: 'NOAUTH', timestamp: Date.UTC(2026, 0, 1) }] });
    const got = await cli(['get', redisx, '--project', 'mobile', '--environment', 'production', '--id', id]);
    assert.match(got.stdout, /status: {2}available, potentially stale\n {4}last sync: {2}2026-01-02T00:00:00\.000Z\n {4}last error: 2026-01-01T00:00:00\.000Z\n {4}error 503 at 2026-01-01T00:00:00\.000Z: NOAUTH\n/);
  });

  test('a rate limit is waited out and said on standard error', async () => {
    standIn.rateLimitNext(1, { resetInMs: 100 });
    const run = await cli(['list', redisx]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^ld-manifest: configs: LaunchDarkly is limiting the rate of calls; retrying in \d+ s \(retry 1 of 3\)\n$/);
  });

  test('token, instance and usage problems: one line, exit 2, nothing sent', async () => {
    const before = standIn.received.length;
    assertUsage(await cli(['list', acme], { LD_BASE_URI: standIn.origin }), /set LD_ACCESS_TOKEN/);
    assertUsage(await cli(['list', acme], env({ LD_BASE_URI: 'http://ld.example.com' })), /LD_BASE_URI: the base URI must use https:/);
    assertUsage(await cli(['list', acme, '--base-uri', 'ftp://x']), /--base-uri: the base URI must be an https: URL, not ftp:/);
    assertUsage(await cli([]), /missing subcommand/);
    assertUsage(await cli(['remove', acme]), /unknown subcommand 'remove'/);
    assertUsage(await cli(['get', acme, '--project', 'default']), /configs get needs --environment/);
    assertUsage(await cli(['list', acme, '--id', 'x']), /configs list does not take --id/);
    assertUsage(await cli(['update', acme, ...where, '--id', 'x', '--on', '--off']), /--on and --off contradict/);
    assertUsage(await cli(['list', 'nope/manifest.json']), /cannot read nope\/manifest.json: no such file/);
    assertUsage(await cli(['list', acme, '--format', 'xml']), /--format must be 'text' or 'json'/);
    assertUsage(await cli(['list', acme, '--frobnicate']), /unknown option '--frobnicate'/);
    assertUsage(await cli(['list', acme, '-p', 'default']), /unknown option '-p'/);
    assertUsage(await cli(['list', acme, '--timeout', '0']), /--timeout takes seconds between 0 and 600, not '0'/);
    assertUsage(await cli(['list', acme, '--kind', 'segments']), /--kind must be 'featureStore' or 'bigSegmentStore'/);
    assertUsage(await cli(['list', acme, '--kind', 'bigSegmentStore']), /has no `capabilities.bigSegmentStore`/);
    writeFileSync(join(root, 'not-a-ca.pem'), 'just text\n');
    assertUsage(await cli(['list', acme, '--ca-file', 'not-a-ca.pem']), /--ca-file not-a-ca\.pem is not usable: it holds no PEM certificate/);
    writeFileSync(join(root, 'list.json'), '[1]');
    assertUsage(await cli(['create', acme, ...where, '--vars-file', 'list.json']), /--vars-file list\.json must hold a JSON object/);
    writeFileSync(join(root, 'prose.json'), 'hello');
    assertUsage(await cli(['list', 'prose.json']), /prose\.json is not JSON at all/);
    assert.equal(standIn.received.length, before);
  });

  test('a wrong token: LaunchDarkly\'s 401 with advice, exit 1, the token never printed', async () => {
    const run = await cli(['list', acme], env({ LD_ACCESS_TOKEN: READ_ONLY_TOKEN.replace('reader', 'unknown') }));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /answered 401 \(unauthorized: [^)]*\); the access token was not accepted: check LD_ACCESS_TOKEN/);
    assert.ok(!run.stderr.includes(READ_ONLY_TOKEN.replace('reader', 'unknown')));
  });

  test('what LaunchDarkly says reaches the terminal escaped, the token masked', async () => {
    const bare = await startHttpServer();
    try {
      bare.route('/api/v2/integration-capabilities/featureStore', (req, res) =>
        json(res, 400, { code: 'invalid_request', message: `token ${String(req.headers.authorization)} \u001b[2J\u009b31m\r` }),
      );
      const run = await cli(['list', acme], env({ LD_BASE_URI: bare.origin }));
      assert.equal(run.code, 1);
      assert.equal(run.stderr.split('\n').length, 2);
      // ESC and the 8-bit CSI escaped; the carriage return, a line break, folded into the one line.
      assert.match(run.stderr, /\(invalid_request: token •••• \\u001b\[2J\\u009b31m \)/);
      assert.ok(!['\u001b', '\u009b', '\r'].some((c) => run.stderr.includes(c)), run.stderr);
    } finally {
      await bare.close();
    }
  });

  test('the real binary: help, and delete without --yes when standard input is not a terminal', async () => {
    const help = await runBinary(['configs', '--help'], root, {});
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage: ld-manifest configs <subcommand> MANIFEST/);
    const main = await runBinary(['--help'], root, {});
    assert.match(main.stdout, /^ {2}configs +list, create, read, update, validate and delete/m);
    const run = await runBinary(['configs', 'delete', acme, ...where, '--id', 'x'], root, env());
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'ld-manifest: configs: configs delete asks for confirmation, and standard input is not a terminal: add --yes to delete without asking\n');
    const listed = await runBinary(['configs', 'list', acme, '--format', 'json'], root, env());
    assert.equal(listed.code, 0, listed.stderr);
    assertNoSecret(listed.stdout + listed.stderr);
  });
});

/** dist/cli.js as a child process (asynchronously: the stand-in answers from this process). */
function runBinary(args: string[], cwd: string, environment: Record<string, string>): Promise<Run> {
  const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...environment }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
