// What the language server needs of the place it runs in: a Node process (node/nodeServerPlatform.ts)
// or a browser worker (browser/workerServerPlatform.ts). Files differ most: Node reads the disk at
// once; a worker asks the client and learns the answer later.
import type { EngineHost } from '../engine/host';

export interface ServerPlatform {
  readonly host: EngineHost;
  /** The workspace folders (URIs) of `initialize`: the reads the host allows. */
  allowWorkspace(folderUris: readonly string[]): void;
  /** A document opened: a host may allow reads within its repository when it is outside the workspace. */
  allowDocument(uri: string): void;
  /** A file changed: the host forgets what it read of it. */
  invalidate(uri: string): void;
  /**
   * Whether reads the host started in the last check have arrived since: resolves when they land
   * (true; the listeners of onReadsArrived have run) or at once when none is under way (false).
   */
  readsArrived(): Promise<boolean>;
  /** Called with the URIs of reads that arrived late, so that what depended on them is checked again. */
  onReadsArrived(listener: (uris: readonly string[]) => void): void;
  /** Lets queued messages in before long work goes on. */
  yieldToQueue(): Promise<void>;
}
