// A workspace like the upstream repository: .vscode/settings.json maps every manifest.json to a schema
// through json.schemas. VS Code's JSON support must not check or complete manifests a second time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activatedExtension, blankLineAfter, bundledSchema, codeOf, completionLabelsEventually, describeDiagnostics, descriptionOf, diagnosticsFor,
  fixtureUri, hoverText, isSchemaOrSyntax, manifestDocument, openFixture, positionOf, waitFor,
} from './helpers';

const EXPECTED = ['schema-missing-key', 'schema-unknown-key', 'schema-value-not-allowed'];

describe('a workspace that maps manifest.json through json.schemas', () => {
  let acme: vscode.TextDocument;
  let drafts: vscode.TextDocument;

  before(async () => {
    const mappings = vscode.workspace.getConfiguration('json').get<unknown[]>('schemas') ?? [];
    assert.equal(mappings.length, 1, 'the fixture workspace should map manifest.json through json.schemas');
    await activatedExtension();
    acme = await openFixture('integrations/acme/manifest.json');
    await openFixture('drafts/manifest.json');
    drafts = await manifestDocument(fixtureUri('drafts/manifest.json'));
    await diagnosticsFor(acme.uri, (d) => EXPECTED.every((code) => d.some((x) => codeOf(x) === code)));
    await diagnosticsFor(drafts.uri);
    // The control: a web app manifest.json stays JSON, so the JSON language server checks it against the
    // mapped schema. Once it has, it has had every chance to check the manifests too.
    const control = await openFixture('webapp/manifest.json');
    assert.equal(control.languageId, 'json');
    const controlDiagnostics = await waitFor('diagnostics for the web app manifest (json.schemas in force)', () => {
      const found = vscode.languages.getDiagnostics(control.uri);
      return found.length > 0 ? found : undefined;
    }, {
      events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>],
      timeoutMs: 30_000,
    });
    // VS Code's JSON diagnostics carry no source here (pull diagnostics); anything not ours is theirs.
    assert.ok(
      controlDiagnostics.some((d) => d.source !== 'ld-manifest' && /Missing property "overview"/.test(d.message)),
      `the JSON language server did not check the control against the mapped schema:\n${describeDiagnostics(controlDiagnostics)}`,
    );
  });

  it('reports every problem once, only from ld-manifest', () => {
    for (const document of [acme, drafts]) {
      const all = vscode.languages.getDiagnostics(document.uri);
      const listing = describeDiagnostics(all);
      assert.deepEqual(describeDiagnostics(all.filter((d) => d.source !== 'ld-manifest')), '', `diagnostics not from ld-manifest for ${document.uri.path}:\n${listing}`);
      const messages = all.map((d) => d.message);
      assert.equal(new Set(messages).size, messages.length, `duplicate messages:\n${listing}`);
      const places = all.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`);
      assert.equal(new Set(places).size, places.length, `two diagnostics of one kind at one place:\n${listing}`);
    }
    assert.deepEqual(vscode.languages.getDiagnostics(acme.uri).filter(isSchemaOrSyntax).map(codeOf).sort(), EXPECTED);
  });

  it('completes every key once', async () => {
    const labels = await completionLabelsEventually(acme.uri, blankLineAfter(acme, '"capabilities"'), 'key completions');
    const seen = new Map<string, number>();
    for (const label of labels.map((l) => l.replace(/^"(.*)"$/, '$1'))) seen.set(label, (seen.get(label) ?? 0) + 1);
    assert.deepEqual([...seen].filter(([, n]) => n > 1), [], `duplicate completion items: ${labels.join(', ')}`);
    assert.ok(seen.has('featureStore'));
  });

  it('shows one hover, from the extension\'s schema', async () => {
    const extension = await activatedExtension();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', acme.uri, positionOf(acme, '"overview"', 2));
    const text = hoverText(hovers);
    assert.equal(hovers.length, 1, `expected one hover, got: ${text}`);
    assert.ok(!text.includes('A one-line summary.'), `the json.schemas schema shows in the hover: ${text}`);
    assert.ok(text.replace(/\s+/g, ' ').includes(descriptionOf(bundledSchema(extension), ['overview']).replace(/\s+/g, ' ')));
  });
});
