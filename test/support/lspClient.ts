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
  type DocumentDiagnosticReport,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** How long a test waits for the server before failing: long enough for a loaded machine, never forever. */
export const DEADLINE_MS = 20_000;

export interface SessionOptions {
  /** Advertise pull diagnostics (LSP 3.17), as VS Code does; without it the server pushes. */
  readonly pull?: boolean;
  /** Advertise dynamic registration of file watching, as VS Code and Neovim do. */
  readonly watchers?: boolean;
  /** file: URIs of workspace folders. */
  readonly workspaceFolders?: readonly string[];
}

export interface ServerSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version); rejects after DEADLINE_MS. */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** Asks for a document's diagnostics (pull mode). */
  pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport>;
  open(uri: string, text: string, version?: number, languageId?: string): Promise<void>;
  stop(): Promise<void>;
  stderr(): string;
  /** Messages the server asked the editor to show (window/showMessage), in order. */
  shownMessages(): string[];
  /** Errors the server logged (window/logMessage of type Error): a failing feature logs here. */
  loggedErrors(): string[];
  /** Capabilities the server registered dynamically (client/registerCapability), by method. */
  registrations(): { method: string; registerOptions?: unknown }[];
  /** How many times the server asked the client to refresh pull diagnostics. */
  refreshes(): number;
  /** How many publishDiagnostics notifications arrived for `uri`. */
  pushedCount(uri: string): number;
}

/** Waits for `promise`, failing with `what` after DEADLINE_MS. */
export function withDeadline<T>(promise: Promise<T>, what: string, ms = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export async function startServer(
  command: string[],
  initializationOptions: unknown = undefined,
  configuration?: (section: string) => unknown,
  options: SessionOptions = {},
): Promise<ServerSession> {
  const [executable, ...args] = command;
  const child = spawn(executable, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const pushed = new Map<string, number>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    pushed.set(params.uri, (pushed.get(params.uri) ?? 0) + 1);
    const index = waiting.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version));
    if (index >= 0) waiting.splice(index, 1)[0].resolve(params);
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (configuration ? configuration(item.section ?? '') : null)),
  );
  const shown: string[] = [];
  const errors: string[] = [];
  const registrations: { method: string; registerOptions?: unknown }[] = [];
  let refreshes = 0;
  connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
    if (params.type === 1) errors.push(params.message);
  });
  connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    return null;
  });
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
    capabilities: {
      workspace: {
        configuration: configuration !== undefined,
        ...(options.watchers ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    },
    initializationOptions,
    workspaceFolders: options.workspaceFolders ? options.workspaceFolders.map((uri) => ({ uri, name: uri })) : null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    process: child,
    nextDiagnostics: (uri, version) => withDeadline(new Promise((resolve) => waiting.push({ uri, version, resolve })), `diagnostics for ${uri}`),
    pullDiagnostics: (uri, previousResultId) =>
      withDeadline(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }) as Promise<DocumentDiagnosticReport>, `pulled diagnostics for ${uri}`),
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
    loggedErrors: () => [...errors],
    registrations: () => [...registrations],
    refreshes: () => refreshes,
    pushedCount: (uri) => pushed.get(uri) ?? 0,
  };
}

export function bundledServerCommand(root: string): string[] {
  return [process.execPath, join(root, 'dist/server.js'), '--stdio'];
}
