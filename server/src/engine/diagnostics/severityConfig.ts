// Per-code severity overrides: `{ "<code>": "error" | "warning" | "information" | "hint" | "off" }`,
// from the editor setting `ldManifest.severity`, the linter file `.ld-manifest.json`
// (`{ "severity": {...} }`) or the CLI flag `--severity code=level`. A mistake in the configuration is
// reported (with "did you mean"), never silently ignored: a misspelt code would otherwise leave a
// rule on that the author believes is off.
import { parseStrictJson } from '../jsonSyntaxError';
import { ownValue, setOwn } from '../ownRecord';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { allCodes } from './allCodes';
import { nearestName } from '../nearestName';

export const SEVERITY_LEVELS = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
  off: 'off',
} as const;

export type SeverityLevel = keyof typeof SEVERITY_LEVELS;
export type SeverityOverride = DiagnosticSeverity | 'off';
export type SeverityOverrides = ReadonlyMap<string, SeverityOverride>;

export interface SeverityProblem {
  /** The code the problem is about, when there is one. */
  readonly code?: string;
  readonly message: string;
}

export interface SeverityConfig {
  readonly overrides: Map<string, SeverityOverride>;
  readonly problems: SeverityProblem[];
}

/** Spellings other tools use, mapped to ours for "did you mean" (they are still reported). */
const LEVEL_ALIASES: Record<string, SeverityLevel> = {
  warn: 'warning',
  info: 'information',
  err: 'error',
  none: 'off',
  ignore: 'off',
  disable: 'off',
  disabled: 'off',
  false: 'off',
};

/**
 * Reads `{ code: level }`. `where` names the source in messages ("ldManifest.severity",
 * ".ld-manifest.json", "--severity"). `knownCodes` defaults to every code the product reports.
 */
export function parseSeverityConfig(config: unknown, where: string, knownCodes: Iterable<string> = Object.keys(allCodes)): SeverityConfig {
  const overrides = new Map<string, SeverityOverride>();
  const problems: SeverityProblem[] = [];
  if (config === undefined || config === null) return { overrides, problems };
  if (typeof config !== 'object' || Array.isArray(config)) {
    problems.push({ message: `${where} must be an object of code → level, not ${Array.isArray(config) ? 'an array' : typeof config}.` });
    return { overrides, problems };
  }
  const codes = [...knownCodes];
  const known = new Set(codes);
  for (const [code, level] of Object.entries(config)) {
    if (!known.has(code)) {
      const suggestion = nearestName(code, codes);
      problems.push({ code, message: `${where}: "${code}" is not a diagnostic code${suggestion ? `; did you mean "${suggestion}"?` : '.'}` });
      continue;
    }
    if (typeof level === 'string' && Object.prototype.hasOwnProperty.call(SEVERITY_LEVELS, level)) {
      overrides.set(code, SEVERITY_LEVELS[level as SeverityLevel]);
      continue;
    }
    const text = typeof level === 'string' ? level : JSON.stringify(level);
    const suggestion = typeof level === 'string' ? (ownValue(LEVEL_ALIASES, level.toLowerCase()) ?? nearestName(level, Object.keys(SEVERITY_LEVELS))) : undefined;
    problems.push({
      code,
      message: `${where}: ${text} is not a severity for "${code}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (use error, warning, information, hint or off).`,
    });
  }
  return { overrides, problems };
}

/** Reads the `severity` member of a `.ld-manifest.json` text; `file` is the whole object, for its other members. */
export function parseLinterConfigFile(text: string, where = '.ld-manifest.json'): SeverityConfig & { readonly file?: Readonly<Record<string, unknown>> } {
  const parsed = parseStrictJson(text);
  if (!parsed.ok) return { overrides: new Map(), problems: [{ message: `${where} is not valid JSON: ${parsed.reason}.` }] };
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { overrides: new Map(), problems: [{ message: `${where} must hold an object like { "severity": { "<code>": "warning" } }.` }] };
  }
  return { ...parseSeverityConfig((value as { severity?: unknown }).severity, `${where} "severity"`), file: value as Record<string, unknown> };
}

/** Reads CLI flag values, each `code=level`. */
export function parseSeverityFlags(flags: readonly string[], where = '--severity'): SeverityConfig {
  const config: Record<string, string> = {};
  const problems: SeverityProblem[] = [];
  for (const flag of flags) {
    const equals = flag.indexOf('=');
    if (equals <= 0) problems.push({ message: `${where} ${flag}: expected code=level, for example overview-full-stop=off.` });
    // Defined, not assigned: `__proto__=off` is a key like any other (and reported as unknown).
    else setOwn(config, flag.slice(0, equals).trim(), flag.slice(equals + 1).trim());
  }
  const parsed = parseSeverityConfig(config, where);
  return { overrides: parsed.overrides, problems: [...problems, ...parsed.problems] };
}

/** Later layers win: pass the file's overrides first, then the setting's or the flags'. */
export function mergeSeverityOverrides(...layers: SeverityOverrides[]): Map<string, SeverityOverride> {
  const merged = new Map<string, SeverityOverride>();
  for (const layer of layers) for (const [code, level] of layer) merged.set(code, level);
  return merged;
}

/** The diagnostics with their configured severities, those turned off left out. */
export function applySeverity(diagnostics: readonly Diagnostic[], overrides: SeverityOverrides): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const override = typeof diagnostic.code === 'string' ? overrides.get(diagnostic.code) : undefined;
    if (override === 'off') continue;
    result.push(override === undefined ? diagnostic : { ...diagnostic, severity: override });
  }
  return result;
}
