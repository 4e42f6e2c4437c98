// The language server as a browser worker (dist/web/server.js), for the web extension (vscode.dev,
// github.dev): messages over postMessage, files read through the client (clientReadHost.ts).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startLanguageServer } from '../lsp/languageServer';
import type { ServerPlatform } from '../lsp/serverPlatform';
import { ListWorkspaceFolderRequest, ReadWorkspaceFileRequest } from '../protocol';
import { ClientReadHost } from './clientReadHost';

/** The worker's global scope; typed by what the message reader takes (the engine's build has no DOM types). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
const host = new ClientReadHost({
  readFile: (uri) => connection.sendRequest(ReadWorkspaceFileRequest, { uri }),
  listFolder: (uri) => connection.sendRequest(ListWorkspaceFolderRequest, { uri }),
});

/**
 * A worker has no setImmediate, and a browser clamps nested zero timeouts to 4 ms: a message to
 * itself is the prompt macrotask that lets queued messages in.
 */
const turns = new MessageChannel();
const waiting: (() => void)[] = [];
turns.port1.addEventListener('message', () => waiting.shift()?.());
turns.port1.start();
function yieldToQueue(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    turns.port2.postMessage(undefined);
  });
}

const workerPlatform: ServerPlatform = {
  host,
  // The client decides what may be read (inside the workspace folders): it holds the file system.
  allowWorkspace: () => undefined,
  allowDocument: () => undefined,
  invalidate: (uri) => host.invalidate(uri),
  readsArrived: () => host.settled(),
  onReadsArrived: (listener) => host.onArrival(listener),
  yieldToQueue,
};

startLanguageServer(connection, workerPlatform);
