// SARIF 2.1.0, the format GitHub code scanning and other review tools read: one run whose driver
// declares every diagnostic code as a rule, and one result per problem with its region (1-based,
// end exclusive, columns in UTF-16 code units as the run's columnKind says), its level, the quick
// fixes the engine offers as `fixes`, and, for a problem the configuration ignores (--show-ignored),
// an external suppression with the configuration's reason.
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver-types';
import { allCodes } from '../../engine/diagnostics/allCodes';
import type { LintedManifest, LintedProblem } from '../lintRun';
import { severityName, type SeverityName } from '../../engine/diagnostics/severityName';
import { DIAGNOSTIC_CODES_URL, DOCUMENTATION_BASE_URL } from './documentation';
import { repositoryPath, type ReportInput } from './reportInput';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

const levels: Record<SeverityName, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const ruleIds = Object.keys(allCodes);

export function formatSarif(input: ReportInput): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ld-manifest',
            version: input.toolVersion,
            informationUri: DOCUMENTATION_BASE_URL,
            rules: Object.entries(allCodes).map(([code, info]) => ({
              id: code,
              shortDescription: { text: info.summary },
              help: { text: `${info.summary} See the table of diagnostic codes: ${DIAGNOSTIC_CODES_URL}` },
              helpUri: DIAGNOSTIC_CODES_URL,
              defaultConfiguration: { level: levels[severityName(info.severity)] },
            })),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(input.repositoryRoot).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: input.manifests.flatMap(({ manifest, problems }) => problems.map((problem) => result(input, manifest, problem))),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function result(input: ReportInput, manifest: LintedManifest, problem: LintedProblem) {
  const artifactLocation = artifactLocationOf(input, manifest);
  const ruleIndex = ruleIds.indexOf(problem.code);
  return {
    ruleId: problem.code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: levels[problem.severity],
    message: { text: problem.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: problem.line, startColumn: problem.column, endLine: problem.endLine, endColumn: problem.endColumn },
        },
      },
    ],
    ...(problem.fixes.length > 0
      ? {
          fixes: problem.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [
              { artifactLocation, replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })) },
            ],
          })),
        }
      : {}),
    ...(problem.ignoredBecause !== undefined ? { suppressions: [{ kind: 'external', justification: problem.ignoredBecause }] } : {}),
  };
}

/** A region from an LSP range (0-based, end exclusive): 1-based, end exclusive, so an insertion is empty. */
function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function artifactLocationOf(input: ReportInput, manifest: LintedManifest) {
  const path = repositoryPath(input, manifest);
  if (path === undefined) return { uri: pathToFileURL(manifest.absolute).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}
