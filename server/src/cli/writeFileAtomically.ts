// Writes a whole file by writing a temporary file beside it and renaming it over the target, so that a
// reader (a CI step uploading the report, an editor with the manifest open) never sees half a file,
// and a failed write leaves the old file as it was. The target is never opened: a FIFO or a device
// there is refused instead of blocking, and a symbolic link is replaced rather than written through.
import { renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './cliError';

/** `what` starts the one-line error, e.g. "cannot write the report to out.sarif". */
export function writeFileAtomically(absolutePath: string, text: string, what: string): void {
  const existing = checkWritableTarget(absolutePath, what);
  const folder = dirname(absolutePath);
  const temporary = join(folder, `.${basename(absolutePath)}.${process.pid}.tmp`);
  try {
    // 'wx': never reuse a file someone else put at the temporary name. An existing target keeps its mode.
    writeFileSync(temporary, text, { flag: 'wx', mode: existing ? existing.mode & 0o777 : 0o666 });
    renameSync(temporary, absolutePath);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(`${what}: ${reasonOf(error as NodeJS.ErrnoException, folder)}`);
  }
}

/**
 * What can be known before writing: the folder exists, and the target is absent or a regular file.
 * Called up front for --output, so that a report with nowhere to go stops the run before --fix.
 */
export function checkWritableTarget(absolutePath: string, what: string): Stats | undefined {
  const folder = dirname(absolutePath);
  const folderStat = statSync(folder, { throwIfNoEntry: false });
  if (!folderStat) throw new CliError(`${what}: the folder ${folder} does not exist`);
  if (!folderStat.isDirectory()) throw new CliError(`${what}: ${folder} is not a folder`);
  const existing = statSync(absolutePath, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new CliError(`${what}: it is a folder`);
  if (existing && !existing.isFile()) throw new CliError(`${what}: it is not a regular file`);
  return existing;
}

function reasonOf(error: NodeJS.ErrnoException, folder: string): string {
  switch (error.code) {
    case 'ENOENT':
      return `the folder ${folder} does not exist`;
    case 'ENOTDIR':
      return `${folder} is not a folder`;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error.code ?? error.message;
  }
}
