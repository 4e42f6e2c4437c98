// `ld-manifest lint PATH...`: lints manifests with the editor's engine and reports the problems in
// the format asked for; `--fix` first applies the unambiguous quick fixes.
import { resolve } from 'node:path';
import { version } from '../../../package.json';
import type { ParsedArgs } from './args';
import { changedFiles } from './changedFiles';
import { EXIT_OK, EXIT_PROBLEMS } from './cliError';
import type { Command } from './command';
import { findManifests } from './findManifests';
import { fixManifests, formatAppliedFix } from './fix/fixManifests';
import { formatNeedsFixes, formatReport } from './formats';
import type { ReportInput } from './formats/reportInput';
import { lintHelp } from './help';
import type { CliIo } from './io';
import { loadLinterConfig } from './linterConfig';
import { createLinter, lintAll, type LintedManifest, type Linter, type LintSettings } from './lintRun';
import { readLintOptions, lintOptionSpecs, type LintOptions } from './lintOptions';
import { schemaChoice } from './schemaOption';
import { selectChanged } from './selectChanged';
import { repositoryRoot } from './configLocation';
import { checkWritableTarget, writeFileAtomically } from './writeFileAtomically';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check manifests for JSON and schema problems.',
  options: lintOptionSpecs,
  help: lintHelp,
  run: runLint,
};

function runLint(args: ParsedArgs, io: CliIo): number {
  // Every option, the configuration and the list of changed files are checked before anything is
  // linted or fixed: bad usage stops the run (exit 2) without touching a file or half a report.
  const options = readLintOptions(args);
  const schema = schemaChoice(options.schema, io.cwd);
  const config = loadLinterConfig(options.config, options.severity, io.cwd);
  const paths = findManifests(options.paths, io.cwd);
  const changed = options.changedSince === undefined ? undefined : changedFiles(options.changedSince, io.cwd);
  const output = options.output === undefined ? undefined : { path: resolve(io.cwd, options.output), what: `cannot write the report to ${options.output}` };
  if (output) checkWritableTarget(output.path, output.what);
  const settings = (withFixes: boolean): LintSettings => ({ schema, config, withFixes });
  // With --changed, every manifest is linted and then those a change touches are kept: what a
  // manifest reads is only known once the engine has read it.
  const lintSelected = (linter: Linter): LintedManifest[] => {
    const all = lintAll(linter, paths);
    return changed ? selectChanged(linter, all, changed) : all;
  };

  if (options.fix) {
    const targets = changed ? lintSelected(createLinter(settings(false))) : paths;
    for (const applied of fixManifests(createLinter(settings(true)), targets)) io.err(formatAppliedFix(applied) + '\n');
  }
  // The report is of the files as they are now (after --fix), by a fresh engine.
  const manifests = lintSelected(createLinter(settings(formatNeedsFixes(options.format))));

  const report = formatReport(options.format, reportInput(manifests, options, io.cwd));
  if (output) writeFileAtomically(output.path, report, output.what);
  else io.out(report);
  return exitCode(manifests, options, io);
}

function reportInput(manifests: readonly LintedManifest[], options: LintOptions, cwd: string): ReportInput {
  let ignoredCount = 0;
  const reported = manifests.map((manifest) => {
    const problems = manifest.problems.filter((p) => !options.quiet || p.severity === 'error');
    const ignored = problems.filter((p) => p.ignoredBecause !== undefined).length;
    ignoredCount += ignored;
    return { manifest, problems: options.showIgnored ? problems : problems.filter((p) => p.ignoredBecause === undefined) };
  });
  return { manifests: reported, repositoryRoot: repositoryRoot(cwd), ignoredCount, toolVersion: version };
}

/** 1 for an error, or for more warnings than --max-warnings allows (counted whatever --quiet hides). */
function exitCode(manifests: readonly LintedManifest[], options: LintOptions, io: CliIo): number {
  const counted = manifests.flatMap((m) => m.problems).filter((p) => p.ignoredBecause === undefined);
  if (counted.some((p) => p.severity === 'error')) return EXIT_PROBLEMS;
  const warnings = counted.filter((p) => p.severity === 'warning').length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.err(`ld-manifest: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}
