// The text report: one grep-able line per problem, `path:line:column: severity code message`, then a
// summary. A problem the configuration ignores (shown with --show-ignored) reads `ignored <severity>`
// and ends with the configuration's reason.
import { oneLine } from '../cliError';
import { formatSummary, formatTextLine } from '../report';
import type { LintedProblem } from '../lintRun';
import { reportedProblems, type ReportInput } from './reportInput';

export function formatText(input: ReportInput): string {
  const problems = reportedProblems(input);
  const lines = problems.map(problemLine);
  const counted = problems.filter((p) => p.ignoredBecause === undefined);
  let summary = formatSummary(counted, input.manifests.length);
  if (input.ignoredCount > 0) summary += ` (${input.ignoredCount} ignored by the configuration${problems.length > counted.length ? '' : '; --show-ignored lists them'})`;
  return [...lines, summary].map((line) => line + '\n').join('');
}

/** One problem's text line; an ignored one says so and gives the configuration's reason. */
export function problemLine(problem: LintedProblem): string {
  if (problem.ignoredBecause === undefined) return formatTextLine(problem);
  return `${formatTextLine(problem, `ignored ${problem.severity}`)} (ignored: ${oneLine(problem.ignoredBecause)})`;
}
