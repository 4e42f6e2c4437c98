// The facade's policies, without a process: which feature answers first, one bounded list of
// diagnostics, and which documents a changed file re-checks.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { LanguageService } from '../../server/src/engine/languageService';
import { MAX_DIAGNOSTICS } from '../../server/src/engine/diagnostics/capDiagnostics';
import { manifestText, positionOf, validManifest } from '../support/manifests';
import { memoryHost } from '../support/memoryHost';

const URI = 'file:///ws/integrations/acme/manifest.json';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>';
const icons = {
  'file:///ws/integrations/acme/assets/images/square.svg': SVG,
  'file:///ws/integrations/acme/assets/images/horizontal.svg': SVG,
};

describe('the language service', () => {
  test('hover: a template variable is described by the template feature, a key by the schema', () => {
    const service = new LanguageService(memoryHost(icons));
    const text = manifestText(validManifest());
    const doc = service.snapshot(URI, text);
    const onVariable = service.hover(doc, positionOf(text, '{{siteId}}', 0, 3));
    assert.match((onVariable?.contents as MarkupContent).value, /Site ID/);
    const onKey = service.hover(doc, positionOf(text, '"overview"', 0, 2));
    assert.match((onKey?.contents as MarkupContent).value, /overview/i);
  });

  test('completion inside `{{` offers the variables in scope, elsewhere the schema keys', () => {
    const service = new LanguageService(memoryHost(icons));
    const text = manifestText(validManifest());
    const doc = service.snapshot(URI, text);
    const inTemplate = service.completion(doc, positionOf(text, '{{siteId}}', 0, 2)).items.map((i) => i.label);
    assert.ok(inTemplate.includes('apiToken') && inTemplate.includes('_featureStoreKey'), inTemplate.join());
    const keys = service.completion(doc, positionOf(text, '"name"', 0, 1)).items.map((i) => i.label);
    assert.ok(keys.includes('categories') || keys.includes('requiresOAuth'), keys.join());
  });

  test('a correct manifest with its icons has no diagnostics; the same result object is kept for the snapshot', () => {
    const service = new LanguageService(memoryHost(icons));
    const doc = service.snapshot(URI, manifestText(validManifest()));
    const first = service.diagnostics(doc);
    assert.deepEqual(first, []);
    assert.equal(service.diagnostics(doc), first, 'computed once per snapshot and settings');
  });

  test('at most MAX_DIAGNOSTICS diagnostics, errors first, and a last one that counts the rest', () => {
    const manifest = validManifest() as Record<string, unknown>;
    for (let i = 0; i < MAX_DIAGNOSTICS + 40; i++) manifest[`unknown${i}`] = i;
    manifest.overview = 'no full stop';
    const service = new LanguageService(memoryHost(icons));
    const diagnostics = service.diagnostics(service.snapshot(URI, manifestText(manifest)));
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS + 1);
    const last = diagnostics.at(-1)!;
    assert.equal(last.code, 'too-many-problems');
    assert.match(String(last.message), /^41 more problems not shown/);
  });

  test('a key of a million characters is quoted, not copied, in its message', () => {
    const manifest = validManifest() as Record<string, unknown>;
    manifest['k'.repeat(1_000_000)] = 1;
    const service = new LanguageService(memoryHost(icons));
    const [unknown] = service.diagnostics(service.snapshot(URI, manifestText(manifest)));
    assert.equal(unknown.code, 'schema-unknown-key');
    assert.ok(!String(unknown.message).includes('k'.repeat(61)), 'at most 60 characters of the key');
    assert.match(String(unknown.message), /^"k{60}…" is not allowed at the top level/);
  });

  test('a document nested too deep gets one diagnostic, and every feature still answers', () => {
    const service = new LanguageService(memoryHost(icons));
    const text = '{"a":' + '['.repeat(3000) + ']'.repeat(3000) + '}';
    const doc = service.snapshot(URI, text);
    assert.deepEqual(service.diagnostics(doc).map((d) => d.code), ['json-too-deep']);
    assert.equal(service.hover(doc, { line: 0, character: 2 }), null);
    assert.deepEqual(service.documentSymbols(doc), []);
    assert.deepEqual(service.foldingRanges(doc), []);
    assert.equal(service.selectionRanges(doc, [{ line: 0, character: 3 }]).length, 1);
  });

  test('a changed file re-checks the documents that read it, and only those', () => {
    const host = memoryHost({ 'file:///ws/integrations/acme/assets/images/square.svg': SVG });
    const service = new LanguageService(host);
    const other = 'file:///ws/integrations/other/manifest.json';
    const doc = service.snapshot(URI, manifestText(validManifest()));
    const otherDoc = service.snapshot(other, manifestText(validManifest()));
    assert.deepEqual(service.diagnostics(doc).map((d) => d.code), ['icon-missing']);
    service.diagnostics(otherDoc);

    const horizontal = 'file:///ws/integrations/acme/assets/images/horizontal.svg';
    host.files.set(horizontal, SVG);
    assert.deepEqual(service.fileChanged(horizontal), [URI]);
    assert.deepEqual(service.diagnostics(doc), [], 'the same snapshot, checked again with the new file');
    assert.deepEqual(service.fileChanged('file:///ws/unrelated.svg'), []);
  });

  test('a workspace schema created above the manifest is picked up', () => {
    const host = memoryHost(icons);
    const service = new LanguageService(host);
    const doc = service.snapshot(URI, manifestText(validManifest()));
    assert.equal(service.schemaStatus(URI).origin, 'bundled');
    service.diagnostics(doc);
    const schema = 'file:///ws/manifest.schema.json';
    host.files.set(schema, JSON.stringify({ type: 'object', required: ['nonsense'] }));
    assert.deepEqual(service.fileChanged(schema), [URI]);
    assert.deepEqual(service.schemaStatus(URI), { origin: 'workspace', uri: schema, fallbackReason: undefined });
    assert.deepEqual(service.diagnostics(doc).map((d) => d.code), ['schema-missing-key']);
  });

  test('manifests of one integrations folder that share an oauthIntegrationKey: each names the other', () => {
    const withKey = (key: string) => manifestText({ ...validManifest(), oauthIntegrationKey: key });
    const other = 'file:///ws/integrations/other/manifest.json';
    const host = memoryHost({ ...icons, [other]: withKey('shared'), [URI]: withKey('shared') });
    const service = new LanguageService(host);
    const diagnostics = service.diagnostics(service.snapshot(URI, withKey('shared')));
    const shared = diagnostics.find((d) => d.code === 'oauth-integration-key-shared');
    assert.ok(shared, diagnostics.map((d) => d.code).join());
    assert.match(String(shared.message), /\/ws\/integrations\/other\/manifest\.json/);
    // The other manifest changing re-checks this one; an icon beside it does not.
    assert.deepEqual(service.fileChanged('file:///ws/integrations/other/assets/images/square.svg'), []);
    assert.deepEqual(service.fileChanged(other), [URI]);
  });

  test('an icon the host will not read (outside the workspace, or a device) says why, and is no link', () => {
    const host = memoryHost({ 'file:///ws/integrations/acme/assets/images/horizontal.svg': SVG });
    const outside = 'file:///etc/square.svg';
    const guarded = { ...host, readFile: (uri: string) => (uri === outside ? ({ kind: 'outside' } as const) : host.readFile(uri)) };
    const manifest = validManifest() as any;
    manifest.icons.square = '../../../etc/square.svg';
    const service = new LanguageService(guarded);
    const doc = service.snapshot(URI, manifestText(manifest));
    const [icon] = service.diagnostics(doc);
    assert.equal(icon.code, 'icon-missing');
    assert.match(String(icon.message), /"\.\.\/\.\.\/\.\.\/etc\/square\.svg" is outside the workspace/);
    assert.deepEqual(service.documentLinks(doc).map((l) => l.target), ['file:///ws/integrations/acme/assets/images/horizontal.svg']);
  });

  test('code lenses sit on the keys of the two store requests', () => {
    const service = new LanguageService(memoryHost(icons));
    const text = manifestText(validManifest());
    const lenses = service.requestLenses(service.snapshot(URI, text));
    assert.deepEqual(lenses.map((l) => [l.kind, l.range.start]), [
      ['validation', positionOf(text, '"validationRequest"')],
      ['featureStore', positionOf(text, '"featureStoreRequest"')],
    ]);
  });
});
