// A small glob expander for quoted patterns (Node 20 has no fs.globSync): `*` and `?` match within one
// path segment, `**` as a whole segment matches any number of folders. Like a shell, wildcards do not
// match names starting with a dot; nor do they match node_modules (only a literal segment does), so
// `'**/manifest.json'` and `'*'` behave like the folder search. No brackets or braces: manifests never
// need them.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

export function hasGlobMagic(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** The regular expression for one pattern segment such as `*.json` or `manifest.???n`. */
export function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // Hidden names only match a segment that itself starts with a dot.
  const hidden = segment.startsWith('.') ? '' : '(?!\\.)';
  return new RegExp(`^${hidden}${source}$`, 'u');
}

export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * The existing paths (files and folders) that `pattern` matches, sorted, written the way the pattern
 * was: relative patterns give paths relative to `cwd`, absolute patterns absolute paths.
 */
export function expandGlob(pattern: string, cwd: string): string[] {
  const absolute = isAbsolute(pattern);
  const segments = pattern.split(/[\\/]/).filter((s) => s !== '');
  const matches = new Set<string>();
  const start = absolute ? resolve('/') : cwd;
  walk(absolute ? start : '', start, 0);
  return [...matches].sort();

  function walk(shown: string, real: string, index: number): void {
    if (index === segments.length) {
      if (shown !== '') matches.add(shown);
      return;
    }
    const segment = segments[index]!;
    if (segment === '**') {
      walk(shown, real, index + 1);
      for (const entry of listFolder(real)) {
        if (entry.isDirectory() && !isSkippedFolder(entry.name)) walk(join(shown, entry.name), resolve(real, entry.name), index);
      }
    } else if (hasGlobMagic(segment)) {
      const regExp = segmentRegExp(segment);
      const isLast = index === segments.length - 1;
      for (const entry of listFolder(real)) {
        if (entry.name !== 'node_modules' && regExp.test(entry.name) && (isLast || isFolder(entry, real))) {
          walk(join(shown, entry.name), resolve(real, entry.name), index + 1);
        }
      }
    } else {
      const next = resolve(real, segment);
      if (exists(next)) walk(join(shown, segment), next, index + 1);
    }
  }
}

function join(shown: string, name: string): string {
  if (shown === '') return name;
  return shown.endsWith('/') || shown.endsWith('\\') ? shown + name : `${shown}/${name}`;
}

function listFolder(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return []; // not a folder, or unreadable: nothing matches below it
  }
}

function isFolder(entry: Dirent, parent: string): boolean {
  if (entry.isDirectory()) return true;
  // A name pattern may pass through a symbolic link to a folder; `**` only descends into real folders
  // (see the caller), so a link cycle cannot make it loop.
  return entry.isSymbolicLink() && statOrUndefined(resolve(parent, entry.name))?.isDirectory() === true;
}

function exists(path: string): boolean {
  return statOrUndefined(path) !== undefined;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
