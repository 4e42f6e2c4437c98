// Real manifests broken the ways authors and tools break them (values of the wrong type, renamed keys,
// template and pointer fragments, text cut off mid-way): every feature answers, none throws, and no
// manifest ends in `analysis-failed`. Deterministic: the same mutations on every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../server/src/engine/languageService';
import { createNodeHost } from '../../server/src/node/nodeHost';
import { corpusRoot } from '../support/manifests';

const ODD_VALUES: unknown[] = [null, true, 0, -1.5, '', 'x', '{{', '{{#if}}', '/~', [], {}, [[[]]], { key: 1 }, ['a', 1, null], '{{a.b.c}}', 'https://{{x}}'];

/** A small deterministic generator (the same sequence on every run). */
function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

function mutate(value: unknown, random: () => number): unknown {
  if (random() < 0.08) return ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  if (Array.isArray(value)) return value.map((item) => mutate(item, random));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [random() < 0.03 ? `${key}X` : key, mutate(item, random)]));
  }
  return value;
}

test('mutated and truncated corpus manifests: every feature answers, nothing throws, nothing fails to analyse', (t) => {
  const root = corpusRoot();
  if (!root) return t.skip('no corpus at ../shared/corpus on this machine');
  const random = generator(42);
  const service = new LanguageService(createNodeHost([root]));
  let documents = 0;
  for (const key of readdirSync(join(root, 'integrations'))) {
    const path = join(root, 'integrations', key, 'manifest.json');
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    for (let variant = 0; variant < 4; variant++) {
      const full = JSON.stringify(mutate(value, random), null, 2);
      const text = variant === 3 ? full.slice(0, Math.floor(random() * full.length)) : full;
      const doc = service.snapshot(pathToFileURL(path).href, text, variant + 1);
      documents++;
      const diagnostics = service.diagnostics(doc);
      assert.ok(!diagnostics.some((d) => d.code === 'analysis-failed'), `${key} #${variant}: ${diagnostics.find((d) => d.code === 'analysis-failed')?.message}`);
      const lines = text.split('\n').length;
      for (let probe = 0; probe < 6; probe++) {
        const position = { line: Math.floor(random() * lines), character: Math.floor(random() * 40) };
        service.hover(doc, position);
        service.completion(doc, position);
        service.definition(doc, position);
        service.references(doc, position, true);
        service.prepareRename(doc, position);
        service.rename(doc, position, 'renamed');
        service.codeActions(doc, { start: position, end: position }, diagnostics);
        service.selectionRanges(doc, [position]);
      }
      service.documentSymbols(doc);
      service.foldingRanges(doc);
      service.semanticTokens(doc);
      service.documentLinks(doc);
      service.format(doc, { tabSize: 2, insertSpaces: true });
      service.requestLenses(doc);
    }
  }
  assert.equal(documents, 129 * 4);
});
