// The parser-free model of simple templates must be exactly what Handlebars' parse gives, and every
// template it does not take must go to Handlebars.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleTemplateModel } from '../../server/src/engine/templates/simpleTemplate';
import { parseTemplate } from '../../server/src/engine/templates/parseTemplate';
import { modelOf } from '../../server/src/engine/templates/templateModel';
import { corpusRoot } from '../support/manifests';

function handlebarsModel(text: string) {
  const parsed = parseTemplate(text);
  return parsed.ok ? modelOf(parsed.ast, parsed.lines) : undefined;
}

function assertSame(text: string): boolean {
  const simple = simpleTemplateModel(text);
  if (!simple) return false;
  assert.deepEqual(simple.model, handlebarsModel(text), JSON.stringify(text));
  return true;
}

test('simple templates get the model Handlebars gives them', () => {
  const simple = [
    'Bearer {{apiToken}}',
    'https://{{host}}/v1/{{ space }}/x',
    '{{{raw}}} and {{escaped}}',
    'no template at all',
    '',
    '{{a.b.c}}',
    '{"key": "{{_featureStoreKey}}", "env": "{{envId}}"}}',
    'line one\nline {{two}}\r\nline three {{three}}',
    'v={{x}}{{y}}',
    '}} stray {{ok}}',
  ];
  for (const text of simple) assert.ok(assertSame(text), `${JSON.stringify(text)} should be simple`);
});

test('anything else goes to Handlebars', () => {
  const complex = [
    '{{#if a}}x{{/if}}',
    '{{pathEncode a}}',
    '{{queryEncode}}',
    '{{this.a}}',
    '{{../a}}',
    '{{@index}}',
    '{{! comment }}',
    '\\{{escaped}}',
    '{{~a~}}',
    '{{> partial}}',
    '{{a b}}',
    '{{a}',
    '{{{{raw}}}}',
    '{{a-b}}',
    '{{[a b]}}',
    '{{else}}',
    '{{true}}',
    '{{null.x}}',
    '{{undefined}}',
  ];
  for (const text of complex) assert.equal(simpleTemplateModel(text), undefined, JSON.stringify(text));
});

test('every templated string of the corpus: the same model as Handlebars, or Handlebars', (t) => {
  const root = corpusRoot();
  if (!root) return t.skip('no corpus at ../shared/corpus on this machine');
  let simpleCount = 0;
  let all = 0;
  const walk = (value: unknown): void => {
    if (typeof value === 'string' && value.includes('{{')) {
      all++;
      if (assertSame(value)) simpleCount++;
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const key of readdirSync(join(root, 'integrations'))) {
    walk(JSON.parse(readFileSync(join(root, 'integrations', key, 'manifest.json'), 'utf8')));
  }
  t.diagnostic(`${simpleCount} of ${all} templated strings modelled without Handlebars`);
  assert.ok(simpleCount > all / 2, `${simpleCount} of ${all}`);
});
