// `npm run bench`: our manifest language server (dist/server.js, with the bundled schema and with the
// workspace's upstream schema) side by side with VS Code's JSON language server
// (vscode-langservers-extracted, `json.schemas` mapping manifest.json to the same upstream schema),
// on the real corpus manifests and on large synthetic ones, plus the `ld-manifest lint` CLI.
// Diagnostics are pulled (LSP 3.17 textDocument/diagnostic) from servers that offer it and awaited as
// publishDiagnostics otherwise; no fixed sleeps, every wait has a deadline. It measures and reports
// only: it never asserts a timing. `--help` lists the options.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPUS_DIR, findCorpus, loadCorpus, pickTypical, root, shown, SIZES, SIZE_LABELS, writeLargeDocuments } from './documents.mjs';
import { killAllServers } from './lspSession.mjs';
import { coldStart, corpusAllOpen, corpusSession, Figures, largeSession } from './measure.mjs';
import { killAllCliRuns, rssMethod, runCliOnce } from './cliBench.mjs';
import { consoleTable, markdownTable, summarize } from './report.mjs';
import { workerPhase } from './workerBench.mjs';

const HELP = `node scripts/bench/run.mjs [options]   (npm run bench -- [options])

  --quick             fewer iterations and shorter deadlines (about 1.5 minutes; a full run takes 4 to 7,
                      at most 11.5: every phase has a time budget)
  --only LIST         corpus, large, cli and/or worker (comma-separated; default all; worker: the
                      server of the web extension in a headless Chromium worker)
  --servers LIST      bundled, workspace and/or json (default all three)
  --sizes LIST        large manifest sizes: 100k, 1m, 5m (default all)
  --markdown          also print the Markdown table (always written to bench-results.md)
  --report            print the tables of the last bench-results.json without measuring
  --keep-docs         keep the generated large manifests (their folder is printed)
  -h, --help          this text

Writes bench-results.json and bench-results.md at the project root.`;

const RESULTS_JSON = join(root, 'bench-results.json');
const RESULTS_MD = join(root, 'bench-results.md');
const ourServerPath = join(root, 'dist/server.js');
const ourCliPath = join(root, 'dist/cli.js');
const jsonServerPath = join(root, 'node_modules/vscode-langservers-extracted/bin/vscode-json-language-server');
const jsonServerVersion = (() => {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules/vscode-langservers-extracted/package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
})();

/** Iterations, deadlines (per single wait) and time budgets (per phase), full and --quick. */
const PLANS = {
  full: {
    wholeRunMs: 11.5 * 60_000,
    coldStarts: { count: 8, budgetMs: 45_000, deadlineMs: 20_000 },
    corpus: { runs: 2, reps: 2, budgetMs: 120_000, deadlineMs: 20_000 },
    allOpen: { runs: 3, budgetMs: 45_000, deadlineMs: 60_000 },
    large: {
      '100k': { runs: 3, edits: 4, reps: 3, budgetMs: 60_000, deadlineMs: 20_000 },
      '1m': { runs: 3, edits: 3, reps: 3, budgetMs: 100_000, deadlineMs: 30_000 },
      '5m': { runs: 3, edits: 3, reps: 2, budgetMs: 140_000, deadlineMs: 45_000 },
    },
    cli: { runs: 5, largeRuns: 3, budgetMs: 100_000, timeoutMs: 60_000 },
  },
  quick: {
    wholeRunMs: 5 * 60_000,
    coldStarts: { count: 3, budgetMs: 15_000, deadlineMs: 15_000 },
    corpus: { runs: 1, reps: 1, budgetMs: 60_000, deadlineMs: 15_000 },
    allOpen: { runs: 1, budgetMs: 20_000, deadlineMs: 30_000 },
    large: {
      '100k': { runs: 1, edits: 2, reps: 1, budgetMs: 20_000, deadlineMs: 15_000 },
      '1m': { runs: 1, edits: 2, reps: 1, budgetMs: 40_000, deadlineMs: 20_000 },
      '5m': { runs: 1, edits: 1, reps: 1, budgetMs: 50_000, deadlineMs: 20_000 },
    },
    cli: { runs: 1, largeRuns: 1, budgetMs: 40_000, timeoutMs: 20_000 },
  },
};

// ---------- options ----------

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', default: 'corpus,large,cli,worker' },
      servers: { type: 'string', default: 'bundled,workspace,json' },
      sizes: { type: 'string', default: SIZES.join(',') },
      markdown: { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
      'keep-docs': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const list = (name, allowed) => {
    const items = values[name].split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    const bad = items.filter((i) => !allowed.includes(i));
    if (bad.length) throw new UsageError(`--${name}: unknown ${bad.join(', ')} (one of ${allowed.join(', ')})`);
    return items;
  };
  return {
    ...values,
    only: list('only', ['corpus', 'large', 'cli', 'worker']),
    servers: list('servers', ['bundled', 'workspace', 'json']),
    sizes: list('sizes', SIZES),
  };
}

class UsageError extends Error {}

// ---------- servers ----------

function serverDefinitions(schemaPath, selected, serverJs) {
  const ours = (id, schema) => ({
    id,
    command: [process.execPath, serverJs, '--stdio'],
    cwd: root,
    languageId: 'launchdarkly-manifest',
    configuration: (section) => (section === 'ldManifest' ? { schema } : null),
    describe: `dist/server.js, ldManifest.schema = ${schema}`,
  });
  const jsonSettings = {
    json: {
      schemas: schemaPath ? [{ fileMatch: ['manifest.json'], url: pathToFileURL(schemaPath).href }] : [],
      validate: { enable: true },
      format: { enable: false },
      keepLines: { enable: false },
      resultLimit: 5000,
    },
    http: { proxy: '', proxyStrictSSL: true },
  };
  const all = [
    // The JSON server first in each round, so that a budget cut leaves the reference figure in place.
    {
      id: 'json',
      command: [process.execPath, jsonServerPath, '--stdio'],
      cwd: root,
      languageId: 'json',
      // As VS Code's JSON client: the server reads file: schemas itself and never fetches one.
      initializationOptions: { provideFormatter: false, handledSchemaProtocols: ['file'] },
      settings: jsonSettings,
      configuration: (section) => section.split('.').reduce((value, key) => (value && key ? value[key] : value), jsonSettings) ?? null,
      describe: `vscode-json-language-server ${jsonServerVersion}, json.schemas: manifest.json → ${schemaPath ? shown(schemaPath) : 'no schema'}`,
      schemaLabel: schemaPath ? 'upstream (json.schemas)' : 'none',
    },
    ours('bundled', 'bundled'),
    // auto: the nearest manifest.schema.json walking up from the manifest, i.e. upstream's.
    ours('workspace', 'auto'),
  ];
  return all.filter((s) => selected.includes(s.id));
}

// ---------- helpers ----------

const now = () => performance.now();
const clock = (budgetMs) => {
  const start = now();
  return { left: () => budgetMs - (now() - start) };
};
const errorText = (error) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

function gitDescription() {
  try {
    const commit = execFileSync('git', ['-C', root, 'log', '-1', '--oneline'], { encoding: 'utf8' }).trim();
    // --no-optional-locks: read-only, the index is not refreshed.
    const dirty = execFileSync('git', ['-C', root, '--no-optional-locks', 'status', '--porcelain', '--', 'server', 'client', 'scripts/build.mjs', 'scripts/bundleOptions.mjs', 'package.json'], {
      encoding: 'utf8',
    }).trim();
    const changed = dirty ? dirty.split('\n').map((l) => l.trim().split(/\s+/).at(-1)) : [];
    const byFolder = new Map();
    for (const path of changed) {
      const key = path.includes('/') ? `${path.split('/')[0]}/` : path;
      byFolder.set(key, (byFolder.get(key) ?? 0) + 1);
    }
    return { commit, dirty: [...byFolder].map(([key, n]) => (key.endsWith('/') ? `${key} (${n} file${n === 1 ? '' : 's'})` : key)) };
  } catch {
    return { commit: 'unknown (not a git checkout)', dirty: [] };
  }
}

function ensureBuilt(log) {
  if (existsSync(ourServerPath) && existsSync(ourCliPath)) return undefined;
  log('dist/ is incomplete: building with node scripts/build.mjs ...');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  if (build.status === 0 && existsSync(ourServerPath)) return undefined;
  return `the build failed (${build.status ?? build.signal}): ${(build.stderr || build.stdout || '').trim().split('\n').slice(-3).join(' | ')}`;
}

// ---------- phases ----------

async function runCorpusPhase({ plan, servers, corpusDocs, typical, figures, log, workspaceUri }) {
  log(`cold starts: up to ${plan.coldStarts.count} fresh processes per server on ${typical.name}`);
  let c = clock(plan.coldStarts.budgetMs);
  for (let i = 0; i < plan.coldStarts.count && c.left() > 0; i++) {
    for (const server of servers) {
      await coldStart(server, typical, figures, { deadlineMs: plan.coldStarts.deadlineMs, workspaceUri }).catch((error) => log(`  ${server.id}: ${errorText(error)}`));
    }
  }

  log(`corpus: each of the ${corpusDocs.length} manifests in a warm server, ${plan.corpus.runs} fresh process(es) per server`);
  c = clock(plan.corpus.budgetMs);
  const sessions = plan.corpus.runs * servers.length;
  let started = 0;
  for (let run = 0; run < plan.corpus.runs; run++) {
    for (const server of servers) {
      const left = c.left();
      if (left < 5000) break;
      const budgetMs = Math.max(10_000, left / (sessions - started++));
      const t = now();
      await corpusSession(server, corpusDocs, typical, figures, { deadlineMs: plan.corpus.deadlineMs, workspaceUri, budgetMs, reps: plan.corpus.reps, countDiagnostics: run === 0 }).catch(
        (error) => log(`  ${server.id}: ${errorText(error)}`),
      );
      log(`  run ${run + 1} ${server.id}: ${((now() - t) / 1000).toFixed(1)} s`);
    }
  }

  log(`corpus: all ${corpusDocs.length} opened at once, ${plan.allOpen.runs} fresh process(es) per server`);
  c = clock(plan.allOpen.budgetMs);
  for (let run = 0; run < plan.allOpen.runs && c.left() > 0; run++) {
    for (const server of servers) {
      await corpusAllOpen(server, corpusDocs, figures, { deadlineMs: plan.allOpen.deadlineMs, workspaceUri }).catch((error) => log(`  ${server.id}: ${errorText(error)}`));
    }
  }
}

async function runLargePhase({ plan, servers, largeDocs, warmup, sizes, figures, log, workspaceUri }) {
  for (const size of sizes) {
    const p = plan.large[size];
    const clean = largeDocs.find((d) => d.size === size && !d.seeded.length);
    const broken = largeDocs.find((d) => d.size === size && d.seeded.length);
    log(`large ${SIZE_LABELS[size]} (${clean.bytes} bytes): up to ${p.runs} fresh process(es) per server, ${p.deadlineMs / 1000} s deadline per wait`);
    const c = clock(p.budgetMs);
    const given = new Set();
    const lastMs = {};
    let started = 0;
    const sessions = p.runs * servers.length;
    for (let run = 0; run < p.runs; run++) {
      for (const server of servers) {
        const left = c.left();
        // Every server gets its first run; later runs only while the budget lasts (for as long as
        // the last one took), and not after a failure.
        if (given.has(server.id) || (run > 0 && left < Math.max(5000, lastMs[server.id] ?? 0))) continue;
        const budgetMs = Math.max(5000, left / (sessions - started++));
        const t = now();
        try {
          await largeSession(server, { clean, broken, warmup }, figures, { deadlineMs: p.deadlineMs, workspaceUri, budgetMs, edits: p.edits, reps: p.reps, size });
          lastMs[server.id] = now() - t;
          log(`  run ${run + 1} ${server.id}: ${((now() - t) / 1000).toFixed(1)} s`);
        } catch (error) {
          given.add(server.id);
          log(`  run ${run + 1} ${server.id}: ${errorText(error)} (after ${((now() - t) / 1000).toFixed(1)} s; no further runs of this size)`);
        }
      }
    }
  }
}

async function runCliPhase({ plan, servers, large5m, corpus, figures, log, scratchDir, cliJs }) {
  const variants = servers.filter((s) => s.id !== 'json').map((s) => ({ id: s.id, schema: s.id === 'bundled' ? 'bundled' : 'auto' }));
  if (!cliJs) {
    for (const v of variants) figures.at('cli.corpus.ms', v.id).errors.push('dist/cli.js is missing');
    return;
  }
  const targets = [];
  if (corpus) targets.push({ key: 'corpus', path: relative(root, CORPUS_DIR) || '.', runs: plan.cli.runs });
  if (large5m) targets.push({ key: '5m', path: large5m.path, runs: plan.cli.largeRuns });
  log(`cli: ld-manifest lint, wall time and peak RSS by ${rssMethod()}`);
  const c = clock(plan.cli.budgetMs);
  for (const target of targets) {
    const failed = new Set();
    const lastMs = {};
    for (let run = 0; run < target.runs; run++) {
      for (const v of variants) {
        if (failed.has(v.id) || (run > 0 && c.left() < (lastMs[v.id] ?? 0))) continue;
        const result = await runCliOnce({ cli: cliJs, args: ['lint', '--schema', v.schema, target.path], cwd: root, scratchDir, timeoutMs: plan.cli.timeoutMs });
        lastMs[v.id] = result.ms;
        const ok = !result.timedOut && (result.exitCode === 0 || result.exitCode === 1) && !result.signal;
        if (ok) {
          figures.add(`cli.${target.key}.ms`, v.id, result.ms);
          if (result.rssKiB) figures.add(`cli.${target.key}.rss`, v.id, result.rssKiB / 1024);
        } else {
          failed.add(v.id);
          const slot = figures.at(`cli.${target.key}.ms`, v.id);
          if (result.timedOut) {
            slot.timeouts++;
            slot.deadlineMs = plan.cli.timeoutMs;
          } else {
            slot.errors.push(`exit ${result.exitCode ?? result.signal}: ${result.stderr.split('\n').find((l) => l.trim()) ?? ''}`.slice(0, 200));
          }
          if (result.rssKiB) figures.at(`cli.${target.key}.rss`, v.id).notes.push(`${Math.round(result.rssKiB / 1024)} MiB when it ended`);
          log(`  ${target.key} ${v.id}: ${result.timedOut ? `no result in ${plan.cli.timeoutMs / 1000} s` : `exit ${result.exitCode ?? result.signal}`}`);
        }
      }
    }
  }
}

function packageFigures(figures, servers) {
  const size = (path) => (existsSync(path) ? statSync(path).size : undefined);
  for (const s of servers.filter((s) => s.id !== 'json')) {
    const vsix = size(join(root, 'dist/ld-manifest-tools.vsix'));
    if (vsix) figures.add('package.vsix', s.id, vsix);
    else figures.at('package.vsix', s.id).notes.push('absent: run npm run package');
    const serverJs = size(ourServerPath);
    if (serverJs) figures.add('package.serverJs', s.id, serverJs);
    if (serverJs && readFileSync(ourServerPath, 'utf8').includes('sourceMappingURL')) {
      figures.at('package.serverJs', s.id).notes.push('a development build (unminified, with a source map): `npm run package` builds the production one');
    }
  }
}

// ---------- output ----------

function markdownDocument(results) {
  const { meta } = results;
  const lines = [];
  lines.push(
    `Measured with \`npm run bench${meta.quick ? ' -- --quick' : ''}\` on ${meta.machine.cpus} × ${meta.machine.cpuModel}, Node ${meta.machine.node}, ${meta.date.slice(0, 10)}, ` +
      `at commit \`${meta.git.commit}\`${meta.git.dirty.length ? ` (with uncommitted changes: ${meta.git.dirty.join(', ')})` : ''}, dist/server.js built ${meta.serverJsBuilt?.slice(0, 16).replace('T', ' ') ?? '(absent)'} UTC; ` +
      `load average ${meta.machine.loadAverageAtStart.map((n) => n.toFixed(1)).join(' ')} at the start; ${meta.durationS} s in all.`,
    '',
  );
  lines.push(markdownTable(results.figures, results.context));
  lines.push('');
  lines.push(
    `Columns: our server (\`dist/server.js\`) with \`ldManifest.schema\` \`bundled\`, and \`auto\` (which finds the corpus's \`manifest.schema.json\`, upstream's schema); ` +
      `VS Code's JSON language server (\`vscode-langservers-extracted\` ${jsonServerVersion}) with \`json.schemas\` mapping \`manifest.json\` to that same upstream schema. ` +
      `Diagnostics are pulled with \`textDocument/diagnostic\` from a server that offers it (as VS Code does, right after each didOpen/didChange) and awaited as \`textDocument/publishDiagnostics\` otherwise, so a server's own debounce counts. ` +
      `Times are client-observed medians (p95) over fresh processes; the large-manifest rows give medians for 100 KB / 1 MB / 5 MB; \`> N s\`: no answer within that deadline (then the process was killed); \`*\`: some samples had no answer. ` +
      `The last column is ours (bundled) divided by the JSON server: below 1, ours is faster or smaller.`,
  );
  if (results.documents.large?.length) {
    const clean = results.documents.large.filter((d) => d.counts);
    lines.push('');
    lines.push(
      `Large manifests (generated from the corpus, deterministic: ${results.documents.largeFrom}): ` +
        clean.map((d) => `${SIZE_LABELS[d.size]}: ${d.counts.topLevelFormVariables} top-level and ${d.counts.featureStoreFormVariables} featureStore form variables, ${d.counts.headers} headers, ${d.counts.templateSites} \`{{…}}\` sites`).join('; ') +
        `. Each has a copy with ${results.documents.large.find((d) => d.seeded.length)?.seeded.length ?? 0} seeded errors (misspelt template variables, unknown keys, bad JSON pointers, one JSON syntax error). ` +
        'Completion and hover after an edit and while busy are at a form variable key; "busy" means the server had used CPU since the edit and had not answered yet.',
    );
  }
  const busy = busyLine(results);
  if (busy) lines.push('', busy);
  const items = itemsLine(results);
  if (items) lines.push('', items);
  lines.push('');
  lines.push(`CLI peak RSS by ${meta.rssMethod}. Peak RSS of the servers: VmHWM from /proc.`);
  return lines.join('\n') + '\n';
}

/** What completion after `{{` returned (median item counts): the servers do not answer the same question there. */
function itemsLine(results) {
  const parts = [];
  for (const [figure, label] of [['corpus.completion.template.items', 'corpus'], ...(results.context.sizes ?? []).map((size) => [`large.completion.${size}.template.items`, SIZE_LABELS[size]])]) {
    const byServer = results.figures[figure];
    if (byServer) parts.push(`${label}: ${Object.entries(byServer).map(([id, s]) => `${id} ${s.median ?? '—'}`).join(', ')}`);
  }
  return parts.length ? `Completion items after \`{{\` (median; the JSON server knows no templates): ${parts.join('; ')}.` : undefined;
}

/** How often a hover sent while the server was busy came back before the diagnostics did. */
function busyLine(results) {
  const parts = [];
  for (const size of results.context.sizes ?? []) {
    const per = Object.keys(results.meta.servers)
      .map((id) => {
        const before = results.figures[`large.hoverWhileBusy.beforeDiagnostics.${size}`]?.[id]?.n ?? 0;
        const total = results.figures[`large.hoverWhileBusy.${size}`]?.[id]?.n ?? 0;
        return total ? `${id} ${before}/${total}` : undefined;
      })
      .filter(Boolean);
    if (per.length) parts.push(`${SIZE_LABELS[size]}: ${per.join(', ')}`);
  }
  return parts.length ? `Hovers sent while busy that were answered before the diagnostics came back: ${parts.join('; ')}.` : undefined;
}

function printResults(results, { markdown, log }) {
  log('');
  log(consoleTable(results.figures, results.context));
  const notes = [];
  for (const [figure, byServer] of Object.entries(results.figures)) {
    for (const [server, s] of Object.entries(byServer)) {
      for (const note of [...(s.errors ?? []), ...(s.notes ?? [])]) if (!figure.startsWith('mode')) notes.push(`${figure} ${server}: ${note}`);
    }
  }
  if (results.figures.mode) for (const [server, s] of Object.entries(results.figures.mode)) for (const n of s.notes ?? []) notes.push(`${server}: ${n}`);
  const busy = busyLine(results);
  if (busy) notes.push(busy);
  const items = itemsLine(results);
  if (items) notes.push(items);
  for (const [id, counters] of Object.entries(results.protocol ?? {})) {
    notes.push(`${id} protocol: ${Object.entries(counters).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  if (notes.length) {
    log('');
    log('notes:');
    for (const n of [...new Set(notes)].slice(0, 60)) log(`  ${n}`);
  }
  if (markdown) {
    log('');
    log(markdownDocument(results));
  }
}

// ---------- main ----------

async function main() {
  const opts = options();
  const log = (line) => console.log(line);
  if (opts.help) {
    console.log(HELP);
    return;
  }
  if (opts.report) {
    if (!existsSync(RESULTS_JSON)) throw new UsageError(`${shown(RESULTS_JSON)} does not exist: run the benchmark first`);
    printResults(JSON.parse(readFileSync(RESULTS_JSON, 'utf8')), { markdown: true, log });
    return;
  }
  const plan = opts.quick ? PLANS.quick : PLANS.full;
  const startedAt = now();
  const figures = new Figures();
  const results = {
    meta: {
      date: new Date().toISOString(),
      quick: opts.quick,
      only: opts.only,
      git: gitDescription(),
      machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown CPU', loadAverageAtStart: loadavg() },
      servers: {},
      plan,
      rssMethod: rssMethod(),
      serverJsBuilt: existsSync(ourServerPath) ? statSync(ourServerPath).mtime.toISOString() : undefined,
    },
    context: { sizes: opts.sizes },
    documents: {},
    figures: {},
  };
  const finish = () => {
    results.meta.durationS = Math.round((now() - startedAt) / 1000);
    results.meta.machine.loadAverageAtEnd = loadavg();
    results.figures = summarize(figures.data);
    results.protocol = figures.protocol;
    writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 2) + '\n');
    writeFileSync(RESULTS_MD, markdownDocument(results));
  };

  const scratchDir = mkdtempSync(join(tmpdir(), 'ld-manifest-bench-'));
  const watchdog = setTimeout(() => {
    console.error(`benchmark still running after ${plan.wholeRunMs / 1000} s: stopping, partial results written`);
    killAllServers();
    killAllCliRuns();
    try {
      finish();
      if (!opts['keep-docs']) rmSync(scratchDir, { recursive: true, force: true });
    } finally {
      process.exit(1);
    }
  }, plan.wholeRunMs);
  watchdog.unref();

  log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} (timings are noisy when other work runs)`);
  log(`commit ${results.meta.git.commit}${results.meta.git.dirty.length ? ` (uncommitted: ${results.meta.git.dirty.join(', ')})` : ''}`);

  const buildProblem = ensureBuilt(log);
  let selected = opts.servers;
  if (buildProblem) {
    log(`our server cannot be measured: ${buildProblem}`);
    selected = selected.filter((id) => id === 'json');
  }
  if (!existsSync(jsonServerPath) && selected.includes('json')) {
    log(`${shown(jsonServerPath)} is missing (npm ci installs vscode-langservers-extracted): the JSON server is left out`);
    selected = selected.filter((id) => id !== 'json');
  }

  const corpus = findCorpus();
  if (!corpus) {
    log(`The corpus folder ${shown(CORPUS_DIR)} is absent (or holds no manifests): skipping the corpus, the large manifests made from it and the CLI runs on them.`);
  } else {
    log(`corpus: ${corpus.keys.length} manifests under ${shown(corpus.integrationsDir)}, upstream schema ${corpus.schemaPath ? shown(corpus.schemaPath) : 'absent'}`);
  }
  // A snapshot of the bundles, so that a rebuild of dist/ during the run cannot mix two builds.
  const snapshot = (path) => {
    if (!existsSync(path)) return undefined;
    const copy = join(scratchDir, 'dist', relative(join(root, 'dist'), path));
    cpSync(path, copy);
    return copy;
  };
  const serverJs = snapshot(ourServerPath);
  const cliJs = snapshot(ourCliPath);
  const servers = serverDefinitions(corpus?.schemaPath, selected, serverJs);
  for (const s of servers) results.meta.servers[s.id] = s.describe;

  try {
    if (corpus) {
      const corpusDocs = loadCorpus(corpus);
      const typical = pickTypical(corpusDocs);
      results.context.typical = typical.name;
      results.context.corpusSize = corpusDocs.length;
      results.documents.corpus = { manifests: corpusDocs.length, folder: shown(corpus.integrationsDir), typical: { name: typical.name, bytes: typical.text.length } };
      const corpusWorkspaceUri = pathToFileURL(corpus.workspaceDir).href;

      let large = { documents: [] };
      if (opts.only.includes('large') || opts.only.includes('cli')) {
        const sizes = opts.only.includes('large') ? opts.sizes : opts.sizes.includes('5m') ? ['5m'] : [];
        const t = now();
        large = writeLargeDocuments(scratchDir, corpus, corpusDocs, sizes);
        log(`large manifests: ${large.documents.map((d) => `${d.name} ${(d.bytes / 1024).toFixed(0)} KiB`).join(', ')} (${((now() - t) / 1000).toFixed(1)} s)${opts['keep-docs'] ? ` in ${scratchDir}` : ''}`);
        if (large.note) log(`large manifests: ${large.note}`);
        results.documents.large = large.documents.map(({ name, size, bytes, counts, seeded }) => ({ name, size, bytes, counts, seeded }));
        results.context.seeded = large.documents.find((d) => d.seeded.length)?.seeded.length;
        results.documents.largeFrom = `base ${large.base}, featureStore from ${large.featureStoreFrom}, every form variable and header copied from the corpus`;
      }

      if (opts.only.includes('corpus')) await runCorpusPhase({ plan, servers, corpusDocs, typical, figures, log, workspaceUri: corpusWorkspaceUri });
      if (opts.only.includes('worker')) await workerPhase({ plan, corpusDocs, typical, workspaceDir: corpus.workspaceDir, workspaceUri: corpusWorkspaceUri, figures, log });
      if (opts.only.includes('large') && large.documents.length) {
        await runLargePhase({ plan, servers, largeDocs: large.documents, warmup: large.warmup, sizes: opts.sizes, figures, log, workspaceUri: pathToFileURL(scratchDir).href });
      }
      if (opts.only.includes('cli')) {
        const large5m = large.documents.find((d) => d.size === '5m' && !d.seeded.length);
        await runCliPhase({ plan, servers, large5m, corpus, figures, log, scratchDir, cliJs });
      }
    }
    packageFigures(figures, servers);
  } finally {
    killAllServers();
    killAllCliRuns();
    if (!opts['keep-docs']) rmSync(scratchDir, { recursive: true, force: true });
  }
  clearTimeout(watchdog);
  finish();
  printResults(results, { markdown: opts.markdown, log });
  log('');
  log(`wrote ${shown(RESULTS_JSON)} and ${shown(RESULTS_MD)}`);
}

process.on('exit', () => {
  killAllServers();
  killAllCliRuns();
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAllServers();
    killAllCliRuns();
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  console.error(error instanceof UsageError ? `${error.message}\n\n${HELP}` : error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
} finally {
  killAllServers();
  killAllCliRuns();
}
