// Template files as documents of their own in the real editor (issue #10): problems inside the .hbs
// file at their line and column, completion of its context after `{{`, hover with a sample value, and
// definition of formVariables.<key> into the manifest that names it.
// Fixture: test/e2e/fixtures/editing/integrations/audit-templates (an auditLogEventsHook manifest whose
// flag template misspells `title.plainText`).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedExtension, codeOf, completionLabelsEventually, diagnosticsFor, fixtureUri, hoverText, openFixture, positionOf, waitFor } from './helpers';

const TEMPLATE = 'integrations/audit-templates/templates/flag.json.hbs';
const MANIFEST = 'integrations/audit-templates/manifest.json';

describe('template files', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activatedExtension();
    document = await openFixture(TEMPLATE);
  });

  it('opens as Handlebars and gets the misspelt variable on its name, in the file', async () => {
    assert.equal(document.languageId, 'handlebars');
    const diagnostics = await diagnosticsFor(document.uri, (d) => d.some((x) => codeOf(x) === 'template-unknown-variable'));
    const unknown = diagnostics.find((d) => codeOf(d) === 'template-unknown-variable')!;
    assert.equal(document.getText(unknown.range), 'plainTxt');
    assert.equal(unknown.range.start.line, 1);
    assert.match(unknown.message, /Did you mean `plainText`\?/);
  });

  it('completes the children of title after `title.`', async () => {
    const labels = await completionLabelsEventually(document.uri, positionOf(document, 'title.', 'title.'.length), 'completion after title.');
    assert.ok(labels.includes('plainText') && labels.includes('markdown'), labels.join(', '));
  });

  it('hovers a variable with its sample value, and goes to the form variable in the manifest', async () => {
    const at = positionOf(document, 'href', 1);
    const text = await waitFor('a hover on _links.site.href', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
      const shown = hoverText(hovers ?? []);
      return shown.includes('Sample') ? shown : undefined;
    });
    assert.match(text, /_links\.site\.href/);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'channel}}}', 2));
    const target = locations?.[0];
    const uri = target && ('targetUri' in target ? target.targetUri : target.uri);
    assert.equal(uri?.toString(), fixtureUri(MANIFEST).toString());
  });

  it('previews what the templates render, from the code lens above `templates`', async () => {
    // Code lenses are asked of an open document.
    await openFixture(MANIFEST);
    const lenses = await waitFor('the preview lens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fixtureUri(MANIFEST));
      return found?.filter((l) => l.command?.title === 'Preview rendered templates').length ? found : undefined;
    });
    const lens = lenses.find((l) => l.command?.title === 'Preview rendered templates')!;
    const markdown = await vscode.commands.executeCommand<string>(lens.command!.command, ...(lens.command!.arguments ?? []));
    assert.match(markdown, /### auditLogEventsHook `flag`/);
    // The fixture's template misspells a field: the preview says it does not render.
    assert.match(markdown, /> \*\*Problem:\*\* it does not render in strict mode: "plainTxt" not defined/);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.languageId === 'markdown' && e.document.getText() === markdown), 'the preview is shown');
  });
});
