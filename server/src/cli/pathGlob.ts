// Matches a relative path against a glob of the same dialect as the PATH arguments (glob.ts): `*` and
// `?` within one segment, `**` as a whole segment for any number of folders, and wildcards that do not
// match names starting with a dot unless the pattern's segment does.
import { segmentRegExp } from './glob';

export type PathMatcher = (relativePath: string) => boolean;

export function pathMatcher(pattern: string): PathMatcher {
  const segments = splitPath(pattern).map((segment) => (segment === '**' ? '**' : segmentRegExp(segment)));
  return (relativePath) => matchFrom(segments, 0, splitPath(relativePath), 0);
}

function splitPath(path: string): string[] {
  return path.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
}

/**
 * Whether `parts[p..]` matches `segments[s..]`. A `**` tries every split, so the work is bounded by
 * segments × parts for each `**`; patterns and paths are short (a handful of segments).
 */
function matchFrom(segments: readonly ('**' | RegExp)[], s: number, parts: readonly string[], p: number): boolean {
  for (; s < segments.length; s++, p++) {
    const segment = segments[s]!;
    if (segment === '**') {
      for (let skip = p; skip <= parts.length; skip++) {
        if (skip > p && parts[skip - 1]!.startsWith('.')) return false; // `**` does not enter dot-folders
        if (matchFrom(segments, s + 1, parts, skip)) return true;
      }
      return false;
    }
    if (p >= parts.length || !segment.test(parts[p]!)) return false;
  }
  return p === parts.length;
}
