// defaultPolicy checked as LaunchDarkly reads it: statement shape, resource grammar and nesting,
// actions per resource type with did-you-mean and the fix, deny-only policies, and completion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/engine/languageService';
import { detachedHost } from '../../server/src/engine/host';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { manifestText, positionOf, validManifest } from '../support/manifests';

const service = new LanguageService(detachedHost);

function withPolicy(policy: unknown[]) {
  const manifest: Record<string, any> = validManifest();
  manifest.capabilities = { auditLogEventsHook: { endpoint: { url: 'https://example.com/hook', method: 'POST', headers: [] }, templates: {}, defaultPolicy: policy } };
  const text = manifestText(manifest);
  const doc = parseManifest('file:///integrations/x/manifest.json', text);
  const found = service
    .diagnostics(doc)
    .filter((d) => String(d.code).startsWith('policy-'))
    .map((d) => ({ code: String(d.code), text: doc.text.getText(d.range), message: String(d.message), diagnostic: d }));
  return { doc, text, found };
}

const allow = (resources: string[], actions: string[] = ['*']) => ({ effect: 'allow', resources, actions });

test('the policies real manifests use are silent', () => {
  assert.deepEqual(withPolicy([allow(['proj/*:env/production:flag/*'], ['updateOn', 'createFlag', 'update*']), allow(['proj/*:env/*:segment/*'], ['updateIncluded']), allow(['integration/*'])]).found, []);
});

test('resource specifiers: the grammar, unknown types with did-you-mean and the fix, types out of place', () => {
  const { doc, found } = withPolicy([allow(['proj/*:envv/production:flag/*', 'flag/*', 'proj/*:env/*:flag/', 'proj/*:env/*:flag/*;'])]);
  assert.deepEqual(found.map((f) => [f.code, f.text]), [
    ['policy-invalid-resource', 'envv/production'],
    ['policy-invalid-resource', 'flag/*'],
    ['policy-invalid-resource', 'flag/'],
    ['policy-invalid-resource', 'flag/*;'],
  ]);
  assert.match(found[0]!.message, /`envv` is not a resource type; did you mean `env`\?/);
  assert.match(found[1]!.message, /`flag` resources go only under `env\/…`, as in `proj\/\*:env\/\*:flag\/\*`/);
  const [fix] = service.codeActions(doc, found[0]!.diagnostic.range, [found[0]!.diagnostic]);
  assert.deepEqual(fix?.edit?.changes?.[doc.uri], [{ range: found[0]!.diagnostic.range, newText: 'env/production' }]);
});

test('actions: unknown for the resource type is a warning with did-you-mean and the fix; globs and other types pass', () => {
  const { doc, found } = withPolicy([allow(['proj/*:env/*:flag/*'], ['updateOn', 'updateOff', 'updateRulez', 'updateIncluded']), allow(['member/*'], ['anythingGoes'])]);
  assert.deepEqual(found.map((f) => [f.code, f.text]), [
    ['policy-unknown-action', 'updateOff'],
    ['policy-unknown-action', 'updateRulez'],
    ['policy-unknown-action', 'updateIncluded'],
  ]);
  assert.match(found[1]!.message, /did you mean `updateRules`\?/);
  const [fix] = service.codeActions(doc, found[1]!.diagnostic.range, [found[1]!.diagnostic]);
  assert.deepEqual(fix?.edit?.changes?.[doc.uri], [{ range: found[1]!.diagnostic.range, newText: 'updateRules' }]);
});

test('statement shape: effect, resources or notResources, actions or notActions', () => {
  const { found } = withPolicy([{ resources: ['proj/*'], actions: ['*'] }, { effect: 'allow', resources: ['proj/*'], notResources: ['proj/x'], actions: ['*'] }, { effect: 'allow', resources: ['proj/*'] }]);
  assert.deepEqual(found.map((f) => f.code), ['policy-statement-invalid', 'policy-statement-invalid', 'policy-statement-invalid']);
  assert.match(found[0]!.message, /needs an `effect`/);
  assert.match(found[1]!.message, /not both/);
  assert.match(found[2]!.message, /needs `actions`/);
});

test('a policy of deny statements only selects nothing: a warning on defaultPolicy', () => {
  const { found } = withPolicy([{ effect: 'deny', resources: ['proj/*:env/*:flag/*'], actions: ['*'] }]);
  assert.deepEqual(found.map((f) => [f.code, f.text]), [['policy-deny-only', '"defaultPolicy"']]);
});

test('completion: actions of the statement’s resource type, resource types that may come next', () => {
  const { doc, text } = withPolicy([allow(['proj/*:env/*:segment/*'], ['upd']), allow(['proj/*:'])]);
  const actions = service.completion(doc, positionOf(text, '"upd"', 0, 4)).items.map((i) => i.label);
  assert.ok(actions.includes('updateIncluded') && !actions.includes('updateOn'), actions.join(', '));
  const resources = service.completion(doc, positionOf(text, '"proj/*:"', 0, 8)).items.map((i) => i.label);
  assert.ok(resources.includes('proj/*:env/*') && resources.includes('proj/*:metric/*') && !resources.includes('proj/*:flag/*'), resources.join(', '));
});
