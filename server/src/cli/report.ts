// What the linter prints for each diagnostic, in text or JSON.
//
// Lines and columns are 1-based. Columns count UTF-16 code units, exactly LSP's `character` + 1: that
// is what VS Code's Problems panel and `code --goto file:line:column` use, so a tab counts 1 and a
// character outside the Basic Multilingual Plane (an emoji) counts 2. `endLine`/`endColumn` point
// just past the range, as LSP's exclusive end does (ESLint's convention too).
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName, type SeverityName } from '../engine/diagnostics/severityName';
import { oneLine } from './cliError';

export interface ReportedProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: SeverityName;
  readonly code: string;
  readonly message: string;
}

export function toReportedProblem(file: string, diagnostic: Diagnostic): ReportedProblem {
  const { start, end } = diagnostic.range;
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: severityName(diagnostic.severity),
    code: diagnostic.code === undefined ? '' : String(diagnostic.code),
    // LSP 3.18 allows Markdown messages; a terminal shows its source text.
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  };
}

export function compareProblems(a: ReportedProblem, b: ReportedProblem): number {
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;
}

/** `label` replaces the severity word, e.g. `ignored warning` for a problem the configuration ignores. */
export function formatTextLine(problem: ReportedProblem, label: string = problem.severity): string {
  // One problem, one line: a message with a line break would break `grep` and editors' problem matchers.
  const message = oneLine(problem.message);
  const code = problem.code === '' ? '' : ` ${problem.code}`;
  return `${problem.file}:${problem.line}:${problem.column}: ${label}${code} ${message}`;
}

export function formatJson(problems: readonly ReportedProblem[]): string {
  return JSON.stringify(problems, null, 2);
}

/** `3 problems (2 errors, 1 warning) in 2 of 5 manifests`, or `No problems in 5 manifests`. */
export function formatSummary(problems: readonly ReportedProblem[], manifestCount: number): string {
  const manifests = plural(manifestCount, 'manifest');
  if (problems.length === 0) return `No problems in ${manifests}`;
  const count = (severity: SeverityName) => problems.filter((p) => p.severity === severity).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning')];
  if (count('information') > 0) parts.push(`${count('information')} information`);
  if (count('hint') > 0) parts.push(plural(count('hint'), 'hint'));
  const filesWithProblems = new Set(problems.map((p) => p.file)).size;
  return `${plural(problems.length, 'problem')} (${parts.join(', ')}) in ${filesWithProblems} of ${manifests}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
