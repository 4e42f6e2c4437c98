// The engine's host in a browser worker: the worker cannot read the workspace, so every file and
// folder is asked of the client (protocol.ts: ReadWorkspaceFileRequest, ListWorkspaceFolderRequest),
// which reads through vscode.workspace.fs with the bounds the Node host keeps. The engine reads
// synchronously, so a first read answers "missing" and starts the fetch; when answers land, the
// listeners learn which URIs arrived and the server checks again what depended on them. Answers are
// kept until a file is said to have changed, like the Node host's cache.
import type { EngineHost, FileRead } from '../engine/host';
import type { WorkspaceFileResult, WorkspaceFolderResult } from '../protocol';

export interface ClientReads {
  readFile(uri: string): Promise<WorkspaceFileResult>;
  listFolder(uri: string): Promise<WorkspaceFolderResult>;
}

/** Bounds the cache: a workspace that asks for more than this many distinct files starts over. */
const MAX_CACHED = 20_000;

export class ClientReadHost implements EngineHost {
  private readonly files = new Map<string, FileRead>();
  private readonly folders = new Map<string, WorkspaceFolderResult>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private arrived: string[] = [];
  private readonly listeners: ((uris: readonly string[]) => void)[] = [];

  constructor(private readonly client: ClientReads) {}

  readFile(uri: string): FileRead {
    const known = this.files.get(uri);
    if (known) return known;
    this.fetch(`file:${uri}`, uri, async () => {
      this.files.set(uri, await this.client.readFile(uri).catch((error: unknown) => ({ kind: 'unreadable' as const, reason: reasonOf(error) })));
    });
    return { kind: 'missing' };
  }

  listFolders(uri: string): readonly string[] | undefined {
    const listing = this.listing(uri);
    return listing?.listed ? listing.folders : undefined;
  }

  listFiles(uri: string): readonly string[] | undefined {
    const listing = this.listing(uri);
    return listing?.listed ? listing.files : undefined;
  }

  /** A change reported by the client's file watcher: forget the file and the listing of its folder. */
  invalidate(uri: string): void {
    this.files.delete(uri);
    this.folders.delete(uri);
    const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
    this.folders.delete(folder);
    this.folders.delete(folder.slice(0, -1));
  }

  onArrival(listener: (uris: readonly string[]) => void): void {
    this.listeners.push(listener);
  }

  /** Resolves true once every read under way has landed (and the listeners have run), false when none was. */
  async settled(): Promise<boolean> {
    if (this.inFlight.size === 0) return false;
    while (this.inFlight.size > 0) await Promise.all(this.inFlight.values());
    return true;
  }

  private listing(uri: string): WorkspaceFolderResult | undefined {
    const known = this.folders.get(uri);
    if (known) return known;
    this.fetch(`folder:${uri}`, uri, async () => {
      this.folders.set(uri, await this.client.listFolder(uri).catch(() => ({ listed: false as const })));
    });
    return undefined;
  }

  /** Starts one fetch per key; the URIs that land together are announced together. */
  private fetch(key: string, uri: string, run: () => Promise<void>): void {
    if (this.inFlight.has(key)) return;
    if (this.files.size + this.folders.size > MAX_CACHED) {
      this.files.clear();
      this.folders.clear();
    }
    const done = run().then(() => {
      this.inFlight.delete(key);
      this.arrived.push(uri);
      // The last read of a batch announces the batch: one re-check for the icons, samples and
      // schema a check asked for at once, not one per file.
      if (this.inFlight.size === 0) {
        const uris = this.arrived;
        this.arrived = [];
        for (const listener of this.listeners) listener(uris);
      }
    });
    this.inFlight.set(key, done);
  }
}

function reasonOf(error: unknown): string {
  return `the editor could not read it (${error instanceof Error ? error.message : String(error)})`;
}
