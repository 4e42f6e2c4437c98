// A template file opened on its own: problems at their place in the file, completion of its context
// and the helpers, hover with a sample value, definition into the manifest, and a re-check when the
// manifest that names it changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/engine/languageService';
import { memoryHost } from '../support/memoryHost';
import { manifestText, validManifest } from '../support/manifests';

const MANIFEST = 'file:///ws/integrations/acme/manifest.json';
const TEMPLATE = 'file:///ws/integrations/acme/templates/flag.json.hbs';

function setup(template: string, files: Record<string, string> = {}) {
  const manifest: Record<string, any> = validManifest();
  manifest.formVariables = [{ key: 'channel', name: 'Channel', type: 'string', description: 'Where alerts go.' }];
  manifest.capabilities = {
    auditLogEventsHook: {
      endpoint: { url: 'https://example.com/hook', method: 'POST', headers: [] },
      templates: { flag: 'templates/flag.json.hbs' },
      defaultPolicy: [{ effect: 'allow', resources: ['proj/*:env/*:flag/*'], actions: ['*'] }],
    },
  };
  const host = memoryHost({ [MANIFEST]: manifestText(manifest), [TEMPLATE]: template, ...files });
  const service = new LanguageService(host);
  const doc = service.snapshot(TEMPLATE, template, 1);
  return { service, doc, host };
}

const at = (text: string, needle: string, delta = 0) => {
  const index = text.indexOf(needle) + delta;
  const before = text.slice(0, index);
  return { line: before.split('\n').length - 1, character: index - before.lastIndexOf('\n') - 1 };
};

test('problems are reported in the file, at their line and column', () => {
  const text = '{\n  "text": "{{{title.plainTxt}}}",\n  "to": "{{{formVariables.chanel}}}",\n  "who": "{{member.displayName}}"\n}\n';
  const { service, doc } = setup(text);
  const found = service.diagnostics(doc).map((d) => [String(d.code), doc.text.getText(d.range), d.range.start.line]);
  assert.deepEqual(found, [
    ['template-unknown-variable', 'plainTxt', 1],
    ['template-unknown-variable', 'chanel', 2],
    ['json-body-unsafe-insertion', '{{member.displayName}}', 3],
  ]);
  assert.match(String(service.diagnostics(doc)[1]!.message), /Did you mean `channel`\?/);
});

test('syntax and the Go renderer are checked even in a file no manifest names', () => {
  const text = '{{#*inline "x"}}y{{/inline}}';
  const { service } = setup('{}');
  const orphan = service.snapshot('file:///ws/integrations/acme/templates/other.hbs', text, 1);
  assert.deepEqual(service.diagnostics(orphan).map((d) => String(d.code)), ['template-go-unsupported', 'template-file-unattached']);
});

test('completion after {{ offers the event, formVariables and the helpers; after a dot, the children', () => {
  const text = '{ "a": "{{{title.", "b": "{{" }';
  const { service, doc } = setup(text);
  const children = service.completion(doc, at(text, 'title.', 6)).items.map((i) => i.label);
  assert.ok(children.includes('plainText') && children.includes('markdown'), children.join(', '));
  const roots = service.completion(doc, at(text, '"{{" }', 3)).items.map((i) => i.label);
  assert.ok(roots.includes('formVariables') && roots.includes('title') && roots.includes('pathEncode'), roots.join(', '));
});

test('hover shows the sample value; definition of formVariables.<key> goes to the manifest', () => {
  const text = '{ "to": "{{{formVariables.channel}}}", "t": "{{{title.plainText}}}" }';
  const { service, doc } = setup(text);
  const hover = service.hover(doc, at(text, 'plainText', 2));
  assert.match(JSON.stringify(hover?.contents), /Sample: `Ada Lovelace turned on the flag New checkout flow`/);
  const [location] = service.definition(doc, at(text, 'channel', 2));
  assert.equal(location?.uri, MANIFEST);
});

test('a change of the manifest re-checks the template that depends on it', () => {
  const { service, doc } = setup('{ "to": "{{{formVariables.channel}}}" }');
  service.diagnostics(doc);
  assert.deepEqual(service.fileChanged(MANIFEST), [TEMPLATE]);
});
