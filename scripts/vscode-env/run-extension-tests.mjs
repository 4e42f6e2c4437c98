// Drives one e2e run: opens code-server's workbench in headless Chromium with the URL payload that
// makes it an extension test window (extensionDevelopmentPath + extensionTestsPath), relays what the
// extension host logs (mocha's spec reporter) and exits with the tests' result.
// The workbench reports through the hooks its smoke-test driver calls (`codeAutomationLog`,
// `codeAutomationExit`); code-server must run with `--vscode-option enable-smoke-test-driver`.
//
// usage: node run-extension-tests.mjs ORIGIN DEV_PATH TESTS_PATH WORKSPACE_FOLDER [TIMEOUT_SECONDS]
// env:   LD_E2E_ENV (the folder setup.sh filled), CHROMIUM (default /usr/bin/chromium),
//        LD_E2E_SCREENSHOT (a PNG path to save at the end, for looking at a failed run)
// exit:  0 the tests passed, 1 they failed or timed out, 2 the driver itself failed
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startWebviewBridge } from './webviewBridge.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const envDir = process.env.LD_E2E_ENV || path.join(here, '../../.test-env');
const { chromium } = createRequire(path.join(envDir, 'code-server/package.json'))('playwright-core');

const [origin, devPath, testsPath, folder, timeoutSeconds = '240'] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node run-extension-tests.mjs ORIGIN DEV_PATH TESTS_PATH WORKSPACE_FOLDER [TIMEOUT_SECONDS]');
  process.exit(2);
}
const authority = new URL(origin).host;
const remoteUri = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
const payload = [
  ['extensionDevelopmentPath', remoteUri(devPath)],
  ['extensionTestsPath', remoteUri(testsPath)],
];
const url = `${origin}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

// Workbench chatter that says nothing about the tests.
const NOISE = /AgentHost|ChatModelSelection|AccountPolicyGate|Creating a socket|connection token|reconnection-grace|open-vsx\.org|Service Worker|builtin extensions cache|\[Extension Host\] (?:Debugger|For help)|Ignoring the error while validating workspace folder/;

async function main() {
  const started = Date.now();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport: { width: 1400, height: 900 },
  });
  let bridge;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // The tests reach webviews' DOM through this (LD_E2E_WEBVIEW_BRIDGE, set by run-tests.sh for code-server too).
    bridge = process.env.LD_E2E_WEBVIEW_BRIDGE ? await startWebviewBridge(page, Number(new URL(process.env.LD_E2E_WEBVIEW_BRIDGE).port)) : undefined;
    const finished = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationLog', (_type, args) => {
        const line = util.format(...(Array.isArray(args) ? args : [args])).replace(/%c/g, '');
        if (!NOISE.test(line)) console.log(line);
      });
      void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    page.on('pageerror', (error) => console.error('[workbench error]', String(error.message).slice(0, 500)));
    page.on('crash', () => console.error('[workbench crashed]'));
    await page.goto(url);
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), Number(timeoutSeconds) * 1000); });
    const code = await Promise.race([finished, timeout]);
    clearTimeout(timer);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code === 'timeout') console.error(`extension tests did not finish within ${timeoutSeconds} s`);
    else console.log(`extension tests finished with exit code ${code} after ${seconds} s`);
    if (process.env.LD_E2E_SCREENSHOT) await page.screenshot({ path: process.env.LD_E2E_SCREENSHOT }).catch(() => {});
    return code === 0 ? 0 : 1;
  } finally {
    bridge?.close();
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => { console.error(error); process.exit(2); },
);
