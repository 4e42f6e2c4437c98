// The whole check of one manifest: what the editor shows and the linter prints.
import type { Diagnostic } from 'vscode-languageserver-types';
import { rangeOf, type ManifestDocument } from './manifestDocument';
import { bundledSchemaContext, type SchemaContext } from './schema/schemaContext';
import { displayUri } from './uris';
import { syntaxDiagnostics } from './diagnostics/syntaxDiagnostics';
import { schemaDiagnostics } from './diagnostics/schemaDiagnostics';
import { makeDiagnostic } from './diagnostics/makeDiagnostic';
import { runToEnd } from './steps';
import { excerpt } from './excerpt';
import { applySeverity, type SeverityOverrides } from './diagnostics/severityConfig';
import { ruleDiagnostics, type RuleEnvironment } from './rules';
import { templateDiagnostics } from './templates';
import { templateSitesInSteps } from './templates/analysis';

export interface LintOptions {
  readonly schema: SchemaContext;
  /** Files beside the manifest and the rest of the workspace; without it, no rule reads files. */
  readonly environment?: RuleEnvironment;
  /** Per-code severities from the author's configuration. */
  readonly severity?: SeverityOverrides;
}

/** An environment with no files: the rules that need the disk stay silent. */
export const detachedEnvironment: RuleEnvironment = { read: () => ({ kind: 'missing' }) };

export function lintManifest(doc: ManifestDocument, options: LintOptions): Diagnostic[] {
  return runToEnd(lintInSteps(doc, options));
}

/**
 * The same check in steps: the language server lets other requests (a hover, an edit that makes this
 * check pointless) in between, so a large manifest never holds the server for its whole check.
 */
export function* lintInSteps(doc: ManifestDocument, options: LintOptions): Generator<void, Diagnostic[]> {
  const syntax = syntaxDiagnostics(doc);
  yield;
  const rules = ruleDiagnostics(doc, options.environment ?? detachedEnvironment);
  yield;
  const checked = schemaDiagnosticsOrBundled(doc, options.schema);
  const schema = withoutExplainedByRules(checked.diagnostics, rules);
  yield;
  yield* templateSitesInSteps(doc);
  const templates = templateDiagnostics(doc);
  const result = [...syntax, ...schema, ...templates, ...rules];
  const unchecked = checked.schema.uncheckedPatterns ?? [];
  if (unchecked.length > 0) {
    result.unshift(
      makeDiagnostic(
        'schema-pattern-unchecked',
        rangeOf(doc, 0, 1),
        `${unchecked.length} pattern${unchecked.length === 1 ? '' : 's'} of the workspace schema cannot run in linear time (back-references or lookaround) and ${unchecked.length === 1 ? 'is' : 'are'} not applied: ${unchecked.map((p) => `/${excerpt(p)}/`).join(', ')}.`,
      ),
    );
  }
  if (checked.schema.fallbackReason) {
    result.unshift(
      makeDiagnostic(
        'schema-workspace-broken',
        rangeOf(doc, 0, 1),
        `Checked against the bundled schema because the workspace schema cannot be used: ${checked.schema.fallbackReason}. Fix that file or set the schema setting to "bundled".`,
      ),
    );
  }
  return options.severity ? applySeverity(result, options.severity) : result;
}

/**
 * The schema's diagnostics; when validating with a workspace schema throws (a `$ref` cycle that never
 * consumes the data overflows the stack), the bundled schema's, with the reason to say so.
 */
function schemaDiagnosticsOrBundled(doc: ManifestDocument, schema: SchemaContext): { diagnostics: Diagnostic[]; schema: SchemaContext } {
  try {
    return { diagnostics: schemaDiagnostics(doc, schema), schema };
  } catch (error) {
    if (schema.origin.kind === 'bundled') throw error;
    const why = error instanceof RangeError ? 'validating with it overflows the stack (a $ref cycle that never reaches the data?)' : 'validating with it fails';
    const bundled: SchemaContext = { ...bundledSchemaContext(), fallbackReason: `${displayUri(schema.origin.uri)} is not used: ${why}` };
    return { diagnostics: schemaDiagnostics(doc, bundled), schema: bundled };
  }
}

/**
 * A rule that explains a key the schema merely rejects (the documentation's `"error"` in a
 * featureStore parser) replaces the schema's generic unknown-key message on that key: one problem,
 * one diagnostic.
 */
function withoutExplainedByRules(schema: Diagnostic[], rules: Diagnostic[]): Diagnostic[] {
  const explained = rules.filter((d) => d.code === 'parser-error-key').map((d) => JSON.stringify(d.range));
  return schema.filter((d) => d.code !== 'schema-unknown-key' || !explained.includes(JSON.stringify(d.range)));
}
