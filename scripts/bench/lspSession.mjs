// A minimal LSP client over stdio for the benchmark. It spawns one server process, answers what a
// client must answer (workspace/configuration, client/registerCapability, vscode/content, ...), and
// gets diagnostics the way VS Code would: by pulling them (textDocument/diagnostic, LSP 3.17) when
// the server offers pull diagnostics, statically in its initialize result or by registering them
// dynamically, and by waiting for textDocument/publishDiagnostics otherwise. Every wait has a
// deadline; every process it spawns is recorded so that `killAllServers` can end them, whatever
// happened.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter, ResponseError } = protocol;

const liveServers = new Set();

/** SIGKILLs every server process still running (and the children they started). */
export function killAllServers() {
  for (const child of liveServers) {
    for (const pid of processTree(child.pid).reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  liveServers.clear();
}

export class DeadlineError extends Error {}
export class ServerExitedError extends Error {}

/** Rejects with a DeadlineError when `promise` has not settled within `ms`. */
export function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new DeadlineError(`${what}: no answer within ${ms} ms`), { ms })), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

// ---------- /proc (Linux) ----------

/** The process and its descendants, from /proc (just the process elsewhere). */
export function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSyncSafe(`/proc/${pids[i]}/task`)) {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (children) for (const child of children.split(/\s+/)) if (!pids.includes(Number(child))) pids.push(Number(child));
      }
    } catch {
      // gone, or not Linux
    }
  }
  return pids;
}

function readdirSyncSafe(path) {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

function statusKiB(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident memory (VmHWM) in KiB, summed over the server process and its children. */
export function peakRssKiB(pid) {
  const values = processTree(pid).map((p) => statusKiB(p, 'VmHWM'));
  return values.every((v) => v === undefined) ? undefined : values.reduce((sum, v) => sum + (v ?? 0), 0);
}

/** CPU time (user + system) in clock ticks (1/100 s) of the process and its children. */
export function cpuTicks(pid) {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return total;
}

// ---------- the session ----------

const CLIENT_CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  window: { workDoneProgress: true, showMessage: {} },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    completion: {
      dynamicRegistration: false,
      contextSupport: true,
      completionItem: {
        snippetSupport: true, // the JSON server offers completion only to clients with snippets
        documentationFormat: ['markdown', 'plaintext'],
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        resolveSupport: { properties: ['documentation', 'detail'] },
      },
    },
    hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
  },
};

/**
 * Spawns a server and runs the initialize handshake.
 * @param {object} server  { command: string[], cwd, languageId, initializationOptions?, configuration?(section), settings?, }
 * @param {object} options { deadlineMs, workspaceUri }
 */
export async function startSession(server, { deadlineMs, workspaceUri }) {
  const spawnedAt = performance.now();
  const [executable, ...args] = server.command;
  const child = spawn(executable, args, { cwd: server.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  liveServers.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  child.stdin.on('error', () => undefined);
  let exitInfo;
  const exited = new Promise((_, reject) => {
    child.on('error', (error) => reject(new ServerExitedError(`cannot start ${executable}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      liveServers.delete(child);
      const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
      const said = lines.find((l) => /error/i.test(l)) ?? lines.at(-1);
      reject(new ServerExitedError(`server exited (code ${code}, signal ${signal})${said ? `: ${said.slice(0, 200)}` : ''}`));
    });
  });
  exited.catch(() => undefined);
  /** A wait bounded by the deadline and by the server's life. */
  const bounded = (promise, what, ms = deadlineMs) => withDeadline(Promise.race([promise, exited]), ms, what);

  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onError(() => undefined);
  connection.onClose(() => undefined);

  const counters = { publishDiagnostics: 0, pulls: 0, unchangedReports: 0, pullRetries: 0, refreshRequests: 0, configurationRequests: 0, unhandled: {} };
  const registrations = [];
  const schemaOrigins = new Map();
  const logs = [];

  // Push: waiters by URI, resolved by the first publish for that URI of the awaited version or later
  // (or of no version). Pull registered dynamically while a waiter waits switches it to pull.
  const pushWaiters = new Map();
  let pullRegistration; // { identifier? } once the server registered textDocument/diagnostic
  const onPullRegistered = new Set();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const receivedAt = performance.now();
    counters.publishDiagnostics++;
    const waiter = pushWaiters.get(params.uri);
    if (!waiter) return;
    if (params.version != null && waiter.version != null && params.version < waiter.version) return;
    pushWaiters.delete(params.uri);
    waiter.resolve({ receivedAt, items: params.diagnostics });
  });
  connection.onNotification('ldManifest/schemaStatus', (params) => schemaOrigins.set(params.uri, params.origin));
  connection.onNotification('window/logMessage', (params) => logs.push(String(params.message).slice(0, 300)) > 20 && logs.shift());
  connection.onNotification('window/showMessage', (params) => logs.push(String(params.message).slice(0, 300)) > 20 && logs.shift());
  connection.onNotification(() => undefined);

  connection.onRequest('workspace/configuration', (params) => {
    counters.configurationRequests++;
    return params.items.map((item) => (server.configuration ? server.configuration(item.section ?? '') : null));
  });
  connection.onRequest('client/registerCapability', (params) => {
    for (const registration of params.registrations) {
      registrations.push(registration.method);
      if (registration.method === 'textDocument/diagnostic') {
        pullRegistration = { identifier: registration.registerOptions?.identifier };
        for (const listener of onPullRegistered) listener();
      }
    }
    return null;
  });
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => {
    counters.refreshRequests++;
    return null;
  });
  connection.onRequest('workspace/workspaceFolders', () => (workspaceUri ? [{ uri: workspaceUri, name: 'workspace' }] : null));
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
  // VS Code's JSON client serves schemas the JSON server does not read itself; never the network.
  connection.onRequest('vscode/content', async (uri) => {
    if (String(uri).startsWith('file:')) return readFile(fileURLToPath(uri), 'utf8');
    throw new ResponseError(-32603, `the benchmark does not fetch ${uri}`);
  });
  connection.onRequest((method) => {
    counters.unhandled[method] = (counters.unhandled[method] ?? 0) + 1;
    return null;
  });
  connection.listen();

  const versions = new Map();
  const texts = new Map();
  const lastItems = new Map();
  const resultIds = new Map();
  let capabilities = {};

  const session = {
    pid: child.pid,
    spawnedAt,
    counters,
    registrations,
    schemaOrigins,
    logs,
    stderr: () => stderr,
    get exited() {
      return exitInfo;
    },
    get capabilities() {
      return capabilities;
    },
    /** 'pull' when the server offers pull diagnostics (statically or registered), else 'push'. */
    get diagnosticsMode() {
      return capabilities.diagnosticProvider || pullRegistration ? 'pull' : 'push';
    },
    request(method, params, ms = deadlineMs) {
      return bounded(connection.sendRequest(method, params), method, ms);
    },
    notify(method, params) {
      return connection.sendNotification(method, params);
    },
    text(uri) {
      return texts.get(uri);
    },
    version(uri) {
      return versions.get(uri);
    },
    open(uri, text) {
      versions.set(uri, 1);
      texts.set(uri, text);
      return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: server.languageId, version: 1, text } });
    },
    /**
     * Prepares one incremental edit at `offset` (insert `insert`, or delete `deleteCount` characters):
     * returns the new version and `send()`, which only sends it (positions are computed beforehand, so
     * that a timer started just before `send()` does not count the client's work on a large text).
     */
    change(uri, offset, { insert = '', deleteCount = 0 }) {
      const text = texts.get(uri);
      const start = positionIn(text, offset);
      const end = positionIn(text, offset + deleteCount);
      const version = versions.get(uri) + 1;
      const message = { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text: insert }] };
      const newText = text.slice(0, offset) + insert + text.slice(offset + deleteCount);
      return {
        version,
        send: () => {
          versions.set(uri, version);
          texts.set(uri, newText);
          return connection.sendNotification('textDocument/didChange', message);
        },
      };
    },
    close(uri) {
      versions.delete(uri);
      texts.delete(uri);
      lastItems.delete(uri);
      resultIds.delete(uri);
      return connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    /** Sends textDocument/diagnostic for `uri` (with the previous resultId) and returns { receivedAt, items, kind }. */
    async pull(uri) {
      const identifier = capabilities.diagnosticProvider?.identifier ?? pullRegistration?.identifier;
      for (let attempt = 0; ; attempt++) {
        counters.pulls++;
        try {
          const params = { textDocument: { uri }, ...(identifier ? { identifier } : {}), ...(resultIds.has(uri) ? { previousResultId: resultIds.get(uri) } : {}) };
          const report = await bounded(connection.sendRequest('textDocument/diagnostic', params), `textDocument/diagnostic ${uri}`);
          const receivedAt = performance.now();
          if (report?.resultId) resultIds.set(uri, report.resultId);
          if (report?.kind === 'unchanged') {
            counters.unchangedReports++;
            return { receivedAt, items: lastItems.get(uri) ?? [], kind: 'unchanged' };
          }
          const items = report?.items ?? [];
          lastItems.set(uri, items);
          return { receivedAt, items, kind: 'full' };
        } catch (error) {
          // ServerCancelled (retrigger) and ContentModified ask the client to pull again.
          const retry = error?.code === -32802 ? error.data?.retriggerRequest !== false : error?.code === -32801;
          if (!retry || attempt >= 5) throw error;
          counters.pullRetries++;
        }
      }
    },
    /**
     * Arms a wait for the diagnostics of `uri` at `version` (or later), to be armed before the event
     * that causes them is sent. `start()` (after the event) pulls them in pull mode; in push mode it
     * waits for the publish, or pulls if the server registers pull diagnostics meanwhile.
     */
    expectDiagnostics(uri, version) {
      if (session.diagnosticsMode === 'pull') return { start: () => session.pull(uri) };
      let resolvePush;
      const published = new Promise((resolve) => (resolvePush = resolve));
      pushWaiters.set(uri, { version, resolve: resolvePush });
      let switched;
      const registered = new Promise((resolve) => (switched = resolve));
      onPullRegistered.add(switched);
      return {
        start: async () => {
          try {
            const first = await bounded(Promise.race([published, registered.then(() => 'pull')]), `diagnostics for ${uri}`);
            if (first !== 'pull') return { ...first, kind: 'push' };
            pushWaiters.delete(uri);
            return session.pull(uri);
          } finally {
            pushWaiters.delete(uri);
            onPullRegistered.delete(switched);
          }
        },
      };
    },
    /** Sends the event (didOpen/didChange) and returns { ms, items } until its diagnostics arrived. */
    async diagnoseAfter(uri, version, send) {
      const expected = session.expectDiagnostics(uri, version);
      const sentAt = performance.now();
      await send();
      const result = await expected.start();
      return { ms: result.receivedAt - sentAt, items: result.items, kind: result.kind, receivedAt: result.receivedAt, sentAt };
    },
    peakRssKiB: () => peakRssKiB(child.pid),
    cpuTicks: () => cpuTicks(child.pid),
    async stop() {
      try {
        if (!exitInfo) {
          await bounded(connection.sendRequest('shutdown'), 'shutdown', 3000);
          await connection.sendNotification('exit');
          await withDeadline(
            new Promise((resolve) => (exitInfo ? resolve() : child.once('exit', resolve))),
            3000,
            'exit',
          );
        }
      } catch {
        // a server that does not stop politely is killed below
      } finally {
        if (!exitInfo) for (const pid of processTree(child.pid).reverse()) tryKill(pid);
        liveServers.delete(child);
        connection.dispose();
        child.stdout.destroy();
        child.stderr.destroy();
      }
    },
  };

  try {
    const result = await session.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'ld-manifest-bench' },
      locale: 'en',
      rootUri: workspaceUri ?? null,
      workspaceFolders: workspaceUri ? [{ uri: workspaceUri, name: 'workspace' }] : null,
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions: server.initializationOptions,
    });
    session.initializedAt = performance.now();
    capabilities = result?.capabilities ?? {};
    session.serverInfo = result?.serverInfo;
    await connection.sendNotification('initialized', {});
    // Settings pushed as VS Code's JSON extension does; a server that pulls them gets them by workspace/configuration.
    if (server.settings) await connection.sendNotification('workspace/didChangeConfiguration', { settings: server.settings });
  } catch (error) {
    await session.stop();
    throw error;
  }
  return session;
}

function tryKill(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}

function positionIn(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
