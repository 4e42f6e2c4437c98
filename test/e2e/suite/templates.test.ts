// Template variables in the real editor (issue #3): the unknown-variable diagnostic and its quick
// fixes, rename, completion, definition, hover and semantic tokens, all through the VS Code API.
// Fixture: test/e2e/fixtures/editing/integrations/store-templates (a featureStore manifest with a
// misspelt `{{apiTokn}}`, an undeclared `{{tenantRef}}` and a top-level-only `accountRegion`).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  SOURCE, activatedExtension, codeOf, completionLabelsEventually, describeDiagnostics, fixtureUri, hoverText, manifestDocument, openFixture,
  ourDiagnostics, positionOf, waitFor,
} from './helpers';
import {
  applyEdit, count, diagnosticWith, diagnosticsSnapshot, diagnosticsUntil, insert, quickFix, quickFixTitles, rangeOf, revert, showRange,
} from './editing';

const MANIFEST = 'integrations/store-templates/manifest.json';
const UNKNOWN = 'template-unknown-variable';

interface FormVariableJson {
  key: string;
  name?: string;
  type?: string;
  description?: string;
}

describe('templates', () => {
  let document: vscode.TextDocument;
  let pristine = '';
  const covering = (text: string) => (d: vscode.Diagnostic) => document.getText(d.range) === text;
  const mentions = (name: string) => (d: vscode.Diagnostic) => codeOf(d) === UNKNOWN && d.message.includes(`\`${name}\``);

  before(async () => {
    await activatedExtension();
    await openFixture(MANIFEST);
    document = await manifestDocument(fixtureUri(MANIFEST));
    await diagnosticsUntil(document, 'the fixture\'s two unknown variables', (d) => d.some(mentions('apiTokn')) && d.some(mentions('tenantRef')));
    pristine = diagnosticsSnapshot(document.uri);
  });

  afterEach(async () => {
    await revert(document, pristine);
  });

  describe('unknown variables', () => {
    it('reports a misspelt variable as template-unknown-variable on exactly its name', async () => {
      const diagnostic = await diagnosticWith(document, UNKNOWN, covering('apiTokn'));
      const listing = describeDiagnostics(ourDiagnostics(document.uri));
      assert.equal(showRange(diagnostic.range), showRange(rangeOf(document, '{{apiTokn}}', 2, 'apiTokn'.length)), listing);
      assert.equal(diagnostic.source, SOURCE);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diagnostic.message, /`apiTokn`.*Did you mean `apiToken`\?/);
      // One problem, one diagnostic: nothing else about this reference.
      assert.deepEqual(
        ourDiagnostics(document.uri).filter((d) => d.range.intersection(diagnostic.range)).map(codeOf),
        [UNKNOWN],
        listing,
      );
    });

    it('changes it to the suggested name with the quick fix, and the diagnostic goes away', async () => {
      const diagnostic = await diagnosticWith(document, UNKNOWN, covering('apiTokn'));
      const fix = await quickFix(document, diagnostic.range, 'Change to `apiToken`');
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.equal(fix.isPreferred, true);
      // (The code-action API command does not hand back `diagnostics`: the edit itself shows what it fixes.)
      assert.deepEqual(
        fix.edit?.get(document.uri).map((e) => [showRange(e.range), e.newText]),
        [[showRange(diagnostic.range), 'apiToken']],
      );
      await applyEdit(fix.edit);

      assert.equal(document.lineAt(diagnostic.range.start.line).text.trim(), '"value": "Bearer {{apiToken}}"');
      assert.equal(count(document.getText(), 'apiTokn}}'), 0);
      const after = await diagnosticsUntil(document, 'the apiTokn diagnostic to go away', (d) => !d.some(mentions('apiTokn')) && d.some(mentions('tenantRef')));
      assert.deepEqual(after.filter((d) => codeOf(d) === UNKNOWN).map((d) => document.getText(d.range)), ['tenantRef'], describeDiagnostics(after));
    });

    it('declares a name with no near match as a new form variable of the capability', async () => {
      const diagnostic = await diagnosticWith(document, UNKNOWN, covering('tenantRef'));
      assert.doesNotMatch(diagnostic.message, /Did you mean/);
      const fix = await quickFix(document, diagnostic.range, 'Add form variable `tenantRef`');
      const titles = await quickFixTitles(document, diagnostic.range);
      assert.ok(!titles.some((t) => t.startsWith('Change to')), `a rename is offered without a near match: ${titles.join(' | ')}`);
      const original = JSON.parse(document.getText());
      await applyEdit(fix.edit);

      let manifest: any;
      assert.doesNotThrow(() => (manifest = JSON.parse(document.getText())), 'the document is no longer valid JSON');
      const variables = manifest.capabilities.featureStore.formVariables as FormVariableJson[];
      assert.deepEqual(variables.map((v) => v.key), ['baseUrl', 'apiToken', 'tenantRef']);
      const added = variables[2]!;
      assert.equal(added.type, 'string');
      assert.equal(typeof added.name, 'string');
      assert.equal(typeof added.description, 'string');
      assert.deepEqual(manifest.formVariables, original.formVariables, 'the top-level formVariables changed');
      assert.deepEqual(variables.slice(0, 2), original.capabilities.featureStore.formVariables, 'the existing entries changed');
      // The entry is indented like its siblings.
      const keyLine = document.lineAt(positionOf(document, '"key": "tenantRef"').line).text;
      const siblingLine = document.lineAt(positionOf(document, '"key": "apiToken"').line).text;
      assert.equal(/^\s*/.exec(keyLine)![0], /^\s*/.exec(siblingLine)![0], `"${keyLine}" is not indented like "${siblingLine}"`);

      const after = await diagnosticsUntil(document, 'the tenantRef diagnostic to go away', (d) => !d.some(mentions('tenantRef')) && d.some(mentions('apiTokn')));
      assert.ok(!after.some((d) => document.getText(d.range) === 'tenantRef'), describeDiagnostics(after));
    });
  });

  describe('rename', () => {
    it('renames a form variable from a reference: its key and every reference', async () => {
      const references = count(document.getText(), '{{baseUrl}}');
      assert.equal(references, 2, 'the fixture references baseUrl twice');
      const from = positionOf(document, '{{baseUrl}}', 4, '"featureStoreRequest"');
      const edit = await waitFor('a rename edit', () => rename(document, from, 'storeUrl'));
      const edits = edit.get(document.uri);
      assert.equal(edit.entries().length, 1, 'the rename touches another file');
      assert.deepEqual(edits.map((e) => document.getText(e.range)), Array(references + 1).fill('baseUrl'));
      await applyEdit(edit);

      const text = document.getText();
      assert.equal(count(text, 'baseUrl'), 0, 'a baseUrl is left');
      assert.equal(count(text, '{{storeUrl}}'), references);
      assert.ok(text.includes('"url": "{{storeUrl}}/validate"'));
      assert.ok(text.includes('"url": "{{storeUrl}}/store/{{_featureStoreKey}}"'));
      const manifest = JSON.parse(text);
      assert.equal(manifest.capabilities.featureStore.formVariables[0].key, 'storeUrl');
      // The server sees the renamed variable with all its references (declaration included).
      const at = positionOf(document, '{{storeUrl}}', 4);
      const locations = await waitFor('three references to storeUrl', async () => {
        const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at);
        return found?.length === references + 1 ? found : undefined;
      });
      assert.deepEqual(locations.map((l) => document.getText(l.range)), Array(references + 1).fill('storeUrl'));
      const diagnostics = await diagnosticsUntil(document, 'diagnostics after the rename', (d) => d.some(mentions('apiTokn')));
      assert.ok(!diagnostics.some((d) => /storeUrl|baseUrl/.test(d.message)), describeDiagnostics(diagnostics));
    });

    it('refuses an invalid new name, and a name LaunchDarkly provides, with the reason', async () => {
      const from = positionOf(document, '{{baseUrl}}', 4);
      await assert.rejects(
        rename(document, from, 'base url'),
        (error: Error) => {
          assert.match(error.message, /cannot contain whitespace/);
          return true;
        },
      );
      await assert.rejects(
        rename(document, from, 'apiToken'),
        (error: Error) => {
          assert.match(error.message, /`apiToken` already exists/);
          return true;
        },
      );
      const builtin = positionOf(document, '_featureStoreKey', 2);
      await assert.rejects(
        rename(document, builtin, 'storeKey'),
        (error: Error) => {
          assert.match(error.message, /`_featureStoreKey` is provided by LaunchDarkly and cannot be renamed/);
          return true;
        },
      );
      assert.equal(document.isDirty, false, 'a refused rename edited the document');
    });
  });

  describe('completion', () => {
    it('offers the capability\'s form variables and _featureStoreKey after {{ in a featureStore url, not top-level-only variables', async () => {
      const url = '"{{baseUrl}}/store/{{_featureStoreKey}}"';
      const end = positionOf(document, url, url.length - 1);
      await insert(document, end, '/{{');
      assert.ok(document.getText().includes('"{{baseUrl}}/store/{{_featureStoreKey}}/{{"'), 'the edit did not land');
      const position = end.translate(0, 3);
      const labels = await completionLabelsEventually(document.uri, position, 'completions after {{');
      for (const expected of ['baseUrl', 'apiToken', '_featureStoreKey']) assert.ok(labels.includes(expected), `${expected} not offered: ${labels.join(', ')}`);
      assert.ok(!labels.includes('accountRegion'), `the top-level-only accountRegion is offered: ${labels.join(', ')}`);
      assert.ok(!labels.includes('envId'), `envId (payload only) is offered in a url: ${labels.join(', ')}`);
      assert.equal(new Set(labels).size, labels.length, `duplicate items: ${labels.join(', ')}`);

      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'baseUrl');
      assert.equal(item?.kind, vscode.CompletionItemKind.Variable);
    });
  });

  describe('navigation', () => {
    it('goes to the definition of a reference: the form variable\'s key', async () => {
      const from = positionOf(document, '{{apiToken}}', 5);
      const targets = await waitFor('a definition', async () => {
        const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, from);
        return found?.length ? found : undefined;
      });
      assert.equal(targets.length, 1);
      const target = targets[0]!;
      const uri = 'targetUri' in target ? target.targetUri : target.uri;
      const range = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
      assert.equal(uri.toString(), document.uri.toString());
      assert.equal(showRange(range), showRange(rangeOf(document, '"key": "apiToken"', 8, 'apiToken'.length)));
    });

    it('shows the form variable\'s description in a hover on a reference', async () => {
      const at = positionOf(document, '{{baseUrl}}', 4);
      const hovers = await waitFor('a hover on {{baseUrl}}', async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
        return found?.length ? found : undefined;
      });
      const text = hoverText(hovers);
      assert.ok(text.includes('Where the example store API runs.'), `the hover lacks the description: ${text}`);
      assert.ok(text.includes('Base URL'), `the hover lacks the name: ${text}`);
      const range = hovers.find((h) => h.range)?.range;
      assert.ok(range, 'the hover has no range');
      assert.equal(document.getText(range), 'baseUrl');
    });
  });

  describe('semantic tokens', () => {
    it('exist for template expressions, and only there', async () => {
      const legend = await waitFor('the semantic tokens legend', async () =>
        vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', document.uri));
      const tokens = await waitFor('semantic tokens', async () => {
        const result = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
        return result && result.data.length > 0 ? result : undefined;
      });
      const decoded = decode(tokens, legend).map((t) => ({ ...t, text: document.getText(new vscode.Range(t.line, t.character, t.line, t.character + t.length)) }));
      const find = (needle: string, delta: number, length: number, after?: string) => {
        const range = rangeOf(document, needle, delta, length, after);
        const token = decoded.find((t) => t.line === range.start.line && t.character === range.start.character && t.length === length);
        assert.ok(token, `no token at ${showRange(range)} ("${document.getText(range)}") in ${decoded.map((t) => `${t.text}:${t.type}`).join(' ')}`);
        return token;
      };
      assert.equal(find('{{baseUrl}}/validate', 0, 2).type, 'operator');
      assert.equal(find('{{baseUrl}}/validate', 2, 7).type, 'variable');
      assert.equal(find('{{baseUrl}}/validate', 9, 2).type, 'operator');
      const supplied = find('{{_featureStoreKey}}', 2, '_featureStoreKey'.length);
      assert.equal(supplied.type, 'variable');
      assert.ok(supplied.modifiers.includes('readonly') && supplied.modifiers.includes('defaultLibrary'), `modifiers of _featureStoreKey: ${supplied.modifiers.join(', ')}`);
      for (const token of decoded) {
        assert.ok(document.lineAt(token.line).text.includes('{{'), `a token outside templates: "${token.text}" on line ${token.line + 1}`);
      }
    });
  });
});

/** The rename API: the WorkspaceEdit, or a rejection with the reason the rename is refused. */
async function rename(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit | undefined> {
  return vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', document.uri, position, newName);
}

interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

function decode(tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  const data = tokens.data;
  for (let i = 0; i + 5 <= data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifierBits] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!, data[i + 4]!];
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    out.push({
      line,
      character,
      length,
      type: legend.tokenTypes[type] ?? `#${type}`,
      modifiers: legend.tokenModifiers.filter((_, bit) => (modifierBits & (1 << bit)) !== 0),
    });
  }
  return out;
}
