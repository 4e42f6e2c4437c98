// The engine's host on Node: reads the disk for the language server and the CLI, bounded. Only
// regular files, inside an allowed root (the workspace folders, or the repository of the manifest),
// at most MAX_FILE_BYTES; a FIFO, a device, a folder or a symlink out of the workspace is refused
// with a reason instead of hanging or filling memory. Reads are cached until told a file changed.
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineHost, FileRead } from '../engine/host';

/** Icons, templates, samples, schemas and sibling manifests: generous for a manifest, bounded for a device. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_FOLDER_ENTRIES = 5000;

export interface NodeHost extends EngineHost {
  /** Lets reads happen below `folder` (a workspace folder, a repository root). */
  allowRoot(folder: string): void;
  /** Forgets what was read at `uri` (a file changed), or everything. */
  invalidate(uri?: string): void;
}

export function createNodeHost(roots: readonly string[] = []): NodeHost {
  const allowed = new Set<string>();
  const reads = new Map<string, FileRead>();
  const listings = new Map<string, readonly string[] | undefined>();
  const allowRoot = (folder: string) => allowed.add(realOrResolved(folder));
  roots.forEach(allowRoot);

  const rootOf = (path: string) => {
    for (const root of allowed) if (isInside(root, path)) return root;
    return undefined;
  };
  const insideRoots = (path: string) => rootOf(path) !== undefined;

  /** The folders or the regular files directly in a folder inside the roots, at most MAX_FOLDER_ENTRIES. */
  const list = (uri: string, what: 'folders' | 'files'): readonly string[] | undefined => {
    const key = `${what}:${uri}`;
    if (listings.has(key)) return listings.get(key);
    const path = pathOf(uri);
    let names: string[] | undefined;
    try {
      names = path !== undefined && insideRoots(realpathSync.native(path))
        ? readdirSync(path, { withFileTypes: true })
            .filter((e) => (what === 'folders' ? e.isDirectory() : e.isFile()))
            .slice(0, MAX_FOLDER_ENTRIES)
            .map((e) => e.name)
        : undefined;
    } catch {
      names = undefined;
    }
    listings.set(key, names);
    return names;
  };

  const read = (uri: string): FileRead => {
    const path = pathOf(uri);
    if (path === undefined) return { kind: 'missing' };
    let real: string;
    try {
      real = realpathSync.native(path);
    } catch {
      return { kind: 'missing' };
    }
    const root = rootOf(real);
    if (root === undefined) return { kind: 'outside' };
    // A repository's own store (its config holds credentials, perhaps) is never what a manifest names.
    if (relative(root, real).split(sep).includes('.git')) return { kind: 'unreadable', reason: 'it is inside a .git folder, which is never read' };
    return readBounded(real);
  };

  return {
    allowRoot,
    readFile(uri) {
      let result = reads.get(uri);
      if (!result) reads.set(uri, (result = read(uri)));
      return result;
    },
    listFolders: (uri) => list(uri, 'folders'),
    listFiles: (uri) => list(uri, 'files'),
    invalidate(uri) {
      if (uri === undefined) {
        reads.clear();
        listings.clear();
        return;
      }
      reads.delete(uri);
      // A file created or deleted changes its folder's listing (and its parent's, for a new folder).
      for (const key of listings.keys()) if (uri.startsWith(key.slice(key.indexOf(':') + 1))) listings.delete(key);
    },
  };
}

/** Reads a regular file of at most MAX_FILE_BYTES as UTF-8, never blocking on a FIFO or a device. */
export function readBounded(path: string, limit = MAX_FILE_BYTES): FileRead {
  const read = readBoundedBytes(path, limit);
  return read.kind === 'bytes' ? { kind: 'text', text: read.bytes.toString('utf8') } : read;
}

export type BytesRead = { readonly kind: 'bytes'; readonly bytes: Buffer } | Exclude<FileRead, { kind: 'text' } | { kind: 'outside' }>;

/** The bytes of a regular file of at most `limit` bytes; a reason for anything else. */
export function readBoundedBytes(path: string, limit = MAX_FILE_BYTES): BytesRead {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { kind: 'missing' };
  }
  if (!stat.isFile()) return { kind: 'unreadable', reason: stat.isDirectory() ? 'it is a folder' : 'it is not a regular file' };
  if (stat.size > limit) return { kind: 'unreadable', reason: `it is larger than ${Math.round(limit / 1024 / 1024)} MB` };
  let fd: number;
  try {
    // O_NONBLOCK: if the file was swapped for a FIFO since the stat, opening it must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : 'it cannot be opened' };
  }
  try {
    if (!fstatSync(fd).isFile()) return { kind: 'unreadable', reason: 'it is not a regular file' };
    const buffer = Buffer.alloc(Math.min(limit + 1, stat.size + 1));
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) return { kind: 'unreadable', reason: `it is larger than ${Math.round(limit / 1024 / 1024)} MB` };
    return { kind: 'bytes', bytes: buffer.subarray(0, length) };
  } catch {
    return { kind: 'unreadable', reason: 'it cannot be read' };
  } finally {
    closeSync(fd);
  }
}

/**
 * The folder a manifest's reads are confined to when no workspace folder holds it: the nearest
 * folder above it with `.git`, else the folder two above its own (`<root>/integrations/<key>/`).
 */
export function repositoryRootOf(manifestPath: string): string {
  const own = dirname(resolve(manifestPath));
  return enclosingRepository(own) ?? dirname(dirname(own));
}

/** The nearest folder at or above `folder` that holds `.git`, or undefined. */
export function enclosingRepository(folder: string): string | undefined {
  for (let at = resolve(folder), up = 0; up < 64; up++) {
    if (existsSync(join(at, '.git'))) return at;
    const parent = dirname(at);
    if (parent === at) return undefined;
    at = parent;
  }
  return undefined;
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}
