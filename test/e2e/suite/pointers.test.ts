// JSON pointers in parsers in the real editor (issue #4): hover and completion from the sample
// response stored beside the manifest (`sample-responses/validationRequest.json` for the featureStore
// validation parser), the pointer diagnostics and the missing-slash quick fix, and the icon links.
// Fixture: test/e2e/fixtures/editing/integrations/store-pointers (with a sample response) and
// store-slash (a success pointer written without its "/").
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  SOURCE, activatedExtension, codeOf, completionLabelsEventually, describeDiagnostics, fixtureUri, hoverText, manifestDocument, openFixture,
  ourDiagnostics, positionOf, waitFor,
} from './helpers';
import { applyEdit, diagnosticWith, diagnosticsSnapshot, diagnosticsUntil, quickFix, rangeOf, revert, showRange } from './editing';

const MANIFEST = 'integrations/store-pointers/manifest.json';
const SAMPLE = 'integrations/store-pointers/sample-responses/validationRequest.json';
const SLASH = 'integrations/store-slash/manifest.json';

interface Sample {
  result: { ok: boolean; messages: string[]; account: Record<string, string> };
  requestId: string;
}

describe('pointers', () => {
  let document: vscode.TextDocument;
  let sample: Sample;

  before(async () => {
    await activatedExtension();
    sample = JSON.parse(fs.readFileSync(fixtureUri(SAMPLE).fsPath, 'utf8')) as Sample;
    await openFixture(MANIFEST);
    document = await manifestDocument(fixtureUri(MANIFEST));
  });

  describe('hover', () => {
    it('on the success pointer shows its decoded tokens and the value the sample selects', async () => {
      const at = positionOf(document, '"/result/ok"', 3);
      const hovers = await waitFor('a hover on the success pointer', async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
        return found?.length ? found : undefined;
      });
      const text = hoverText(hovers);
      assert.ok(text.includes('**JSON pointer** `"/result/ok"`'), text);
      assert.ok(text.includes('1. key `result`'), `token 1 missing: ${text}`);
      assert.ok(text.includes('2. key `ok`'), `token 2 missing: ${text}`);
      assert.ok(text.includes('Selects in sample-responses/validationRequest.json'), `the sample is not named: ${text}`);
      const selected = JSON.stringify(sample.result.ok, null, 2);
      assert.ok(text.includes('```json\n' + selected + '\n```'), `the selected value ${selected} is not shown: ${text}`);
      const range = hovers.find((h) => h.range)?.range;
      assert.ok(range, 'the hover has no range');
      assert.equal(document.getText(range), '"/result/ok"');
    });

    it('on a pointer into an object shows the object the sample holds there', async () => {
      // Typed over the errors pointer on the unsaved document; reverted afterwards.
      const pristine = await settledSnapshot(document);
      try {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, rangeOf(document, '"/result/problems"', 1, '/result/problems'.length), '/result/account');
        await applyEdit(edit);
        const at = positionOf(document, '"/result/account"', 3);
        const text = await waitFor('a hover showing /result/account', async () => {
          const found = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
          return found.includes('/result/account') ? found : undefined;
        });
        assert.ok(text.includes('```json\n' + JSON.stringify(sample.result.account, null, 2) + '\n```'), text);
      } finally {
        await revert(document, pristine);
      }
    });
  });

  describe('completion', () => {
    it('inside a pointer string offers the keys the sample has at the typed path', async () => {
      const afterResult = positionOf(document, '"/result/problems"', '"/result/'.length);
      const labels = await completionLabelsEventually(document.uri, afterResult, 'pointer completions after /result/');
      assert.deepEqual([...labels].sort(), Object.keys(sample.result).sort());
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, afterResult);
      const messages = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'messages');
      assert.ok(messages, 'messages not offered');
      const edit = messages.textEdit ?? (messages.range instanceof vscode.Range ? new vscode.TextEdit(messages.range, String(messages.insertText)) : undefined);
      assert.ok(edit, 'the item has no edit');
      assert.equal(edit.newText, '"/result/messages"');
      assert.equal(document.getText(edit.range), '"/result/problems"');
      assert.match(String(messages.detail), /array/);
    });

    it('at the start of a pointer offers the top-level keys of the sample', async () => {
      const start = positionOf(document, '"/result/ok"', 1);
      const labels = await completionLabelsEventually(document.uri, start, 'pointer completions at the start');
      assert.deepEqual([...labels].sort(), Object.keys(sample).sort());
    });
  });

  describe('diagnostics', () => {
    it('warn about a pointer that selects nothing in the sample, on the token that fails, and nothing else', async () => {
      const diagnostic = await diagnosticWith(document, 'pointer-selects-nothing');
      const listing = describeDiagnostics(ourDiagnostics(document.uri));
      assert.equal(diagnostic.source, SOURCE);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(showRange(diagnostic.range), showRange(rangeOf(document, '"/result/problems"', '"/result'.length, '/problems'.length)), listing);
      assert.match(diagnostic.message, /"\/result\/problems" selects nothing in sample-responses\/validationRequest\.json/);
      // The success pointer selects a boolean; icons exist: nothing else to say about this manifest.
      assert.deepEqual(ourDiagnostics(document.uri).map(codeOf), ['pointer-selects-nothing'], listing);
    });

    it('flag a pointer without its leading "/", and the quick fix adds it', async () => {
      await openFixture(SLASH);
      const slash = await manifestDocument(fixtureUri(SLASH));
      const diagnostic = await diagnosticWith(slash, 'pointer-missing-slash');
      const pristine = await settledSnapshot(slash);
      try {
        const listing = describeDiagnostics(ourDiagnostics(slash.uri));
        assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
        assert.equal(showRange(diagnostic.range), showRange(rangeOf(slash, '"success": "success"', '"success": "'.length, 1)), listing);
        assert.deepEqual(ourDiagnostics(slash.uri).map(codeOf), ['pointer-missing-slash'], listing);

        const fix = await quickFix(slash, diagnostic.range, 'Make it a JSON pointer: "/success"');
        assert.equal(fix.isPreferred, true);
        await applyEdit(fix.edit);
        assert.equal(slash.lineAt(diagnostic.range.start.line).text.trim(), '"success": "/success",');
        assert.equal(JSON.parse(slash.getText()).capabilities.featureStore.validationRequest.parser.success, '/success');
        await diagnosticsUntil(slash, 'the pointer-missing-slash diagnostic to go away', (d) => d.length === 0);
      } finally {
        await revert(slash, pristine);
      }
    });
  });

  describe('document links', () => {
    it('link the icons to the SVG files beside the manifest', async () => {
      const links = await waitFor('document links', async () => {
        const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
        return found && found.length >= 2 ? found : undefined;
      });
      const folder = path.dirname(fixtureUri(MANIFEST).fsPath);
      for (const icon of ['assets/square.svg', 'assets/horizontal.svg']) {
        const link = links.find((l) => document.getText(l.range) === icon);
        assert.ok(link, `no link on "${icon}": ${links.map((l) => document.getText(l.range)).join(', ')}`);
        assert.ok(link.target, `the link on ${icon} has no target`);
        assert.equal(link.target.scheme, 'file');
        assert.equal(path.resolve(link.target.fsPath), path.resolve(folder, icon));
        assert.ok(fs.existsSync(link.target.fsPath), `${link.target.fsPath} does not exist`);
        assert.match(fs.readFileSync(link.target.fsPath, 'utf8'), /<svg[\s>]/);
      }
    });
  });
});

/** The document's diagnostics once the server has published some for it (the state to return to). */
async function settledSnapshot(document: vscode.TextDocument): Promise<string> {
  assert.equal(document.isDirty, false, `${document.uri.path} is already edited`);
  await diagnosticsUntil(document, `diagnostics for ${vscode.workspace.asRelativePath(document.uri)}`, (d) => d.length > 0);
  return diagnosticsSnapshot(document.uri);
}
