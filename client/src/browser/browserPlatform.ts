// The browser's web worker extension host (vscode.dev, github.dev, code-server's web host): the
// server is a nested web worker that reads files through this side (workspaceFiles.ts), requests go
// through fetch, and the browser's own trust store decides TLS.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { fetchSend } from '../../../server/src/request/fetchSend';
import type { ClientPlatform } from '../platform';
import { requestSettings } from '../request/settings';
import { serveWorkspaceFiles } from './workspaceFiles';

export const browserPlatform: ClientPlatform = {
  name: 'browser',
  createLanguageClient: async (context: vscode.ExtensionContext, clientOptions: LanguageClientOptions) => {
    const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    let worker: Worker | undefined;
    // A function, so that a restart starts a fresh worker (and ends the old one). It hands back the
    // transports, not the worker: the client tells a worker by `instanceof Worker`, which the worker
    // host's own Worker (it relays nested workers) does not pass.
    const client = new LanguageClient('ldManifest', 'LaunchDarkly Manifest Language Server', async () => {
      worker?.terminate();
      worker = await startWorker(serverUri);
      return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    }, clientOptions);
    context.subscriptions.push(...serveWorkspaceFiles(client), { dispose: () => worker?.terminate() });
    return client;
  },
  send: fetchSend,
  readExtraCa: async (scope) => {
    const caFile = requestSettings(scope).caFile;
    if (caFile) throw new Error(`ldManifest.request.caFile (${caFile}) cannot be used in a browser: the browser's own certificate store decides which servers it trusts. Copy as curl to use the CA file elsewhere.`);
    return undefined;
  },
  networkAdvice: (outcome) =>
    outcome.kind === 'network-error' && outcome.error === 'browser'
      ? 'This is the browser, not the manifest: a browser sends a request to another origin only when the service allows it. Copy as curl and run it in a terminal, or test it from VS Code on the desktop or with ld-manifest test-request.'
      : undefined,
};

/**
 * The server worker. vscode.dev serves extensions over https, so the worker starts from its URL; an
 * extension installed on a remote (code-server) has a vscode-remote: URI no worker can load, so the
 * bundle is read through the file system and started from a blob: URL instead.
 */
async function startWorker(serverUri: vscode.Uri): Promise<Worker> {
  if (serverUri.scheme === 'http' || serverUri.scheme === 'https') {
    try {
      return new Worker(serverUri.toString(true), { name: 'ld-manifest-server' });
    } catch {
      // Some hosts refuse workers from their extension origin: the blob below works there too.
    }
  }
  const bytes = await vscode.workspace.fs.readFile(serverUri);
  const blob = new Blob([bytes], { type: 'application/javascript' });
  return new Worker(URL.createObjectURL(blob), { name: 'ld-manifest-server' });
}
