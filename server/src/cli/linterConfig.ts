// The linter's configuration: `.ld-manifest.json` at the repository root (the nearest folder with
// `.git` above the working directory, else the working directory), or the file `--config FILE` names,
// then the `--severity` flags on top. The file holds `severity` (code → level, as the editor setting)
// and `ignore` (code + path glob + reason). Any mistake is bad usage (exit 2): a misspelt code would
// otherwise leave on a rule the author believes is off, or report a problem they meant to ignore.
import { dirname, join, resolve } from 'node:path';
import { excerpt } from '../engine/excerpt';
import { readBoundedBytes } from '../node/nodeHost';
import { mergeSeverityOverrides, parseLinterConfigFile, parseSeverityFlags, type SeverityOverrides } from '../engine/diagnostics/severityConfig';
import { CliError, oneLine } from './cliError';
import { ignoreLookup, parseIgnoreRules, type IgnoreLookup } from './ignoreRules';
import { LINTER_CONFIG_FILE, repositoryRoot } from './configLocation';

export interface LinterConfig {
  readonly severity: SeverityOverrides;
  /** The reason an `ignore` entry gives for a manifest and a code, if one matches. */
  readonly ignored: IgnoreLookup;
}

/** A configuration file is a few lines; this bound only keeps a device or a huge file from being read. */
const MAX_CONFIG_BYTES = 1024 * 1024;
// `$schema` lets an editor offer completion for the file.
const TOP_LEVEL_KEYS = ['$schema', 'severity', 'ignore'];

export function loadLinterConfig(configOption: string | undefined, severityFlags: string | undefined, cwd: string): LinterConfig {
  const path = configOption === undefined ? join(repositoryRoot(cwd), LINTER_CONFIG_FILE) : resolve(cwd, configOption);
  const shown = configOption ?? LINTER_CONFIG_FILE;
  const text = readConfigText(path, shown, configOption !== undefined);
  const problems: string[] = [];
  let severityFromFile: SeverityOverrides = new Map();
  let ignored: IgnoreLookup = () => undefined;
  if (text !== undefined) {
    const parsed = parseLinterConfigFile(text, shown);
    problems.push(...parsed.problems.map((p) => p.message));
    severityFromFile = parsed.overrides;
    const value = parsed.file;
    if (parsed.problems.length === 0 && value) {
      const unknownKey = Object.keys(value).find((key) => !TOP_LEVEL_KEYS.includes(key));
      if (unknownKey !== undefined) problems.push(`${shown} has an unknown key "${excerpt(unknownKey)}" (allowed: ${TOP_LEVEL_KEYS.join(', ')}).`);
      const ignore = parseIgnoreRules(value.ignore, shown);
      problems.push(...ignore.problems);
      ignored = ignoreLookup(ignore.rules, dirname(path));
    }
  }
  const flags = severityFlags === undefined ? [] : severityFlags.split(',').filter((f) => f.trim() !== '');
  const fromFlags = parseSeverityFlags(flags);
  problems.push(...fromFlags.problems.map((p) => p.message));
  if (problems.length > 0) throw new CliError(problems.join(' '));
  return { severity: mergeSeverityOverrides(severityFromFile, fromFlags.overrides), ignored };
}

/** The file's text; undefined when the default file is absent (a named file must exist). */
function readConfigText(path: string, shown: string, named: boolean): string | undefined {
  const read = readBoundedBytes(path, MAX_CONFIG_BYTES);
  if (read.kind === 'missing') {
    if (named) throw new CliError(`config file not found: ${shown}`);
    return undefined;
  }
  if (read.kind === 'unreadable') throw new CliError(`cannot read ${shown}: ${oneLine(read.reason)}`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(read.bytes);
  } catch {
    throw new CliError(`${shown} is not UTF-8 text`);
  }
}
