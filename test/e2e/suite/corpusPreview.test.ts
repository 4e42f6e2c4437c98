// *Preview Integration* of a real manifest: datadog's, read from ../shared/corpus where it is (skipped,
// saying so, where it is not), opened in the editor outside the workspace. Its card shows its own icons,
// and renaming a form variable in the editor changes the preview. The corpus is never written: the
// edit is reverted from the file, and the test fails if files.autoSave could have saved it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { REPO_ROOT, activatedExtension, positionOf } from './helpers';
import { webviewBridge, webviewValue } from './webviewDom';

const DATADOG = path.join(REPO_ROOT, '../shared/corpus/integration-framework/integrations/datadog/manifest.json');
const ROOT = 'ld-integration-preview';

describe('Preview Integration of a corpus manifest', function () {
  let bridge: string;
  let document: vscode.TextDocument;
  let onDisk: string;

  before(async function () {
    if (!fs.existsSync(DATADOG)) {
      console.log(`      (skipped: no corpus at ${path.relative(REPO_ROOT, DATADOG)})`);
      this.skip();
    }
    bridge = webviewBridge(this);
    onDisk = fs.readFileSync(DATADOG, 'utf8');
    await activatedExtension();
    // One preview open at a time: the bridge finds the webview by its root element.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(DATADOG));
    assert.equal(vscode.workspace.getConfiguration('files', document.uri).get('autoSave'), 'off', 'files.autoSave would write the edit below into the corpus');
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    if (!document) return;
    if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(fs.readFileSync(DATADOG, 'utf8'), onDisk, 'the corpus manifest is as it was');
  });

  it('shows its card with both of its icons, and follows a form variable renamed in the editor', async () => {
    const shown = await vscode.commands.executeCommand<{ title: string; version: number }>('ldManifest.previewIntegration', { uri: document.uri.toString() });
    assert.deepEqual(shown, { title: 'Datadog Events', version: document.version });
    const value = <T>(what: string, expression: string, accept: (value: T) => boolean) => webviewValue<T>(bridge, ROOT, what, expression, accept);
    assert.equal(await value<string>('the card', `document.querySelector('.card .name')?.textContent ?? ''`, (v) => v !== ''), 'Datadog Events');
    const icons = await value<string[]>('both icons', `[...document.querySelectorAll('.icon img')].map((img) => img.getAttribute('src').slice(0, 26))`, (v) => v.length === 2);
    assert.deepEqual(icons, ['data:image/svg+xml;base64,', 'data:image/svg+xml;base64,']);
    const labels = `[...document.querySelectorAll('.form .field-head label, .form .field-head .label')].map((l) => l.textContent).join('|')`;
    assert.equal(await value<string>('the form', labels, (v) => v !== ''), 'Datadog API key|Datadog host URL|Hide member details');

    const start = positionOf(document, '"Datadog host URL"', 1);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(start, start.translate(0, 'Datadog host URL'.length)), 'Datadog site');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await value<string>('the renamed field', labels, (v) => v.includes('Datadog site')), 'Datadog API key|Datadog site|Hide member details');
  });
});
