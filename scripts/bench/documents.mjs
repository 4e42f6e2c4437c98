// The documents the benchmark opens: the real corpus manifests, a "typical" one among them, larger
// synthetic manifests made from a real one, a broken one, and the realistic positions for
// completion and hover in each.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsonc from 'jsonc-parser';

export const CORPUS_ROOT = '/work/shared/corpus/integration-framework';
export const UPSTREAM_SCHEMA = join(CORPUS_ROOT, 'manifest.schema.json');

/** Corpus manifests as { name, uri, text }, or undefined when the corpus is absent. */
export function loadCorpus() {
  const integrations = join(CORPUS_ROOT, 'integrations');
  if (!existsSync(integrations) || !existsSync(UPSTREAM_SCHEMA)) return undefined;
  return readdirSync(integrations)
    .filter((key) => existsSync(join(integrations, key, 'manifest.json')))
    .sort()
    .map((key) => {
      const path = join(integrations, key, 'manifest.json');
      return { name: key, uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') };
    });
}

/** The median-sized manifest among those with the parts the positions need (name, categories, capabilities). */
export function pickTypical(corpus) {
  const candidates = corpus
    .filter((doc) => {
      const value = JSON.parse(doc.text);
      return value.name && Array.isArray(value.categories) && value.capabilities && Object.keys(value.capabilities).length > 0;
    })
    .sort((a, b) => a.text.length - b.text.length);
  return candidates[Math.floor(candidates.length / 2)];
}

/**
 * A larger manifest made from a real one by adding `extraFormVariables` form variables. Its URI sits
 * in the corpus (the file does not exist), so that both servers apply the same upstream schema.
 */
export function synthesize(base, extraFormVariables) {
  const manifest = JSON.parse(base.text);
  const formVariables = Array.isArray(manifest.formVariables) ? manifest.formVariables : [];
  for (let i = 0; i < extraFormVariables; i++) {
    const kind = i % 3;
    formVariables.push({
      key: `synthVar${i}`,
      name: `Synthetic variable ${i}`,
      description: `Form variable ${i}, generated for a large benchmark manifest.`,
      type: kind === 0 ? 'string' : kind === 1 ? 'boolean' : 'enum',
      ...(kind === 2 ? { allowedValues: ['alpha', 'beta', 'gamma'] } : {}),
      ...(kind === 1 ? { defaultValue: false } : { placeholder: `value ${i}` }),
      isOptional: i % 2 === 0,
    });
  }
  manifest.formVariables = formVariables;
  const text = JSON.stringify(manifest, null, 2) + '\n';
  const name = `synthetic-${Math.round(text.length / 1024)}KB`;
  return { name, uri: pathToFileURL(join(CORPUS_ROOT, 'integrations', `bench-${name}`, 'manifest.json')).href, text };
}

/** A manifest with schema errors (an unknown category, a bad version, an unknown top-level property), still valid JSON. */
export function breakManifest(base) {
  const manifest = JSON.parse(base.text);
  manifest.version = 'one';
  manifest.categories = ['not-a-category'];
  manifest.notAManifestProperty = true;
  const text = JSON.stringify(manifest, null, 2) + '\n';
  return { name: 'broken', uri: pathToFileURL(join(CORPUS_ROOT, 'integrations', 'bench-broken', 'manifest.json')).href, text };
}

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * Realistic places to ask for completion and hover: inside the first top-level key, inside the first
 * category value (an enum), and inside the first key of the first capability (nested schema).
 */
export function probePositions(doc) {
  const tree = jsonc.parseTree(doc.text);
  const at = (path, keyOrValue) => {
    const node = jsonc.findNodeAtLocation(tree, path);
    if (!node) return undefined;
    const target = keyOrValue === 'key' ? node.parent.children[0] : node;
    return positionAt(doc.text, target.offset + 1);
  };
  const capabilities = JSON.parse(doc.text).capabilities ?? {};
  const firstCapability = Object.keys(capabilities).find((key) => Object.keys(capabilities[key] ?? {}).length > 0 && !Array.isArray(capabilities[key]));
  const firstCapabilityKey = firstCapability && Object.keys(capabilities[firstCapability])[0];
  return [
    { label: 'top-level key "name"', position: at(['name'], 'key') },
    { label: 'category value', position: at(['categories', 0], 'value') },
    {
      label: `key in capabilities.${firstCapability}`,
      position: firstCapabilityKey ? at(['capabilities', firstCapability, firstCapabilityKey], 'key') : undefined,
    },
  ].filter((probe) => probe.position);
}

/** An edit that flips the value of "version" between a valid and an invalid one (`flip` = even/odd). */
export function versionEdit(doc, currentText, flip) {
  const match = /"version"\s*:\s*"([^"]*)"/.exec(currentText);
  if (!match) throw new Error(`${doc.name} has no "version" to edit`);
  const valueStart = match.index + match[0].length - match[1].length - 1;
  const range = { start: positionAt(currentText, valueStart), end: positionAt(currentText, valueStart + match[1].length) };
  const newValue = flip ? '1.0' : '1.0.0';
  const newText = currentText.slice(0, valueStart) + newValue + currentText.slice(valueStart + match[1].length);
  return { range, newValue, newText };
}
