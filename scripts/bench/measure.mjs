// The measurements: each function drives fresh server processes through one scenario and records
// samples into figures (see `Figures`). Nothing here asserts anything about the numbers.
import { performance } from 'node:perf_hooks';
import { corpusProbes, editOffset, largeProbes } from './documents.mjs';
import { DeadlineError, ServerExitedError, startSession } from './lspSession.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** CPU ticks (1/100 s) a server must have used after an edit to count as busy computing. */
const BUSY_TICKS = 2;

/** Samples per figure and server: { values, timeouts, errors, notes }. */
export class Figures {
  constructor() {
    this.data = {};
    this.protocol = {};
  }
  at(figure, server) {
    const byServer = (this.data[figure] ??= {});
    return (byServer[server] ??= { values: [], timeouts: 0, errors: [], notes: [] });
  }
  add(figure, server, value) {
    this.at(figure, server).values.push(value);
  }
  /** Stores a descriptive value (not a sample), e.g. a diagnostics count or the diagnostics mode. */
  set(figure, server, text) {
    this.at(figure, server).text = text;
  }
}

/** Records a failed wait on `figure` and rethrows it (the session is abandoned). */
function recordFailure(figures, figure, server, error) {
  const slot = figures.at(figure, server);
  if (error instanceof DeadlineError) {
    slot.timeouts++;
    slot.deadlineMs = error.ms;
  } else {
    slot.errors.push(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  throw error;
}

async function timed(figures, figure, server, run) {
  try {
    const ms = await run();
    figures.add(figure, server, ms);
    return ms;
  } catch (error) {
    return recordFailure(figures, figure, server, error);
  }
}

export function severityCounts(items) {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of items) counts[['error', 'error', 'warning', 'information', 'hint'][d.severity ?? 1]]++;
  return counts;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const describeCounts = (c) => `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}${c.information + c.hint ? `, ${c.information + c.hint} other` : ''}`;

/** A JSON server that could not load the schema says so in a diagnostic: keep it as a note, it voids the comparison. */
function noteSchemaTrouble(figures, server, items) {
  const trouble = items.find((d) => /Unable to load schema|Problems loading reference|Unable to resolve/i.test(d.message));
  if (trouble) figures.at('schemaOrigin', server.id).notes.push(`schema not in force: ${trouble.message.split('\n')[0].slice(0, 160)}`);
}

function describeResult(method, result) {
  if (method === 'textDocument/completion') return { items: (Array.isArray(result) ? result : (result?.items ?? [])).length };
  const contents = result?.contents;
  const text = typeof contents === 'string' ? contents : Array.isArray(contents) ? contents.map((c) => c.value ?? c).join(' ') : (contents?.value ?? '');
  return { hoverChars: text.length };
}

async function probeRequest(session, method, uri, position) {
  const params = { textDocument: { uri }, position, ...(method === 'textDocument/completion' ? { context: { triggerKind: 1 } } : {}) };
  const sentAt = performance.now();
  const result = await session.request(method, params);
  return { ms: performance.now() - sentAt, ...describeResult(method, result) };
}

/** Adds the session's protocol counters (pulls, unchanged reports, publishes, ...) to `figures.protocol`. */
function countProtocol(figures, server, session) {
  const totals = (figures.protocol[server.id] ??= {});
  for (const [key, value] of Object.entries(session.counters)) {
    if (typeof value === 'number') totals[key] = (totals[key] ?? 0) + value;
    else for (const [method, n] of Object.entries(value)) totals[`unhandled ${method}`] = (totals[`unhandled ${method}`] ?? 0) + n;
  }
}

function noteSession(figures, server, session) {
  const slot = figures.at('mode', server.id);
  slot.text = session.diagnosticsMode;
  slot.notes = [
    ...new Set([
      ...slot.notes,
      `${session.serverInfo?.name ? `${session.serverInfo.name}: ` : ''}diagnostics ${session.diagnosticsMode}` +
        (session.capabilities.diagnosticProvider ? ' (diagnosticProvider in initialize result)' : session.registrations.includes('textDocument/diagnostic') ? ' (registered dynamically)' : ' (textDocument/publishDiagnostics)'),
    ]),
  ];
  const origins = [...new Set(session.schemaOrigins.values())];
  const known = figures.at('schemaOrigin', server.id).text;
  if (origins.length) figures.at('schemaOrigin', server.id).text = [...new Set([...(known ? known.split(', ') : []), ...origins])].join(', ');
  else if (server.schemaLabel) figures.at('schemaOrigin', server.id).text = server.schemaLabel;
}

/**
 * Pulls the diagnostics of an unchanged document once more, as VS Code does when an editor regains
 * focus: a server with result ids can answer "unchanged". Pull servers only.
 */
async function repull(session, figures, figure, server, uri) {
  if (session.diagnosticsMode !== 'pull') {
    figures.at(figure, server.id).notes.push('push diagnostics: nothing to pull');
    return;
  }
  await timed(figures, figure, server.id, async () => {
    const sentAt = performance.now();
    const result = await session.pull(uri);
    figures.at(`${figure}.${result.kind}`, server.id).values.push(1);
    return result.receivedAt - sentAt;
  });
}

// ---------- corpus ----------

/** spawn -> initialize response and spawn -> first diagnostics of the typical manifest, one fresh process. */
export async function coldStart(server, typical, figures, options) {
  const session = await startSession(server, options).catch((error) => recordFailure(figures, 'corpus.initialize', server.id, error));
  try {
    figures.add('corpus.initialize', server.id, session.initializedAt - session.spawnedAt);
    await timed(figures, 'corpus.firstDiagnostics', server.id, async () => {
      const { receivedAt } = await session.diagnoseAfter(typical.uri, 1, () => session.open(typical.uri, typical.text));
      return receivedAt - session.spawnedAt;
    });
    figures.add('corpus.rssFirstDiagnostics', server.id, session.peakRssKiB() / 1024);
    noteSession(figures, server, session);
  } finally {
    countProtocol(figures, server, session);
    await session.stop();
  }
}

/**
 * One fresh process through every corpus manifest in turn: didOpen -> diagnostics, completion and
 * hover at the manifest's probe positions, one one-character edit -> diagnostics, didClose. The
 * typical manifest is opened and closed first, uncounted, so that the first counted manifest does not
 * pay for loading the schema.
 */
export async function corpusSession(server, docs, typical, figures, options) {
  const { budgetMs, reps, countDiagnostics } = options;
  const started = performance.now();
  const session = await startSession(server, options);
  const totals = { error: 0, warning: 0, information: 0, hint: 0 };
  let measured = 0;
  try {
    await session.diagnoseAfter(typical.uri, 1, () => session.open(typical.uri, typical.text));
    await session.close(typical.uri);
    for (const doc of docs) {
      if (performance.now() - started > budgetMs) break;
      let items;
      await timed(figures, 'corpus.open', server.id, async () => {
        const result = await session.diagnoseAfter(doc.uri, 1, () => session.open(doc.uri, doc.text));
        items = result.items;
        return result.ms;
      });
      const counts = severityCounts(items);
      for (const k of Object.keys(totals)) totals[k] += counts[k];
      noteSchemaTrouble(figures, server, items);
      for (const probe of corpusProbes(doc.text)) {
        for (const [method, figure] of [
          ['textDocument/completion', 'corpus.completion'],
          ['textDocument/hover', 'corpus.hover'],
        ]) {
          for (let i = 0; i < reps; i++) {
            await timed(figures, figure, server.id, async () => {
              const r = await probeRequest(session, method, doc.uri, probe.position);
              if (i === 0) figures.at(`${figure}.${probe.id}`, server.id).values.push(r.ms);
              if (i === 0 && r.items !== undefined) figures.at(`${figure}.${probe.id}.items`, server.id).values.push(r.items);
              return r.ms;
            });
          }
        }
      }
      const edit = session.change(doc.uri, editOffset(doc.text), { insert: 'x' });
      await timed(figures, 'corpus.change', server.id, async () => (await session.diagnoseAfter(doc.uri, edit.version, edit.send)).ms);
      await repull(session, figures, 'corpus.repull', server, doc.uri);
      await session.close(doc.uri);
      measured++;
    }
    if (countDiagnostics && measured === docs.length) figures.set('corpus.diagnostics', server.id, describeCounts(totals));
    if (measured < docs.length) figures.at('corpus.open', server.id).notes.push(`time budget: ${measured} of ${docs.length} manifests in one run`);
    noteSession(figures, server, session);
  } finally {
    countProtocol(figures, server, session);
    await session.stop();
  }
}

/** One fresh process: every corpus manifest opened at once (each pulled right after its didOpen), until all are diagnosed; then its peak RSS. */
export async function corpusAllOpen(server, docs, figures, options) {
  const session = await startSession(server, options);
  try {
    const sentAt = performance.now();
    const pending = [];
    for (const doc of docs) {
      const expected = session.expectDiagnostics(doc.uri, 1);
      await session.open(doc.uri, doc.text);
      pending.push(expected.start());
    }
    await timed(figures, 'corpus.allDiagnosed', server.id, async () => {
      const results = await Promise.all(pending);
      return Math.max(...results.map((r) => r.receivedAt)) - sentAt;
    });
    figures.add('corpus.peakRss', server.id, session.peakRssKiB() / 1024);
  } catch (error) {
    const rss = session.peakRssKiB();
    if (rss) figures.at('corpus.peakRss', server.id).notes.push(`${Math.round(rss / 1024)} MiB when abandoned`);
    throw error;
  } finally {
    countProtocol(figures, server, session);
    await session.stop();
  }
}

// ---------- large manifests ----------

/** Toggles one character just inside a description string in the middle of the document. */
function toggler(doc) {
  const offset = editOffset(doc.text, Math.floor(doc.text.length / 2));
  let inserted = false;
  return (session) => {
    const edit = session.change(doc.uri, offset, inserted ? { deleteCount: 1 } : { insert: 'x' });
    return {
      ...edit,
      send: () => {
        inserted = !inserted;
        return edit.send();
      },
    };
  };
}

/**
 * One fresh process on one size, warmed up with a small manifest of the same workspace (opened,
 * diagnosed, closed): didOpen -> diagnostics of the clean manifest; one-character edits
 * -> diagnostics; completion and hover sent right after an edit (after the pull that VS Code sends
 * with the edit, before the diagnostics come back); a hover sent while the server is busy computing
 * diagnostics after an edit (busy: it has used CPU since the edit and not answered yet); completion
 * and hover on the unchanged document; didOpen -> diagnostics of the copy with seeded errors; and
 * the process's peak RSS.
 */
export async function largeSession(server, { clean, broken, warmup }, figures, options) {
  const { budgetMs, edits, reps, size } = options;
  const started = performance.now();
  const within = () => performance.now() - started < budgetMs;
  const fig = (name) => `large.${name}.${size}`;
  const session = await startSession(server, options);
  const probes = largeProbes(clean.text);
  const keyProbe = probes.find((p) => p.id === 'key') ?? probes[0];
  const nextEdit = toggler(clean);
  let completed = false;
  try {
    if (warmup) {
      await session.diagnoseAfter(warmup.uri, 1, () => session.open(warmup.uri, warmup.text));
      await session.close(warmup.uri);
    }
    await timed(figures, fig('open'), server.id, async () => {
      const result = await session.diagnoseAfter(clean.uri, 1, () => session.open(clean.uri, clean.text));
      figures.set(fig('cleanFound'), server.id, describeCounts(severityCounts(result.items)));
      noteSchemaTrouble(figures, server, result.items);
      return result.ms;
    });
    noteSession(figures, server, session);

    for (let i = 0; i < edits && (i === 0 || within()); i++) {
      const edit = nextEdit(session);
      await timed(figures, fig('change'), server.id, async () => (await session.diagnoseAfter(clean.uri, edit.version, edit.send)).ms);
    }

    for (const [method, figure] of [
      ['textDocument/completion', fig('completionAfterEdit')],
      ['textDocument/hover', fig('hoverAfterEdit')],
    ]) {
      for (let i = 0; i < edits && (i === 0 || within()); i++) {
        const edit = nextEdit(session);
        const expected = session.expectDiagnostics(clean.uri, edit.version);
        await edit.send();
        const diagnostics = expected.start();
        diagnostics.catch(() => undefined);
        await timed(figures, figure, server.id, async () => (await probeRequest(session, method, clean.uri, keyProbe.position)).ms);
        await diagnostics.catch((error) => recordFailure(figures, fig('change'), server.id, error));
      }
    }

    for (let i = 0; i < edits && (i === 0 || within()); i++) {
      const edit = nextEdit(session);
      const expected = session.expectDiagnostics(clean.uri, edit.version);
      const baseTicks = session.cpuTicks();
      await edit.send();
      let done = false;
      const diagnostics = expected.start().finally(() => (done = true));
      diagnostics.catch(() => undefined);
      const deadline = performance.now() + options.deadlineMs;
      while (!done && session.cpuTicks() - baseTicks < BUSY_TICKS && performance.now() < deadline) await sleep(1);
      if (done || performance.now() >= deadline) {
        figures.at(fig('hoverWhileBusy'), server.id).notes.push('diagnostics came back before the server was seen busy');
      } else {
        await timed(figures, fig('hoverWhileBusy'), server.id, async () => {
          const r = await probeRequest(session, 'textDocument/hover', clean.uri, keyProbe.position);
          if (!done) figures.at(fig('hoverWhileBusy.beforeDiagnostics'), server.id).values.push(1);
          else figures.at(fig('hoverWhileBusy.afterDiagnostics'), server.id).values.push(1);
          return r.ms;
        });
      }
      await diagnostics.catch((error) => recordFailure(figures, fig('change'), server.id, error));
    }

    await repull(session, figures, fig('repull'), server, clean.uri);

    for (const probe of probes) {
      for (const [method, figure] of [
        ['textDocument/completion', fig('completion')],
        ['textDocument/hover', fig('hover')],
      ]) {
        for (let i = 0; i < reps && (i === 0 || within()); i++) {
          await timed(figures, figure, server.id, async () => {
            const r = await probeRequest(session, method, clean.uri, probe.position);
            figures.at(`${figure}.${probe.id}`, server.id).values.push(r.ms);
            if (i === 0 && r.items !== undefined) figures.at(`${figure}.${probe.id}.items`, server.id).values.push(r.items);
            return r.ms;
          });
        }
      }
    }

    let items;
    await timed(figures, fig('openErrors'), server.id, async () => {
      const result = await session.diagnoseAfter(broken.uri, 1, () => session.open(broken.uri, broken.text));
      items = result.items;
      return result.ms;
    });
    figures.set(fig('errorsFound'), server.id, describeCounts(severityCounts(items)));
    noteSchemaTrouble(figures, server, items);
    figures.add(fig('peakRss'), server.id, session.peakRssKiB() / 1024);
    completed = true;
  } finally {
    if (!completed) {
      const rss = session.peakRssKiB();
      if (rss) figures.at(fig('peakRss'), server.id).notes.push(`${Math.round(rss / 1024)} MiB when abandoned`);
    }
    countProtocol(figures, server, session);
    await session.stop();
  }
}

export { DeadlineError, ServerExitedError };
