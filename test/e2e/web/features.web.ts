// What reads the workspace works in the browser: every file below is read by the server worker through
// the client's vscode.workspace.fs (code-server's remote file system here, github.dev's virtual one
// there). The fixture is test/e2e/fixtures/web/.
import * as vscode from 'vscode';
import {
  activatedExtension,
  check,
  codeOf,
  completionLabelsEventually,
  describeDiagnostics,
  diagnosticsFor,
  fixtureUri,
  hoverText,
  manifestDocument,
  openFixture,
  positionOf,
  waitFor,
} from '../suite/editorHelpers';

const ACME = 'integrations/acme/manifest.json';

/** Called once mocha's browser build is set up (it defines describe and it). */
export function defineFeatureTests(): void {
  describe('the language features in the browser', () => {
    let manifest: vscode.TextDocument;

    before(async () => {
      await activatedExtension();
      await openFixture(ACME);
      manifest = await manifestDocument(fixtureUri(ACME));
    });

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('reports the manifest problems, reading the icons beside it (one missing, one there)', async () => {
      const diagnostics = await diagnosticsFor(manifest.uri, (d) => d.some((x) => codeOf(x) === 'icon-missing') && d.some((x) => codeOf(x) === 'template-unknown-variable'));
      const icons = diagnostics.filter((d) => codeOf(d) === 'icon-missing');
      check(icons.length === 1, `one icon is missing, not ${icons.length}:\n${describeDiagnostics(diagnostics)}`);
      check(manifest.getText(icons[0]!.range).includes('horizontal-missing.svg'), `the missing icon is the horizontal one: ${describeDiagnostics(icons)}`);
    });

    it('sees a file created beside the manifest: the missing icon is no longer reported', async () => {
      const icon = fixtureUri('integrations/acme/assets/horizontal-missing.svg');
      await vscode.workspace.fs.writeFile(icon, new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>'));
      try {
        await diagnosticsFor(manifest.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'icon-missing'));
      } finally {
        await vscode.workspace.fs.delete(icon);
      }
      await diagnosticsFor(manifest.uri, (d) => d.some((x) => codeOf(x) === 'icon-missing'));
    });

    it('completes form variables after {{ in a template', async () => {
      const position = positionOf(manifest, '{{channell}}', 2);
      const labels = await completionLabelsEventually(manifest.uri, position, 'completion in the endpoint template');
      check(labels.includes('channel'), `channel is offered: ${labels.join(', ')}`);
    });

    it('offers the did-you-mean quick fix for the misspelt variable, and applying it clears the problem', async () => {
      const isMisspelt = (d: vscode.Diagnostic) => codeOf(d) === 'template-unknown-variable' && /channel/.test(d.message);
      const diagnostics = await diagnosticsFor(manifest.uri, (d) => d.some(isMisspelt));
      const unknown = diagnostics.find(isMisspelt)!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', manifest.uri, unknown.range);
      const fix = actions.find((a) => a.edit && /channel/.test(a.title));
      check(fix?.edit, `a quick fix to channel: ${actions.map((a) => a.title).join(', ')}`);
      check(await vscode.workspace.applyEdit(fix.edit), 'the fix applies');
      await diagnosticsFor(manifest.uri, (d) => !d.some(isMisspelt));
      check(manifest.getText().includes('{{channel}}'), 'the template now names channel');
    });

    it('hovers a form variable in a template', async () => {
      const hovers = await waitFor('a hover on {{channel}}', async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', manifest.uri, positionOf(manifest, '{{channel}}', 3));
        return found.length > 0 ? found : undefined;
      });
      check(/Where alerts go/.test(hoverText(hovers)), `the hover shows the variable's description: ${hoverText(hovers)}`);
    });

    it('renames a form variable with its template references', async () => {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', manifest.uri, positionOf(manifest, '"key": "channel"', '"key": "'.length), 'room');
      const changes = edit.get(manifest.uri);
      check(changes.length >= 2, `the key and its template reference are renamed: ${changes.length} edits`);
      check(changes.every((c) => c.newText === 'room'), 'every edit writes the new name');
    });

    it("reports a template file's problem in the file, from the manifest that names it", async () => {
      const template = await openFixture('integrations/acme/templates/flag.json.hbs');
      const diagnostics = await diagnosticsFor(template.uri, (d) => d.some((x) => codeOf(x) === 'template-unknown-variable'));
      const unknown = diagnostics.filter((d) => codeOf(d) === 'template-unknown-variable');
      check(unknown.length === 1 && template.getText(unknown[0]!.range).includes('chanel'), `the misspelt name is marked: ${describeDiagnostics(diagnostics)}`);
    });

    it("checks a manifest against the workspace's own schema, read through the file system API", async () => {
      const checked = await openFixture('schema-check/integrations/checked/manifest.json');
      const diagnostics = await diagnosticsFor(checked.uri, (d) => d.some((x) => codeOf(x) === 'schema-missing-key'));
      check(
        diagnostics.some((d) => codeOf(d) === 'schema-missing-key' && d.message.includes('reviewedBy')),
        `the workspace schema's required key is asked for: ${describeDiagnostics(diagnostics)}`,
      );
    });

    it('opens Preview Integration beside the manifest, made by the worker from the current text', async () => {
      const shown = await vscode.commands.executeCommand<{ title: string; version: number } | undefined>('ldManifest.previewIntegration', { uri: manifest.uri.toString() });
      check(shown?.title === 'Acme Alerts' && shown.version === manifest.version, `the preview of this version of the manifest: ${JSON.stringify(shown)}`);
      const tab = await waitFor('the preview tab', () =>
        vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.label === 'Preview: Acme Alerts' && t.input instanceof vscode.TabInputWebview),
      );
      check(/ldManifest\.integrationPreview$/.test((tab.input as vscode.TabInputWebview).viewType), `the preview's own webview: ${(tab.input as vscode.TabInputWebview).viewType}`);
    });
  });
}
