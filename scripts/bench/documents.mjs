// The documents the benchmark opens: the real corpus manifests (found relative to the project
// root), a "typical" one among them, large synthetic manifests generated deterministically from the
// corpus (clean copies and copies with seeded errors), the one-character edit sites and the
// positions for completion and hover.
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import jsonc from 'jsonc-parser';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared corpus folder, relative to the project root. */
export const CORPUS_DIR = resolve(root, '../shared/corpus');

/** A path for display: relative to the project root, never an absolute machine path. */
export const shown = (path) => relative(root, path) || '.';

/**
 * Where the corpus manifests and the upstream schema are. The corpus keeps upstream's layout
 * (`<corpus>/integration-framework/integrations/<key>/manifest.json` beside
 * `<corpus>/integration-framework/manifest.schema.json`); a flat `<corpus>/<key>/manifest.json`
 * works too. Undefined when there is no corpus.
 */
export function findCorpus(corpusDir = CORPUS_DIR) {
  if (!existsSync(corpusDir)) return undefined;
  const candidates = [join(corpusDir, 'integration-framework', 'integrations'), join(corpusDir, 'integrations'), corpusDir];
  for (const integrationsDir of candidates) {
    if (!existsSync(integrationsDir)) continue;
    const keys = readdirSync(integrationsDir)
      .filter((key) => existsSync(join(integrationsDir, key, 'manifest.json')))
      .sort();
    if (keys.length === 0) continue;
    const workspaceDir = integrationsDir === corpusDir ? corpusDir : dirname(integrationsDir);
    const schemaPath = [join(workspaceDir, 'manifest.schema.json'), join(corpusDir, 'manifest.schema.json')].find((p) => existsSync(p));
    return { corpusDir, integrationsDir, workspaceDir, schemaPath, keys };
  }
  return undefined;
}

/** The upstream schema (the workspace's `manifest.schema.json` of the corpus), or undefined. */
export const UPSTREAM_SCHEMA = findCorpus()?.schemaPath;

/** Corpus manifests as { name, path, uri, text }. */
export function loadCorpus(corpus) {
  return corpus.keys.map((key) => {
    const path = join(corpus.integrationsDir, key, 'manifest.json');
    return { name: key, path, uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') };
  });
}

/** The median-sized manifest among those with a name, categories and at least one capability. */
export function pickTypical(corpus) {
  const candidates = corpus
    .filter((doc) => {
      const value = JSON.parse(doc.text);
      return value.name && Array.isArray(value.categories) && value.capabilities && Object.keys(value.capabilities).length > 0;
    })
    .sort((a, b) => a.text.length - b.text.length || a.name.localeCompare(b.name));
  return candidates[Math.floor(candidates.length / 2)];
}

// ---------- positions ----------

export class LineIndex {
  constructor(text) {
    this.starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  positionAt(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}

/** Every string node of a jsonc tree with its path, in document order. */
function* stringNodes(node, path = []) {
  if (!node) return;
  if (node.type === 'string') yield { node, path };
  if (node.type === 'object') {
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && value) yield* stringNodes(value, [...path, key.value]);
    }
  } else if (node.type === 'array') {
    for (let i = 0; i < (node.children ?? []).length; i++) yield* stringNodes(node.children[i], [...path, i]);
  }
}

/**
 * Realistic places for completion and hover in a corpus manifest, found in its text: inside the
 * top-level "name" key (keys valid here), inside the first category (an enum value), inside the first
 * "method" value (an enum deep in a capability), and just after the `{{` of the first template in an
 * endpoint url or header (template variables). A manifest has those it has.
 */
export function corpusProbes(text) {
  const tree = jsonc.parseTree(text);
  const index = new LineIndex(text);
  const probes = [];
  const nameKey = jsonc.findNodeAtLocation(tree, ['name'])?.parent?.children?.[0];
  if (nameKey) probes.push({ id: 'key', what: 'inside the top-level "name" key', offset: nameKey.offset + 2 });
  const category = jsonc.findNodeAtLocation(tree, ['categories', 0]);
  if (category?.type === 'string') probes.push({ id: 'enum', what: 'inside the first category value', offset: category.offset + 1 });
  let method;
  let template;
  for (const { node, path } of stringNodes(tree)) {
    if (!method && path.at(-1) === 'method') method = node;
    if (!template && (path.at(-1) === 'url' || (path.at(-1) === 'value' && path.at(-3) === 'headers')) && node.value.includes('{{')) template = node;
  }
  if (method) probes.push({ id: 'method', what: 'inside the first "method" value', offset: method.offset + 1 });
  if (template) {
    const raw = text.slice(template.offset, template.offset + template.length);
    probes.push({ id: 'template', what: 'just after the "{{" of the first endpoint template', offset: template.offset + raw.indexOf('{{') + 2 });
  }
  return probes.map((p) => ({ ...p, position: index.positionAt(p.offset) }));
}

/**
 * Where the one-character edit goes: just inside the first "description" string value (every
 * manifest has one), else inside the first string value. `after` picks the first one past that
 * offset (the large manifests are edited in the middle).
 */
export function editOffset(text, after = 0) {
  for (const re of [/"description"\s*:\s*"/g, /:\s*"/g]) {
    re.lastIndex = after;
    const match = re.exec(text);
    if (match) return match.index + match[0].length;
  }
  return text.length;
}

// ---------- large synthetic manifests ----------

/** A deep copy of JSON data. */
const clone = (value) => JSON.parse(JSON.stringify(value));
const TEMPLATE = /\{\{\{[^}]*\}\}\}|\{\{[^}]*\}\}/g;
const SIZE_BYTES = { '100k': 100 * 1024, '1m': 1024 * 1024, '5m': 5 * 1024 * 1024 };
export const SIZE_LABELS = { '100k': '100 KB', '1m': '1 MB', '5m': '5 MB' };
export const SIZES = Object.keys(SIZE_BYTES);

/** Every object in an array under `key` anywhere in `value`. */
function collect(value, key, out = []) {
  if (Array.isArray(value)) for (const item of value) collect(item, key, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && Array.isArray(v)) out.push(...v.filter((item) => item && typeof item === 'object' && !Array.isArray(item)));
      collect(v, key, out);
    }
  }
  return out;
}

/**
 * Form variables that stand on their own (no dynamic options or dependencies to carry along) and
 * are consistent about defaults (a default exactly when optional), so that copies are not errors.
 */
const selfContained = (fv) =>
  typeof fv.key === 'string' && typeof fv.name === 'string' && !fv.dynamicOptions && !fv.dependsOn && (fv.isOptional === true) === 'defaultValue' in fv;
/** Form variables inside a capability must also be of a simple type. */
const capabilitySafe = (fv) => selfContained(fv) && ['string', 'uri', 'enum', 'boolean'].includes(fv.type) && (!fv.isSecret || fv.type === 'string');
/** A header value whose templates can all be rewritten by TEMPLATE (no `{{` nested in a string argument). */
const rewritable = (value) => value.includes('{{') && !/\{\{|\}\}/.test(value.replace(TEMPLATE, ''));

function withSuffix(value, max, suffix) {
  return `${String(value).replace(/\s/g, '').slice(0, max - suffix.length)}${suffix}`;
}

/**
 * The parts the large manifests are made of, all from the corpus: every form variable and endpoint
 * header of every manifest; a featureStore capability (the first manifest, by key, whose featureStore
 * has a validation request with headers and simple form variables); and as the base a manifest with
 * an auditLogEventsHook endpoint with headers, top-level form variables and preferably a trigger (the
 * first by key), whose files (icons, templates) are linked beside the generated manifest.
 */
export function corpusParts(corpus) {
  const manifests = corpus.map((doc) => ({ name: doc.name, path: doc.path, value: JSON.parse(doc.text) }));
  const formVariables = manifests.flatMap((m) => collect(m.value, 'formVariables'));
  const headers = manifests.flatMap((m) => collect(m.value, 'headers')).filter((h) => typeof h.name === 'string' && typeof h.value === 'string');
  const featureStoreDonor = manifests.find(
    (m) => m.value.capabilities?.featureStore?.validationRequest?.endpoint?.headers?.length && m.value.capabilities.featureStore.formVariables?.every(capabilitySafe),
  );
  const auditWithVariables = (m) => m.value.capabilities?.auditLogEventsHook?.endpoint?.headers?.length && m.value.formVariables?.length;
  // Preferably one with a trigger too: its parser holds JSON pointers to break.
  const base = manifests.find((m) => auditWithVariables(m) && m.value.capabilities.trigger?.parser) ?? manifests.find(auditWithVariables);
  if (!featureStoreDonor || !base || formVariables.length === 0 || headers.length === 0) return undefined;
  return {
    base,
    featureStoreDonor,
    topPool: formVariables.filter(selfContained),
    featureStorePool: formVariables.filter(capabilitySafe),
    templatedHeaders: headers.filter((h) => rewritable(h.value)),
    plainHeaders: headers.filter((h) => !h.value.includes('{{')),
  };
}

function formVariableCopy(pool, i, taken) {
  const fv = clone(pool[i % pool.length]);
  let n = i;
  let key;
  do key = withSuffix(fv.key, 20, `_${n++}`); // the schema's maxLength for keys, no spaces
  while (taken.has(key));
  taken.add(key);
  fv.key = key;
  fv.name = `${String(fv.name).slice(0, 50 - String(i).length - 2)} #${i}`;
  return fv;
}

function headerCopy(header, i, variable) {
  return {
    name: withSuffix(header.name, 50, `-${i}`),
    value: variable === undefined ? header.value : header.value.replace(TEMPLATE, (m) => (m.startsWith('{{{') ? `{{{${variable}}}}` : `{{${variable}}}`)),
  };
}

/**
 * A large manifest of `n` units: 4n top-level form variables, 3n featureStore form variables, each
 * used by one featureStore header (plus one plain header per two), and 2n auditLogEventsHook headers
 * that use the top-level form variables. Deterministic: the same corpus gives the same text.
 */
function build(parts, n) {
  const manifest = clone(parts.base.value);
  manifest.name = `${manifest.name} (synthetic, large)`;
  const topTaken = new Set(manifest.formVariables.map((fv) => fv.key));
  const topKeys = manifest.formVariables.map((fv) => fv.key);
  for (let i = 0; i < 4 * n; i++) {
    const fv = formVariableCopy(parts.topPool, i, topTaken);
    manifest.formVariables.push(fv);
    topKeys.push(fv.key);
  }
  const auditHeaders = manifest.capabilities.auditLogEventsHook.endpoint.headers;
  for (let i = 0; i < 2 * n; i++) {
    const header = parts.templatedHeaders[i % parts.templatedHeaders.length];
    auditHeaders.push(headerCopy(header, i, topKeys[i % topKeys.length]));
  }

  const featureStore = clone(parts.featureStoreDonor.value.capabilities.featureStore);
  const fsTaken = new Set(featureStore.formVariables.map((fv) => fv.key));
  const fsHeaders = [];
  for (let i = 0; i < 3 * n; i++) {
    const fv = formVariableCopy(parts.featureStorePool, i, fsTaken);
    featureStore.formVariables.push(fv);
    fsHeaders.push(headerCopy(parts.templatedHeaders[i % parts.templatedHeaders.length], i, fv.key));
    if (i % 2 === 1) fsHeaders.push(headerCopy(parts.plainHeaders[i % parts.plainHeaders.length], 1_000_000 + i));
  }
  const half = Math.ceil(fsHeaders.length / 2);
  featureStore.validationRequest.endpoint.headers.push(...fsHeaders.slice(0, half));
  featureStore.featureStoreRequest.endpoint.headers.push(...fsHeaders.slice(half));
  manifest.capabilities = { featureStore, ...manifest.capabilities };
  return manifest;
}

const serialize = (manifest) => JSON.stringify(manifest, null, 2) + '\n';

/** The manifest of about `bytes` bytes. */
function sized(parts, bytes) {
  const empty = Buffer.byteLength(serialize(build(parts, 0)));
  const perUnit = (Buffer.byteLength(serialize(build(parts, 20))) - empty) / 20;
  let n = Math.max(1, Math.round((bytes - empty) / perUnit));
  const first = Buffer.byteLength(serialize(build(parts, n)));
  n = Math.max(1, Math.round(n * ((bytes - empty) / (first - empty))));
  return build(parts, n);
}

/**
 * The same manifest with seeded errors spread through it: misspelt template variables (featureStore
 * and auditLogEventsHook headers), unknown keys in form variables, bad JSON pointers in parsers, and
 * one JSON syntax error (a missing comma between two form variables, three quarters down).
 */
function seedErrors(manifest, count = 6) {
  const broken = clone(manifest);
  const seeded = [];
  const misspell = (key) => key[1] + key[0] + key.slice(2);
  const fsHeaders = broken.capabilities.featureStore.featureStoreRequest.endpoint.headers;
  const auditHeaders = broken.capabilities.auditLogEventsHook.endpoint.headers;
  for (let j = 0; j < count; j++) {
    const headers = j % 2 === 0 ? fsHeaders : auditHeaders;
    const templated = headers.map((h, i) => [h, i]).filter(([h]) => /\{\{\s*[\w]+\s*\}\}/.test(h.value));
    const [header] = templated[Math.floor(((j + 0.5) * templated.length) / count)];
    header.value = header.value.replace(/\{\{\s*([\w]+)\s*\}\}/, (_, key) => `{{${misspell(key)}}}`);
    seeded.push({ kind: 'misspelt template variable', where: header.name });
  }
  const top = broken.formVariables;
  for (let j = 0; j < count; j++) {
    const fv = top[Math.floor(((j + 0.5) * top.length) / count)];
    fv.isOptinal = true;
    seeded.push({ kind: 'unknown key', where: `formVariables ${fv.key}: "isOptinal"` });
  }
  const validationParser = broken.capabilities.featureStore.validationRequest?.parser;
  if (validationParser?.success !== undefined) {
    validationParser.success = validationParser.success.replace(/^\//, '');
    seeded.push({ kind: 'bad JSON pointer', where: 'featureStore validationRequest parser "success" without a leading "/"' });
  }
  const triggerParser = broken.capabilities.trigger?.parser;
  if (triggerParser) {
    const key = Object.keys(triggerParser).find((k) => typeof triggerParser[k] === 'string' && triggerParser[k].startsWith('/'));
    if (key) {
      triggerParser[key] = `${triggerParser[key]}~2`;
      seeded.push({ kind: 'bad JSON pointer', where: `trigger parser "${key}" with "~2"` });
    }
  }
  let text = serialize(broken);
  const target = top[Math.floor(top.length * 0.75)];
  const needle = `"key": ${JSON.stringify(target.key)}`;
  const at = text.indexOf(needle);
  const comma = text.lastIndexOf('},', at);
  if (at > 0 && comma > 0) {
    text = text.slice(0, comma + 1) + text.slice(comma + 2);
    seeded.push({ kind: 'JSON syntax error', where: `missing comma before form variable ${target.key}` });
  }
  return { text, seeded };
}

/**
 * Completion and hover positions in a large manifest, late in the text so that nothing is found
 * early: inside a property key of the middle top-level form variable (schema keys), inside the
 * featureStore request's "method" value (an enum after thousands of form variables), and just after
 * the `{{` of the last featureStore header (thousands of template variables in scope).
 */
export function largeProbes(text) {
  const tree = jsonc.parseTree(text);
  const index = new LineIndex(text);
  const value = jsonc.getNodeValue(tree);
  const probes = [];
  const middle = Math.floor(value.formVariables.length / 2);
  const nameKey = jsonc.findNodeAtLocation(tree, ['formVariables', middle, 'name'])?.parent?.children?.[0];
  if (nameKey) probes.push({ id: 'key', what: `inside the "name" key of form variable ${middle}`, offset: nameKey.offset + 2 });
  const method = jsonc.findNodeAtLocation(tree, ['capabilities', 'featureStore', 'featureStoreRequest', 'endpoint', 'method']);
  if (method) probes.push({ id: 'method', what: 'inside the featureStore request "method" value', offset: method.offset + 1 });
  const headers = value.capabilities.featureStore.featureStoreRequest.endpoint.headers;
  const last = headers.findLastIndex((h) => h.value.includes('{{'));
  const header = jsonc.findNodeAtLocation(tree, ['capabilities', 'featureStore', 'featureStoreRequest', 'endpoint', 'headers', last, 'value']);
  if (header) {
    const raw = text.slice(header.offset, header.offset + header.length);
    probes.push({ id: 'template', what: 'just after the "{{" of the last featureStore header', offset: header.offset + raw.indexOf('{{') + 2 });
  }
  return probes.map((p) => ({ ...p, position: index.positionAt(p.offset) }));
}

/**
 * Writes the large manifests under `dir` (`<dir>/integrations/bench-<size>[-errors]/manifest.json`,
 * with the base manifest's icons and templates copied beside each, and the upstream schema copied to
 * `<dir>/manifest.schema.json` so that "workspace schema" means the same schema as in the corpus),
 * and a warm-up manifest (the base itself) in the same workspace.
 */
export function writeLargeDocuments(dir, corpus, corpusDocs, sizes) {
  const parts = corpusParts(corpusDocs);
  if (!parts) return { documents: [], note: 'the corpus lacks a featureStore or auditLogEventsHook manifest to build from' };
  mkdirSync(join(dir, 'integrations'), { recursive: true });
  if (corpus.schemaPath) copyFileSync(corpus.schemaPath, join(dir, 'manifest.schema.json'));
  const baseDir = dirname(parts.base.path);
  const documents = [];
  const write = (name, size, manifestText, seeded) => {
    let text = manifestText;
    const folder = join(dir, 'integrations', name);
    mkdirSync(folder, { recursive: true });
    // Copies, not links: the server refuses files that resolve outside the workspace.
    for (const entry of readdirSync(baseDir)) {
      if (entry !== 'manifest.json') cpSync(join(baseDir, entry), join(folder, entry), { recursive: true, dereference: true });
    }
    const path = join(folder, 'manifest.json');
    // Each generated manifest is its own integration: an OAuth key shared between them would be reported.
    text = text.replace(/("oauthIntegrationKey": )"[^"]*"/, `$1"${name}"`);
    writeFileSync(path, text);
    documents.push({ name, size, path, uri: pathToFileURL(path).href, text, bytes: Buffer.byteLength(text), seeded });
  };
  // A small manifest of the same workspace, opened first so that the large ones meet a warm server.
  write('bench-warmup', 'warmup', serialize(parts.base.value), []);
  const warmup = documents.pop();
  for (const size of sizes) {
    const manifest = sized(parts, SIZE_BYTES[size]);
    write(`bench-${size}`, size, serialize(manifest), []);
    const { text, seeded } = seedErrors(manifest);
    write(`bench-${size}-errors`, size, text, seeded);
  }
  const describe = (m) => ({
    topLevelFormVariables: m.formVariables.length,
    featureStoreFormVariables: m.capabilities.featureStore.formVariables.length,
    headers:
      m.capabilities.featureStore.validationRequest.endpoint.headers.length +
      m.capabilities.featureStore.featureStoreRequest.endpoint.headers.length +
      m.capabilities.auditLogEventsHook.endpoint.headers.length,
    templateSites: (serialize(m).match(TEMPLATE) ?? []).length,
  });
  for (const doc of documents) if (!doc.seeded.length) doc.counts = describe(JSON.parse(doc.text));
  return { documents, warmup, base: parts.base.name, featureStoreFrom: parts.featureStoreDonor.name };
}
