// Takes the README screenshot: the workbench with a manifest that has problems, its squiggles, the
// Problems panel and the hover on an unknown key.
// usage: node screenshot.mjs ORIGIN WORKSPACE_FOLDER FILE_IN_WORKSPACE OUT.png   (env: LD_E2E_ENV, CHROMIUM)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const envDir = process.env.LD_E2E_ENV || path.join(here, '../../.test-env');
const { chromium } = createRequire(path.join(envDir, 'code-server/package.json'))('playwright-core');
const [origin, folder, file, out] = process.argv.slice(2);
const HOVER_KEY = process.env.HOVER_KEY || 'colour';

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-shot-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--font-render-hinting=none'],
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/?folder=${encodeURIComponent(path.resolve(folder))}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });

    // Open the file through Quick Open, as a person would.
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 300 } });
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(file);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.editor-instance .view-lines', { timeout: 30_000 });

    // The squiggles come from the language server once it has checked the manifest.
    await page.waitForSelector('.editor-instance .squiggly-error', { timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.waitForFunction(() => document.querySelectorAll('.markers-panel .monaco-list-row').length >= 3, null, { timeout: 30_000 });
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    console.log('Problems panel:\n  ' + rows.map((r) => r.replace(/\s+/g, ' ')).join('\n  '));

    // Hover the unknown key: the diagnostic and the schema's help show together.
    const key = page.locator('.editor-instance .view-line span', { hasText: `"${HOVER_KEY}"` }).last();
    const box = await key.boundingBox();
    if (!box) throw new Error(`"${HOVER_KEY}" is not visible in the editor`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .hover-row', { timeout: 15_000 });
    await page.locator('.monaco-hover').first().waitFor({ state: 'visible', timeout: 5_000 });
    const hover = await page.locator('.monaco-hover').first().innerText();
    console.log('Hover:', hover.replace(/\s+/g, ' ').slice(0, 300));
    // The hover fades in; wait for it to be fully opaque before the shot.
    await page.waitForFunction(() => {
      const h = document.querySelector('.monaco-hover');
      return h && globalThis.getComputedStyle(h).opacity === '1';
    }, null, { timeout: 5_000 }).catch(() => {});
    await page.screenshot({ path: out });
    console.log('saved', out);
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
