import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { SOURCE, allCodes, type DiagnosticCode } from './allCodes';

/** A diagnostic with its stable code, the product's source and the code's default severity. */
export function makeDiagnostic(code: DiagnosticCode, range: Range, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { range, message, code, source: SOURCE, severity: allCodes[code].severity, ...extra };
}
