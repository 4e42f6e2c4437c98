// Rename a form variable from any place that names it; the edit rewrites the key, every template
// reference and every hmacSignature/dependsOn key, JSON-escaped.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { rangeOf, type ManifestDocument } from '../manifestDocument';
import { jsonStringContent } from '../jsonStringMap';
import { valueOf } from '../jsonTree';
import { occurrencesOf, targetAt, variableOf, type Target } from './locate';
import { templateSites } from './analysis';
import type { FormVariable } from './formVariables';

const KEY_MAX_LENGTH = 20;
// The characters Handlebars' lexer accepts in an identifier (its ID rule), so the new name stays referenceable.
const HANDLEBARS_ID = /^[^\s!"#%-,./;->@[-^`{-~]+$/;
const RESERVED = new Set(['this', 'true', 'false', 'null', 'undefined', 'else']);

export function prepareTemplateRename(doc: ManifestDocument, position: Position): { range: Range; placeholder: string } | { error: string } | undefined {
  const target = targetAt(doc, position);
  if (!target) return undefined;
  const variable = variableOf(target);
  if (!variable) return { error: notRenameable(target) };
  return { range: rangeOf(doc, target.span.start, target.span.end - target.span.start), placeholder: variable.key };
}

export function templateRename(doc: ManifestDocument, position: Position, newName: string): WorkspaceEdit | { error: string } {
  const target = targetAt(doc, position);
  const variable = variableOf(target);
  if (!target || !variable) return { error: target ? notRenameable(target) : 'Nothing to rename here.' };
  const problem = invalidName(doc, variable, newName);
  if (problem) return { error: problem };
  const text = jsonStringContent(newName);
  const edits: TextEdit[] = occurrencesOf(doc, variable).map((o) => ({ range: rangeOf(doc, o.span.start, o.span.end - o.span.start), newText: text }));
  return { changes: { [doc.uri]: edits } };
}

function notRenameable(target: Target): string {
  if (target.kind === 'helper') return 'Helpers are provided by LaunchDarkly and cannot be renamed.';
  if (target.kind === 'reference' && target.resolution.kind === 'builtin') return `\`${target.resolution.builtin.name}\` is provided by LaunchDarkly and cannot be renamed.`;
  return 'Only declared form variables can be renamed.';
}

function invalidName(doc: ManifestDocument, variable: FormVariable, name: string): string | undefined {
  if (name === variable.key) return undefined;
  if (name.length === 0) return 'A key cannot be empty.';
  if (name.length > KEY_MAX_LENGTH) return `A form variable key has at most ${KEY_MAX_LENGTH} characters.`;
  if (/\s/.test(name)) return 'A form variable key cannot contain whitespace.';
  if (!HANDLEBARS_ID.test(name) || RESERVED.has(name) || /^\d+$/.test(name)) return `\`${name}\` cannot be referenced as \`{{${name}}}\` in a template.`;
  const siblings = variable.list.type === 'object' ? (variable.list.children ?? []).map((p) => p.children?.[0]?.value) : (variable.list.children ?? []).map((entry) => valueOf(entry, 'key')?.value);
  if (siblings.includes(name)) return `\`${name}\` already exists in this list.`;
  // A name LaunchDarkly already supplies where the variable is used would be shadowed or shadow it.
  for (const site of templateSites(doc)) {
    const usesIt = site.scope.variables.some((v) => v.keyNode.offset === variable.keyNode.offset);
    if (usesIt && site.scope.builtins.some((b) => b.name === name)) return `\`${name}\` is a value LaunchDarkly provides to these templates.`;
  }
  return undefined;
}
