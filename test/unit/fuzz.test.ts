// A bounded fuzz run: corpus manifests mutated at random (values of other types, renamed keys, text
// inserted, deleted and repeated, reserved and control characters), a new seed on every run (printed,
// and taken from LD_FUZZ_SEED to replay one). Every feature answers without throwing, within a
// generous time budget per call, with every range inside the document; a store request is prepared
// from each without throwing. The run stops at a case count or a wall-clock budget, whichever first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver-types';
import { LanguageService } from '../../server/src/engine/languageService';
import type { ManifestDocument } from '../../server/src/engine/manifestDocument';
import { createNodeHost } from '../../server/src/node/nodeHost';
import { prepareRequest } from '../../server/src/request/testRequest';
import { corpusRoot } from '../support/manifests';

const MAX_CASES = 8000;
const WALL_CLOCK_MS = 45_000;
/** Far above any call's normal time (well under 100 ms): a call over it is a hang, not a slow machine. */
const CALL_BUDGET_MS = 5_000;

const SNIPPETS = ['{{', '}}', '{{#if x}}', '{{/if}}', '"', '\\', '\\u', '\\ud800', ',', ':', '{', '}', '[', ']', '/', '~', '~2', '\uE000', '\u001b[2J', '\u0000', 'é', '😀', '\r\n', 'null', 'true', '{{_featureStoreKey}}', '{{formVariables.x}}', '"$ref"'];
const ODD_VALUES: unknown[] = [null, true, 0, -1.5, 1e308, '', 'x', '{{', '{{#each}}', '/~', [], {}, [[[]]], { key: 1 }, ['a', 1, null], '{{a.b.c}}', 'https://{{x}}', '__proto__', 'constructor'];

function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: fast, and the same sequence for the same seed.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

function mutateValue(value: unknown, random: () => number): unknown {
  // Iterative over a copy: corpus manifests are shallow, but the test keeps to the rule anyway.
  const root = { value: structuredClone(value) as unknown };
  const stack: { holder: Record<string, unknown>; key: string }[] = [{ holder: root as Record<string, unknown>, key: 'value' }];
  while (stack.length > 0) {
    const { holder, key } = stack.pop()!;
    if (random() < 0.05) {
      holder[key] = ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
      continue;
    }
    const item = holder[key];
    if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      for (const child of Object.keys(record)) {
        if (!Array.isArray(item) && random() < 0.02) {
          record[`${child}${random() < 0.5 ? 'X' : ''}`.replace(/^/, random() < 0.3 ? '__proto__' : '')] = record[child];
          delete record[child];
          continue;
        }
        stack.push({ holder: record, key: child });
      }
    }
  }
  return root.value;
}

function editText(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 5);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const choice = random();
    if (choice < 0.5) out = out.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + out.slice(at);
    else if (choice < 0.8) out = out.slice(0, at) + out.slice(Math.min(out.length, at + 1 + Math.floor(random() * 200)));
    else out = out.slice(0, at) + out.slice(at, at + Math.floor(random() * 400)).repeat(2) + out.slice(at);
  }
  return out;
}

function assertInside(doc: ManifestDocument, range: Range | undefined, what: string): void {
  if (!range) return;
  const lines = doc.text.lineCount;
  for (const end of [range.start, range.end]) {
    assert.ok(end.line >= 0 && end.line < lines, `${what}: line ${end.line} outside ${lines} lines`);
    const lineText = doc.text.getText({ start: { line: end.line, character: 0 }, end: { line: end.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    assert.ok(end.character >= 0 && end.character <= lineText.length, `${what}: character ${end.character} outside line ${end.line} (${lineText.length})`);
  }
}

test('fuzz: mutated and edited corpus manifests never crash, hang or answer outside the document', (t) => {
  const root = corpusRoot();
  if (!root) return t.skip('no corpus at ../shared/corpus on this machine');
  const seed = Number(process.env.LD_FUZZ_SEED) || Math.floor(Math.random() * 2 ** 31);
  t.diagnostic(`seed ${seed} (replay with LD_FUZZ_SEED=${seed})`);
  const random = generator(seed);
  const service = new LanguageService(createNodeHost([root]));
  const manifests = readdirSync(join(root, 'integrations')).map((key) => join(root, 'integrations', key, 'manifest.json'));
  const texts = new Map(manifests.map((path) => [path, readFileSync(path, 'utf8')]));
  const started = Date.now();
  let cases = 0;
  for (; cases < MAX_CASES && Date.now() - started < WALL_CLOCK_MS; cases++) {
    const path = manifests[Math.floor(random() * manifests.length)]!;
    const original = texts.get(path)!;
    const text = random() < 0.4 ? JSON.stringify(mutateValue(JSON.parse(original), random), null, 2) : editText(original, random);
    const where = `seed ${seed}, case ${cases}, ${path.split('/').at(-2)}`;
    const timed = <T>(what: string, run: () => T): T => {
      const begun = Date.now();
      let result: T;
      try {
        result = run();
      } catch (error) {
        assert.fail(`${where}: ${what} threw ${error instanceof Error ? error.stack : String(error)}`);
      }
      assert.ok(Date.now() - begun < CALL_BUDGET_MS, `${where}: ${what} took ${Date.now() - begun} ms`);
      return result;
    };
    const doc = service.snapshot(pathToFileURL(path).href, text, cases + 1);
    const diagnostics = timed('diagnostics', () => service.diagnostics(doc));
    assert.ok(!diagnostics.some((d) => d.code === 'analysis-failed'), `${where}: ${diagnostics.find((d) => d.code === 'analysis-failed')?.message}`);
    for (const d of diagnostics) assertInside(doc, d.range, `${where}: diagnostic ${String(d.code)}`);
    const offset = Math.floor(random() * (text.length + 1));
    const position = doc.text.positionAt(offset);
    assertInside(doc, timed('hover', () => service.hover(doc, position))?.range, `${where}: hover`);
    for (const item of timed('completion', () => service.completion(doc, position)).items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertInside(doc, edit.range, `${where}: completion`);
    }
    for (const location of timed('references', () => service.references(doc, position, true))) if (location.uri === doc.uri) assertInside(doc, location.range, `${where}: reference`);
    for (const h of timed('highlights', () => service.highlights(doc, position))) assertInside(doc, h.range, `${where}: highlight`);
    const rename = timed('prepareRename', () => service.prepareRename(doc, position));
    if (rename && 'range' in rename) assertInside(doc, rename.range, `${where}: prepareRename`);
    for (const selection of timed('selectionRanges', () => service.selectionRanges(doc, [position, { line: doc.text.lineCount + 5, character: 3 }]))) {
      assertInside(doc, selection.range, `${where}: selection range`);
    }
    timed('codeActions', () => service.codeActions(doc, { start: position, end: position }, diagnostics));
    for (const symbol of timed('documentSymbols', () => service.documentSymbols(doc))) assertInside(doc, symbol.range, `${where}: symbol`);
    for (const link of timed('documentLinks', () => service.documentLinks(doc))) assertInside(doc, link.range, `${where}: link`);
    for (const edit of timed('format', () => service.format(doc, { tabSize: 2, insertSpaces: true }))) assertInside(doc, edit.range, `${where}: format edit`);
    timed('semanticTokens', () => service.semanticTokens(doc));
    timed('foldingRanges', () => service.foldingRanges(doc));
    timed('prepareRequest', () => prepareRequest(doc, 'validation', { apiKey: 'fuzz-secret-value', constructor: 'c' }, { secretsNotNeeded: true }));
    service.forget(doc.uri);
  }
  t.diagnostic(`${cases} cases in ${Date.now() - started} ms`);
  assert.ok(cases >= 200, `only ${cases} cases ran within the budget (seed ${seed})`);
});
