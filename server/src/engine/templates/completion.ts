// Completion inside templated strings (variables in scope, helpers as snippets, `_featureStoreKey`
// where allowed) and in the values of hmacSecretFormVariableKey and dependsOn[].variableKey.
// Returns undefined outside those places so that the schema completion runs instead.
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { offsetAt, rangeOf, type ManifestDocument } from '../manifestDocument';
import type { TemplateSite } from './analysis';
import { describeVariable } from './hover';
import { helperMarkdown, helpers, helperSignature, type HelperInfo } from './helpers';
import { decodedIndexAt, documentSpan, jsonStringContent } from '../jsonStringMap';
import { keyReferenceAt } from './keyReferences';
import { innerSpan, siteAt, stringValueAt } from './locate';
import type { FormVariable } from './formVariables';

export function templateCompletion(doc: ManifestDocument, position: Position): CompletionItem[] | undefined {
  const offset = offsetAt(doc, position);
  const site = siteAt(doc, offset);
  if (site) return expressionCompletion(doc, site, offset);
  return keyCompletion(doc, offset);
}

/** An open `{{` before the cursor with no `}}` after it yet, outside a quoted helper argument. */
function openExpressionBefore(text: string, index: number): { start: number; block: boolean } | undefined {
  const open = text.lastIndexOf('{{', index);
  if (open < 0 || text.lastIndexOf('}}', index - 1) > open) return undefined;
  const inside = text.slice(open, index);
  const quotes = (inside.match(/'/g)?.length ?? 0) + (inside.match(/"/g)?.length ?? 0);
  if (quotes % 2 === 1) return undefined;
  return { start: open, block: /^\{\{\{?~?#\s*[^\s]*$/.test(inside) };
}

function expressionCompletion(doc: ManifestDocument, site: TemplateSite, offset: number): CompletionItem[] {
  const text = site.decoded.value;
  const index = decodedIndexAt(site.decoded, offset);
  if (index === undefined) return [];
  const expression = openExpressionBefore(text, index);
  if (!expression) return [];
  // The word being typed, around the cursor; names may contain `-` (`{{base-url}}`).
  let wordStart = index;
  while (wordStart > expression.start && /[\w$\-.@]/.test(text[wordStart - 1])) wordStart--;
  let wordEnd = index;
  while (wordEnd < text.length && /[\w$-]/.test(text[wordEnd])) wordEnd++;
  const typed = text.slice(wordStart, index);
  const dot = typed.lastIndexOf('.');
  const segmentStart = dot < 0 ? wordStart : wordStart + dot + 1;
  const span = documentSpan(site.decoded, segmentStart, wordEnd);
  const range = rangeOf(doc, span.start, span.end - span.start);
  const { scope } = site;
  if (dot >= 0) {
    // `environmentFormVariables.` or `metadata.`: the group's declared keys; open roots have no known shape.
    const group = scope.groups.find((g) => g.root === typed.slice(0, dot));
    return group ? group.variables.map((v, i) => variableItem(v, range, i)) : [];
  }
  const items: CompletionItem[] = scope.variables.map((v, i) => variableItem(v, range, i));
  for (const builtin of scope.builtins) {
    items.push({
      label: builtin.name,
      kind: builtin.open ? CompletionItemKind.Module : CompletionItemKind.Constant,
      detail: 'provided by LaunchDarkly',
      documentation: { kind: MarkupKind.Markdown, value: builtin.description },
      sortText: `1_${builtin.name}`,
      textEdit: { range, newText: jsonStringContent(builtin.name) },
    });
  }
  for (const group of scope.groups) {
    items.push({
      label: group.root,
      kind: CompletionItemKind.Module,
      detail: `${group.variables.length} keys`,
      documentation: { kind: MarkupKind.Markdown, value: group.description },
      sortText: `1_${group.root}`,
      textEdit: { range, newText: jsonStringContent(`${group.root}.`) },
      command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
    });
  }
  for (const helper of helpers.values()) {
    if (helper.block !== expression.block) continue;
    items.push(helperItem(helper, range));
  }
  return items;
}

function variableItem(variable: FormVariable, range: Range, index: number): CompletionItem {
  return {
    label: variable.key,
    kind: CompletionItemKind.Variable,
    detail: [variable.type, variable.isSecret ? '(secret)' : undefined].filter(Boolean).join(' ') || undefined,
    labelDetails: variable.isSecret ? { description: 'secret' } : undefined,
    documentation: { kind: MarkupKind.Markdown, value: describeVariable(variable) },
    sortText: `0_${String(index).padStart(3, '0')}`,
    textEdit: { range, newText: jsonStringContent(variable.key) },
  };
}

function helperItem(helper: HelperInfo, range: Range): CompletionItem {
  // Snippet placeholders for the required arguments (names are plain identifiers: nothing to escape).
  const args = helper.parameters.slice(0, helper.minArgs).map((p, i) => `\${${i + 1}:${p.name}}`);
  const body = [helper.name, ...args].join(' ');
  return {
    label: helper.name,
    kind: CompletionItemKind.Function,
    detail: helperSignature(helper),
    documentation: { kind: MarkupKind.Markdown, value: helperMarkdown(helper) },
    sortText: `2_${helper.name}`,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: body },
  };
}

function keyCompletion(doc: ManifestDocument, offset: number): CompletionItem[] | undefined {
  const value = stringValueAt(doc, offset);
  const reference = value && keyReferenceAt(doc, value.node, value.path);
  if (!reference) return undefined;
  const span = innerSpan(reference.node);
  const range = rangeOf(doc, span.start, span.end - span.start);
  // hmac signing needs a secret string: offer those first.
  const fits = (v: FormVariable) => reference.kind !== 'hmac' || (v.isSecret && (v.type === undefined || v.type === 'string'));
  return reference.candidates.map((v, i) => ({
    ...variableItem(v, range, i),
    sortText: `${fits(v) ? 0 : 1}_${String(i).padStart(3, '0')}`,
  }));
}
