// Restricted Mode: the workspace is not trusted, and manifests are still checked, completed and hovered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedExtension, blankLineAfter, codeOf, completionLabelsEventually, describeDiagnostics, diagnosticsFor, isSchemaOrSyntax, openFixture } from './helpers';

describe('Restricted Mode', () => {
  it('the workspace is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness should open this workspace in Restricted Mode');
  });

  it('diagnostics and completion still work', async () => {
    await activatedExtension();
    const document = await openFixture('integrations/untrusted/manifest.json');
    const all = await diagnosticsFor(document.uri, (d) => d.some(isSchemaOrSyntax));
    const diagnostics = all.filter(isSchemaOrSyntax);
    assert.deepEqual(diagnostics.map(codeOf), ['schema-unknown-key'], describeDiagnostics(all));
    assert.equal(document.getText(diagnostics[0]!.range), '"colour"');
    const labels = await completionLabelsEventually(document.uri, blankLineAfter(document, '"capabilities"'), 'key completions');
    assert.ok(labels.map((l) => l.replace(/^"(.*)"$/, '$1')).includes('featureStore'), labels.join(', '));
  });
});
