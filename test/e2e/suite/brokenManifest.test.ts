// A manifest with a JSON syntax error: the error is reported, and completion and hover keep working.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activatedExtension, blankLineAfter, bundledSchema, codeOf, completionLabelsEventually, describeDiagnostics, descriptionOf,
  diagnosticsFor, enumOf, hoverText, openFixture, positionOf, unquote, type JsonSchema,
} from './helpers';

describe('a syntactically broken manifest', () => {
  let document: vscode.TextDocument;
  let schema: JsonSchema;
  before(async () => {
    schema = bundledSchema(await activatedExtension());
    document = await openFixture('integrations/broken/manifest.json');
  });

  it('gets a json-syntax diagnostic where the comma is missing', async () => {
    const diagnostics = await diagnosticsFor(document.uri, (d) => d.some((x) => codeOf(x) === 'json-syntax'));
    const syntax = diagnostics.filter((d) => codeOf(d) === 'json-syntax');
    assert.equal(syntax.length, 1, describeDiagnostics(diagnostics));
    const overviewLine = positionOf(document, '"overview"').line;
    assert.ok(
      syntax[0]!.range.start.line === overviewLine || syntax[0]!.range.start.line === overviewLine - 1,
      `json-syntax should be at the missing comma, got\n${describeDiagnostics(syntax)}`,
    );
  });

  it('still completes keys inside capabilities', async () => {
    const labels = (await completionLabelsEventually(document.uri, blankLineAfter(document, '"capabilities"'), 'key completions')).map(unquote);
    assert.ok(labels.includes('featureStore'), `featureStore not offered: ${labels.join(', ')}`);
    assert.ok(!labels.includes('auditLogEventsHook'), 'a key already present is offered');
  });

  it('still completes the values of method', async () => {
    const labels = (await completionLabelsEventually(document.uri, positionOf(document, '"method": ""', '"method": "'.length), 'value completions')).map(unquote);
    assert.deepEqual([...labels].sort(), [...enumOf(schema, ['capabilities', 'auditLogEventsHook', 'endpoint', 'method'])].sort());
  });

  it('still shows hovers', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '"supportEmail"', 3));
    const text = hoverText(hovers);
    const description = descriptionOf(schema, ['supportEmail']);
    assert.ok(normalize(text).includes(normalize(description)), `hover "${text}" lacks "${description}"`);
  });
});

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
