// The server with a second, independent LSP client: Neovim (Debian's 0.7, installed by .ci/run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestText, positionOf, repoRoot, validManifest } from '../support/manifests';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const skip = nvim.status === 0 ? false : 'nvim is not installed (.ci/run installs Debian\'s neovim)';

test('Neovim gets the diagnostics and a hover from the bundled server', { skip }, () => {
  const root = repoRoot();
  const folder = mkdtempSync(join(tmpdir(), 'ld-nvim-'));
  try {
    const manifest = validManifest() as Record<string, any>;
    manifest.capabilities.featureStore.featureStoreRequest.endpoint.method = 'put';
    const text = manifestText(manifest);
    const file = join(folder, 'manifest.json');
    writeFileSync(file, text);
    const put = positionOf(text, '"put"');
    const overview = positionOf(text, '"overview"', 0, 2);
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(root, 'test/support/neovim-lsp.lua')}`, file], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, SERVER: join(root, 'dist/server.js'), HOVER_LINE: String(overview.line), HOVER_CHARACTER: String(overview.character) },
    });
    const output = run.stdout + run.stderr;
    assert.equal(run.status, 0, output);
    assert.match(output, new RegExp(`^DIAG ${put.line}:${put.character} schema-value-not-allowed "put" is not an allowed value`, 'm'));
    assert.match(output, /^HOVER .*10–100 characters/m);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
