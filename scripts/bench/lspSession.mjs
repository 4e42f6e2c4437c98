// A minimal LSP client over stdio for the benchmark: spawns one server process, times its start,
// and waits for diagnostics and responses with a deadline. Every process it spawns is recorded so
// that `killAllServers` can end them, whatever happened.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import protocol from 'vscode-languageserver-protocol/node';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;

const liveServers = new Set();

export function killAllServers() {
  for (const child of liveServers) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  liveServers.clear();
}

export class DeadlineError extends Error {}

/** Rejects with a DeadlineError when `promise` has not settled within `ms`. */
export function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Resident memory of a process in KiB, from /proc (Linux only; undefined elsewhere). */
export function residentKiB(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Spawns a server and runs the initialize handshake.
 * @param {object} server  { command: string[], languageId, initializationOptions?, configuration?(section), afterInitialized?(session) }
 * @param {number} deadlineMs  bound on every single wait
 */
export async function startSession(server, deadlineMs) {
  const spawnedAt = performance.now();
  const [executable, ...args] = server.command;
  const child = spawn(executable, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  liveServers.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.on('error', () => undefined);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onError(() => undefined);

  /** Waiters for publishDiagnostics, matched by URI and (when the server sends one) version. */
  const diagnosticWaiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const receivedAt = performance.now();
    const index = diagnosticWaiters.findIndex(
      (waiter) => waiter.uri === params.uri && (params.version === undefined || waiter.version === undefined || params.version === waiter.version),
    );
    if (index >= 0) diagnosticWaiters.splice(index, 1)[0].resolve({ params, receivedAt });
  });
  connection.onRequest('workspace/configuration', (params) =>
    params.items.map((item) => (server.configuration ? server.configuration(item.section ?? '') : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification(() => undefined); // logMessage, schemaStatus, ... are not measured
  connection.listen();

  const versions = new Map();
  const session = {
    name: server.name,
    pid: child.pid,
    spawnedAt,
    stderr: () => stderr,
    /** Resolves with { params, receivedAt } for the next diagnostics of `uri` (of `version` if the server reports versions). */
    nextDiagnostics(uri, version) {
      const promise = new Promise((resolve) => diagnosticWaiters.push({ uri, version, resolve }));
      return withDeadline(promise, deadlineMs, `diagnostics for ${uri}`);
    },
    request(method, params) {
      return withDeadline(connection.sendRequest(method, params), deadlineMs, method);
    },
    notify(method, params) {
      return connection.sendNotification(method, params);
    },
    open(uri, text) {
      versions.set(uri, 1);
      return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: server.languageId, version: 1, text } });
    },
    /** Sends one incremental edit; returns the new version. */
    change(uri, range, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      void connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text }],
      });
      return version;
    },
    close(uri) {
      versions.delete(uri);
      return connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    async stop() {
      try {
        await withDeadline(connection.sendRequest('shutdown'), 2000, 'shutdown');
        await connection.sendNotification('exit');
        await withDeadline(
          new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve))),
          2000,
          'exit',
        );
      } catch {
        // a server that does not stop politely is killed below
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        liveServers.delete(child);
        connection.dispose();
      }
    },
  };

  const initializeResult = await session.request('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: {
      workspace: { configuration: server.configuration !== undefined },
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { versionSupport: true },
      },
    },
    initializationOptions: server.initializationOptions,
  });
  session.initializedAt = performance.now();
  session.capabilities = initializeResult.capabilities;
  await connection.sendNotification('initialized', {});
  if (server.afterInitialized) await server.afterInitialized(session);
  return session;
}
