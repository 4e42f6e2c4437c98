import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseManifest } from '../../server/src/manifestDocument';
import { lintManifest } from '../../server/src/lint';
import { resolveSchemaContext, loadSchemaFile, SchemaLoadError, findWorkspaceSchema } from '../../server/src/schema/schemaContext';
import { corpusRoot, manifestText, rangeOfText, validManifest } from '../support/manifests';

describe('which schema is in force', () => {
  let workspace: string;
  let manifestPath: string;
  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'ld-schema-'));
    mkdirSync(join(workspace, 'integrations/example'), { recursive: true });
    manifestPath = join(workspace, 'integrations/example/manifest.json');
    writeFileSync(manifestPath, manifestText(validManifest()));
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  test('without a workspace schema, auto and bundled use the bundled one; workspace says why it fell back', () => {
    assert.equal(resolveSchemaContext(manifestPath, 'auto').origin.kind, 'bundled');
    assert.equal(resolveSchemaContext(manifestPath, 'bundled').fallbackReason, undefined);
    const forced = resolveSchemaContext(manifestPath, 'workspace', workspace);
    assert.equal(forced.origin.kind, 'bundled');
    assert.match(forced.fallbackReason!, /no manifest\.schema\.json was found/);
  });

  test('a broken workspace schema falls back to the bundled one with a visible warning', () => {
    const schemaPath = join(workspace, 'manifest.schema.json');
    writeFileSync(schemaPath, '{ "type": "object", ');
    try {
      const context = resolveSchemaContext(manifestPath, 'auto');
      assert.equal(context.origin.kind, 'bundled');
      assert.match(context.fallbackReason!, /is not valid JSON/);
      const diagnostics = lintManifest(parseManifest('file:///x/manifest.json', manifestText(validManifest())), { schema: context });
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].code, 'schema-workspace-broken');
      assert.equal(diagnostics[0].severity, 2);

      writeFileSync(schemaPath, JSON.stringify({ type: 'object', properties: { name: { type: 'nonsense' } } }));
      // A new size or time tells the cache the file changed.
      utimesSync(schemaPath, new Date(), new Date(Date.now() + 5000));
      assert.match(resolveSchemaContext(manifestPath, 'auto').fallbackReason!, /does not compile/);
    } finally {
      rmSync(schemaPath);
    }
  });

  test('a schema file that cannot be read is a SchemaLoadError', () => {
    assert.throws(() => loadSchemaFile(join(workspace, 'missing.json')), SchemaLoadError);
  });

  test("upstream's bundled schema works as a workspace schema, nested $ids and all", (t) => {
    const corpus = corpusRoot();
    if (!corpus) return t.skip('corpus not found at ../shared/corpus');
    copyFileSync(join(corpus, 'manifest.schema.json'), join(workspace, 'manifest.schema.json'));
    try {
      assert.equal(findWorkspaceSchema(manifestPath), join(workspace, 'manifest.schema.json'));
      const context = resolveSchemaContext(manifestPath, 'auto');
      assert.equal(context.origin.kind, 'workspace');
      assert.equal(context.fallbackReason, undefined);
      const manifest = validManifest() as Record<string, any>;
      manifest.capabilities.featureStore.validationRequest.parser.errros = '/errors';
      const text = manifestText(manifest);
      const diagnostics = lintManifest(parseManifest('file:///x/manifest.json', text), { schema: context }).filter((d) =>
        String(d.code).startsWith('schema-'),
      );
      // Upstream rejects unknown keys through propertyNames: the error lands on the key itself.
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].code, 'schema-unknown-key');
      assert.deepEqual(diagnostics[0].range, rangeOfText(text, '"errros"'));
      assert.match(String(diagnostics[0].message), /did you mean "errors"\?/);
      assert.equal(resolveSchemaContext(manifestPath, 'bundled').origin.kind, 'bundled');
    } finally {
      rmSync(join(workspace, 'manifest.schema.json'));
    }
  });
});
