import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { syntaxDiagnostics } from '../../server/src/engine/diagnostics/syntaxDiagnostics';
import { schemaDiagnostics } from '../../server/src/engine/diagnostics/schemaDiagnostics';
import { bundledSchemaContext, type SchemaContext } from '../../server/src/engine/schema/schemaContext';
import type { JsonSchema } from '../../server/src/engine/schema/jsonSchema';
import { manifestText, rangeOfText, validManifest } from '../support/manifests';

const schema = bundledSchemaContext();
// The syntax and schema layers alone: the rules and template checks have their own tests.
function lint(text: string, context: SchemaContext = schema) {
  const doc = parseManifest('file:///m/manifest.json', text);
  return [...syntaxDiagnostics(doc), ...schemaDiagnostics(doc, context)];
}

function edited(edit: (m: Record<string, any>) => void): string {
  const manifest = validManifest() as Record<string, any>;
  edit(manifest);
  return manifestText(manifest);
}

describe('schema diagnostics on the bundled schema', () => {
  test('a valid manifest has no diagnostics', () => {
    assert.deepEqual(lint(manifestText(validManifest())), []);
  });

  test('an unknown key is reported on that key with the nearest valid one', () => {
    const text = edited((m) => {
      const parser = m.capabilities.featureStore.validationRequest.parser;
      parser.error = parser.success;
      delete parser.success;
      parser.success = '/ok';
    });
    const diagnostics = lint(text);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d.code, 'schema-unknown-key');
    assert.equal(d.source, 'ld-manifest');
    assert.deepEqual(d.range, rangeOfText(text, '"error"'));
    assert.match(String(d.message), /"error" is not allowed in "capabilities\.featureStore\.validationRequest\.parser"; did you mean "errors"\?/);
  });

  test('an unknown top-level key far from any valid one lists the allowed keys', () => {
    const text = edited((m) => (m.zzzzzzzz = 1));
    const [d] = lint(text);
    assert.equal(d.code, 'schema-unknown-key');
    assert.match(String(d.message), /at the top level of the manifest; allowed keys: "name", "version"/);
  });

  test('a missing required key is reported on the key of the object that lacks it', () => {
    const text = edited((m) => delete m.capabilities.featureStore.featureStoreRequest.endpoint.method);
    const diagnostics = lint(text);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'schema-missing-key');
    assert.deepEqual(diagnostics[0].range, rangeOfText(text, '"endpoint"', 1));
    assert.match(String(diagnostics[0].message), /is missing the required key "method"/);
  });

  test('a missing key in an array item is reported on its opening brace', () => {
    const text = edited((m) => delete m.capabilities.featureStore.formVariables[1].description);
    const [d] = lint(text);
    assert.equal(d.code, 'schema-missing-key');
    const brace = rangeOfText(text, '{\n          "key": "siteId"');
    assert.deepEqual(d.range, { start: brace.start, end: { line: brace.start.line, character: brace.start.character + 1 } });
  });

  test('a wrong enum value is reported on the value, with the case-insensitive match suggested', () => {
    const text = edited((m) => (m.capabilities.featureStore.featureStoreRequest.endpoint.method = 'put'));
    const [d] = lint(text);
    assert.equal(d.code, 'schema-value-not-allowed');
    assert.deepEqual(d.range, rangeOfText(text, '"put"'));
    assert.match(String(d.message), /"put" is not an allowed value .*"POST", "PUT", "PATCH", "GET", "DELETE"\. Did you mean "PUT"\?/);
  });

  test('length, pattern, format, items and type problems each give one clear diagnostic', () => {
    const text = edited((m) => {
      m.overview = 'Short';
      m.version = '1.0';
      m.supportEmail = 'not-an-email';
      m.categories = ['data', 'data'];
      m.requiresOAuth = 'yes';
    });
    const byCode = new Map(lint(text).map((d) => [d.code, d]));
    assert.deepEqual([...byCode.keys()].sort(), ['schema-format', 'schema-items', 'schema-length', 'schema-pattern', 'schema-wrong-type']);
    assert.match(String(byCode.get('schema-length')!.message), /"overview" is too short: 5 characters, at least 10 needed/);
    assert.match(String(byCode.get('schema-pattern')!.message), /^"version".* semantic version.*1\.0\.0.*"1\.0"/);
    assert.match(String(byCode.get('schema-format')!.message), /"supportEmail" must be an email address/);
    assert.match(String(byCode.get('schema-items')!.message), /"data" appears twice in "categories"/);
    assert.deepEqual(byCode.get('schema-items')!.range, rangeOfText(text, '"data"', 1));
    assert.match(String(byCode.get('schema-wrong-type')!.message), /"requiresOAuth" must be true or false, not a string/);
  });

  test('a value with the wrong shape and length gets one diagnostic, about its shape', () => {
    const text = edited((m) => (m.version = 'one'));
    const diagnostics = lint(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['schema-pattern']);
  });

  test('positions count UTF-16 units across CRLF, tabs, non-ASCII text and a BOM', () => {
    const manifest = validManifest() as Record<string, any>;
    manifest.author = 'Équipe 🚀 Ütility';
    manifest.bogus = true;
    const body = JSON.stringify(manifest, null, '\t').replace(/\n/g, '\r\n');
    const text = '\uFEFF' + body;
    const [d] = lint(text);
    const lines = text.split('\r\n');
    const line = lines.findIndex((l) => l.includes('"bogus"'));
    const character = lines[line].indexOf('"bogus"');
    assert.equal(d.code, 'schema-unknown-key');
    assert.deepEqual(d.range, { start: { line, character }, end: { line, character: character + 7 } });
    // The author line with an astral character does not shift later columns.
    const lintedAuthor = lint(text.replace('"Équipe 🚀 Ütility"', '"É🚀"'));
    const authorDiag = lintedAuthor.find((x) => x.code === 'schema-length')!;
    const authorLine = lines.findIndex((l) => l.includes('"author"'));
    const start = lines[authorLine].indexOf('"Équipe');
    assert.deepEqual(authorDiag.range, { start: { line: authorLine, character: start }, end: { line: authorLine, character: start + 5 } });
  });
});

describe('syntax diagnostics', () => {
  test('a missing comma is reported where it is missing, and schema checks still run', () => {
    const text = '{\n  "name": "Example Store"\n  "version": "1"\n}';
    const diagnostics = lint(text);
    const syntax = diagnostics.filter((d) => d.code === 'json-syntax');
    assert.equal(syntax.length, 1);
    assert.deepEqual(syntax[0].range.start, { line: 2, character: 2 });
    assert.match(String(syntax[0].message), /Expected a comma/);
    assert.ok(diagnostics.some((d) => d.code === 'schema-length' || d.code === 'schema-pattern'), 'schema checks still run on the partial tree');
  });

  test('an empty document, a non-object and comments are reported', () => {
    assert.equal(lint('')[0].code, 'json-syntax');
    assert.match(String(lint('[]')[0].message), /must be a JSON object/);
    const comment = lint('{ // note\n}').find((d) => d.code === 'json-syntax');
    assert.match(String(comment!.message), /Comments are not allowed/);
  });

  test('missing-key noise is suppressed inside an object that does not parse', () => {
    const text = '{\n  "name": "Example Store",\n  "links": { "site": \n';
    assert.equal(lint(text).filter((d) => d.code === 'schema-missing-key' && d.range.start.line === 2).length, 0);
  });

  test('a duplicate key is a warning on the second occurrence', () => {
    const text = manifestText(validManifest()).replace('"name": "Example Store",', '"name": "Example Store",\n  "name": "Example Store",');
    const d = lint(text).find((x) => x.code === 'json-duplicate-key')!;
    assert.deepEqual(d.range, rangeOfText(text, '"name"', 1));
    assert.equal(d.severity, 2);
  });
});

describe('error reduction on a schema with anyOf', () => {
  const oneOfSchema: JsonSchema = {
    type: 'object',
    properties: {
      target: {
        anyOf: [
          { type: 'object', required: ['url'], properties: { url: { type: 'string', minLength: 3 } } },
          { type: 'object', required: ['file'], properties: { file: { type: 'string' } } },
        ],
      },
      size: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    },
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  const context: SchemaContext = { schema: oneOfSchema, validate: ajv.compile(oneOfSchema), origin: { kind: 'bundled' } };

  test('the branch that came closest explains the problem, once', () => {
    const text = '{ "target": { "url": "x" } }';
    const diagnostics = lint(text, context);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'schema-length');
  });

  test('a value no branch accepts gets one message naming every type', () => {
    const diagnostics = lint('{ "size": true }', context);
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0].message), /"size" must be a string or a number, not a boolean/);
  });
});
