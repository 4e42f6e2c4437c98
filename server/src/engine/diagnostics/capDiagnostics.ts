// However broken a document is, it gets a bounded answer: at most MAX_DIAGNOSTICS diagnostics unless
// the caller asks for another bound (errors first, then in document order), a last one saying how many
// more there are, and no message longer than MAX_MESSAGE characters.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { excerpt } from '../excerpt';
import { makeDiagnostic } from './makeDiagnostic';

export const MAX_DIAGNOSTICS = 500;
export const MAX_MESSAGE = 600;

export function capDiagnostics(diagnostics: readonly Diagnostic[], max = MAX_DIAGNOSTICS): Diagnostic[] {
  const bounded = diagnostics.map((d) => (typeof d.message === 'string' && d.message.length > MAX_MESSAGE ? { ...d, message: excerpt(d.message, MAX_MESSAGE) } : d));
  if (bounded.length <= max) return bounded;
  const ordered = [...bounded].sort(
    (a, b) =>
      (a.severity ?? DiagnosticSeverity.Error) - (b.severity ?? DiagnosticSeverity.Error) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
  const shown = ordered.slice(0, max);
  const omitted = ordered.length - shown.length;
  const first = ordered[max];
  shown.push(
    makeDiagnostic(
      'too-many-problems',
      first.range,
      `${omitted} more problem${omitted === 1 ? '' : 's'} not shown: a document shows at most ${max}. The first one not shown starts here; the command-line linter lists them all with --format json.`,
    ),
  );
  return shown;
}
