// ajv's regular expression engine for the schemas a workspace supplies (its manifest.schema.json, or
// `--schema FILE`): RE2, whose matching time is linear in the input whatever the pattern, so that no
// `pattern` in a workspace's schema can hang the server or the linter on a long string (a JavaScript
// RegExp such as `^(a+)+$` takes exponential time). The bundled schema's own patterns are ours and
// compile to ordinary RegExps at build time.
import type { RegExpEngine, RegExpLike } from 'ajv/dist/types';
import { RE2JS } from 're2js';

/** Patterns RE2 cannot express (back-references, lookaround): not applied, and listed for the author. */
export class UnsupportedPatterns {
  readonly patterns = new Set<string>();
}

export function linearRegExpEngine(unsupported: UnsupportedPatterns): RegExpEngine {
  const engine = (pattern: string, _flags: string): RegExpLike => {
    try {
      const re = RE2JS.compile(RE2JS.translateRegExp(pattern));
      return { test: (input: string) => re.test(input), toString: () => `re2:${pattern}` } as RegExpLike;
    } catch {
      unsupported.patterns.add(pattern);
      return { test: () => true, toString: () => `unsupported:${pattern}` } as RegExpLike;
    }
  };
  return Object.assign(engine, { code: 'linearRegExp' });
}
