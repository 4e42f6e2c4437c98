// Turns the PATH arguments into the manifest files to lint: a file as given, every manifest.json
// below a folder, or whatever a quoted glob matches. Paths stay as the user wrote them (folders
// joined with what was found below) so that output lines can be pasted back into a shell or editor.
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from './cliError';
import { expandGlob, hasGlobMagic, isSkippedFolder } from './glob';

export const MANIFEST_FILE = 'manifest.json';

export interface ManifestPath {
  /** The path as printed: as given, or relative to the folder given. */
  readonly shown: string;
  readonly absolute: string;
}

export function findManifests(args: readonly string[], cwd: string): ManifestPath[] {
  const found = new Map<string, ManifestPath>();
  // Keyed by the real path: a folder given twice, or reached through a link, is linted once.
  const add = (shown: string) => {
    const absolute = resolve(cwd, shown);
    const key = realPathOr(absolute);
    if (!found.has(key)) found.set(key, { shown, absolute });
  };
  for (const arg of args) {
    const stat = statOrUndefined(resolve(cwd, arg));
    if (stat?.isFile()) {
      add(arg);
    } else if (stat?.isDirectory()) {
      const below = manifestsBelow(arg, cwd);
      if (below.length === 0) throw new CliError(`no ${MANIFEST_FILE} found in folder ${arg}`);
      below.forEach(add);
    } else if (stat) {
      throw new CliError(`${arg} is neither a file nor a folder`);
    } else if (hasGlobMagic(arg)) {
      const matches = expandGlob(arg, cwd);
      // `integrations/*` matches the integration folders but also a README next to them: folders are
      // searched like folders, and only .json files are taken for manifests. A match without
      // manifests is skipped, since the pattern as a whole is what the user asked about.
      const files = matches.flatMap((m) => {
        const matchStat = statOrUndefined(resolve(cwd, m));
        if (matchStat?.isDirectory()) return manifestsBelow(m, cwd);
        return matchStat?.isFile() && m.toLowerCase().endsWith('.json') ? [m] : [];
      });
      if (files.length === 0) {
        throw new CliError(matches.length === 0 ? `no files match ${arg}` : `no ${MANIFEST_FILE} found in what ${arg} matches`);
      }
      files.forEach(add);
    } else {
      throw new CliError(`no such file or folder: ${arg}`);
    }
  }
  return [...found.values()];
}

/** Every manifest.json below `folder`, in a stable order; node_modules and dot-folders are skipped. */
export function manifestsBelow(folder: string, cwd: string): string[] {
  const result: string[] = [];
  const visit = (shown: string) => {
    let entries;
    try {
      entries = readdirSync(resolve(cwd, shown), { withFileTypes: true });
    } catch {
      return; // an unreadable sub-folder holds nothing we can lint
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(shown, entry.name);
      // Symbolic links to folders are not followed: a link cycle must not hang the linter.
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) visit(path);
      } else if (entry.name === MANIFEST_FILE && statOrUndefined(resolve(cwd, path))?.isFile()) {
        result.push(path);
      }
    }
  };
  visit(folder);
  return result;
}

function realPathOr(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
