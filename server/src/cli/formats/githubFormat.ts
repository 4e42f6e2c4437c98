// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…,endLine=…,
// endColumn=…,title=<code>::<message>` line per problem, which GitHub shows as annotations on the
// pull request's changed lines. Values are escaped as GitHub's toolkit does (@actions/core's
// command.ts): in the message `%`, CR and LF; in properties also `:` and `,`, which would otherwise
// end the value. Paths are relative to the repository root, as GitHub resolves them.
import type { SeverityName } from '../../engine/diagnostics/severityName';
import { repositoryPath, type ReportInput } from './reportInput';

const commands: Record<SeverityName, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function formatGithub(input: ReportInput): string {
  const lines: string[] = [];
  for (const { manifest, problems } of input.manifests) {
    const file = repositoryPath(input, manifest) ?? manifest.absolute;
    for (const problem of problems) {
      // An ignored problem (listed only with --show-ignored) is a notice, so that it never fails a check.
      const command = problem.ignoredBecause === undefined ? commands[problem.severity] : 'notice';
      const properties = [
        ['file', file],
        ['line', String(problem.line)],
        ['col', String(problem.column)],
        ['endLine', String(problem.endLine)],
        ['endColumn', String(problem.endColumn)],
        ['title', problem.ignoredBecause === undefined ? problem.code : `${problem.code} (ignored)`],
      ]
        .map(([name, value]) => `${name}=${escapeProperty(value!)}`)
        .join(',');
      const message = problem.ignoredBecause === undefined ? problem.message : `${problem.message} (ignored: ${problem.ignoredBecause})`;
      lines.push(`::${command} ${properties}::${escapeData(message)}\n`);
    }
  }
  return lines.join('');
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
