// The documentation's featureStore example writes the validation parser's errors pointer as "error";
// the schema (and LaunchDarkly) only know "errors", so the pointer would silently be ignored.
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeRange, type ManifestDocument } from '../manifestDocument';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { keyOf, valueAt } from '../jsonTree';

export const STORE_PARSER_PATH = ['capabilities', 'featureStore', 'validationRequest', 'parser'] as const;

export function parserErrorKeyDiagnostics(doc: ManifestDocument): Diagnostic[] {
  const parser = valueAt(doc.root, ...STORE_PARSER_PATH);
  const key = keyOf(parser, 'error');
  if (!key) return [];
  const hasErrors = keyOf(parser, 'errors') !== undefined;
  return [
    makeDiagnostic(
      'parser-error-key',
      nodeRange(doc, key),
      'The validation parser takes "errors", not "error": a JSON pointer to the error details in the response body. ' +
        'LaunchDarkly\'s documentation shows "error", but the schema rejects it and the pointer would not be read.' +
        (hasErrors ? ' This parser already has "errors"; remove "error".' : ''),
      { data: { renameTo: hasErrors ? undefined : 'errors' } },
    ),
  ];
}
