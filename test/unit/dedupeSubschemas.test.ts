import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { dedupeSubschemas } from '../../server/src/engine/schema/dedupeSubschemas';
import type { JsonSchema } from '../../server/src/engine/schema/jsonSchema';
import { loadSchemaFile } from '../../server/src/node/schemaFile';
import { corpusRoot } from '../support/manifests';

function compile(schema: JsonSchema) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const endpoint = {
  type: 'object',
  required: ['url', 'method'],
  propertyNames: { enum: ['url', 'method', 'headers'] },
  properties: {
    url: { type: 'string', description: 'Where the request goes; long enough to be worth sharing between places.' },
    method: { enum: ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'] },
    headers: { type: 'array', items: { type: 'object', required: ['name', 'value'] } },
  },
};

test('identical large sub-schemas become one definition behind $refs; values and enums are left alone', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: { first: structuredClone(endpoint) as JsonSchema, second: structuredClone(endpoint) as JsonSchema, small: { type: 'string' }, other: { type: 'string' } },
    default: { first: structuredClone(endpoint) },
  };
  assert.equal(dedupeSubschemas(schema), 1);
  assert.deepEqual(schema.properties?.first, { $ref: '#/definitions/__ldShared0' });
  assert.deepEqual(schema.properties?.second, { $ref: '#/definitions/__ldShared0' });
  assert.deepEqual(schema.definitions?.__ldShared0, endpoint);
  assert.deepEqual(schema.properties?.small, { type: 'string' }, 'small sub-schemas stay inline');
  assert.deepEqual(schema.default, { first: endpoint }, 'a default value is data, not a schema');
  const validate = compile(schema);
  assert.equal(validate({ first: { url: 'x', method: 'PUT' }, second: { url: 'y', method: 'GET' } }), true);
  assert.equal(validate({ second: { url: 'y', method: 'put' } }), false);
  assert.equal(validate({ second: { url: 'y', method: 'GET', extra: 1 } }), false);
});

test('a schema with nothing repeated is left as it is', () => {
  const schema: JsonSchema = { type: 'object', properties: { a: structuredClone(endpoint) as JsonSchema } };
  const before = JSON.stringify(schema);
  assert.equal(dedupeSubschemas(schema), 0);
  assert.equal(JSON.stringify(schema), before);
});

test("upstream's schema, folded, gives the same verdicts on the corpus and on mutations of it", (t) => {
  const corpus = corpusRoot();
  if (!corpus) return t.skip('corpus not found at ../shared/corpus');
  const folded = loadSchemaFile(join(corpus, 'manifest.schema.json')).validate;
  const original = JSON.parse(readFileSync(join(corpus, 'manifest.schema.json'), 'utf8')) as JsonSchema;
  const stripIds = (value: unknown, root: boolean): void => {
    if (Array.isArray(value)) value.forEach((v) => stripIds(v, false));
    else if (value && typeof value === 'object') {
      if (!root) delete (value as { $id?: unknown }).$id;
      Object.values(value).forEach((v) => stripIds(v, false));
    }
  };
  stripIds(original, true);
  const plain = compile(original);
  let cases = 0;
  let invalid = 0;
  const compare = (manifest: unknown, label: string) => {
    cases++;
    const verdict = plain(manifest);
    if (!verdict) invalid++;
    assert.equal(folded(manifest), verdict, label);
  };
  const integrations = join(corpus, 'integrations');
  for (const key of readdirSync(integrations).filter((k) => existsSync(join(integrations, k, 'manifest.json')))) {
    const manifest = JSON.parse(readFileSync(join(integrations, key, 'manifest.json'), 'utf8')) as unknown;
    compare(manifest, key);
    // Each object of the manifest with one key dropped, and with an unknown key added.
    const objects: Record<string, unknown>[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        objects.push(value as Record<string, unknown>);
        Object.values(value).forEach(collect);
      }
    };
    collect(manifest);
    for (const object of objects) {
      const keys = Object.keys(object);
      if (keys.length > 0) {
        const [first] = keys;
        const saved = object[first];
        delete object[first];
        compare(manifest, `${key} without ${first}`);
        object[first] = saved;
      }
      object.__unknownKey = true;
      compare(manifest, `${key} with an unknown key`);
      delete object.__unknownKey;
    }
  }
  assert.ok(cases > 2000 && invalid > 1000 && cases - invalid > 200, `${cases} cases, ${invalid} invalid`);
  t.diagnostic(`${cases} cases, ${invalid} invalid under both`);
});
