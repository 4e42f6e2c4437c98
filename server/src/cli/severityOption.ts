// Per-code severities for the linter: `.ld-manifest.json` at the repository root (the nearest folder
// with `.git` above the working directory, else the working directory), then `--severity` flags.
// A mistake in either is bad usage: a misspelt code would otherwise leave on a rule the author
// believes is off.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enclosingRepository } from '../node/nodeHost';
import {
  mergeSeverityOverrides,
  parseLinterConfigFile,
  parseSeverityFlags,
  type SeverityOverrides,
} from '../engine/diagnostics/severityConfig';
import { CliError } from './cliError';

export const LINTER_CONFIG_FILE = '.ld-manifest.json';

/** Where `.ld-manifest.json` is looked for: the repository the working directory is in, else the working directory. */
export function repositoryRoot(cwd: string): string {
  return enclosingRepository(cwd) ?? cwd;
}

export function severityOverrides(flagValue: string | undefined, cwd: string): SeverityOverrides {
  const configPath = join(repositoryRoot(cwd), LINTER_CONFIG_FILE);
  const fromFile = existsSync(configPath) ? parseLinterConfigFile(readFileSync(configPath, 'utf8'), configPath) : undefined;
  const flags = flagValue === undefined ? [] : flagValue.split(',').filter((f) => f.trim() !== '');
  const fromFlags = parseSeverityFlags(flags);
  const problems = [...(fromFile?.problems ?? []), ...fromFlags.problems];
  if (problems.length > 0) {
    throw new CliError(problems.map((p) => p.message).join(' '));
  }
  return mergeSeverityOverrides(fromFile?.overrides ?? new Map(), fromFlags.overrides);
}
