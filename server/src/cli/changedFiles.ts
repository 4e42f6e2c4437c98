// `--changed[=BASE]`: the files that differ from a git ref, for linting only what a change touches.
// Compared with the merge base of BASE and HEAD (what a pull request adds, not what the base branch
// gained since), against the working tree, so staged, unstaged and untracked files count too.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { enclosingRepository } from '../node/nodeHost';
import { CliError, oneLine } from './cliError';

/** Uncommitted changes by default: what a pre-commit check or an author about to commit wants. */
export const DEFAULT_CHANGED_BASE = 'HEAD';

/** The absolute paths of the files changed since `base` (deleted ones included: a manifest may have read them). */
export function changedFiles(base: string, cwd: string): string[] {
  // The root as the working directory spells it (not git's real path), so that the paths compare
  // equal to the manifests' paths, which start from the working directory too.
  const root = enclosingRepository(cwd);
  if (root === undefined) throw new CliError('--changed needs a git repository, and the working directory is not in one');
  if (base.startsWith('-')) throw new CliError(`--changed: ${base} is not a git ref`);
  git(['rev-parse', '--verify', '--quiet', `${base}^{commit}`], root, () => `--changed: unknown git ref ${base}`);
  let from = base;
  try {
    from = git(['merge-base', base, 'HEAD'], root, () => '').trim();
  } catch {
    // No common history (an unrelated ref, a shallow clone): compare with the ref itself.
  }
  const names = [
    ...git(['diff', '--name-only', '--no-renames', '-z', from, '--'], root, () => `--changed: git diff against ${base} failed`).split('\0'),
    ...git(['ls-files', '--others', '--exclude-standard', '-z'], root, () => '--changed: git ls-files failed').split('\0'),
  ];
  return [...new Set(names.filter((name) => name !== '').map((name) => resolve(join(root, name))))];
}

function git(args: readonly string[], cwd: string, failure: () => string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('--changed needs git, and git is not installed (or not on PATH)');
    const stderr = (error as { stderr?: string }).stderr;
    throw new CliError(oneLine(`${failure()}${stderr ? ` (${stderr.trim().split('\n')[0]})` : ''}`));
  }
}
