// `ld-manifest test-request`, run in-process through the function the CLI dispatches to, against a
// local server: exit codes, text and JSON output, values from flags, files and the environment, and
// secrets never printed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTestRequestCommand } from '../../server/src/request/cli';
import { manifestText } from '../support/manifests';
import { TOKEN, storeManifest } from './fixtures';
import { json, startHttpServer, type TestServer } from './servers';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const dir = mkdtempSync(join(tmpdir(), 'ld-test-request-'));
writeFileSync(join(dir, 'manifest.json'), manifestText(storeManifest()));

async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runTestRequestCommand(args, { cwd: dir, env, out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  for (const output of [stdout, stderr]) assert.ok(!output.includes(TOKEN), `the secret was printed:\n${output}`);
  return { code, stdout, stderr };
}

function assertUsage(run: Run, pattern: RegExp): void {
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^ld-manifest: test-request: [^\n]*\n$/);
  assert.match(run.stderr, pattern);
}

describe('ld-manifest test-request', () => {
  let server: TestServer;
  before(async () => {
    server = await startHttpServer();
    server.route('/validate/site', (req, res) => json(res, 200, { success: req.headers.authorization === `Bearer ${TOKEN}`, errors: ['wrong token'] }));
  });
  after(() => server.close());
  const base = () => ['manifest.json', '--var', `baseUrl=${server.origin}`, '--var', 'siteId=site'];

  test('exit 0 on success, the secret from LD_VAR_<key>', async () => {
    const run = await cli(base(), { LD_VAR_apiToken: TOKEN });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /Authorization: Bearer ••••/);
    assert.match(run.stdout, /Verdict: Success/);
    assert.equal(run.stderr, '');
  });

  test('exit 1 on a failed verdict, with the errors', async () => {
    const run = await cli([...base(), '--var', 'apiToken=other-token'], {});
    assert.equal(run.code, 1);
    assert.match(run.stdout, /Verdict: Failed: \/success is false\. Errors: wrong token/);
    assert.match(run.stderr, /note: the secret 'apiToken' was given with --var/);
  });

  test('--format json and --vars-file', async () => {
    writeFileSync(join(dir, 'vars.json'), JSON.stringify({ baseUrl: server.origin, siteId: 'site', apiToken: TOKEN }));
    const run = await cli(['manifest.json', '--vars-file', 'vars.json', '--format', 'json']);
    assert.equal(run.code, 0, run.stdout);
    const report = JSON.parse(run.stdout) as { verdict: { kind: string; passed: boolean }; request: { url: string; headers: { value: string }[] }; response: { status: number } };
    assert.deepEqual([report.verdict.kind, report.verdict.passed, report.response.status], ['success', true, 200]);
    assert.equal(report.request.url, `${server.origin}/validate/site?region=eu`);
    assert.equal(report.request.headers[0]!.value, 'Bearer ••••');
  });

  test('a time-out with --timeout is a failed verdict', async () => {
    server.route('/validate/hang', () => undefined);
    const run = await cli(['manifest.json', '--var', `baseUrl=${server.origin}`, '--var', 'siteId=hang', '--timeout', '0.2'], { LD_VAR_apiToken: TOKEN });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /No response \(timeout\)/);
  });

  test('bad usage: one line, exit 2', async () => {
    assertUsage(await cli([]), /missing MANIFEST/);
    assertUsage(await cli(['manifest.json', '--frobnicate']), /unknown option '--frobnicate'/);
    assertUsage(await cli(['nope.json']), /cannot read nope.json: no such file/);
    assertUsage(await cli([...base(), '--var', 'apiTokn=x']), /uses no variable 'apiTokn'/);
    assertUsage(await cli(base()), /no value for `apiToken`.*LD_VAR_KEY/);
    assertUsage(await cli([...base(), '--format', 'xml']), /--format must be 'text' or 'json'/);
    assertUsage(await cli([...base(), '--request', 'featureStore']), /add --yes to confirm/);
    writeFileSync(join(dir, 'not-a-ca.pem'), 'just some text\n');
    assertUsage(await cli([...base(), '--ca-file', 'not-a-ca.pem'], { LD_VAR_apiToken: TOKEN }), /--ca-file not-a-ca\.pem is not usable: it holds no PEM certificate/);
    writeFileSync(join(dir, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
    assertUsage(await cli([...base(), '--ca-file', 'broken.pem'], { LD_VAR_apiToken: TOKEN }), /--ca-file broken\.pem is not usable: its certificates cannot be read/);
  });

  test('a manifest with template errors in the request is not sent: exit 1 with the list', async () => {
    const broken = storeManifest({ headers: [{ name: 'Authorization', value: 'Bearer {{apiTokn}}' }] });
    writeFileSync(join(dir, 'broken.json'), manifestText(broken));
    const before = server.received.length;
    const run = await cli(['broken.json', '--var', `baseUrl=${server.origin}`, '--var', 'siteId=site'], { LD_VAR_apiToken: TOKEN });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /Not sent: broken.json cannot be rendered:\n {2}template error at \d+:\d+ Unknown variable `apiTokn`/);
    assert.equal(server.received.length, before);
  });

  test('--help', async () => {
    const run = await cli(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^usage: ld-manifest test-request MANIFEST/);
  });
});
