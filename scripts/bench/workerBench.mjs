// The language server as the web extension runs it: dist/web/server.js in a real browser worker
// (headless Chromium, the one the real-editor tests use), spoken to over postMessage by a minimal LSP
// client in the page. Files reach the worker as in vscode.dev: the server asks the client
// (ldManifest/readWorkspaceFile, ldManifest/listWorkspaceFolder), here answered from the corpus folder
// by the Node side (bounded: regular files inside the workspace, 8 MB). Measures start-up, the first
// diagnostics of a fresh worker, and didOpen → diagnostics for each corpus manifest in a warm one.
/* global Worker, performance -- installClient runs in the page, where both exist */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './documents.mjs';

const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Headless Chromium through the real-editor environment's playwright-core, or why it is not there. */
function chromiumOrWhy() {
  const envDir = process.env.LD_E2E_ENV || join(root, '.test-env');
  try {
    return { chromium: createRequire(join(envDir, 'code-server/package.json'))('playwright-core').chromium };
  } catch {
    return { why: `no headless Chromium: ${envDir} lacks playwright-core (npm run test:e2e:setup makes it)` };
  }
}

/** What the client answers the worker's file requests with, inside `workspaceDir` only. */
function fileService(workspaceDir) {
  const rootReal = realpathSync(workspaceDir);
  const placed = (uri) => {
    if (!uri.startsWith('file:')) return undefined;
    let real;
    try {
      real = realpathSync(fileURLToPath(uri));
    } catch {
      return null;
    }
    const rel = relative(rootReal, real);
    return rel.startsWith('..') || rel.split(sep).includes('.git') ? undefined : real;
  };
  return {
    readFile(uri) {
      const path = placed(uri);
      if (path === undefined) return { kind: 'outside' };
      if (path === null) return { kind: 'missing' };
      const stat = statSync(path);
      if (!stat.isFile()) return { kind: 'unreadable', reason: 'it is not a regular file' };
      if (stat.size > MAX_FILE_BYTES) return { kind: 'unreadable', reason: 'it is larger than 8 MB' };
      return { kind: 'text', text: readFileSync(path, 'utf8') };
    },
    listFolder(uri) {
      const path = placed(uri);
      if (!path) return { listed: false };
      try {
        const entries = readdirSync(path, { withFileTypes: true }).slice(0, 5000);
        return { listed: true, folders: entries.filter((e) => e.isDirectory()).map((e) => e.name), files: entries.filter((e) => e.isFile()).map((e) => e.name) };
      } catch {
        return { listed: false };
      }
    },
  };
}

/** The page's LSP client: installed once, used by each measurement (runs in the browser). */
function installClient() {
  window.startServer = (deadlineMs) => {
    const worker = new Worker('/server.js', { name: 'ld-manifest-server' });
    const pending = new Map();
    let nextId = 0;
    worker.onmessage = async ({ data: message }) => {
      if (message.id !== undefined && message.method === undefined) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
        return;
      }
      if (message.id === undefined) return;
      let result = null;
      if (message.method === 'workspace/configuration') result = message.params.items.map((item) => (item.section === 'ldManifest' ? { schema: 'bundled' } : null));
      else if (message.method === 'ldManifest/readWorkspaceFile') result = await window.benchReadFile(message.params.uri);
      else if (message.method === 'ldManifest/listWorkspaceFolder') result = await window.benchListFolder(message.params.uri);
      worker.postMessage({ jsonrpc: '2.0', id: message.id, result });
    };
    const request = (method, params) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        const timer = setTimeout(() => reject(new Error(`${method}: no answer in ${deadlineMs} ms`)), deadlineMs);
        pending.set(id, (message) => {
          clearTimeout(timer);
          resolve(message);
        });
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
      });
    const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
    /** Pulls diagnostics, asking again when the server says the document changed under it. */
    const diagnostics = async (uri) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const answer = await request('textDocument/diagnostic', { textDocument: { uri } });
        if (!answer.error) return answer.result.items;
      }
      throw new Error(`no diagnostics for ${uri}`);
    };
    return { worker, request, notify, diagnostics };
  };
}

async function coldStartInPage(page, doc, workspaceUri, deadlineMs) {
  return page.evaluate(
    async ({ doc, workspaceUri, deadlineMs }) => {
      const t0 = performance.now();
      const server = window.startServer(deadlineMs);
      try {
        await server.request('initialize', {
          processId: null,
          rootUri: workspaceUri,
          workspaceFolders: [{ uri: workspaceUri, name: 'corpus' }],
          capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } },
        });
        const initialize = performance.now() - t0;
        server.notify('initialized', {});
        server.notify('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'launchdarkly-manifest', version: 1, text: doc.text } });
        const items = await server.diagnostics(doc.uri);
        return { initialize, firstDiagnostics: performance.now() - t0, count: items.length };
      } finally {
        server.worker.terminate();
      }
    },
    { doc: { uri: doc.uri, text: doc.text }, workspaceUri, deadlineMs },
  );
}

async function warmCorpusInPage(page, docs, workspaceUri, deadlineMs) {
  return page.evaluate(
    async ({ docs, workspaceUri, deadlineMs }) => {
      const server = window.startServer(deadlineMs);
      try {
        await server.request('initialize', {
          processId: null,
          rootUri: workspaceUri,
          workspaceFolders: [{ uri: workspaceUri, name: 'corpus' }],
          capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } },
        });
        server.notify('initialized', {});
        const times = [];
        for (const doc of docs) {
          const t0 = performance.now();
          server.notify('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'launchdarkly-manifest', version: 1, text: doc.text } });
          await server.diagnostics(doc.uri);
          times.push(performance.now() - t0);
          server.notify('textDocument/didClose', { textDocument: { uri: doc.uri } });
        }
        return times;
      } finally {
        server.worker.terminate();
      }
    },
    { docs: docs.map((d) => ({ uri: d.uri, text: d.text })), workspaceUri, deadlineMs },
  );
}

/**
 * Runs the worker phase into `figures` (column `bundled`: the worker reads the bundled schema, as the
 * Node rows of that column do). Leaves a note instead of figures when Chromium or the bundle is absent.
 */
export async function workerPhase({ plan, corpusDocs, typical, workspaceDir, workspaceUri, figures, log }) {
  const serverJs = join(root, 'dist/web/server.js');
  const note = (text) => {
    for (const id of ['worker.initialize', 'worker.firstDiagnostics', 'worker.open']) figures.at(id, 'bundled').notes.push(text);
    log(`worker: ${text}`);
  };
  let bundle;
  try {
    bundle = readFileSync(serverJs);
  } catch {
    return note('dist/web/server.js is absent: run npm run package');
  }
  figures.add('package.webServerJs', 'bundled', bundle.length);
  const { chromium, why } = chromiumOrWhy();
  if (!chromium) return note(why);

  const http = createServer((req, res) => {
    if (req.url === '/server.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>ld-manifest worker bench</title>');
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const files = fileService(workspaceDir);
    await page.exposeFunction('benchReadFile', (uri) => files.readFile(uri));
    await page.exposeFunction('benchListFolder', (uri) => files.listFolder(uri));
    await page.goto(`http://127.0.0.1:${http.address().port}/`);
    await page.evaluate(installClient);
    log(`worker: ${plan.coldStarts.count} fresh workers on ${typical.name}, then the ${corpusDocs.length} manifests in a warm one (headless Chromium)`);
    for (let i = 0; i < plan.coldStarts.count; i++) {
      try {
        const run = await coldStartInPage(page, typical, workspaceUri, plan.coldStarts.deadlineMs);
        figures.add('worker.initialize', 'bundled', run.initialize);
        figures.add('worker.firstDiagnostics', 'bundled', run.firstDiagnostics);
      } catch (error) {
        figures.at('worker.firstDiagnostics', 'bundled').errors.push(String(error?.message ?? error).split('\n')[0]);
      }
    }
    try {
      for (const ms of await warmCorpusInPage(page, corpusDocs, workspaceUri, plan.corpus.deadlineMs)) figures.add('worker.open', 'bundled', ms);
    } catch (error) {
      figures.at('worker.open', 'bundled').errors.push(String(error?.message ?? error).split('\n')[0]);
    }
  } finally {
    await browser.close().catch(() => {});
    http.close();
  }
}
