// Hover on a pointer field: its reference tokens decoded, and what it selects in the parser's sample
// response when one is attached.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { nodeRange, offsetAt, type ManifestDocument } from '../manifestDocument';
import type { RuleEnvironment } from '../rules/environment';
import { pointerProblems, pointerTokens, selectPointer } from './jsonPointer';
import { pointerFieldAt, type PointerField } from './pointerFields';
import { evaluationTargets, sampleFor, sampleResponseFile } from './sampleResponses';

const PREVIEW_LIMIT = 600;

export function pointerHover(doc: ManifestDocument, position: Position, env: RuleEnvironment): Hover | undefined {
  const field = pointerFieldAt(doc, offsetAt(doc, position));
  if (!field) return undefined;
  const pointer = field.node.value as string;
  const sections = [`**JSON pointer** \`${JSON.stringify(pointer)}\``, describeTokens(pointer, field)];
  if (pointerProblems(pointer).length === 0) sections.push(describeSelection(field, pointer, env));
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n') }, range: nodeRange(doc, field.node) };
}

function describeTokens(pointer: string, field: PointerField): string {
  const base = field.relativeTo?.length
    ? `Relative to each item of ${field.relativeTo.map((p) => `\`${p}\``).join(' or ')}.\n\n`
    : field.relativeTo
      ? 'Relative to each item of the member or option array.\n\n'
      : '';
  const tokens = pointerTokens(pointer);
  if (tokens.length === 0) return `${base}Selects the whole ${field.relativeTo ? 'item' : 'body'}.`;
  const lines = tokens.map((token, i) => {
    const shown = `\`${token.replace(/`/g, '\\`')}\``;
    return `${i + 1}. ${/^(0|[1-9][0-9]*)$/.test(token) ? `index ${shown} of an array, or key ${shown} of an object` : `key ${shown}`}`;
  });
  return `${base}Reference tokens:\n${lines.join('\n')}`;
}

function describeSelection(field: PointerField, pointer: string, env: RuleEnvironment): string {
  const sample = sampleFor(field, env);
  if (sample.kind === 'none') return `_No sample response: add \`${sampleResponseFile(field.sampleName)}\` beside the manifest to preview values._`;
  if (sample.kind === 'unreadable') return `_The sample response ${sample.file} is not usable: ${sample.reason}._`;
  const targets = evaluationTargets(field, sample.value);
  if (!targets) return `_The array this pointer is relative to is not in ${sample.origin}._`;
  const selection = targets.map((t) => selectPointer(t, pointer)).find((s) => s.found);
  if (!selection?.found) return `Selects nothing in ${sample.origin}.`;
  let json = JSON.stringify(selection.value, null, 2) ?? 'undefined';
  if (json.length > PREVIEW_LIMIT) json = json.slice(0, PREVIEW_LIMIT) + '\n…';
  return `Selects in ${sample.origin}${field.relativeTo ? ' (first matching item)' : ''}:\n\`\`\`json\n${json}\n\`\`\``;
}
