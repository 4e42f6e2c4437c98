// What the engine may know of the world outside the document: files beside the manifest (icons,
// templates, sample responses), the workspace's schema and the other manifests of the workspace.
// The Node server and the CLI read the disk (server/src/node/nodeHost.ts); a browser worker would
// read through the editor; tests hand in memory. Everything is named by URI, so the engine never
// does path arithmetic of one platform.

export type FileRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  /** Outside the folders the host may read (the workspace, the manifest's repository): never read. */
  | { readonly kind: 'outside' }
  /** There, but not something the engine reads: a folder, a device, too large. */
  | { readonly kind: 'unreadable'; readonly reason: string };

export interface EngineHost {
  /** Never throws; a host bounds what it reads (regular files inside the workspace, size-limited). */
  readFile(uri: string): FileRead;
  /** The names of the folders directly inside the folder at `uri`, or undefined when it cannot be listed. */
  listFolders(uri: string): readonly string[] | undefined;
  /** The names of the files directly inside the folder at `uri` (sample requests), or undefined when it cannot be listed. */
  listFiles(uri: string): readonly string[] | undefined;
}

/** A host with no files: rules that read the disk stay silent. */
export const detachedHost: EngineHost = {
  readFile: () => ({ kind: 'missing' }),
  listFolders: () => undefined,
  listFiles: () => undefined,
};
