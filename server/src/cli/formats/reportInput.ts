// What every report format is given: the manifests linted, with the problems the report shows (the
// options --quiet and --show-ignored already applied), and how to name a file for tools that resolve
// paths against the repository (SARIF, GitHub annotations).
import { isAbsolute, relative, sep } from 'node:path';
import type { LintedManifest, LintedProblem } from '../lintRun';

export interface ReportInput {
  readonly manifests: readonly ReportedManifest[];
  /** The folder repository-relative paths start from: the repository root, else the working directory. */
  readonly repositoryRoot: string;
  /** Problems the configuration ignores, shown or not (the text summary counts them). */
  readonly ignoredCount: number;
  readonly toolVersion: string;
}

export interface ReportedManifest {
  readonly manifest: LintedManifest;
  /** The problems to report, in order of position. */
  readonly problems: readonly LintedProblem[];
}

/**
 * The manifest's path relative to the repository root with `/` separators, as GitHub and SARIF
 * viewers expect; undefined for a manifest outside the repository (given with ../ or absolute).
 */
export function repositoryPath(input: ReportInput, manifest: LintedManifest): string | undefined {
  const path = relative(input.repositoryRoot, manifest.absolute);
  return path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path) ? undefined : path.split(sep).join('/');
}

export function reportedProblems(input: ReportInput): LintedProblem[] {
  return input.manifests.flatMap((m) => m.problems);
}
