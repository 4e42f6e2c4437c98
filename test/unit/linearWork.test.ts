// The engine's work grows with the document, not faster: the work meter (nodes visited, keys scanned,
// names compared, schema errors placed) on a manifest ten times larger is about ten times larger.
// A deterministic count, not the clock, so it fails the same on any machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/engine/languageService';
import { detachedHost } from '../../server/src/engine/host';
import { workMeter } from '../../server/src/engine/workMeter';
import { manifestText, positionOf } from '../support/manifests';
import { scaledManifest } from '../support/scaledManifest';

/** Ten times the document may cost a little more than ten times the work (per-document constants aside), never a hundred. */
const MAX_RATIO = 13;

function workFor(text: string, probes: (text: string) => { line: number; character: number }[]): { work: number; diagnostics: number } {
  const service = new LanguageService(detachedHost);
  workMeter.steps = 0;
  const doc = service.snapshot('file:///ws/integrations/scaled/manifest.json', text);
  const diagnostics = service.diagnostics(doc, { schema: 'bundled' }).length;
  for (const position of probes(text)) {
    service.hover(doc, position, { schema: 'bundled' });
    service.completion(doc, position, { schema: 'bundled' });
    service.definition(doc, position);
    service.references(doc, position, true);
  }
  service.documentSymbols(doc);
  service.semanticTokens(doc);
  return { work: workMeter.steps, diagnostics };
}

function assertLinear(name: string, small: string, large: string, probes: (text: string) => { line: number; character: number }[] = () => []) {
  const a = workFor(small, probes);
  const b = workFor(large, probes);
  const ratio = b.work / a.work;
  assert.ok(a.work > 0, `${name}: the meter counted nothing`);
  assert.ok(ratio <= MAX_RATIO, `${name}: ${a.work} steps for ${small.length} characters, ${b.work} for ${large.length} (×${ratio.toFixed(1)})`);
}

const probes = (text: string) => [positionOf(text, 'storeVar1}}', 0, 3), positionOf(text, 'storeVr3', 0, 2), positionOf(text, '"topVar2"', 0, 2)];

test('a manifest with many form variables, templates and mistakes: work grows linearly', () => {
  assertLinear('scaled manifest', manifestText(scaledManifest(100)), manifestText(scaledManifest(1000)), probes);
});

test('many unknown keys in one object: each is placed without rescanning the object', () => {
  const withKeys = (n: number) => {
    const manifest = scaledManifest(10) as Record<string, unknown>;
    for (let i = 0; i < n; i++) manifest[`unknownKey${i}`] = i;
    return manifestText(manifest);
  };
  assertLinear('unknown keys', withKeys(2000), withKeys(20000));
});

test('many form variables with schema errors inside alternatives (anyOf/oneOf)', () => {
  const withBadVariables = (n: number) => {
    const manifest = scaledManifest(n) as any;
    manifest.formVariables.forEach((v: any, i: number) => {
      if (i % 3 === 0) v.type = 'strng';
      if (i % 3 === 1) v.isSecret = 'yes';
    });
    return manifestText(manifest);
  };
  assertLinear('schema errors', withBadVariables(200), withBadVariables(2000));
});

test('a long JSON pointer of "~" characters', () => {
  const withPointer = (n: number) => {
    const manifest = scaledManifest(10) as any;
    manifest.capabilities.featureStore.validationRequest.parser.success = '/' + '~'.repeat(n);
    return manifestText(manifest);
  };
  assertLinear('tilde pointer', withPointer(3300), withPointer(33000));
});
