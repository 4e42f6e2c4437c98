// Constructs LaunchDarkly's Go renderer does not have, and its `equal` without else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { templateCodeActions, templateDiagnostics } from '../../server/src/engine/templates';
import { manifestText, validManifest } from '../support/manifests';

function hookWithUrl(url: string) {
  const manifest: Record<string, any> = validManifest();
  manifest.formVariables = [{ key: 'region', name: 'Region', type: 'string', description: 'Region.' }];
  manifest.capabilities = {
    auditLogEventsHook: {
      endpoint: { url, method: 'POST', headers: [] },
      templates: {},
      defaultPolicy: [{ effect: 'allow', resources: ['proj/*:env/*:flag/*'], actions: ['*'] }],
    },
  };
  const doc = parseManifest('file:///integrations/x/manifest.json', manifestText(manifest));
  return { doc, found: templateDiagnostics(doc).map((d) => ({ code: String(d.code), text: doc.text.getText(d.range), diagnostic: d })) };
}

const codes = (url: string) => hookWithUrl(url).found.map((f) => `${f.code}: ${f.text}`);

test('Handlebars.js 4 features are errors: inline partials, decorators, @level; partial blocks are partials', () => {
  assert.deepEqual(codes('https://example.com/{{#*inline "a"}}x{{/inline}}'), ['template-go-unsupported: {{#*']);
  assert.deepEqual(codes('https://example.com/{{*decorate}}'), ['template-go-unsupported: {{*']);
  assert.deepEqual(codes('https://example.com/{{#each context.tags}}{{@level}}{{/each}}'), ['template-go-unsupported: @level']);
  assert.deepEqual(codes('https://example.com/{{#> layout}}x{{/layout}}').map((c) => c.split(':')[0]), ['template-unknown-helper']);
});

test('a line break inside a string literal of an expression is an error there', () => {
  assert.deepEqual(codes('https://example.com/{{#equal region "a\nb"}}x{{/equal}}'), ['template-go-unsupported: \\"a\\nb\\"']);
});

test('equal with an else: a warning on the else, and the fix renames both tags to equalWithElse', () => {
  const { doc, found } = hookWithUrl('https://example.com/{{#equal region "eu"}}eu{{else}}us{{/equal}}');
  assert.deepEqual(found.map((f) => `${f.code}: ${f.text}`), ['template-equal-else: {{else}}']);
  const [action] = templateCodeActions(doc, found[0]!.diagnostic.range, [found[0]!.diagnostic]);
  assert.equal(action?.title, 'Use `equalWithElse`');
  const edits = action!.edit!.changes![doc.uri]!;
  assert.deepEqual(edits.map((e) => [doc.text.getText(e.range), e.newText]), [['equal', 'equalWithElse'], ['equal', 'equalWithElse']]);
});

test('what both renderers share stays silent: else if chains, equalWithElse with else, nested equal without else', () => {
  assert.deepEqual(codes('https://example.com/{{#if region}}a{{else if context.name}}b{{else}}c{{/if}}'), []);
  assert.deepEqual(codes('https://example.com/{{#equalWithElse region "eu"}}eu{{else}}us{{/equalWithElse}}'), []);
  assert.deepEqual(codes('https://example.com/{{#if region}}{{#equal region "eu"}}eu{{/equal}}{{else}}none{{/if}}'), []);
});
