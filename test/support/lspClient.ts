// A real LSP client over stdio to the bundled server (dist/server.js), for the protocol tests and
// the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  ExitNotification,
  ShutdownRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface ServerSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number, languageId?: string): Promise<void>;
  stop(): Promise<void>;
  stderr(): string;
  /** Messages the server asked the editor to show (window/showMessage), in order. */
  shownMessages(): string[];
}

export async function startServer(command: string[], initializationOptions: unknown = undefined, configuration?: (section: string) => unknown): Promise<ServerSession> {
  const [executable, ...args] = command;
  const child = spawn(executable, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const index = waiting.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version));
    if (index >= 0) waiting.splice(index, 1)[0].resolve(params);
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (configuration ? configuration(item.section ?? '') : null)),
  );
  const shown: string[] = [];
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', (params: { message: string }) => void shown.push(params.message));
  connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    shown.push(params.message);
    return null;
  });
  connection.onNotification('ldManifest/schemaStatus', () => undefined);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: configuration !== undefined }, textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    initializationOptions,
    workspaceFolders: null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    process: child,
    nextDiagnostics: (uri, version) => new Promise((resolve) => waiting.push({ uri, version, resolve })),
    open: (uri, text, version = 1, languageId = 'launchdarkly-manifest') =>
      connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } }),
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.on('exit', resolve)));
      connection.dispose();
    },
    stderr: () => stderr,
    shownMessages: () => [...shown],
  };
}

export function bundledServerCommand(root: string): string[] {
  return [process.execPath, join(root, 'dist/server.js'), '--stdio'];
}
