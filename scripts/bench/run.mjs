// `npm run bench`: our manifest language server side by side with VS Code's JSON language server
// (vscode-json-languageserver, told to check manifest.json against the upstream schema) on the same
// documents. Prints a table and writes bench-results.json. Measures only: no assertions on timings.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { breakManifest, loadCorpus, pickTypical, probePositions, synthesize, UPSTREAM_SCHEMA, versionEdit } from './documents.mjs';
import { DeadlineError, killAllServers, residentKiB, startSession } from './lspSession.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ITERATIONS = { coldStarts: 10, editsTypical: 20, editsSynthetic: 10, requestsPerPosition: 30, warmUpRequests: 3 };
const DEADLINE_MS = 15_000; // per wait (request, diagnostics)
const WHOLE_RUN_DEADLINE_MS = 10 * 60_000;
const SYNTHETIC_FORM_VARIABLES = [250, 2500];
const TARGETS = { coldFirstDiagnosticsMs: 300, vsixBytes: 1.5 * 1024 * 1024 };
const RESULTS_FILE = join(root, 'bench-results.json');

const ourServerPath = join(root, 'dist/server.js');
const jsonServerPath = join(root, 'node_modules/vscode-json-languageserver/bin/vscode-json-languageserver');

/** Our server under one `ldManifest.schema` setting. */
function ourServer(schema, title, name) {
  return {
    id: `ours-${schema}`,
    title,
    name,
    command: [process.execPath, ourServerPath, '--stdio'],
    languageId: 'launchdarkly-manifest',
    configuration: (section) => (section === 'ldManifest' ? { schema } : null),
    debounceMs: { open: 0, change: 120 }, // CHANGE_DEBOUNCE_MS in server/src/server.ts; an opened document is checked at once
  };
}

const SERVERS = [
  ourServer('auto', 'ours (workspace schema)', 'ld-manifest (ldManifest.schema=auto: finds the upstream manifest.schema.json)'),
  ourServer('bundled', 'ours (bundled schema)', 'ld-manifest (ldManifest.schema=bundled: precompiled validator)'),
  {
    id: 'json',
    title: 'vscode-json-languageserver',
    name: 'vscode-json-languageserver 1.3.4 (json.schemas: manifest.json -> upstream schema)',
    command: [process.execPath, jsonServerPath, '--stdio'],
    languageId: 'json',
    // Only file: schemas; never fetch over the network (the upstream schema has an https $id).
    initializationOptions: { handledSchemaProtocols: ['file'] },
    // The JSON server does not pull settings: it takes them pushed, as VS Code's JSON extension does.
    afterInitialized: (session) =>
      session.notify('workspace/didChangeConfiguration', {
        settings: { json: { schemas: [{ fileMatch: ['manifest.json'], url: pathToFileURL(UPSTREAM_SCHEMA).href }] } },
      }),
    debounceMs: { open: 300, change: 300 }, // validationDelayMs in its out/jsonServer.js, for open and change alike
  },
];

// ---------- statistics ----------

function summarize(samples) {
  const sorted = samples.filter((s) => Number.isFinite(s)).sort((a, b) => a - b);
  if (sorted.length === 0) return { n: 0 };
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { n: sorted.length, median: round(rank(50)), p95: round(rank(95)), min: round(sorted[0]), max: round(sorted.at(-1)) };
}

const round = (ms) => Math.round(ms * 10) / 10;

/** Runs `measure` `count` times; a sample that hits the deadline is counted, not fatal. */
async function sample(count, measure) {
  const samples = [];
  let timeouts = 0;
  for (let i = 0; i < count; i++) {
    try {
      samples.push(await measure(i));
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      timeouts++;
    }
  }
  return { ...summarize(samples), ...(timeouts ? { timeouts } : {}) };
}

// ---------- measurements ----------

async function coldStart(server, typical) {
  const initialize = [];
  const rss = [];
  const stats = await sample(ITERATIONS.coldStarts, async () => {
    const session = await startSession(server, DEADLINE_MS);
    try {
      const diagnostics = session.nextDiagnostics(typical.uri);
      await session.open(typical.uri, typical.text);
      const { receivedAt } = await diagnostics;
      initialize.push(session.initializedAt - session.spawnedAt);
      rss.push(residentKiB(session.pid));
      return receivedAt - session.spawnedAt;
    } finally {
      await session.stop();
    }
  });
  return { initializeMs: summarize(initialize), firstDiagnosticsMs: stats, rssAfterFirstDiagnosticsKiB: summarize(rss) };
}

/** Opens a document in a running server and returns ms until its first diagnostics, with those diagnostics. */
async function openAndWait(session, doc) {
  const diagnostics = session.nextDiagnostics(doc.uri);
  const sentAt = performance.now();
  await session.open(doc.uri, doc.text);
  const { params, receivedAt } = await diagnostics;
  return { ms: receivedAt - sentAt, diagnostics: params.diagnostics };
}

async function editLatency(session, doc, count) {
  let text = doc.text;
  return sample(count, async (i) => {
    const edit = versionEdit(doc, text, i % 2 === 0);
    text = edit.newText;
    const sentAt = performance.now();
    const version = session.change(doc.uri, edit.range, edit.newValue);
    const { receivedAt } = await session.nextDiagnostics(doc.uri, version);
    return receivedAt - sentAt;
  });
}

async function requestLatency(session, method, doc, position) {
  const params = { textDocument: { uri: doc.uri }, position };
  const first = await session.request(method, params);
  for (let i = 1; i < ITERATIONS.warmUpRequests; i++) await session.request(method, params);
  const stats = await sample(ITERATIONS.requestsPerPosition, async () => {
    const sentAt = performance.now();
    await session.request(method, params);
    return performance.now() - sentAt;
  });
  return { ...stats, result: describeResult(method, first) };
}

function describeResult(method, result) {
  if (method === 'textDocument/completion') {
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    return `${items.length} items`;
  }
  const contents = result?.contents;
  const text = typeof contents === 'string' ? contents : Array.isArray(contents) ? contents.map((c) => c.value ?? c).join(' ') : (contents?.value ?? '');
  return text ? `hover, ${text.length} chars` : 'no hover';
}

/** Warm server: first diagnostics of each document, edits, completion and hover, and the schema check on a broken manifest. */
async function warmSession(server, documents, broken) {
  const session = await startSession(server, DEADLINE_MS);
  try {
    const result = { openToDiagnosticsMs: {}, editToDiagnosticsMs: {}, completionMs: {}, hoverMs: {} };
    const brokenCheck = await openAndWait(session, broken);
    result.brokenManifest = brokenCheck.diagnostics.map((d) => d.message);
    for (const doc of documents) {
      const opened = await openAndWait(session, doc);
      result.openToDiagnosticsMs[doc.name] = { ms: round(opened.ms), diagnostics: opened.diagnostics.length };
    }
    for (const doc of documents) {
      const count = doc.synthetic ? ITERATIONS.editsSynthetic : ITERATIONS.editsTypical;
      result.editToDiagnosticsMs[doc.name] = await editLatency(session, doc, count);
    }
    for (const doc of documents) {
      for (const probe of probePositions(doc)) {
        const label = `${doc.name}: ${probe.label}`;
        result.completionMs[label] = await requestLatency(session, 'textDocument/completion', doc, probe.position);
        result.hoverMs[label] = await requestLatency(session, 'textDocument/hover', doc, probe.position);
      }
    }
    return result;
  } finally {
    await session.stop();
  }
}

/** Fresh server: open every corpus manifest at once, wait for all their diagnostics, then read RSS. */
async function allCorpus(server, corpus) {
  const session = await startSession(server, DEADLINE_MS * 4);
  try {
    const rssAfterInitializeKiB = residentKiB(session.pid);
    const sentAt = performance.now();
    const all = corpus.map((doc) => session.nextDiagnostics(doc.uri));
    for (const doc of corpus) await session.open(doc.uri, doc.text);
    const published = await Promise.all(all);
    const allCheckedMs = Math.max(...published.map((p) => p.receivedAt)) - sentAt;
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      documents: corpus.length,
      allCheckedMs: round(allCheckedMs),
      documentsWithDiagnostics: published.filter((p) => p.params.diagnostics.length > 0).length,
      diagnosticsTotal: published.reduce((sum, p) => sum + p.params.diagnostics.length, 0),
      rssAfterInitializeKiB,
      rssAfterAllOpenKiB: residentKiB(session.pid),
    };
  } finally {
    await session.stop();
  }
}

function fileSizes() {
  const size = (path) => (existsSync(path) ? statSync(path).size : undefined);
  const serverJs = size(ourServerPath);
  return {
    vsixBytes: size(join(root, 'dist/ld-manifest-tools.vsix')),
    serverJsBytes: serverJs,
    serverJsIsProductionBuild: serverJs === undefined ? undefined : !readFileSync(ourServerPath, 'utf8').includes('sourceMappingURL'),
  };
}

// ---------- output ----------

const loadAverage = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const shorten = (message) => {
  const line = message.split('\n')[0];
  return JSON.stringify(line.length > 90 ? `${line.slice(0, 87)}...` : line);
};

const mebibytesFromKiB = (n) => (n === undefined ? 'n/a' : `${(n / 1024).toFixed(0)} MiB`);
const bytes = (n) => (n === undefined ? 'absent' : n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MiB` : `${(n / 1024).toFixed(0)} KiB`);
const stat = (s) => (s?.n ? `${s.median} / ${s.p95} ms${s.timeouts ? ` (${s.timeouts} timed out)` : ''}` : s?.timeouts ? `${s.timeouts} timed out` : 'n/a');

function printTable(results, documents) {
  const ids = SERVERS.map((s) => s.id);
  const rows = [['', ...SERVERS.map((s) => s.title)]];
  const section = (title) => rows.push([`-- ${title}`, ...ids.map(() => '')]);
  const row = (label, cell) => rows.push([label, ...ids.map((id) => (results[id] ? cell(results[id]) : 'failed'))]);

  section(`cold start, ${ITERATIONS.coldStarts} fresh processes (median / p95)`);
  row('spawn -> initialize response', (r) => stat(r.coldStart.initializeMs));
  row('spawn -> first diagnostics (typical)', (r) => stat(r.coldStart.firstDiagnosticsMs));
  row('  of which fixed open debounce', (r) => `${r.debounceMs.open} ms`);
  row('RSS after first diagnostics (median)', (r) => mebibytesFromKiB(r.coldStart.rssAfterFirstDiagnosticsKiB.median));

  section('warm server: didOpen -> first diagnostics');
  for (const doc of documents) row(`${doc.name} (${bytes(doc.text.length)})`, (r) => `${r.warm.openToDiagnosticsMs[doc.name].ms} ms, ${r.warm.openToDiagnosticsMs[doc.name].diagnostics} diag`);

  section('didChange -> diagnostics (median / p95)');
  row('  of which fixed change debounce', (r) => `${r.debounceMs.change} ms`);
  for (const doc of documents) row(doc.name, (r) => stat(r.warm.editToDiagnosticsMs[doc.name]));

  section(`completion (median / p95 of ${ITERATIONS.requestsPerPosition}; result)`);
  for (const label of Object.keys(results[ids[0]]?.warm.completionMs ?? {})) {
    row(label, (r) => `${stat(r.warm.completionMs[label])}; ${r.warm.completionMs[label]?.result}`);
  }
  section(`hover (median / p95 of ${ITERATIONS.requestsPerPosition}; result)`);
  for (const label of Object.keys(results[ids[0]]?.warm.hoverMs ?? {})) {
    row(label, (r) => `${stat(r.warm.hoverMs[label])}; ${r.warm.hoverMs[label]?.result}`);
  }

  section('all corpus manifests opened at once in a fresh process');
  row('manifests / with diagnostics / total diagnostics', (r) => (r.allCorpus ? `${r.allCorpus.documents} / ${r.allCorpus.documentsWithDiagnostics} / ${r.allCorpus.diagnosticsTotal}` : 'skipped'));
  row('first didOpen -> last diagnostics', (r) => (r.allCorpus ? `${r.allCorpus.allCheckedMs} ms` : 'skipped'));
  row('RSS after initialize', (r) => (r.allCorpus ? mebibytesFromKiB(r.allCorpus.rssAfterInitializeKiB) : 'skipped'));
  row('RSS after all opened (VmRSS)', (r) => (r.allCorpus ? mebibytesFromKiB(r.allCorpus.rssAfterAllOpenKiB) : 'skipped'));

  const widths = rows[0].map((_, column) => Math.max(...rows.map((r) => String(r[column]).length)));
  for (const r of rows) console.log(r.map((cell, column) => String(cell).padEnd(widths[column])).join(' | '));
}

// ---------- main ----------

async function main() {
  if (!existsSync(ourServerPath)) throw new Error(`${ourServerPath} is missing: run \`npm run build\` first`);
  if (!existsSync(jsonServerPath)) throw new Error(`${jsonServerPath} is missing: run \`npm ci\``);
  const corpus = loadCorpus();
  if (!corpus) {
    console.log(`Corpus not found under ${dirname(UPSTREAM_SCHEMA)}: skipping the benchmark (it needs the real manifests and the upstream schema).`);
    return;
  }
  const typical = pickTypical(corpus);
  const largest = [...corpus].sort((a, b) => b.text.length - a.text.length)[0];
  const documents = [
    { ...typical, name: `typical (${typical.name})` },
    ...SYNTHETIC_FORM_VARIABLES.map((n) => ({ ...synthesize(largest, n), synthetic: true })),
  ];
  const broken = breakManifest(typical);
  console.log(`node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadAverage()} (timings are noisy when others run)`);
  console.log(`typical manifest: ${typical.name} (${typical.text.length} bytes, median size among ${corpus.length}); synthetic ones built from ${largest.name}`);

  const results = {};
  for (const server of SERVERS) {
    console.log(`measuring ${server.name} ...`);
    try {
      results[server.id] = {
        name: server.name,
        debounceMs: server.debounceMs,
        coldStart: await coldStart(server, typical),
        warm: await warmSession(server, documents, broken),
        allCorpus: await allCorpus(server, corpus),
      };
    } catch (error) {
      console.log(`  ${server.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      results[server.id] = undefined;
    }
  }

  const sizes = fileSizes();
  console.log('');
  printTable(results, documents);
  console.log('');
  for (const server of SERVERS) {
    const messages = results[server.id]?.warm.brokenManifest;
    if (messages) console.log(`${server.title} on a broken manifest: ${messages.length} diagnostics: \n    ${messages.map(shorten).join('\n    ')}`);
  }
  const jsonMessages = results.json?.warm.brokenManifest ?? [];
  if (results.json && (jsonMessages.length === 0 || jsonMessages.some((m) => /Unable to load schema|Problems loading reference/.test(m)))) {
    console.log('WARNING: the JSON server did not check the broken manifest against the upstream schema.');
  }
  console.log('');
  console.log(`dist/ld-manifest-tools.vsix: ${sizes.vsixBytes === undefined ? 'absent (run `npm run package`)' : bytes(sizes.vsixBytes)}`);
  console.log(`dist/server.js: ${bytes(sizes.serverJsBytes)}${sizes.serverJsIsProductionBuild === false ? ' (development build: unminified, with source map comment)' : ''}`);

  const issue = {
    coldFirstDiagnosticsUnder300Ms: Object.fromEntries(
      SERVERS.map((s) => [s.id, results[s.id] ? results[s.id].coldStart.firstDiagnosticsMs.median < TARGETS.coldFirstDiagnosticsMs : undefined]),
    ),
    vsixUnder1_5MiB: sizes.vsixBytes === undefined ? undefined : sizes.vsixBytes < TARGETS.vsixBytes,
  };
  console.log(`issue targets (informational): first diagnostics < ${TARGETS.coldFirstDiagnosticsMs} ms (median): ${JSON.stringify(issue.coldFirstDiagnosticsUnder300Ms)}; .vsix < 1.5 MiB: ${issue.vsixUnder1_5MiB ?? 'no .vsix'}`);

  writeFileSync(
    RESULTS_FILE,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverageAtEnd: loadAverage() },
        iterations: ITERATIONS,
        deadlineMs: DEADLINE_MS,
        documents: documents.map((d) => ({ name: d.name, uri: d.uri, bytes: d.text.length })),
        corpusManifests: corpus.length,
        sizes,
        targets: TARGETS,
        issue,
        servers: results,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`wrote ${RESULTS_FILE}`);
}

const watchdog = setTimeout(() => {
  console.error(`benchmark still running after ${WHOLE_RUN_DEADLINE_MS / 1000} s: stopping`);
  killAllServers();
  process.exit(1);
}, WHOLE_RUN_DEADLINE_MS);
watchdog.unref();
process.on('exit', killAllServers);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAllServers();
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  killAllServers();
}
