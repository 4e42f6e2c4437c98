// Quick fixes for schema diagnostics that carry a suggestion: a misspelt key or value replaced by
// the nearest valid one.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { ManifestDocument } from './manifestDocument';

const FIXABLE = new Set(['schema-unknown-key', 'schema-value-not-allowed']);

export function schemaCodeActions(doc: ManifestDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const suggestion = (diagnostic.data as { suggestion?: unknown } | undefined)?.suggestion;
    if (!FIXABLE.has(String(diagnostic.code)) || typeof suggestion !== 'string') continue;
    const current = doc.text.getText(diagnostic.range);
    const replacement = JSON.stringify(suggestion);
    if (current === replacement) continue; // already fixed since the diagnostic was made
    actions.push({
      title: `Change to ${replacement}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [doc.uri]: [{ range: diagnostic.range, newText: replacement }] } },
    });
  }
  return actions;
}
