import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { startServer } from '../support/lspClient';
import { manifestText, repoRoot, validManifest } from '../support/manifests';

test('the server reaches no network, even for a workspace schema that refers to remote schemas', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'ld-nonet-'));
  const root = repoRoot();
  const server = await startServer([process.execPath, '-r', join(root, 'test/support/no-network.cjs'), join(root, 'dist/server.js'), '--stdio']);
  try {
    writeFileSync(
      join(workspace, 'manifest.schema.json'),
      JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://example.com/manifest.schema.json',
        type: 'object',
        properties: { links: { $ref: 'https://example.com/remote/links.json' } },
      }),
    );
    mkdirSync(join(workspace, 'integrations/a'), { recursive: true });
    const path = join(workspace, 'integrations/a/manifest.json');
    const text = manifestText(validManifest());
    writeFileSync(path, text);
    const uri = pathToFileURL(path).toString();
    const published = server.nextDiagnostics(uri);
    await server.open(uri, text);
    const diagnostics = (await published).diagnostics;
    // The remote reference cannot be resolved without fetching it: the bundled schema takes over.
    assert.equal(diagnostics[0]?.code, 'schema-workspace-broken');
    await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } });
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 4 } });
  } finally {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
  assert.doesNotMatch(server.stderr(), /NETWORK ATTEMPT/);
});
