// The options of `ld-manifest lint`, read and checked before anything is linted.
import { choiceOption, type OptionSpec, type ParsedArgs } from './args';
import { DEFAULT_CHANGED_BASE } from './changedFiles';
import { CliError } from './cliError';
import { REPORT_FORMATS, type ReportFormat } from './formats';

export const lintOptionSpecs: readonly OptionSpec[] = [
  { name: 'format', short: 'f', valueName: REPORT_FORMATS.join('|') },
  { name: 'output', short: 'o', valueName: 'FILE' },
  { name: 'schema', valueName: 'auto|bundled|PATH' },
  { name: 'severity', valueName: 'CODE=LEVEL[,CODE=LEVEL...]', repeatable: true },
  { name: 'config', valueName: 'FILE' },
  { name: 'quiet', short: 'q' },
  { name: 'max-warnings', valueName: 'N' },
  { name: 'show-ignored' },
  { name: 'changed', valueName: 'BASE', optionalValue: true },
  { name: 'fix' },
];

export interface LintOptions {
  readonly paths: readonly string[];
  readonly format: ReportFormat;
  readonly output?: string;
  readonly schema?: string;
  readonly severity?: string;
  readonly config?: string;
  readonly quiet: boolean;
  readonly maxWarnings?: number;
  readonly showIgnored: boolean;
  /** The git ref to compare with, when only changed manifests are linted. */
  readonly changedSince?: string;
  readonly fix: boolean;
}

export function readLintOptions(args: ParsedArgs): LintOptions {
  if (args.positionals.length === 0) throw new CliError('lint needs at least one PATH (a manifest, a folder or a glob)');
  const changed = args.options.get('changed');
  return {
    paths: args.positionals,
    format: choiceOption(args, 'format', REPORT_FORMATS, 'text'),
    output: stringOption(args, 'output'),
    schema: stringOption(args, 'schema'),
    severity: stringOption(args, 'severity'),
    config: stringOption(args, 'config'),
    quiet: args.options.has('quiet'),
    maxWarnings: maxWarningsOption(args),
    showIgnored: args.options.has('show-ignored'),
    changedSince: changed === undefined ? undefined : changed === true ? DEFAULT_CHANGED_BASE : changed,
    fix: args.options.has('fix'),
  };
}

function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

function maxWarningsOption(args: ParsedArgs): number | undefined {
  const value = stringOption(args, 'max-warnings');
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new CliError(`--max-warnings must be a whole number of warnings (0 or more), not '${value}'`);
  return Number(value);
}
