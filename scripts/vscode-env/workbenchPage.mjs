// Driving code-server's workbench in headless Chromium, for the screenshot scripts: the browser, a
// file opened through Quick Open and a command run from the palette, as a person would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Headless Chromium (CHROMIUM, default /usr/bin/chromium) with a fresh profile, and its first page. */
export async function launchWorkbenchBrowser(viewport) {
  const envDir = process.env.LD_E2E_ENV || path.join(here, '../../.test-env');
  const { chromium } = createRequire(path.join(envDir, 'code-server/package.json'))('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-shot-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--font-render-hinting=none'],
    viewport,
    deviceScaleFactor: 1,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { page, close };
}

/** Opens the workbench on a folder and waits for its explorer. */
export async function openWorkbench(page, origin, folder) {
  await page.goto(`${origin}/?folder=${encodeURIComponent(path.resolve(folder))}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 300 } });
}

/** Opens a file of the workspace through Quick Open. */
export async function openFile(page, file) {
  await page.keyboard.press('Control+P');
  await pick(page, file, path.dirname(file));
  await page.waitForSelector('.editor-instance .view-lines', { timeout: 30_000 });
}

/** Runs a command from the palette (from the editor: keys typed in a webview stay there). */
export async function runCommand(page, title) {
  const editor = page.locator('.editor-instance .view-lines').first();
  if (await editor.isVisible().catch(() => false)) await editor.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('F1');
  await pick(page, `>${title}`, title);
}

/** Types into the quick input and takes the row it focuses, once the list is filtered to it. */
async function pick(page, text, rowText) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
  // Before the list is filtered, its first row is a recently used item.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: rowText }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}
