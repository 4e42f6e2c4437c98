// The whole check of one manifest: what the editor shows and the linter prints.
import type { Diagnostic } from 'vscode-languageserver-types';
import { rangeOf, type ManifestDocument } from './manifestDocument';
import type { SchemaContext } from './schema/schemaContext';
import { syntaxDiagnostics } from './diagnostics/syntaxDiagnostics';
import { schemaDiagnostics } from './diagnostics/schemaDiagnostics';
import { makeDiagnostic } from './diagnostics/makeDiagnostic';

export interface LintOptions {
  readonly schema: SchemaContext;
}

export function lintManifest(doc: ManifestDocument, options: LintOptions): Diagnostic[] {
  const result = [...syntaxDiagnostics(doc), ...schemaDiagnostics(doc, options.schema)];
  if (options.schema.fallbackReason) {
    result.unshift(
      makeDiagnostic(
        'schema-workspace-broken',
        rangeOf(doc, 0, 1),
        `Checked against the bundled schema because the workspace schema cannot be used: ${options.schema.fallbackReason}. Fix that file or set the schema setting to "bundled".`,
      ),
    );
  }
  return result;
}
