// `ld-manifest test-request` through the bundled CLI, as a CI job runs it, against a real local server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, tempFolder } from './cliHarness';
import { manifestText } from '../support/manifests';
import { TOKEN, storeManifest } from '../request/fixtures';
import { json, startHttpServer } from '../request/servers';

function runCliAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

test('test-request sends the validation request and exits by the verdict, never printing the secret', async (t) => {
  const folder = tempFolder(t);
  writeFileSync(join(folder, 'manifest.json'), manifestText(storeManifest()));
  const server = await startHttpServer();
  t.after(() => server.close());
  server.route('/validate/site', (req, res) => json(res, 200, { success: req.headers.authorization === `Bearer ${TOKEN}`, errors: ['wrong token'] }));
  const args = ['test-request', 'manifest.json', '--var', `baseUrl=${server.origin}`, '--var', 'siteId=site'];

  const passed = await runCliAsync(args, folder, { LD_VAR_apiToken: TOKEN });
  assert.equal(passed.status, 0, passed.stdout + passed.stderr);
  assert.equal(server.received.at(-1)?.headers.authorization, `Bearer ${TOKEN}`);
  const failed = await runCliAsync(args, folder, { LD_VAR_apiToken: 'not-the-token' });
  assert.equal(failed.status, 1);
  assert.match(failed.stdout, /wrong token/);
  for (const run of [passed, failed]) assert.ok(!(run.stdout + run.stderr).includes(TOKEN), 'the secret was printed');
});

test('test-request bad usage is one line and exit 2', async (t) => {
  const folder = tempFolder(t);
  const run = await runCliAsync(['test-request', 'missing.json'], folder);
  assert.equal(run.status, 2);
  assert.equal(run.stderr.split('\n').length, 2, run.stderr);
  assert.match(run.stderr, /^ld-manifest: /);
  assert.doesNotMatch(run.stderr, /^\s+at /m);
});
