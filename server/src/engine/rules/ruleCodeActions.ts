// Quick fixes for the rule diagnostics: add the missing "/" of a JSON pointer, rename a featureStore
// parser's "error" to "errors", use the suggested policy action or resource type. Each fix is recomputed from the current document, so a stale
// diagnostic (the author already fixed it) yields no edit.
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { nodeRange, offsetAt, type ManifestDocument } from '../manifestDocument';
import { STORE_PARSER_PATH } from '../pointers/errorKey';
import { pointerFields } from '../pointers/pointerFields';
import { keyOf, valueAt } from '../jsonTree';
import type { PolicySuggestionData } from '../policies/policyDiagnostics';

export function ruleCodeActions(doc: ManifestDocument, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (!overlaps(doc, diagnostic.range, range)) continue;
    const edit =
      diagnostic.code === 'pointer-missing-slash'
        ? addSlash(doc, diagnostic)
        : diagnostic.code === 'parser-error-key'
          ? renameErrorKey(doc)
          : diagnostic.code === 'policy-unknown-action' || diagnostic.code === 'policy-invalid-resource'
            ? policySuggestion(diagnostic)
            : undefined;
    if (!edit) continue;
    actions.push({
      title: edit.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [doc.uri]: [edit.edit] } },
    });
  }
  return actions;
}

function overlaps(doc: ManifestDocument, a: Range, b: Range): boolean {
  return offsetAt(doc, a.start) <= offsetAt(doc, b.end) && offsetAt(doc, b.start) <= offsetAt(doc, a.end);
}

function addSlash(doc: ManifestDocument, diagnostic: Diagnostic): { title: string; edit: TextEdit } | undefined {
  const offset = offsetAt(doc, diagnostic.range.start);
  const field = pointerFields(doc).find((f) => f.node.offset + 1 === offset);
  const pointer = field?.node.value as string | undefined;
  if (!field || !pointer || pointer.startsWith('/')) return undefined;
  return { title: `Make it a JSON pointer: "/${pointer}"`, edit: TextEdit.insert(diagnostic.range.start, '/') };
}

/** The suggested action or resource type in place of the one the diagnostic is on. */
function policySuggestion(diagnostic: Diagnostic): { title: string; edit: TextEdit } | undefined {
  const replacement = (diagnostic.data as Partial<PolicySuggestionData> | undefined)?.policyReplacement;
  if (typeof replacement !== 'string' || !/^[A-Za-z0-9._*;,/:-]+$/.test(replacement)) return undefined;
  return { title: `Change to \`${replacement}\``, edit: TextEdit.replace(diagnostic.range, replacement) };
}

function renameErrorKey(doc: ManifestDocument): { title: string; edit: TextEdit } | undefined {
  const parser = valueAt(doc.root, ...STORE_PARSER_PATH);
  const key = keyOf(parser, 'error');
  if (!key || keyOf(parser, 'errors')) return undefined;
  return { title: 'Rename "error" to "errors"', edit: TextEdit.replace(nodeRange(doc, key), '"errors"') };
}
