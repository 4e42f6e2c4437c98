// Takes the README screenshot: the workbench with a manifest that has problems, its squiggles, the
// Problems panel and the hover on an unknown key.
// usage: node screenshot.mjs ORIGIN WORKSPACE_FOLDER FILE_IN_WORKSPACE OUT.png   (env: LD_E2E_ENV, CHROMIUM)
import { launchWorkbenchBrowser, openFile, openWorkbench } from './workbenchPage.mjs';

const [origin, folder, file, out] = process.argv.slice(2);
const HOVER_KEY = process.env.HOVER_KEY || 'colour';

async function main() {
  const { page, close } = await launchWorkbenchBrowser({ width: 1280, height: 800 });
  try {
    await openWorkbench(page, origin, folder);
    // Open the file through Quick Open, as a person would.
    await openFile(page, file);

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
    await close();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
