// A template file as a document of its own: its problems at their line and column in the file
// (syntax, LaunchDarkly's Go renderer, names its context does not have, JSON that breaks), completion
// of the context's names and the helpers after `{{`, hover with a sample value, and go to definition
// of `formVariables.<key>` into the manifest. What the template sees comes from the manifest that
// names it (templateFileContext.ts).
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Location,
  type Position,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { nodeRange } from '../manifestDocument';
import { excerpt } from '../excerpt';
import { nearestName } from '../nearestName';
import { parseTemplate, type Span } from '../templates/parseTemplate';
import { modelOf, type TemplateReference } from '../templates/templateModel';
import { goRendererProblems } from '../templates/goRenderer';
import { helpers } from '../templates/helpers';
import { checkJsonBody } from '../bodies/jsonBodies';
import { OPEN, type TemplateFileContext } from './templateFileContext';

const rangeOf = (text: TextDocument, span: Span) => ({ start: text.positionAt(span.start), end: text.positionAt(Math.max(span.end, span.start)) });

export function templateFileDiagnostics(text: TextDocument, context: TemplateFileContext | undefined): Diagnostic[] {
  const source = text.getText();
  const parsed = parseTemplate(source);
  if (!parsed.ok) return [makeDiagnostic('template-syntax', rangeOf(text, parsed.error.span), parsed.error.message)];
  const out: Diagnostic[] = goRendererProblems(source, parsed.lines).map((p) => makeDiagnostic(p.code, rangeOf(text, p.span), p.message));
  if (!context) {
    out.push(makeDiagnostic('template-file-unattached', rangeOf(text, { start: 0, end: 0 }), 'No manifest.json in the folders above names this template: only its syntax and what LaunchDarkly\'s renderer supports are checked.'));
    return out;
  }
  const model = modelOf(parsed.ast, parsed.lines);
  if (context.known) {
    for (const reference of model.references) {
      const problem = unknownPart(reference, context.known);
      if (problem) out.push(makeDiagnostic('template-unknown-variable', rangeOf(text, problem.span), problem.message, problem.suggestion ? { data: { name: problem.name, suggestion: problem.suggestion } } : {}));
    }
  }
  if (context.json) {
    const bodySource = { topLevel: context.formVariables, groups: new Map(), references: model.references };
    for (const problem of checkJsonBody(source, bodySource)) out.push(makeDiagnostic(problem.code, rangeOf(text, problem.span), problem.message));
  }
  return out;
}

/** The first segment of a reference that the context does not have, with a suggestion from its siblings. */
function unknownPart(reference: TemplateReference, known: Record<string, unknown>): { span: Span; name: string; message: string; suggestion?: string } | undefined {
  if (reference.relative || reference.parts.length === 0) return undefined;
  let at: unknown = known;
  for (let i = 0; i < reference.parts.length; i++) {
    if (at === OPEN) return undefined;
    const part = reference.parts[i]!;
    if (Array.isArray(at)) {
      if (!/^\d+$/.test(part)) return undefined;
      at = at[0];
      continue;
    }
    if (at === null || typeof at !== 'object') return undefined; // a value's own properties (`.length`): not ours to judge
    const record = at as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(record, part)) {
      const suggestion = nearestName(part, Object.keys(record));
      const where = i === 0 ? 'this template' : `\`${reference.parts.slice(0, i).join('.')}\``;
      return { span: reference.partSpans[i] ?? reference.span, name: part, suggestion, message: `\`${excerpt(part)}\` is not in ${where}'s context.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}` };
    }
    at = record[part];
  }
  return undefined;
}

export function templateFileCompletion(text: TextDocument, position: Position, context: TemplateFileContext | undefined): CompletionItem[] {
  const offset = text.offsetAt(position);
  const before = text.getText().slice(Math.max(0, offset - 500), offset);
  if (before.lastIndexOf('{{') <= before.lastIndexOf('}}')) return [];
  const typed = /[\w@.[\]-]*$/.exec(before)?.[0] ?? '';
  const dot = typed.lastIndexOf('.');
  const range = { start: text.positionAt(offset - (typed.length - dot - 1)), end: position };
  const known = context?.known;
  if (dot >= 0) {
    const parent = valueAt(known, typed.slice(0, dot).split('.'));
    if (parent === undefined || parent === OPEN || parent === null || typeof parent !== 'object' || Array.isArray(parent)) return [];
    return Object.entries(parent as Record<string, unknown>).map(([key, value]) => ({ label: key, kind: CompletionItemKind.Property, detail: sampleText(value), textEdit: { range, newText: key } }));
  }
  const names = known ? Object.entries(known).map(([key, value]) => ({ label: key, kind: CompletionItemKind.Variable, detail: sampleText(value), textEdit: { range, newText: key } })) : [];
  const helperItems = [...helpers.values()].map((h) => ({ label: h.name, kind: CompletionItemKind.Function, detail: h.summary, textEdit: { range, newText: h.name } }));
  return [...names, ...helperItems];
}

export function templateFileHover(text: TextDocument, position: Position, context: TemplateFileContext | undefined): Hover | null {
  const found = referenceAt(text, position);
  if (!found || !context) return null;
  const { reference, index } = found;
  const path = reference.parts.slice(0, index + 1);
  const variable = path[0] === 'formVariables' && path.length === 2 ? context.formVariables.find((v) => v.key === path[1]) : undefined;
  const lines = [`\`${path.join('.')}\``];
  if (variable) lines.push('', `Form variable **${variable.name ?? variable.key}**${variable.description ? `: ${variable.description}` : ''}`);
  const value = valueAt(context.known, path);
  if (value !== undefined && value !== OPEN) lines.push('', `Sample: \`${excerpt(sampleText(value), 120)}\``);
  else if (value === OPEN) lines.push('', 'Supplied by LaunchDarkly; its shape is not documented.');
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: rangeOf(text, reference.partSpans[index] ?? reference.span) };
}

export function templateFileDefinition(text: TextDocument, position: Position, context: TemplateFileContext | undefined): Location[] {
  const found = referenceAt(text, position);
  if (!found || !context) return [];
  const [root, key] = found.reference.parts;
  if (root !== 'formVariables' || key === undefined) return [];
  const variable = context.formVariables.find((v) => v.key === key);
  return variable ? [{ uri: context.manifestUri, range: nodeRange(context.manifest, variable.keyNode) }] : [];
}

function referenceAt(text: TextDocument, position: Position): { reference: TemplateReference; index: number } | undefined {
  const parsed = parseTemplate(text.getText());
  if (!parsed.ok) return undefined;
  const offset = text.offsetAt(position);
  for (const reference of modelOf(parsed.ast, parsed.lines).references) {
    if (reference.relative) continue;
    const index = reference.partSpans.findIndex((span) => offset >= span.start && offset <= span.end);
    if (index >= 0) return { reference, index };
  }
  return undefined;
}

function valueAt(known: Record<string, unknown> | undefined, path: readonly string[]): unknown {
  let at: unknown = known;
  for (const part of path) {
    if (at === OPEN) return OPEN;
    if (at === null || typeof at !== 'object') return undefined;
    at = Array.isArray(at) ? at[Number(part)] : Object.prototype.hasOwnProperty.call(at, part) ? (at as Record<string, unknown>)[part] : undefined;
  }
  return at;
}

function sampleText(value: unknown): string {
  if (value === OPEN) return 'supplied by LaunchDarkly';
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
