// Preview Integration in Restricted Mode: it reads the manifest and its icons through the language
// server and sends nothing anywhere, so it works in an untrusted workspace, problems included.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedExtension, openFixture } from './helpers';
import { inWebview, webviewBridge, webviewValue } from './webviewDom';

const ROOT = 'ld-integration-preview';

describe('Preview Integration in Restricted Mode', () => {
  it('shows the untrusted manifest, its icons and its problem', async function () {
    const bridge = webviewBridge(this);
    assert.equal(vscode.workspace.isTrusted, false);
    await activatedExtension();
    const document = await openFixture('integrations/untrusted/manifest.json');
    const shown = await vscode.commands.executeCommand<{ title: string; version: number } | undefined>('ldManifest.previewIntegration', { uri: document.uri.toString() });
    assert.equal(shown?.title, 'Opened Untrusted');
    const name = await webviewValue<string>(bridge, ROOT, 'the card', `document.querySelector('.card .name')?.textContent ?? ''`, (v) => v !== '');
    assert.equal(name, 'Opened Untrusted');
    const icons = await inWebview<number>(bridge, ROOT, { action: 'evaluate', expression: `document.querySelectorAll('.icon img[src^="data:image/svg+xml;base64,"]').length` });
    assert.equal(icons, 2);
    const problems = await inWebview<string>(bridge, ROOT, { action: 'evaluate', expression: `document.querySelector('.other-problems')?.textContent ?? ''` });
    assert.match(problems, /schema-unknown-key/);
  });
});
