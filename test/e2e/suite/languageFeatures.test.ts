// Completion, hover, formatting and the outline through the VS Code API, on valid manifests.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activatedExtension, blankLineAfter, bundledSchema, completionLabelsEventually, descriptionOf, enumOf, hoverText, openFixture,
  positionOf, unquote, waitFor, type JsonSchema,
} from './helpers';

describe('language features', () => {
  let schema: JsonSchema;
  before(async () => {
    schema = bundledSchema(await activatedExtension());
  });

  describe('completion', () => {
    it('offers the capabilities not yet present at a key position inside capabilities', async () => {
      const document = await openFixture('integrations/completion/manifest.json');
      const labels = (await completionLabelsEventually(document.uri, blankLineAfter(document, '"capabilities"'), 'key completions')).map(unquote);
      assert.ok(labels.includes('featureStore'), `featureStore not offered: ${labels.join(', ')}`);
      assert.ok(!labels.includes('auditLogEventsHook'), `a key already present is offered: ${labels.join(', ')}`);
      assert.ok(!labels.includes('name'), 'a top-level key is offered inside capabilities');
      assert.equal(new Set(labels).size, labels.length, `duplicate items: ${labels.join(', ')}`);
    });

    it('offers the enum values of method', async () => {
      const document = await openFixture('integrations/completion/manifest.json');
      const position = positionOf(document, '"POST"', 1, '"method"');
      const labels = (await completionLabelsEventually(document.uri, position, 'value completions')).map(unquote);
      assert.deepEqual([...labels].sort(), [...enumOf(schema, ['capabilities', 'auditLogEventsHook', 'endpoint', 'method'])].sort());
    });
  });

  describe('hover', () => {
    it('shows the description of a key', async () => {
      const document = await openFixture('integrations/example/manifest.json');
      for (const keys of [['overview'], ['capabilities', 'auditLogEventsHook', 'endpoint', 'method']]) {
        const key = keys.at(-1)!;
        const hovers = await waitFor(`a hover on "${key}"`, async () => {
          const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, `"${key}"`, 2));
          return result.length > 0 ? result : undefined;
        });
        const text = normalize(hoverText(hovers));
        const description = normalize(descriptionOf(schema, keys));
        assert.ok(text.includes(description), `hover on ${key} "${text}" lacks "${description}"`);
      }
    });
  });

  describe('formatting', () => {
    it('indents with the tab size and tabs it is given', async () => {
      const document = await openFixture('integrations/example/manifest.json');
      const two = await formatted(document, { tabSize: 2, insertSpaces: true });
      const four = await formatted(document, { tabSize: 4, insertSpaces: true });
      const tabs = await formatted(document, { tabSize: 4, insertSpaces: false });
      const lines2 = two.split('\n');
      const lines4 = four.split('\n');
      const linesTab = tabs.split('\n');
      assert.equal(lines4.length, lines2.length);
      assert.equal(linesTab.length, lines2.length);
      assert.ok(lines2.some((l) => l.startsWith('      "')), 'expected nesting three levels deep');
      lines2.forEach((line, i) => {
        const depth = indentOf(line).length / 2;
        assert.equal(indentOf(line), '  '.repeat(depth), `line ${i + 1} with tab size 2: ${JSON.stringify(line)}`);
        assert.equal(lines4[i], '    '.repeat(depth) + line.trimStart(), `line ${i + 1} with tab size 4`);
        assert.equal(linesTab[i], '\t'.repeat(depth) + line.trimStart(), `line ${i + 1} with tabs`);
      });
      assert.deepEqual(JSON.parse(four), JSON.parse(document.getText()), 'formatting changed the content');
    });
  });

  describe('document symbols', () => {
    it('list the capabilities and the form variables by key', async () => {
      const document = await openFixture('integrations/example/manifest.json');
      const symbols = await waitFor('document symbols', async () => {
        const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
        return result && result.length > 0 ? result : undefined;
      });
      const top = (name: string) => {
        const symbol = symbols.find((s) => s.name === name);
        assert.ok(symbol, `no symbol ${name} in ${symbols.map((s) => s.name).join(', ')}`);
        return symbol;
      };
      const capabilities = top('capabilities');
      assert.deepEqual(capabilities.children.map((c) => c.name), ['auditLogEventsHook']);
      assert.equal(document.getText(capabilities.children[0]!.selectionRange), '"auditLogEventsHook"');
      const formVariables = top('formVariables');
      assert.deepEqual(formVariables.children.map((c) => c.name), ['apiToken', 'region']);
      assert.deepEqual(formVariables.children.map((c) => c.kind), [vscode.SymbolKind.Variable, vscode.SymbolKind.Variable]);
    });
  });
});

async function formatted(document: vscode.TextDocument, options: vscode.FormattingOptions): Promise<string> {
  const edits = await waitFor(`formatting edits (${JSON.stringify(options)})`, async () =>
    vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', document.uri, options));
  let text = document.getText();
  const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
  for (const edit of sorted) {
    text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
  }
  return text;
}

function indentOf(line: string): string {
  return /^\s*/.exec(line)![0];
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
