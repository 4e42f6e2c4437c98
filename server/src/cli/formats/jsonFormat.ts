// The JSON report: one array of { file, line, column, endLine, endColumn, severity, code, message };
// a problem the configuration ignores (listed only with --show-ignored) also has `ignored`: the reason.
import { formatJson, type ReportedProblem } from '../report';
import { reportedProblems, type ReportInput } from './reportInput';

export function formatJsonReport(input: ReportInput): string {
  const problems = reportedProblems(input).map((p) => {
    const { file, line, column, endLine, endColumn, severity, code, message } = p;
    const plain: ReportedProblem & { ignored?: string } = { file, line, column, endLine, endColumn, severity, code, message };
    if (p.ignoredBecause !== undefined) plain.ignored = p.ignoredBecause;
    return plain;
  });
  return formatJson(problems) + '\n';
}
