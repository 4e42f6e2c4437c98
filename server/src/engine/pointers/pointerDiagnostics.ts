// Diagnostics on the pointer fields of parsers: RFC 6901 syntax, the empty success pointer, and
// with a sample response attached, pointers that select nothing or a success value that is not a
// boolean.
import type { Diagnostic } from 'vscode-languageserver-types';
import { rangeOf, stringValueRange, type ManifestDocument } from '../manifestDocument';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import type { RuleEnvironment } from '../rules/environment';
import { keyOf, valueAt } from '../jsonTree';
import { jsonTypeOf, pointerProblems, pointerTokens, selectPointer } from './jsonPointer';
import { pointerFields, type PointerField } from './pointerFields';
import { evaluationTargets, sampleFor } from './sampleResponses';
import { excerpt } from '../excerpt';
import { append } from '../append';

export function pointerDiagnostics(doc: ManifestDocument, env: RuleEnvironment): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reportedUnreadable = new Set<string>();
  for (const field of pointerFields(doc)) {
    const pointer = field.node.value as string;
    const syntax = syntaxDiagnostics(doc, field, pointer);
    append(diagnostics, syntax);
    if (field.role === 'success' && pointer === '') {
      diagnostics.push(
        makeDiagnostic(
          'pointer-whole-body-success',
          rangeOf(doc, field.node.offset, field.node.length),
          'An empty success pointer selects the whole response body, so validation succeeds on any JSON body. Point at the field that says the request succeeded, for example "/success".',
        ),
      );
    }
    if (syntax.length) continue; // a malformed pointer is not worth evaluating
    const sample = sampleFor(field, env);
    if (sample.kind === 'unreadable' && !reportedUnreadable.has(sample.file)) {
      reportedUnreadable.add(sample.file);
      const parserKey = keyOf(valueAt(doc.root, ...field.parserPath.slice(0, -1).map(String)), String(field.parserPath.at(-1)));
      const at = parserKey ?? field.node;
      diagnostics.push(
        makeDiagnostic('sample-response-unreadable', rangeOf(doc, at.offset, at.length), `The sample response ${sample.file} is not usable: ${sample.reason}.`),
      );
    }
    if (sample.kind === 'sample') append(diagnostics, sampleDiagnostics(doc, field, pointer, sample.value, sample.origin));
  }
  return diagnostics;
}

/**
 * RFC 6901 problems of one pointer: the missing slash, and the first bad `~` escape (one diagnostic
 * per pointer, saying how many more there are: a pointer of ten thousand `~` is one mistake).
 */
function syntaxDiagnostics(doc: ManifestDocument, field: PointerField, pointer: string): Diagnostic[] {
  const problems = pointerProblems(pointer);
  if (problems.length === 0) return [];
  const at = (index: number, length: number) => charRange(doc, field, index, length);
  const diagnostics: Diagnostic[] = [];
  if (problems[0].kind === 'missing-slash') {
    const shown = excerpt(pointer);
    diagnostics.push(
      makeDiagnostic('pointer-missing-slash', at(0, 1), `"${shown}" is not a JSON pointer: a pointer is empty (the whole body) or starts with "/", as in "/${shown}".`),
    );
  }
  const escapes = problems.filter((p) => p.kind === 'bad-escape');
  if (escapes.length > 0) {
    const [first] = escapes;
    const more = escapes.length > 1 ? ` This pointer has ${escapes.length - 1} more such "~".` : '';
    diagnostics.push(
      makeDiagnostic(
        'pointer-bad-escape',
        at(first.index, first.kind === 'bad-escape' ? first.length : 1),
        `In a JSON pointer "~" must be followed by 0 (for "~") or 1 (for "/"); write a literal "~" as "~0".${more}`,
      ),
    );
  }
  return diagnostics;
}

function sampleDiagnostics(doc: ManifestDocument, field: PointerField, pointer: string, sample: unknown, origin: string): Diagnostic[] {
  const targets = evaluationTargets(field, sample);
  if (!targets) return [];
  const selections = targets.map((target) => selectPointer(target, pointer));
  const found = selections.filter((s) => s.found);
  if (found.length === 0) {
    const failedAt = selections.reduce((least, s) => Math.min(least, s.found ? Infinity : s.failedAt), Infinity);
    const token = pointerTokens(pointer)[failedAt];
    const where = field.relativeTo ? `any item of the member or option array in ${origin}` : origin;
    return [
      makeDiagnostic(
        'pointer-selects-nothing',
        tokenRange(doc, field, pointer, failedAt),
        `"${pointer}" selects nothing in ${where}: there is no "${token}" there.`,
      ),
    ];
  }
  if (field.role !== 'success') return [];
  const value = found[0].value;
  if (typeof value === 'boolean') return [];
  return [
    makeDiagnostic(
      'pointer-success-not-boolean',
      rangeOf(doc, field.node.offset, field.node.length),
      `The success pointer selects ${describeValue(value)} in ${origin}, not true or false. Whether validation succeeds then depends on how LaunchDarkly reads such a value as true or false; point at a boolean that is true exactly when the request succeeded.`,
    ),
  ];
}

/** The source range of reference token `tokenIndex` (the slash included), for "selects nothing here". */
function tokenRange(doc: ManifestDocument, field: PointerField, pointer: string, tokenIndex: number) {
  let start = 0;
  for (let i = 0; i < tokenIndex; i++) start = pointer.indexOf('/', start + 1);
  const next = pointer.indexOf('/', start + 1);
  return charRange(doc, field, start, (next < 0 ? pointer.length : next) - start);
}

/** The document range of decoded characters [index, index + length) of a pointer field's string. */
function charRange(doc: ManifestDocument, field: PointerField, index: number, length: number) {
  return stringValueRange(doc, field.node, index, index + length);
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  const type = jsonTypeOf(value);
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} (${text.length > 40 ? text.slice(0, 37) + '…' : text})`;
}
