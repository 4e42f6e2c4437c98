// A diagnostic severity by name, as the linter's reports and the integration preview write it.
import { DiagnosticSeverity } from 'vscode-languageserver-types';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

const NAMES: Readonly<Record<DiagnosticSeverity, SeverityName>> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** LSP says a diagnostic without severity is up to the client; editors show it as an error. */
export function severityName(severity: DiagnosticSeverity | undefined): SeverityName {
  return NAMES[severity ?? DiagnosticSeverity.Error] ?? 'error';
}
