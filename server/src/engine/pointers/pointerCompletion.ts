// Completion inside a pointer field from the structure of the parser's sample response: after
// "/batch/" it offers the keys (or indexes) of what "/batch" selects.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { nodeRange, offsetAt, type ManifestDocument } from '../manifestDocument';
import type { RuleEnvironment } from '../rules/environment';
import { escapeToken, jsonTypeOf, selectPointer } from './jsonPointer';
import { pointerFieldAt } from './pointerFields';
import { evaluationTargets, sampleFor } from './sampleResponses';

const MAX_INDEXES = 20;

export function pointerCompletion(doc: ManifestDocument, position: Position, env: RuleEnvironment): CompletionItem[] | undefined {
  const offset = offsetAt(doc, position);
  const field = pointerFieldAt(doc, offset);
  if (!field) return undefined;
  const sample = sampleFor(field, env);
  if (sample.kind !== 'sample') return undefined;
  const targets = evaluationTargets(field, sample.value);
  if (!targets) return undefined;
  const typed = typedValue(doc.text.getText().slice(field.node.offset + 1, offset));
  const parent = typed.includes('/') ? typed.slice(0, typed.lastIndexOf('/')) : '';
  // Relative pointers are evaluated in every item: offer the union of what the items hold.
  const children = new Map<string, { value: unknown; isIndex: boolean }>();
  const add = (token: string, value: unknown, isIndex: boolean) => children.has(token) || children.set(token, { value, isIndex });
  for (const target of targets) {
    const selection = selectPointer(target, parent);
    if (!selection.found) continue;
    const value = selection.value;
    if (Array.isArray(value)) value.slice(0, MAX_INDEXES).forEach((item, i) => add(String(i), item, true));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) add(key, item, false);
  }
  const range = nodeRange(doc, field.node);
  return [...children].map(([token, { value, isIndex }], i) => {
    const literal = JSON.stringify(`${parent}/${escapeToken(token)}`);
    return {
      label: token,
      kind: isIndex ? CompletionItemKind.Value : CompletionItemKind.Property,
      detail: `${jsonTypeOf(value)} in ${sample.origin}`,
      sortText: String(i).padStart(5, '0'),
      filterText: literal,
      textEdit: { range, newText: literal },
    };
  });
}

/** The string value typed so far from its raw source, escapes decoded where they are complete. */
function typedValue(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
