// The language server as a Node process (dist/server.js): stdio or IPC, files read from the disk.
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from '../lsp/languageServer';
import type { ServerPlatform } from '../lsp/serverPlatform';
import { createNodeHost, repositoryRootOf } from './nodeHost';

const host = createNodeHost();

/** A `file:` URI's path, or undefined for another scheme (the host reads nothing there). */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const nodePlatform: ServerPlatform = {
  host,
  allowWorkspace: (folderUris) => {
    for (const uri of folderUris) {
      const path = pathOf(uri);
      if (path !== undefined) host.allowRoot(path);
    }
  },
  // A document outside every workspace folder may still read beside itself, within its repository.
  allowDocument: (uri) => {
    const path = pathOf(uri);
    if (path !== undefined) host.allowRoot(repositoryRootOf(path));
  },
  invalidate: (uri) => host.invalidate(uri),
  // Node reads at once: nothing is ever on its way.
  readsArrived: () => Promise.resolve(false),
  onReadsArrived: () => undefined,
  yieldToQueue: () => new Promise((resolve) => setImmediate(resolve)),
};

startLanguageServer(createConnection(ProposedFeatures.all), nodePlatform);
