// *Preview Integration* in a real editor, seen through the webview's DOM in headless Chromium: opened
// from the server's code lens beside the manifest, it shows the card (the icon's script and handler
// removed), the form and the renderings; it follows an edit of the manifest, applies dependsOn when a
// box is ticked, re-renders for a picked sample event, jumps to the manifest on a click or Enter, copies
// Markdown for a pull request, and runs under a Content-Security-Policy that admits its own script only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedExtension, openFixture, positionOf, waitFor } from './helpers';
import { inWebview, webviewBridge, webviewValue } from './webviewDom';

const MANIFEST = 'integrations/acme-events/manifest.json';
const ROOT = 'ld-integration-preview';
const COMMAND = 'ldManifest.previewIntegration';

describe('Preview Integration', function () {
  let bridge: string;
  let document: vscode.TextDocument;
  let original: string;
  const text = (expression: string, what: string, accept: (value: string) => boolean) => webviewValue<string>(bridge, ROOT, what, expression, accept);

  before(async function () {
    bridge = webviewBridge(this);
    await activatedExtension();
    document = await openFixture(MANIFEST);
    original = document.getText();
  });

  after(async () => {
    // Put the fixture's text back, on disk too, in case files.autoSave is on where this runs.
    if (!document || document.getText() === original) return;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
  });

  it('opens beside the manifest from the code lens, with the card, the form and the renderings', async () => {
    const lenses = await waitFor('the preview lens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found?.find((l) => l.command?.command === COMMAND);
    });
    assert.equal(lenses.range.start.line, positionOf(document, '"name"').line);
    const shown = await vscode.commands.executeCommand<{ title: string; version: number }>(COMMAND, ...(lenses.command!.arguments ?? []));
    assert.deepEqual(shown, { title: 'Acme Events', version: document.version });
    const tab = await waitFor('the preview tab beside the manifest', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.label === 'Preview: Acme Events' && t.input instanceof vscode.TabInputWebview),
    );
    assert.match((tab.input as vscode.TabInputWebview).viewType, /ldManifest\.integrationPreview$/);
    assert.notEqual(tab.group.viewColumn, vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === document.uri.toString()))?.viewColumn);
    // The webview's frame appears once the workbench has laid it out: wait for the card in its DOM.
    assert.equal(await text(`document.querySelector('.card .name')?.textContent ?? ''`, 'the card', (v) => v !== ''), 'Acme Events');
    const labels = await inWebview<string[]>(bridge, ROOT, { action: 'evaluate', expression: `[...document.querySelectorAll('.form .field-head label, .form .field-head .label')].map((l) => l.textContent)` });
    assert.deepEqual(labels, ['API key', 'Region', 'Send through a proxy', 'Proxy URL']);
    const renderings = await inWebview<string[]>(bridge, ROOT, { action: 'evaluate', expression: `[...document.querySelectorAll('.rendering h4')].map((h) => h.textContent)` });
    assert.deepEqual(renderings, ['flag', 'default']);
    assert.match(await inWebview<string>(bridge, ROOT, { action: 'evaluate', expression: `document.querySelector('.rendering pre').textContent` }), /"title": "Ada Lovelace turned on the flag New checkout flow"/);
  });

  it('shows the icons as sanitised data: images, and says what it removed', async () => {
    const images = await inWebview<{ src: string; complete: boolean; width: number }[]>(bridge, ROOT, {
      action: 'evaluate',
      expression: `Promise.all([...document.querySelectorAll('.icon img')].map((img) => img.decode().then(() => ({ src: img.src, complete: img.complete, width: img.naturalWidth }))))`,
    });
    assert.equal(images.length, 2);
    for (const image of images) {
      assert.ok(image.src.startsWith('data:image/svg+xml;base64,') && image.complete && image.width > 0, image.src.slice(0, 60));
      assert.doesNotMatch(Buffer.from(image.src.slice(26), 'base64').toString('utf8'), /script|onload|alert/);
    }
    assert.match(await inWebview<string>(bridge, ROOT, { action: 'evaluate', expression: `document.querySelector('.removed').textContent` }), /onload attribute.*<script> element/);
  });

  it('runs under a strict Content-Security-Policy: its own script by nonce, an injected one not at all', async () => {
    const policy = await inWebview<string>(bridge, ROOT, { action: 'evaluate', expression: `document.querySelector('meta[http-equiv="Content-Security-Policy"]').content` });
    const nonce = /script-src 'nonce-([0-9a-f]{32})'/.exec(policy)?.[1];
    assert.ok(nonce, policy);
    assert.match(policy, /^default-src 'none'; img-src data:[^;]*; style-src 'nonce-[0-9a-f]{32}'[^;]*; script-src 'nonce-[0-9a-f]{32}'; base-uri 'none'; form-action 'none'$/);
    // Ours, and the one VS Code's webview host injects (its acquireVsCodeApi), which comes first.
    const scripts = await inWebview<{ nonce: string; src: string; text: string }[]>(bridge, ROOT, {
      action: 'evaluate',
      expression: `[...document.scripts].map((s) => ({ nonce: s.nonce, src: s.src, text: s.textContent.slice(0, 200) }))`,
    });
    assert.deepEqual(scripts.filter((s) => s.nonce === nonce).length, 1, JSON.stringify(scripts));
    assert.deepEqual(scripts.filter((s) => s.nonce !== nonce && !s.text.includes('acquireVsCodeApi')), [], JSON.stringify(scripts));
    const injected = await inWebview<{ ran: boolean; violations: string[] }>(bridge, ROOT, {
      action: 'evaluate',
      // An inline script runs as it is inserted and a handler as it is clicked, so whether either ran is
      // known at once; the two violation reports come as events after (waited for, with a deadline).
      expression: `new Promise((resolve) => {
        const violations = [];
        let ran = false;
        const deadline = setTimeout(() => resolve({ ran, violations }), 10000);
        document.addEventListener('securitypolicyviolation', (e) => {
          violations.push(e.violatedDirective);
          if (violations.length >= 2) {
            clearTimeout(deadline);
            resolve({ ran, violations });
          }
        });
        const script = document.createElement('script');
        script.textContent = 'window.__ldInjected = true';
        document.body.appendChild(script);
        const handler = document.createElement('div');
        handler.setAttribute('onclick', 'window.__ldInjected = true');
        document.body.appendChild(handler);
        handler.click();
        ran = window.__ldInjected === true;
      })`,
    });
    assert.equal(injected.ran, false);
    assert.deepEqual(injected.violations.map((d) => d.replace(/-(elem|attr)$/, '')), ['script-src', 'script-src'], injected.violations.join(', '));
  });

  it('follows an edit of the manifest in the editor', async () => {
    const before = Number(await inWebview<string>(bridge, ROOT, { action: 'evaluate', expression: `document.getElementById('${ROOT}').dataset.version` }));
    const edit = new vscode.WorkspaceEdit();
    const start = positionOf(document, '"Region"', 1);
    edit.replace(document.uri, new vscode.Range(start, start.translate(0, 'Region'.length)), 'Data region');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const label = await text(`[...document.querySelectorAll('.field-head label')].map((l) => l.textContent).join('|')`, 'the renamed field', (v) => v.includes('Data region'));
    assert.equal(label, 'API key|Data region|Send through a proxy|Proxy URL');
    const after = Number(await inWebview<string>(bridge, ROOT, { action: 'evaluate', expression: `document.getElementById('${ROOT}').dataset.version` }));
    assert.ok(after > before, `version ${before} → ${after}`);
  });

  it('applies dependsOn when the author ticks the box it names', async () => {
    const proxyField = `[...document.querySelectorAll('.field')].find((f) => f.dataset.path === 'formVariables.3')`;
    assert.equal(await inWebview<boolean>(bridge, ROOT, { action: 'evaluate', expression: `${proxyField}.classList.contains('not-shown')` }), true);
    await inWebview(bridge, ROOT, { action: 'click', selector: 'input[data-key="useProxy"]' });
    await text(`${proxyField}.className`, 'the proxy field shown', (v) => !v.includes('not-shown'));
    assert.match(await inWebview<string>(bridge, ROOT, { action: 'evaluate', expression: `${proxyField}.querySelector('.depends-on').textContent` }), /holds now/);
    // The ticked box stays ticked through the re-rendering.
    assert.equal(await inWebview<boolean>(bridge, ROOT, { action: 'evaluate', expression: `document.querySelector('input[data-key="useProxy"]').checked` }), true);
  });

  it('renders the audit-log templates for the sample event picked', async () => {
    await inWebview(bridge, ROOT, { action: 'select', selector: 'select[data-event-picker]', value: 'project' });
    const sources = await text(`[...document.querySelectorAll('.rendering .source')].map((s) => s.textContent).join('|')`, 'the project event', (v) => v.includes('sample project event'));
    assert.match(sources, /templates\/flag\.json\.hbs, sample project event · JSON\|templates\/default\.json\.hbs, sample project event · JSON/);
  });

  it('jumps to the manifest on a click, and on Enter from the keyboard', async () => {
    await inWebview(bridge, ROOT, { action: 'click', selector: '.field[data-path="formVariables.0"] .help' });
    const apiKey = await waitFor('the API key selected in the manifest', () => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === document.uri.toString() && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
    });
    assert.match(apiKey, /^\{\s*"key": "apiKey",[\s\S]*"isSecret": true\s*\}$/);
    await inWebview(bridge, ROOT, { action: 'press', selector: '.chip[data-path="categories.1"]', key: 'Enter' });
    await waitFor('the second category selected', () => vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection) === '"notifications"');
  });

  it('copies the Markdown for a pull request', async () => {
    await vscode.env.clipboard.writeText('');
    await inWebview(bridge, ROOT, { action: 'click', selector: 'button[data-action="copy"]' });
    const markdown = await waitFor('the Markdown on the clipboard', async () => {
      const copied = await vscode.env.clipboard.readText();
      return copied.includes('**Provide a request preview**') ? copied : undefined;
    });
    assert.match(markdown, /^\*\*Describe the solution you've provided\*\*/);
    // It is the preview of the current text, with the values the author picked.
    assert.match(markdown, /\| Data region \| `region` \|/);
    assert.match(markdown, /sample project event/);
  });
});
