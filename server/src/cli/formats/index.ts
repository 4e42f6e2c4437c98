// The report formats of `ld-manifest lint --format`.
import { formatGithub } from './githubFormat';
import { formatJsonReport } from './jsonFormat';
import { formatJunit } from './junitFormat';
import type { ReportInput } from './reportInput';
import { formatSarif } from './sarifFormat';
import { formatText } from './textFormat';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const formatters: Record<ReportFormat, (input: ReportInput) => string> = {
  text: formatText,
  json: formatJsonReport,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};

export function formatReport(format: ReportFormat, input: ReportInput): string {
  return formatters[format](input);
}

/** Formats whose results carry the engine's quick fixes. */
export function formatNeedsFixes(format: ReportFormat): boolean {
  return format === 'sarif';
}
