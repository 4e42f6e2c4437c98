// Takes the README's Preview Integration screenshots: for each manifest, the workbench with the manifest
// and its preview beside it, once the preview's icons have loaded.
// usage: node preview-screenshots.mjs ORIGIN WORKSPACE_FOLDER OUT_PREFIX KEY[@PATH]...   (env: LD_E2E_ENV, CHROMIUM)
//   writes OUT_PREFIX<KEY>.png for each integrations/<KEY>/manifest.json of the workspace, the preview
//   scrolled to the element of the manifest path PATH when given (e.g. capabilities.featureStore.formVariables)
import fs from 'node:fs';
import path from 'node:path';
import { launchWorkbenchBrowser, openFile, openWorkbench, runCommand } from './workbenchPage.mjs';

const [origin, folder, prefix, ...shots] = process.argv.slice(2);

/** The preview's frame once its icons are decoded (an image still loading would be blank in the shot). */
async function previewFrame(page, name) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const ready = await frame
        .evaluate(async (wanted) => {
          const title = document.querySelector('#ld-integration-preview .card .name');
          if (!title || title.textContent !== wanted) return false;
          await Promise.all([...document.querySelectorAll('.icon img')].map((img) => img.decode()));
          return true;
        }, name)
        .catch(() => false);
      if (ready) return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no preview of ${name} within a minute`);
}

async function main() {
  const { page, close } = await launchWorkbenchBrowser({ width: 1440, height: 900 });
  try {
    await openWorkbench(page, origin, folder);
    await runCommand(page, 'View: Close Primary Side Bar');
    for (const shot of shots) {
      const [key, scrollTo] = shot.split('@');
      await openFile(page, `integrations/${key}/manifest.json`);
      const name = JSON.parse(fs.readFileSync(path.join(folder, 'integrations', key, 'manifest.json'), 'utf8')).name;
      await runCommand(page, 'LaunchDarkly Manifest: Preview Integration');
      const frame = await previewFrame(page, name).catch(async (error) => {
        await page.screenshot({ path: `${prefix}failed-${key}.png` });
        throw error;
      });
      if (scrollTo) await frame.evaluate((wanted) => [...document.querySelectorAll('[data-path]')].find((e) => e.dataset.path === wanted)?.scrollIntoView(), scrollTo);
      // The code lens and the editor's squiggles come from the server; let its first check land.
      await page.waitForSelector('.editor-instance .codelens-decoration', { timeout: 30_000 });
      const out = `${prefix}${key}.png`;
      await page.screenshot({ path: out });
      console.log('saved', out);
      await runCommand(page, 'View: Close All Editors');
    }
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
