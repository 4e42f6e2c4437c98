// Where the linter's configuration file lives: `.ld-manifest.json` at the repository root (the nearest
// folder with `.git` above the working directory, else the working directory). linterConfig.ts reads it.
import { enclosingRepository } from '../node/nodeHost';

export const LINTER_CONFIG_FILE = '.ld-manifest.json';

/** Where `.ld-manifest.json` is looked for: the repository the working directory is in, else the working directory. */
export function repositoryRoot(cwd: string): string {
  return enclosingRepository(cwd) ?? cwd;
}
