import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, bundledServerCommand } from '../support/lspClient';
import { manifestText, repoRoot, validManifest } from '../support/manifests';

test('ldManifest.severity changes and turns off codes; an unknown code in it is shown, not ignored', async () => {
  const severity = { 'icon-missing': 'off', 'overview-full-stop': 'hint', 'overveiw-full-stop': 'off' };
  const server = await startServer(bundledServerCommand(repoRoot()), undefined, (section) => (section === 'ldManifest' ? { severity } : null));
  try {
    const uri = 'file:///ws/integrations/severity/manifest.json';
    const manifest = validManifest() as Record<string, any>;
    manifest.overview = 'No full stop here';
    const published = server.nextDiagnostics(uri);
    await server.open(uri, manifestText(manifest));
    const diagnostics = (await published).diagnostics;
    // Without the setting: two icon-missing errors (no files under /ws) and an overview-full-stop error.
    assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.severity}`), ['overview-full-stop 4']);
    const deadline = Date.now() + 5000;
    while (server.shownMessages().length === 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(server.shownMessages().length, 1);
    assert.match(server.shownMessages()[0], /"overveiw-full-stop" is not a diagnostic code; did you mean "overview-full-stop"\?/);
  } finally {
    await server.stop();
  }
});
