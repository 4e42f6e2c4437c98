// auditLogEventsHook `templates` name Handlebars files beside the manifest. LaunchDarkly's CI checks
// that each exists, renders in strict mode against a sample event, renders valid JSON when it is a
// .json template, and (validation and member templates) does not render empty.
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeRange, type ManifestDocument } from '../../manifestDocument';
import { makeDiagnostic } from '../../diagnostics/makeDiagnostic';
import { besideManifest, whyNotRead, type RuleEnvironment } from '../environment';
import { templateFileReferences } from '../templateFileReferences';
import { renderStrict } from './handlebarsRuntime';
import { parseStrictJson } from '../../jsonSyntaxError';
import { excerpt } from '../../excerpt';
import { append } from '../../append';
import { templateFileGoDiagnostics } from '../templateFileGoProblems';
import { blockNestingBeyond, MAX_BLOCK_DEPTH } from '../../templates/parseTemplate';
import { sampleEventFor, type TemplateKind } from './sampleEvents';
import { isJsonTemplate, sampleFormValues, templateContext } from './templateContext';

const KINDS = new Set<string>(['flag', 'project', 'environment', 'default', 'validation', 'member']);
const MUST_NOT_BE_EMPTY = new Set<string>(['validation', 'member']);

export interface TemplateReference {
  readonly kind: TemplateKind;
  readonly node: Node;
  readonly relativePath: string;
}

export function auditLogTemplateReferences(doc: ManifestDocument): TemplateReference[] {
  return templateFileReferences(doc)
    .filter((r) => r.capability === 'auditLogEventsHook' && KINDS.has(r.name))
    .map((r) => ({ kind: r.name as TemplateKind, node: r.node, relativePath: r.relativePath }));
}

export function auditLogTemplateDiagnostics(doc: ManifestDocument, env: RuleEnvironment): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let formValues: Readonly<Record<string, unknown>> | undefined;
  for (const reference of auditLogTemplateReferences(doc)) {
    const path = besideManifest(env, reference.relativePath);
    if (path === undefined) return []; // an unsaved manifest has no folder to look in
    formValues ??= sampleFormValues(doc.root);
    const diagnostic = checkTemplate(doc, env, reference, path, formValues);
    if (diagnostic) diagnostics.push(diagnostic);
    // Reads are cached per snapshot: this is the same text checkTemplate rendered.
    const read = env.read(path);
    if (read.kind === 'text') append(diagnostics, templateFileGoDiagnostics(read.text, `The ${reference.kind} template "${excerpt(reference.relativePath)}"`, nodeRange(doc, reference.node)));
  }
  return diagnostics;
}

function checkTemplate(doc: ManifestDocument, env: RuleEnvironment, reference: TemplateReference, path: string, formValues: Readonly<Record<string, unknown>>): Diagnostic | undefined {
  const range = nodeRange(doc, reference.node);
  const name = `The ${reference.kind} template "${reference.relativePath}"`;
  const read = env.read(path);
  if (read.kind !== 'text') return makeDiagnostic('audit-template-missing', range, `${name} ${whyNotRead(read)}.`);
  const source = read.text;
  const json = isJsonTemplate(reference.relativePath);
  if (blockNestingBeyond(source, MAX_BLOCK_DEPTH) !== undefined) {
    return makeDiagnostic('audit-template-render-failed', range, `${name} nests blocks or sub-expressions more than ${MAX_BLOCK_DEPTH} deep; it is not rendered.`);
  }
  let rendered: string;
  try {
    rendered = renderStrict(source, templateContext(doc.root, sampleEventFor(reference.kind), json, formValues));
  } catch (error) {
    const reason = renderErrorReason(error);
    return makeDiagnostic('audit-template-render-failed', range, `${name} does not render against a sample ${reference.kind} event in strict mode: ${reason}`);
  }
  if (MUST_NOT_BE_EMPTY.has(reference.kind) && rendered.trim() === '') {
    return makeDiagnostic('audit-template-empty', range, `${name} renders an empty body; LaunchDarkly requires ${reference.kind} templates to render something.`);
  }
  if (json) {
    const parsed = parseStrictJson(rendered);
    if (!parsed.ok) return makeDiagnostic('audit-template-invalid-json', range, `${name} is a .json template but renders invalid JSON: ${parsed.reason} of its output.`);
  }
  return undefined;
}

/**
 * A Handlebars error without the lines it quotes from the file (a parse error shows the source line
 * and a caret): the file may be a link to something that is not a template.
 */
function renderErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  if (/^Parse error on line \d+:/.test(lines[0] ?? '')) return [lines[0]!.replace(/:$/, ''), lines.slice(3).join(' ')].filter(Boolean).join(': ');
  return excerpt(lines[0] ?? '', 200);
}
