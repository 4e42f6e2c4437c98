import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { lintManifest } from '../../server/src/engine/lint';
import { resolveSchemaContext, SchemaLoadError, findWorkspaceSchema } from '../../server/src/engine/schema/schemaContext';
import { loadSchemaFile } from '../../server/src/node/schemaFile';
import { createNodeHost } from '../../server/src/node/nodeHost';
import { corpusRoot, manifestText, rangeOfText, validManifest } from '../support/manifests';

describe('which schema is in force', () => {
  let workspace: string;
  let manifestUri: string;
  // A fresh host each time: the Node host caches what it read until told a file changed.
  const host = () => createNodeHost([workspace]);
  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'ld-schema-'));
    mkdirSync(join(workspace, 'integrations/example'), { recursive: true });
    const manifestPath = join(workspace, 'integrations/example/manifest.json');
    manifestUri = pathToFileURL(manifestPath).href;
    writeFileSync(manifestPath, manifestText(validManifest()));
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  test('without a workspace schema, auto and bundled use the bundled one; workspace says why it fell back', () => {
    assert.equal(resolveSchemaContext(host(), manifestUri, 'auto').origin.kind, 'bundled');
    assert.equal(resolveSchemaContext(host(), manifestUri, 'bundled').fallbackReason, undefined);
    const probing = host();
    const probed: string[] = [];
    const forced = resolveSchemaContext({ ...probing, readFile: (uri) => (probed.push(uri), probing.readFile(uri)) }, manifestUri, 'workspace');
    assert.equal(forced.origin.kind, 'bundled');
    assert.match(forced.fallbackReason!, /no manifest\.schema\.json was found/);
    // Every folder looked in is a dependency: a schema created there later must be noticed.
    assert.ok(probed.includes(pathToFileURL(join(workspace, 'manifest.schema.json')).href));
  });

  test('a broken workspace schema falls back to the bundled one with a visible warning', () => {
    const schemaPath = join(workspace, 'manifest.schema.json');
    writeFileSync(schemaPath, '{ "type": "object", ');
    try {
      const context = resolveSchemaContext(host(), manifestUri, 'auto');
      assert.equal(context.origin.kind, 'bundled');
      assert.match(context.fallbackReason!, /is not valid JSON/);
      const diagnostics = lintManifest(parseManifest('file:///x/manifest.json', manifestText(validManifest())), { schema: context });
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].code, 'schema-workspace-broken');
      assert.equal(diagnostics[0].severity, 2);

      writeFileSync(schemaPath, JSON.stringify({ type: 'object', properties: { name: { type: 'nonsense' } } }));
      assert.match(resolveSchemaContext(host(), manifestUri, 'auto').fallbackReason!, /does not compile/);
    } finally {
      rmSync(schemaPath);
    }
  });

  test('a workspace schema outside the workspace folders is not read', () => {
    const outside = mkdtempSync(join(tmpdir(), 'ld-outside-'));
    try {
      mkdirSync(join(outside, 'integrations/x'), { recursive: true });
      writeFileSync(join(outside, 'manifest.schema.json'), '{}');
      const uri = pathToFileURL(join(outside, 'integrations/x/manifest.json')).href;
      assert.equal(resolveSchemaContext(host(), uri, 'auto').origin.kind, 'bundled');
      assert.match(resolveSchemaContext(host(), uri, 'workspace').fallbackReason!, /no manifest\.schema\.json was found/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('workspace schema patterns run in linear time: one that backtracks exponentially in JavaScript still answers', { timeout: 60_000 }, () => {
    const schemaPath = join(workspace, 'manifest.schema.json');
    writeFileSync(schemaPath, JSON.stringify({ type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' }, author: { type: 'string', pattern: '^(a)\\1$' } } }));
    try {
      const context = resolveSchemaContext(host(), manifestUri, 'auto');
      assert.equal(context.origin.kind, 'workspace');
      const lint = (name: string) => lintManifest(parseManifest(manifestUri, manifestText({ ...validManifest(), name })), { schema: context });
      // With a JavaScript RegExp this input takes longer than the universe has existed.
      const hostile = lint('a'.repeat(50_000) + 'b');
      assert.deepEqual(hostile.map((d) => d.code), ['schema-pattern-unchecked', 'schema-pattern']);
      assert.deepEqual(lint('aaa').map((d) => d.code), ['schema-pattern-unchecked']);
      // The back-reference cannot run in linear time: not applied, and the author is told.
      assert.match(String(hostile[0].message), /1 pattern of the workspace schema .* not applied: \/\^\(a\)\\1\$\//);
    } finally {
      rmSync(schemaPath);
    }
  });

  /** The codes and the first message of linting the valid manifest with `schema` as the workspace schema. */
  function lintWithWorkspaceSchema(schema: unknown): { codes: string[]; first: string } {
    const schemaPath = join(workspace, 'manifest.schema.json');
    writeFileSync(schemaPath, JSON.stringify(schema));
    try {
      const context = resolveSchemaContext(host(), manifestUri, 'auto');
      const diagnostics = lintManifest(parseManifest(manifestUri, manifestText({ ...validManifest(), name: 'zzz' })), { schema: context });
      return { codes: diagnostics.map((d) => String(d.code)), first: String(diagnostics[0]?.message ?? '') };
    } finally {
      rmSync(schemaPath);
    }
  }

  test('a $ref cycle that never reaches the data falls back to the bundled schema, with the warning', () => {
    const result = lintWithWorkspaceSchema({ $ref: '#' });
    assert.deepEqual(result.codes, ['schema-workspace-broken']);
    assert.match(result.first, /overflows the stack/);
    // Reached only through the data: the same, once the manifest has the key.
    const nested = lintWithWorkspaceSchema({ properties: { name: { anyOf: [{ $ref: '#/properties/name' }] } } });
    assert.deepEqual(nested.codes, ['schema-workspace-broken']);
  });

  test('a schema beyond its budget is not compiled: many enum values, deep nesting, $refs that fan out', () => {
    const enumValues = Array.from({ length: 200_000 }, (_, i) => `v${i}`);
    assert.match(lintWithWorkspaceSchema({ properties: { name: { enum: enumValues } } }).first, /more than 10,000 enum values/);
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 100; i++) deep = { properties: { a: deep } };
    assert.match(lintWithWorkspaceSchema(deep).first, /nests more than 64 levels deep/);
    // 20 definitions, each naming the next twice: a small file, a million schemas to evaluate.
    const definitions: Record<string, unknown> = { d20: { type: 'string' } };
    for (let i = 0; i < 20; i++) definitions[`d${i}`] = { anyOf: [{ $ref: `#/definitions/d${i + 1}` }, { $ref: `#/definitions/d${i + 1}` }] };
    const fanOut = lintWithWorkspaceSchema({ definitions, properties: { name: { $ref: '#/definitions/d0' } } });
    assert.deepEqual(fanOut.codes, ['schema-workspace-broken']);
    assert.match(fanOut.first, /too large to check within budget/);
  });

  test('an enum beyond what a message lists is counted, not quoted whole', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `value-${i}`);
    const result = lintWithWorkspaceSchema({ type: 'object', properties: { name: { enum: values } } });
    assert.deepEqual(result.codes, ['schema-value-not-allowed']);
    assert.match(result.first, /and 4988 more/);
    assert.ok(result.first.length < 600, `${result.first.length} characters`);
  });

  test('a schema file that cannot be read is a SchemaLoadError', () => {
    assert.throws(() => loadSchemaFile(join(workspace, 'missing.json')), SchemaLoadError);
  });

  test("upstream's bundled schema works as a workspace schema, nested $ids and all", (t) => {
    const corpus = corpusRoot();
    if (!corpus) return t.skip('corpus not found at ../shared/corpus');
    copyFileSync(join(corpus, 'manifest.schema.json'), join(workspace, 'manifest.schema.json'));
    try {
      assert.equal(findWorkspaceSchema(host(), manifestUri)?.uri, pathToFileURL(join(workspace, 'manifest.schema.json')).href);
      const context = resolveSchemaContext(host(), manifestUri, 'auto');
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
      assert.equal(resolveSchemaContext(host(), manifestUri, 'bundled').origin.kind, 'bundled');
    } finally {
      rmSync(join(workspace, 'manifest.schema.json'));
    }
  });
});
