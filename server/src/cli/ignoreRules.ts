// The `ignore` list of `.ld-manifest.json`: JSON has no comments, so a manifest cannot carry an inline
// suppression; instead the configuration names the code, the manifests (a path glob relative to the
// configuration file's folder) and why. Every entry needs a reason: it is what a reviewer reads when
// the report shows the ignored problems (--show-ignored).
import { relative, sep } from 'node:path';
import { allCodes, isDiagnosticCode } from '../engine/diagnostics/allCodes';
import { excerpt, visible } from '../engine/excerpt';
import { nearestName } from '../engine/nearestName';
import { pathMatcher, type PathMatcher } from './pathGlob';

export interface IgnoreRule {
  readonly code: string;
  readonly path: string;
  readonly reason: string;
  readonly matches: PathMatcher;
}

/** The reason the first matching rule gives, or undefined when no rule ignores `code` in the manifest. */
export type IgnoreLookup = (manifestAbsolutePath: string, code: string) => string | undefined;

const ENTRY_KEYS = ['code', 'path', 'reason'];
/** Far above any real list; a bound so that a generated file cannot make every lookup slow. */
const MAX_RULES = 1000;

/** Reads the `ignore` value; problems are returned as messages naming the entry (`where` names the file). */
export function parseIgnoreRules(value: unknown, where: string): { rules: IgnoreRule[]; problems: string[] } {
  const rules: IgnoreRule[] = [];
  const problems: string[] = [];
  if (value === undefined) return { rules, problems };
  if (!Array.isArray(value)) return { rules, problems: [`${where} "ignore" must be an array of { "code", "path", "reason" }.`] };
  if (value.length > MAX_RULES) return { rules, problems: [`${where} "ignore" has ${value.length} entries; at most ${MAX_RULES} are allowed.`] };
  value.forEach((entry: unknown, index) => {
    const at = `${where} "ignore"[${index}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(`${at} must be an object { "code", "path", "reason" }.`);
      return;
    }
    const fields = entry as Record<string, unknown>;
    const unknownKey = Object.keys(fields).find((key) => !ENTRY_KEYS.includes(key));
    if (unknownKey !== undefined) problems.push(`${at} has an unknown key "${excerpt(unknownKey)}" (allowed: code, path, reason).`);
    const { code, path, reason } = fields;
    if (typeof code !== 'string' || !isDiagnosticCode(code)) {
      const suggestion = typeof code === 'string' ? nearestName(code, Object.keys(allCodes)) : undefined;
      problems.push(`${at} "code" must be a diagnostic code${suggestion ? `; did you mean "${suggestion}"?` : '.'}`);
    }
    if (typeof path !== 'string' || path.trim() === '') problems.push(`${at} "path" must be a path glob such as "integrations/acme/manifest.json".`);
    if (typeof reason !== 'string' || reason.trim() === '') problems.push(`${at} "reason" must say why the problem is ignored.`);
    if (typeof code === 'string' && typeof path === 'string' && typeof reason === 'string') {
      // The reason is printed in reports, terminals included: its control characters are shown, not sent
      // (line breaks and tabs stay; the text report puts it on one line).
      rules.push({ code, path, reason: visible(reason.trim(), true), matches: pathMatcher(path) });
    }
  });
  return { rules: problems.length === 0 ? rules : [], problems };
}

/** Looks rules up by code; paths are matched relative to `base` (the configuration file's folder). */
export function ignoreLookup(rules: readonly IgnoreRule[], base: string): IgnoreLookup {
  const byCode = new Map<string, IgnoreRule[]>();
  for (const rule of rules) byCode.set(rule.code, [...(byCode.get(rule.code) ?? []), rule]);
  return (manifestAbsolutePath, code) => {
    const candidates = byCode.get(code);
    if (!candidates) return undefined;
    const path = relative(base, manifestAbsolutePath).split(sep).join('/');
    if (path.startsWith('../') || path === '..') return undefined; // outside the configuration's folder
    return candidates.find((rule) => rule.matches(path))?.reason;
  };
}
