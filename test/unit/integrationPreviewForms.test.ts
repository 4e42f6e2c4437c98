// The configuration forms of the integration preview: each field type's control, required and optional,
// defaults, secrets masked, hidden and locked flags, dependsOn applied to the author's toggled values
// (in the field's own form and across approval's forms), and where each field is in the manifest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FieldModel, FormModel, IntegrationPreview } from '../../server/src/engine/integrationPreview/model';
import { manifestBasics } from '../support/manifests';
import { previewOf } from './integrationPreviewSupport';

const showWhen = (variableKey: string, operator: string, value: string, variableLocation = 'formVariables') => ({
  variableKey,
  variableLocation,
  action: 'showField',
  conditions: [{ operator, value }],
});

function manifest(): Record<string, any> {
  return {
    ...manifestBasics(),
    formVariables: [
      { key: 'apiKey', name: 'API key', type: 'string', isSecret: true, placeholder: 'key-…', description: 'Your key, see [the docs](https://example.com/docs) or [this](javascript:alert(1)).' },
      { key: 'token', name: 'Token', type: 'string', isSecret: true, isOptional: true, defaultValue: 'sekrit-default-value', description: 'A secret with a default.' },
      { key: 'baseUrl', name: 'Base URL', type: 'uri', isOptional: true, defaultValue: 'https://a.example', description: 'Where.' },
      { key: 'useProxy', name: 'Use a proxy', type: 'boolean', isOptional: true, defaultValue: false, description: 'Proxy?' },
      { key: 'proxyHost', name: 'Proxy host', type: 'string', isOptional: true, defaultValue: 'proxy', description: 'Host.', dependsOn: [showWhen('useProxy', 'equalTo', 'true')] },
      { key: 'region', name: 'Region', type: 'enum', allowedValues: ['us', 'eu'], isOptional: true, defaultValue: 'eu', description: 'Region.' },
      {
        key: 'euOnly',
        name: 'EU only',
        type: 'string',
        isOptional: true,
        defaultValue: 'x',
        description: 'Hidden in the US.',
        dependsOn: [{ variableKey: 'region', variableLocation: 'formVariables', action: 'hideField', conditions: [{ operator: 'equalTo', value: 'us' }] }],
      },
      {
        key: 'project',
        name: 'Project',
        type: 'dynamicEnum',
        description: 'Project.',
        dynamicOptions: { endpoint: { url: 'https://api.example.com/projects', method: 'GET' }, parser: { optionsPath: '/items', optionsItems: { label: '/name', value: '/id' } } },
      },
      {
        key: 'colors',
        name: 'Colors',
        type: 'multiselect',
        isOptional: true,
        description: 'Pick.',
        multiselectOptions: [{ label: 'Red', value: 'red' }, { label: 'Blue', value: 'blue' }],
        multiselectDefaultOptions: ['red'],
      },
      { key: 'redNote', name: 'Red note', type: 'string', isOptional: true, defaultValue: 'r', description: 'Only for red.', dependsOn: [showWhen('colors', 'contains', 'blue')] },
      { key: 'environments', name: 'Environments', type: 'environmentSelector', isOptional: true, description: 'Where.' },
      { key: 'secretKey', name: 'Webhook secret', type: 'generated', description: 'Made by LaunchDarkly.' },
      { key: 'connection', name: 'Connection', type: 'oauth', description: 'OAuth.' },
      { key: 'publicKey', name: 'Public key', type: 'publicKey', description: 'Key.' },
      { key: 'legacy', name: 'Legacy', type: 'string', isHidden: true, disableAfterSaving: true, hideEmpty: true, isOptional: true, defaultValue: 'l', description: 'Old.' },
      { key: 'odd', name: 'Odd', type: 'colour', description: 'Unknown type.' },
    ],
    capabilities: {
      featureStore: {
        formVariables: [
          { key: 'mode', name: 'Mode', type: 'enum', allowedValues: ['edge', 'origin'], isOptional: true, defaultValue: 'edge', description: 'Mode.' },
          { key: 'origin', name: 'Origin', type: 'uri', description: 'Origin.', dependsOn: [showWhen('mode', 'equalTo', 'origin')] },
        ],
        featureStoreRequest: { endpoint: { url: 'https://store.example.com/{{_featureStoreKey}}', method: 'PUT' } },
      },
      approval: {
        environmentFormVariables: [{ key: 'withPlan', name: 'Ask for a plan', type: 'boolean', isOptional: true, defaultValue: false, description: 'Plan?' }],
        approvalFormVariables: [
          { key: 'plan', name: 'Plan', type: 'string', isHidden: true, isOptional: true, defaultValue: '-', description: 'Steps.', dependsOn: [showWhen('withPlan', 'equalTo', 'true', 'environmentFormVariables')] },
        ],
      },
    },
  };
}

function form(preview: IntegrationPreview, id: string): FormModel {
  const found = preview.forms.find((f) => f.id === id);
  assert.ok(found, `form ${id} in ${preview.forms.map((f) => f.id).join(', ')}`);
  return found;
}

function field(preview: IntegrationPreview, id: string, key: string): FieldModel {
  const found = form(preview, id).fields.find((f) => f.key === key);
  assert.ok(found, `field ${key} of ${id}`);
  return found;
}

test('every form of the manifest, in order, titled as LaunchDarkly shows it', () => {
  const { preview } = previewOf(manifest());
  assert.deepEqual(
    preview.forms.map((f) => [f.id, f.title]),
    [
      ['formVariables', 'Integration configuration'],
      ['capabilities.featureStore.formVariables', 'Feature store configuration'],
      ['capabilities.approval.environmentFormVariables', 'Approval settings'],
      ['capabilities.approval.approvalFormVariables', 'Approval request form'],
    ],
  );
  assert.equal(form(preview, 'formVariables').fields.length, manifest().formVariables.length);
});

test('each type has its control; required, optional, placeholder and defaults as written', () => {
  const { preview } = previewOf(manifest());
  const controls = Object.fromEntries(form(preview, 'formVariables').fields.map((f) => [f.key, f.control]));
  assert.deepEqual(controls, {
    apiKey: 'secret',
    token: 'secret',
    baseUrl: 'url',
    useProxy: 'checkbox',
    proxyHost: 'text',
    region: 'select',
    euOnly: 'text',
    project: 'dynamicSelect',
    colors: 'multiselect',
    redNote: 'text',
    environments: 'environment',
    secretKey: 'generated',
    connection: 'oauth',
    publicKey: 'publicKey',
    legacy: 'text',
    odd: 'unknown',
  });
  const apiKey = field(preview, 'formVariables', 'apiKey');
  assert.equal(apiKey.required, true);
  assert.equal(apiKey.placeholder, 'key-…');
  assert.equal(apiKey.defaultText, undefined);
  assert.equal(field(preview, 'formVariables', 'baseUrl').required, false);
  assert.equal(field(preview, 'formVariables', 'baseUrl').defaultText, 'https://a.example');
  assert.equal(field(preview, 'formVariables', 'baseUrl').value, 'https://a.example');
  assert.equal(field(preview, 'formVariables', 'useProxy').defaultText, 'false');
  assert.equal(field(preview, 'formVariables', 'useProxy').value, false);
  assert.deepEqual(field(preview, 'formVariables', 'region').options, [{ label: 'us', value: 'us' }, { label: 'eu', value: 'eu' }]);
  assert.equal(field(preview, 'formVariables', 'region').value, 'eu');
  assert.equal(field(preview, 'formVariables', 'project').optionsFrom, 'https://api.example.com/projects');
  const colors = field(preview, 'formVariables', 'colors');
  assert.deepEqual(colors.options, [{ label: 'Red', value: 'red' }, { label: 'Blue', value: 'blue' }]);
  assert.deepEqual(colors.value, ['red']);
  assert.equal(colors.defaultText, 'red');
});

test('descriptions keep their http(s) links and nothing else as a link', () => {
  const { preview } = previewOf(manifest());
  assert.deepEqual(field(preview, 'formVariables', 'apiKey').description, [
    { text: 'Your key, see ' },
    { text: 'the docs', href: 'https://example.com/docs' },
    // `javascript:alert(1` is no link: its text stays text (the URL ends at the first `)`, as in Markdown).
    { text: ' or this).' },
  ]);
});

test('a secret default is masked in the field and nowhere to be found in the preview', () => {
  const { preview } = previewOf(manifest());
  const token = field(preview, 'formVariables', 'token');
  assert.equal(token.isSecret, true);
  assert.equal(token.defaultText, '••••');
  assert.equal(token.value, '••••');
  assert.ok(!JSON.stringify(preview).includes('sekrit-default-value'));
});

test('hidden, locked after saving and hidden when empty are marked; a hidden field is not shown, and says why', () => {
  const { preview } = previewOf(manifest());
  const legacy = field(preview, 'formVariables', 'legacy');
  assert.deepEqual([legacy.isHidden, legacy.disableAfterSaving, legacy.hideEmpty, legacy.shown], [true, true, true, false]);
  assert.match(legacy.hiddenBecause ?? '', /isHidden/);
  assert.deepEqual([field(preview, 'formVariables', 'apiKey').isHidden, field(preview, 'formVariables', 'apiKey').shown], [false, true]);
});

test('dependsOn showField: hidden for the defaults, shown once the author toggles the value it names', () => {
  const before = previewOf(manifest()).preview;
  const proxyHost = field(before, 'formVariables', 'proxyHost');
  assert.equal(proxyHost.shown, false);
  assert.equal(proxyHost.hiddenBecause, "its dependsOn shows it only when 'useProxy' is equalTo 'true'");
  assert.deepEqual(proxyHost.dependsOn.map((d) => [d.variableKey, d.action, d.holds]), [['useProxy', 'showField', false]]);

  const after = previewOf(manifest(), {}, { values: { formVariables: { useProxy: true } } }).preview;
  assert.equal(field(after, 'formVariables', 'useProxy').value, true);
  assert.equal(field(after, 'formVariables', 'proxyHost').shown, true);
  assert.equal(field(after, 'formVariables', 'proxyHost').hiddenBecause, undefined);
  assert.deepEqual(field(after, 'formVariables', 'proxyHost').dependsOn.map((d) => d.holds), [true]);
});

test('dependsOn hideField and a multiselect that contains a value', () => {
  assert.equal(field(previewOf(manifest()).preview, 'formVariables', 'euOnly').shown, true);
  const us = previewOf(manifest(), {}, { values: { formVariables: { region: 'us' } } }).preview;
  assert.equal(field(us, 'formVariables', 'euOnly').shown, false);
  assert.equal(field(us, 'formVariables', 'euOnly').hiddenBecause, "its dependsOn hides it when 'region' is equalTo 'us'");

  assert.equal(field(previewOf(manifest()).preview, 'formVariables', 'redNote').shown, false);
  const blue = previewOf(manifest(), {}, { values: { formVariables: { colors: ['red', 'blue'] } } }).preview;
  assert.equal(field(blue, 'formVariables', 'redNote').shown, true);
});

test("a featureStore's dependsOn reads its own form; approval's reads the form its variableLocation names", () => {
  const store = 'capabilities.featureStore.formVariables';
  assert.equal(field(previewOf(manifest()).preview, store, 'origin').shown, false);
  assert.equal(field(previewOf(manifest(), {}, { values: { [store]: { mode: 'origin' } } }).preview, store, 'origin').shown, true);
  // A value of the same key in another form changes nothing.
  assert.equal(field(previewOf(manifest(), {}, { values: { formVariables: { mode: 'origin' } } }).preview, store, 'origin').shown, false);

  const requests = 'capabilities.approval.approvalFormVariables';
  const before = field(previewOf(manifest()).preview, requests, 'plan');
  assert.deepEqual([before.isHidden, before.shown], [true, false]);
  // isHidden, but its showField entry holds: LaunchDarkly shows it.
  const after = field(previewOf(manifest(), {}, { values: { 'capabilities.approval.environmentFormVariables': { withPlan: true } } }).preview, requests, 'plan');
  assert.equal(after.shown, true);
});

test('an entry about a form the manifest lacks is shown, and not applied', () => {
  const m = manifest();
  m.formVariables[1].dependsOn = [showWhen('withPlan', 'equalTo', 'true', 'approvalFormVariables')];
  const token = field(previewOf(m).preview, 'formVariables', 'token');
  assert.equal(token.shown, true);
  assert.match(token.dependsOn[0]!.description, /not applied/);
});

test('toggled values of the wrong shape are ignored, and a key like __proto__ is only a key', () => {
  const values = JSON.parse('{"formVariables": {"useProxy": "yes", "colors": "red", "region": 7, "__proto__": {"useProxy": true}}, "__proto__": {"x": 1}}');
  const { preview } = previewOf(manifest(), {}, { values });
  assert.equal(field(preview, 'formVariables', 'useProxy').value, false);
  assert.deepEqual(field(preview, 'formVariables', 'colors').value, ['red']);
  assert.equal(field(preview, 'formVariables', 'region').value, 'eu');
  assert.equal(field(preview, 'formVariables', 'proxyHost').shown, false);
  assert.equal(({} as Record<string, unknown>).useProxy, undefined);
  // A values argument that is not an object at all is no values.
  assert.equal(field(previewOf(manifest(), {}, { values: 'nonsense' as never }).preview, 'formVariables', 'region').value, 'eu');
});

test('each field and form says where it is in the manifest; a problem inside a field is shown on it', () => {
  const m = manifest();
  m.formVariables[2].isOptional = true;
  delete m.formVariables[2].defaultValue; // form-variable-optional-no-default, on `isOptional`
  m.formVariables[3].colour = 'red'; // schema-unknown-key, inside useProxy
  const { preview, doc } = previewOf(m);
  const baseUrl = field(preview, 'formVariables', 'baseUrl');
  assert.deepEqual(baseUrl.at.path, ['formVariables', 2]);
  assert.match(doc.text.getText(baseUrl.at.range), /^\{\s*"key": "baseUrl"[\s\S]*\}$/);
  assert.deepEqual(baseUrl.at.problems.map((p) => p.code), ['form-variable-optional-no-default']);
  assert.deepEqual(field(preview, 'formVariables', 'useProxy').at.problems.map((p) => p.code), ['schema-unknown-key']);
  assert.deepEqual(field(preview, 'formVariables', 'apiKey').at.problems, []);
  const top = form(preview, 'formVariables');
  assert.deepEqual(top.at.path, ['formVariables']);
  assert.ok(doc.text.getText(top.at.range).startsWith('['));
  // Problems are on the innermost element only.
  assert.deepEqual(top.at.problems, []);
});

test('a form holds at most 200 fields and counts the rest', () => {
  const m = manifest();
  m.formVariables = Array.from({ length: 230 }, (_, i) => ({ key: `v${i}`, name: `V${i}`, type: 'string', description: 'x' }));
  const top = form(previewOf(m).preview, 'formVariables');
  assert.deepEqual([top.fields.length, top.omitted], [200, 30]);
});
