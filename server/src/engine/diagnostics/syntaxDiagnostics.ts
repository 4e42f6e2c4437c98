// JSON syntax errors and duplicate keys, worded so the author knows what to type.
import { ParseErrorCode, type Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_DEPTH, rangeOf, type ManifestDocument } from '../manifestDocument';
import { makeDiagnostic } from './makeDiagnostic';
import { excerpt } from '../excerpt';

const syntaxMessages: Record<ParseErrorCode, string> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character: JSON allows only objects, arrays, strings, numbers, true, false and null here.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number: use digits, an optional fraction and exponent (no leading zeros, no hex).',
  [ParseErrorCode.PropertyNameExpected]: 'Expected a key in double quotes, such as "name".',
  [ParseErrorCode.ValueExpected]: 'Expected a value: a string, number, object, array, true, false or null.',
  [ParseErrorCode.ColonExpected]: 'Expected a colon (:) between the key and its value.',
  [ParseErrorCode.CommaExpected]: 'Expected a comma (,) before the next entry.',
  [ParseErrorCode.CloseBraceExpected]: 'Expected a closing brace (}) to end this object.',
  [ParseErrorCode.CloseBracketExpected]: 'Expected a closing bracket (]) to end this array.',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected content after the end of the manifest: a manifest is one JSON object.',
  [ParseErrorCode.InvalidCommentToken]: 'Comments are not allowed in a manifest: it is strict JSON. Remove the comment.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment; comments are not allowed in a manifest anyway.',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string: add the closing double quote (").',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Incomplete number: add digits after the sign, point or exponent.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape: it needs exactly four hexadecimal digits, such as \\u00e9.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape: JSON allows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.',
  [ParseErrorCode.InvalidCharacter]: 'Control characters must be escaped in JSON strings: use \\n, \\t or \\uXXXX.',
};

export function syntaxDiagnostics(doc: ManifestDocument): Diagnostic[] {
  if (doc.tooDeep) {
    const { depth, offset } = doc.tooDeep;
    return [
      makeDiagnostic(
        'json-too-deep',
        rangeOf(doc, offset, 1),
        `Objects and arrays nest ${depth} levels deep here; the limit is ${MAX_DEPTH}, so this manifest is not analysed. Real manifests nest about 10 levels.`,
      ),
    ];
  }
  const result: Diagnostic[] = doc.syntaxErrors.map((error) =>
    makeDiagnostic('json-syntax', rangeOf(doc, error.offset, Math.max(error.length, 1)), syntaxMessages[error.error]),
  );
  if (!doc.root && result.length === 0) {
    result.push(makeDiagnostic('json-syntax', rangeOf(doc, 0, 0), 'The manifest is empty: it must be one JSON object.'));
  }
  if (doc.root && doc.root.type !== 'object') {
    result.push(makeDiagnostic('json-syntax', rangeOf(doc, doc.root.offset, doc.root.length), 'A manifest must be a JSON object ({ ... }).'));
  }
  if (doc.root) collectDuplicateKeys(doc, doc.root, result);
  return result;
}

function collectDuplicateKeys(doc: ManifestDocument, node: Node, into: Diagnostic[]): void {
  if (node.type === 'object' && (node.children?.length ?? 0) > 1) {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (key && typeof key.value === 'string') {
        if (seen.has(key.value)) {
          into.push(
            makeDiagnostic(
              'json-duplicate-key',
              rangeOf(doc, key.offset, key.length),
              `Duplicate key "${excerpt(key.value)}": only the last one counts. Remove or rename one of them.`,
            ),
          );
        }
        seen.add(key.value);
      }
    }
  }
  for (const child of node.children ?? []) collectDuplicateKeys(doc, child, into);
}

