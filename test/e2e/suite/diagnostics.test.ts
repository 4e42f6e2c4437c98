// Schema diagnostics: stable codes, source and the narrowest ranges.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  SOURCE, activatedExtension, codeOf, describeDiagnostics, diagnosticsFor, fixtureUri, isSchemaOrSyntax, manifestDocument, openFixture, ourDiagnostics,
} from './helpers';

const EXPECTED = ['schema-missing-key', 'schema-unknown-key', 'schema-value-not-allowed'];

describe('diagnostics', () => {
  before(async () => {
    await activatedExtension();
  });

  it('reports an unknown key, a wrong enum value and a missing required key, each once, on its exact range', async () => {
    const valid = await openFixture('integrations/example/manifest.json');
    const document = await openFixture('integrations/problems/manifest.json');
    const all = await diagnosticsFor(document.uri, (d) => EXPECTED.every((code) => d.some((x) => codeOf(x) === code)));
    const listing = describeDiagnostics(all);
    const diagnostics = all.filter(isSchemaOrSyntax);
    assert.deepEqual(diagnostics.map(codeOf).sort(), EXPECTED, listing);
    for (const d of diagnostics) {
      assert.equal(d.source, SOURCE);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error, listing);
    }
    const byCode = (code: string) => diagnostics.find((d) => codeOf(d) === code)!;

    const unknown = byCode('schema-unknown-key');
    assert.equal(document.getText(unknown.range), '"colour"', listing);
    assert.match(unknown.message, /colour/);

    const notAllowed = byCode('schema-value-not-allowed');
    assert.equal(document.getText(notAllowed.range), '"SEND"', listing);
    assert.match(notAllowed.message, /POST/);

    const missing = byCode('schema-missing-key');
    assert.deepEqual(missing.range, new vscode.Range(0, 0, 0, 1), listing); // the top-level object's opening brace
    assert.match(missing.message, /"author"/);

    assert.deepEqual(describeDiagnostics(ourDiagnostics(valid.uri).filter(isSchemaOrSyntax)), '', 'the valid manifest has schema diagnostics');
  });

  it('checks a manifest recognised by content, with the key it does not know underlined', async () => {
    // Shown in an editor, as an author opens it: VS Code pulls diagnostics for documents in tabs.
    await openFixture('elsewhere/manifest.json');
    const document = await manifestDocument(fixtureUri('elsewhere/manifest.json'));
    const all = await diagnosticsFor(document.uri, (d) => d.some(isSchemaOrSyntax));
    const diagnostics = all.filter(isSchemaOrSyntax);
    assert.deepEqual(diagnostics.map(codeOf), ['schema-unknown-key'], describeDiagnostics(all));
    assert.equal(document.getText(diagnostics[0]!.range), '"flagLinks"');
  });
});
