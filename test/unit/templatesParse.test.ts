// Parsing and position mapping of templates: JSON escapes, CRLF, multi-byte text, Handlebars syntax.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJsonString, decodedIndexAt, documentSpan, jsonStringContent } from '../../server/src/engine/jsonStringMap';
import { lexTemplate, parseTemplate } from '../../server/src/engine/templates/parseTemplate';
import { modelOf } from '../../server/src/engine/templates/templateModel';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { templateDiagnostics } from '../../server/src/engine/templates';
import { manifestText, validManifest } from '../support/manifests';

function model(template: string) {
  const parsed = parseTemplate(template);
  assert.ok(parsed.ok, `parses: ${template}`);
  return modelOf(parsed.ast, parsed.lines);
}

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

test('decodeJsonString maps every decoded unit to its raw offset', () => {
  const raw = String.raw`"a\"b\\c\u00e9\n{{x}}\ud83d\ude00é😀"`;
  const decoded = decodeJsonString(raw, 10);
  assert.equal(decoded.value, JSON.parse(raw));
  // Each unit's raw text, read back from its offset, decodes to that unit.
  const index = decoded.value.indexOf('{{x}}');
  const span = documentSpan(decoded, index + 2, index + 3);
  assert.equal(raw.slice(span.start - 10, span.end - 10), 'x');
  assert.equal(decoded.offsets[0], 11);
  assert.equal(decoded.offsets[decoded.value.length], 10 + raw.length - 1, 'end maps to the closing quote');
  // Surrogate halves written as escapes map to their own escapes; literal ones to consecutive units.
  const pair = decoded.value.indexOf('\ud83d');
  assert.equal(raw.slice(decoded.offsets[pair] - 10, decoded.offsets[pair + 1] - 10), String.raw`\ud83d`);
  const literal = decoded.value.lastIndexOf('\ud83d');
  assert.equal(decoded.offsets[literal + 1] - decoded.offsets[literal], 1);
  assert.equal(decodedIndexAt(decoded, decoded.offsets[index + 2]), index + 2);
  assert.equal(decodedIndexAt(decoded, 5), undefined);
});

test('jsonStringContent escapes for insertion between quotes', () => {
  assert.equal(jsonStringContent('a"b\\c\n'), String.raw`a\"b\\c\n`);
});

test('a diagnostic underlines exactly the name through escapes, CRLF and multi-byte text', () => {
  const manifest = validManifest() as { capabilities: { featureStore: { featureStoreRequest: { endpoint: { headers: { value: string }[] } } } } };
  manifest.capabilities.featureStore.featureStoreRequest.endpoint.headers[0].value = 'Bé😀 "q" \\ \n {{apiTokn}}';
  const text = manifestText(manifest, '\r\n').replace('Bé', String.raw`B\u00e9`);
  const doc = parseManifest('file:///m.json', text);
  const diagnostic = templateDiagnostics(doc).find((d) => d.code === 'template-unknown-variable');
  assert.ok(diagnostic);
  assert.equal(doc.text.getText(diagnostic.range), 'apiTokn');
  assert.equal(diagnostic.range.start.line, diagnostic.range.end.line);
});

test('Handlebars syntax: literals are not references, sub-expressions, triple and whitespace control', () => {
  const akamai = model("{{edgeGridAuth 'PUT' '/kv/{{network}}/x' hostname (queryEncode network) k=v}}");
  assert.deepEqual(
    akamai.references.map((r) => r.parts.join('.')),
    ['hostname', 'network', 'v'],
  );
  assert.deepEqual(
    akamai.helperCalls.map((c) => [c.name, c.argumentCount]),
    [
      ['edgeGridAuth', 4],
      ['queryEncode', 1],
    ],
  );
  assert.equal(akamai.stringLiterals.length, 2);
  const t = '{{{ metadata.prTitle }}} {{~x~}}';
  const m = model(t);
  assert.deepEqual(m.references.map((r) => r.partSpans.map((s) => slice(t, s))), [['metadata', 'prTitle'], ['x']]);
});

test('paths inside each/with and ../ or @data are relative; the else branch is not', () => {
  const m = model('{{#each items}}{{name}}{{../x}}{{@index}}{{else}}{{outer}}{{/each}}{{#with a}}{{b}}{{/with}}{{#if c}}{{d}}{{/if}}{{this.e}}');
  const flags = Object.fromEntries(m.references.map((r) => [r.parts.join('.') || 'this', r.relative]));
  assert.deepEqual(flags, { items: false, name: true, x: true, index: true, outer: false, a: false, b: true, c: false, d: false, e: false });
  const span = m.references.find((r) => r.parts[0] === 'e')?.partSpans[0];
  assert.deepEqual(span, { start: '{{#each items}}{{name}}{{../x}}{{@index}}{{else}}{{outer}}{{/each}}{{#with a}}{{b}}{{/with}}{{#if c}}{{d}}{{/if}}{{this.'.length, end: '{{#each items}}{{name}}{{../x}}{{@index}}{{else}}{{outer}}{{/each}}{{#with a}}{{b}}{{/with}}{{#if c}}{{d}}{{/if}}{{this.e'.length });
});

test('parse errors point at the broken spot', () => {
  const cases: [string, string, RegExp][] = [
    ['ab {{name} cd', '}', /single `}`/],
    ['x {{}} y', '{{}}', /empty/],
    ['a {{#if x}}b', '{{#if x}}', /never closed; add `\{\{\/if\}\}`/],
    ['a {{#if x}}b{{/each}}', 'if', /doesn't match/],
    ['a {{ b', '{{ b', /never closed/],
    ["{{a 'b}}", "'", /unexpected/],
    ['line1\nline2 {{}}', '{{}}', /empty/],
  ];
  for (const [template, broken, message] of cases) {
    const parsed = parseTemplate(template);
    assert.equal(parsed.ok, false, template);
    if (parsed.ok) continue;
    assert.equal(slice(template, parsed.error.span), broken, template);
    assert.match(parsed.error.message, message, template);
  }
});

test('the lexer yields tokens with spans across lines', () => {
  const tokens = lexTemplate('a\r\n{{b.c}}');
  assert.deepEqual(
    tokens.map((t) => [t.name, t.span.start, t.span.end]),
    [
      ['CONTENT', 0, 3],
      ['OPEN', 3, 5],
      ['ID', 5, 6],
      ['SEP', 6, 7],
      ['ID', 7, 8],
      ['CLOSE', 8, 10],
    ],
  );
});

test('templates nested deeper than the parser should see are refused at the first level too deep, unparsed', () => {
  const blocks = '{{#if a}}'.repeat(5000) + 'x' + '{{/if}}'.repeat(5000);
  const parsedBlocks = parseTemplate(blocks);
  assert.ok(!parsedBlocks.ok);
  assert.match(parsedBlocks.error.message, /nest more than 32 deep/);
  assert.equal(parsedBlocks.error.span.start, '{{#if a}}'.length * 32);
  const expressions = '{{a ' + '(b '.repeat(20_000) + ')'.repeat(20_000) + '}}';
  const parsedExpressions = parseTemplate(expressions);
  assert.ok(!parsedExpressions.ok);
  assert.equal(parsedExpressions.error.span.start, 0);
  // Thirty levels are fine.
  assert.ok(parseTemplate('{{#if a}}'.repeat(30) + '{{/if}}'.repeat(30)).ok);
  assert.ok(parseTemplate('{{a ' + '(b '.repeat(30) + ')'.repeat(30) + '}}').ok);
});
