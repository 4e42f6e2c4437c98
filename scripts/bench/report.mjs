// Turns the recorded samples into statistics, a console table and a Markdown table (one row per
// figure; the large-manifest figures of the three sizes share a row there).
import { SIZE_LABELS, SIZES } from './documents.mjs';

export const SERVER_COLUMNS = [
  { id: 'bundled', title: 'ours (bundled schema)' },
  { id: 'workspace', title: 'ours (workspace schema)' },
  { id: 'json', title: 'VS Code JSON server' },
];

/** The figures in table order. unit: ms | MiB | bytes | text. */
export function figureList(context) {
  const n = context.corpusSize ?? 129;
  const list = [
    { id: 'mode', section: 'setup', label: 'diagnostics model', unit: 'text' },
    { id: 'schemaOrigin', section: 'setup', label: 'schema in force (as the server reports it)', unit: 'text' },
    { id: 'corpus.initialize', section: 'corpus', label: 'spawn → initialize response', unit: 'ms' },
    { id: 'corpus.firstDiagnostics', section: 'corpus', label: `spawn → first diagnostics, typical manifest (${context.typical ?? 'median size'})`, unit: 'ms' },
    { id: 'corpus.rssFirstDiagnostics', section: 'corpus', label: 'peak RSS at those first diagnostics', unit: 'MiB' },
    { id: 'corpus.open', section: 'corpus', label: `didOpen → diagnostics, each of the ${n} manifests (warm server)`, unit: 'ms' },
    { id: 'corpus.change', section: 'corpus', label: 'one-character didChange → diagnostics', unit: 'ms' },
    { id: 'corpus.repull', section: 'corpus', label: 'diagnostics pulled again, manifest unchanged', unit: 'ms' },
    { id: 'corpus.completion', section: 'corpus', label: 'completion (key, enum value, method, after `{{`)', unit: 'ms' },
    { id: 'corpus.hover', section: 'corpus', label: 'hover (same positions)', unit: 'ms' },
    { id: 'corpus.allDiagnosed', section: 'corpus', label: `all ${n} opened at once → all diagnosed (fresh process)`, unit: 'ms' },
    { id: 'corpus.peakRss', section: 'corpus', label: `peak RSS (VmHWM), all ${n} open and diagnosed`, unit: 'MiB' },
    { id: 'corpus.diagnostics', section: 'corpus', label: `diagnostics on the ${n} manifests`, unit: 'text' },
    { id: 'worker.initialize', section: 'browser worker', label: 'web extension server (headless Chromium worker): new Worker → initialize response', unit: 'ms', oursOnly: true },
    { id: 'worker.firstDiagnostics', section: 'browser worker', label: `… new Worker → first diagnostics, typical manifest (files read through the client)`, unit: 'ms', oursOnly: true },
    { id: 'worker.open', section: 'browser worker', label: `… didOpen → diagnostics, each of the ${n} manifests (warm worker)`, unit: 'ms', oursOnly: true },
  ];
  const large = [
    ['open', 'didOpen → diagnostics', 'ms'],
    ['change', 'one-character didChange → diagnostics', 'ms'],
    ['repull', 'diagnostics pulled again, document unchanged', 'ms'],
    ['completionAfterEdit', 'completion sent right after an edit', 'ms'],
    ['hoverAfterEdit', 'hover sent right after an edit', 'ms'],
    ['hoverWhileBusy', 'hover sent while diagnostics are being computed', 'ms'],
    ['completion', 'completion, unchanged document (key, method, after `{{`)', 'ms'],
    ['hover', 'hover, unchanged document (same positions)', 'ms'],
    ['openErrors', 'didOpen → diagnostics, copy with seeded errors', 'ms'],
    ['cleanFound', 'diagnostics on the clean copy', 'text'],
    ['errorsFound', `diagnostics on the copy with ${context.seeded ?? 'the'} seeded errors`, 'text'],
    ['peakRss', 'peak RSS (VmHWM) after all of the above', 'MiB'],
  ];
  for (const [name, label, unit] of large) {
    for (const size of context.sizes ?? SIZES) {
      list.push({ id: `large.${name}.${size}`, section: 'large', row: `large.${name}`, size, label: `${label}, ${SIZE_LABELS[size]}`, rowLabel: label, unit });
    }
  }
  list.push(
    { id: 'cli.corpus.ms', section: 'cli', label: `\`ld-manifest lint ../shared/corpus\` (${n} manifests): wall time`, unit: 'ms', oursOnly: true },
    { id: 'cli.corpus.rss', section: 'cli', label: '… peak RSS', unit: 'MiB', oursOnly: true },
    { id: 'cli.5m.ms', section: 'cli', label: '`ld-manifest lint` of the 5 MB manifest: wall time', unit: 'ms', oursOnly: true },
    { id: 'cli.5m.rss', section: 'cli', label: '… peak RSS', unit: 'MiB', oursOnly: true },
    { id: 'package.vsix', section: 'package', label: 'dist/ld-manifest-tools.vsix', unit: 'bytes', oursOnly: true },
    { id: 'package.serverJs', section: 'package', label: 'dist/server.js', unit: 'bytes', oursOnly: true },
    { id: 'package.webServerJs', section: 'package', label: 'dist/web/server.js (the web extension\'s worker)', unit: 'bytes', oursOnly: true },
  );
  return list;
}

// ---------- statistics ----------

export function stats(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const r = (v) => Math.round(v * 100) / 100;
  return { n: sorted.length, median: r(rank(50)), p95: r(rank(95)), min: r(sorted[0]), max: r(sorted.at(-1)) };
}

/** { figureId: { serverId: { stats, timeouts, deadlineMs, errors, notes, text } } } */
export function summarize(data) {
  const out = {};
  for (const [figure, byServer] of Object.entries(data)) {
    out[figure] = {};
    for (const [server, slot] of Object.entries(byServer)) {
      out[figure][server] = {
        ...(slot.values.length ? stats(slot.values) : {}),
        ...(slot.timeouts ? { timeouts: slot.timeouts, deadlineMs: slot.deadlineMs } : {}),
        ...(slot.errors.length ? { errors: [...new Set(slot.errors)] } : {}),
        ...(slot.notes.length ? { notes: [...new Set(slot.notes)] } : {}),
        ...(slot.text !== undefined ? { text: slot.text } : {}),
      };
    }
  }
  return out;
}

// ---------- formatting ----------

function number(value, unit) {
  if (value === undefined) return '—';
  if (unit === 'ms') return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
  if (unit === 'MiB') return `${Math.round(value)} MiB`;
  if (unit === 'bytes') return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MiB` : `${Math.round(value / 1024)} KiB`;
  return String(value);
}

/** One cell: median (p95) [n], or what went wrong. `style`: 'console' | 'markdown' | 'short'. */
export function cell(summary, unit, style) {
  if (!summary) return '—';
  if (unit === 'text') return summary.text ?? (summary.errors ? 'failed' : '—');
  const deadline = summary.deadlineMs ? `${Math.round(summary.deadlineMs / 1000)} s` : undefined;
  if (!summary.n) {
    if (summary.timeouts) return style === 'short' ? `> ${deadline}` : `no answer in ${deadline}`;
    if (summary.errors) return style === 'short' ? 'failed' : `failed: ${summary.errors[0].slice(0, style === 'console' ? 80 : 60)}`;
    if (summary.notes) return style === 'short' ? 'n/a' : `n/a (${summary.notes[0]})`;
    return '—';
  }
  let text = number(summary.median, unit);
  const spread = unit === 'ms' && summary.n > 1;
  if (style === 'console') text += spread ? ` (p95 ${number(summary.p95, unit)}, n=${summary.n})` : summary.n > 1 ? ` (n=${summary.n})` : '';
  if (style === 'markdown' && spread) text += ` (p95 ${number(summary.p95, unit)})`;
  if (summary.timeouts) text += style === 'short' ? '*' : ` + ${summary.timeouts} with no answer in ${deadline}`;
  return text;
}

/** ours (bundled) / JSON server, on medians; a timed-out side gives a bound. */
export function ratio(ours, json, unit) {
  if (!ours || !json || unit === 'text' || unit === 'bytes') return '—';
  const o = ours.n ? ours.median : ours.timeouts ? ours.deadlineMs : undefined;
  if (o === undefined || !json.n || json.median === 0) return '—';
  const value = o / json.median;
  const text = value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2);
  return ours.n ? `${text}×` : `> ${text}×`;
}

export function consoleTable(summary, context) {
  const rows = [['figure', ...SERVER_COLUMNS.map((c) => c.title), 'ours/JSON']];
  let section;
  for (const figure of figureList(context)) {
    const byServer = summary[figure.id];
    if (!byServer) continue;
    if (figure.section !== section) {
      section = figure.section;
      rows.push([`-- ${section}`, '', '', '', '']);
    }
    rows.push([
      figure.label,
      ...SERVER_COLUMNS.map((c) => (figure.oursOnly && c.id === 'json' ? 'n/a' : cell(byServer[c.id], figure.unit, 'console'))),
      figure.oursOnly ? '' : ratio(byServer.bundled, byServer.json, figure.unit),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')).join('\n');
}

const escapeCell = (text) => String(text).replace(/\|/g, '\\|');

export function markdownTable(summary, context) {
  const header = ['figure', ...SERVER_COLUMNS.map((c) => c.title), 'ours (bundled) / JSON'];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  const figures = figureList(context).filter((f) => summary[f.id]);
  const done = new Set();
  for (const figure of figures) {
    if (done.has(figure.row ?? figure.id)) continue;
    done.add(figure.row ?? figure.id);
    if (figure.row) {
      // one row for the three sizes: medians, "a / b / c"
      const group = figures.filter((f) => f.row === figure.row);
      const sizes = group.map((f) => SIZE_LABELS[f.size].replace(' ', '\u00a0')).join(' / ');
      const cells = SERVER_COLUMNS.map((c) => {
        const values = group.map((f) => cell(summary[f.id][c.id], f.unit, figure.unit === 'text' ? 'markdown' : 'short'));
        return figure.unit === 'text' && values.length > 1 && values.every((v) => v === values[0]) ? `${values[0]} (each)` : values.join(' / ');
      });
      const ratios = group.map((f) => ratio(summary[f.id].bundled, summary[f.id].json, f.unit)).join(' / ');
      lines.push(`| ${escapeCell(`${figure.rowLabel}, ${sizes}`)} | ${cells.map(escapeCell).join(' | ')} | ${figure.unit === 'text' ? '' : ratios} |`);
    } else {
      const byServer = summary[figure.id];
      const cells = SERVER_COLUMNS.map((c) => (figure.oursOnly && c.id === 'json' ? 'n/a' : cell(byServer[c.id], figure.unit, 'markdown')));
      lines.push(`| ${escapeCell(figure.label)} | ${cells.map(escapeCell).join(' | ')} | ${figure.oursOnly || figure.unit === 'text' ? '' : ratio(byServer.bundled, byServer.json, figure.unit)} |`);
    }
  }
  return lines.join('\n');
}
