// JUnit XML, the test report most CI servers display (Jenkins, GitLab, Azure Pipelines): one
// testsuite for the run, one testcase per manifest, one <failure> per error. Warnings and the like do
// not fail a testcase; they are listed in its <system-out>, as are ignored problems with their reason.
import type { LintedProblem } from '../lintRun';
import { formatTextLine } from '../report';
import type { ReportInput } from './reportInput';
import { problemLine } from './textFormat';
import { escapeAttribute, NOT_XML_CHARACTERS } from '../../engine/xmlText';

export function formatJunit(input: ReportInput): string {
  const cases = input.manifests.map(({ manifest, problems }) => {
    const errors = problems.filter(isCountedError);
    const others = problems.filter((p) => !isCountedError(p));
    const failures = errors.map(
      (p) => `      <failure message="${xmlText(`${p.code}: ${p.message}`)}" type="${xmlText(p.code)}">${xmlText(formatTextLine(p))}</failure>\n`,
    );
    const output = others.length > 0 ? `      <system-out>${xmlText(others.map(problemLine).join('\n'))}</system-out>\n` : '';
    const body = failures.join('') + output;
    const open = `    <testcase name="${xmlText(manifest.shown)}" classname="ld-manifest" file="${xmlText(manifest.shown)}"`;
    return body === '' ? `${open}/>\n` : `${open}>\n${body}    </testcase>\n`;
  });
  const failed = input.manifests.filter(({ problems }) => problems.some(isCountedError)).length;
  const counts = `tests="${input.manifests.length}" failures="${failed}" errors="0" skipped="0"`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="ld-manifest lint" ${counts}>\n` +
    `  <testsuite name="ld-manifest lint" ${counts}>\n` +
    cases.join('') +
    '  </testsuite>\n' +
    '</testsuites>\n'
  );
}

function isCountedError(problem: LintedProblem): boolean {
  return problem.severity === 'error' && problem.ignoredBecause === undefined;
}

/**
 * Text for an attribute value or element content: markup characters escaped, and the characters XML
 * cannot hold, which a message can quote from a manifest, written as `\uXXXX` so that the report
 * stays well formed.
 */
export function xmlText(text: string): string {
  return escapeAttribute(text.replace(NOT_XML_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
