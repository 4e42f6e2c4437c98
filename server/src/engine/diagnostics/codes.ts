// Every diagnostic the product reports has a stable code from a table like this one. A feature area
// declares its own table; `allCodes` joins them so that settings and the linter can name any code.
import { DiagnosticSeverity } from 'vscode-languageserver-types';

export const SOURCE = 'ld-manifest';

export interface CodeInfo {
  /** The severity used unless the author's configuration says otherwise. */
  readonly severity: DiagnosticSeverity;
  /** One line for documentation and the settings UI. */
  readonly summary: string;
}

export const baseCodes = {
  'json-syntax': { severity: DiagnosticSeverity.Error, summary: 'The manifest is not valid JSON.' },
  'json-duplicate-key': { severity: DiagnosticSeverity.Warning, summary: 'A key that appears twice in one object.' },
  'json-too-deep': { severity: DiagnosticSeverity.Error, summary: 'The manifest nests objects and arrays deeper than 128 levels; it is not analysed.' },
  'analysis-failed': { severity: DiagnosticSeverity.Error, summary: 'The manifest could not be analysed (an internal error); other files are still checked. Please report it.' },
  'too-many-problems': { severity: DiagnosticSeverity.Information, summary: 'More problems than are shown for one document (500); fix these to see the rest.' },
  'schema-unknown-key': { severity: DiagnosticSeverity.Error, summary: 'A key the schema does not allow here.' },
  'schema-missing-key': { severity: DiagnosticSeverity.Error, summary: 'A required key is missing.' },
  'schema-wrong-type': { severity: DiagnosticSeverity.Error, summary: 'A value of the wrong JSON type.' },
  'schema-value-not-allowed': { severity: DiagnosticSeverity.Error, summary: 'A value outside the allowed values.' },
  'schema-pattern': { severity: DiagnosticSeverity.Error, summary: 'A string that does not match the required pattern.' },
  'schema-length': { severity: DiagnosticSeverity.Error, summary: 'A string that is too short or too long.' },
  'schema-format': { severity: DiagnosticSeverity.Error, summary: 'A string that is not a valid email, URI or other format.' },
  'schema-items': { severity: DiagnosticSeverity.Error, summary: 'An array with too few, too many or repeated items.' },
  'schema-range': { severity: DiagnosticSeverity.Error, summary: 'A number outside the allowed range.' },
  'schema-properties': { severity: DiagnosticSeverity.Error, summary: 'An object with too few or too many properties.' },
  'schema-invalid': { severity: DiagnosticSeverity.Error, summary: 'A value the schema rejects for another reason.' },
  'schema-pattern-unchecked': {
    severity: DiagnosticSeverity.Information,
    summary: "A pattern of the workspace's schema uses back-references or lookaround, which the linear-time engine cannot run; it is not applied.",
  },
  'schema-workspace-broken': {
    severity: DiagnosticSeverity.Warning,
    summary: "The workspace's manifest.schema.json cannot be used; the bundled schema is in force.",
  },
} satisfies Record<string, CodeInfo>;

export type BaseCode = keyof typeof baseCodes;
