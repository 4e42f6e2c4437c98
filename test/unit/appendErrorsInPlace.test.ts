// ajv's generated code concatenates the errors of sub-schemas (quadratic in the number of errors): the
// build rewrites the bundled validator, and the engine every schema it compiles, to append in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendErrorsInPlace } from '../../server/src/engine/schema/appendErrorsInPlace';
import { compileSchema } from '../../server/src/engine/schema/schemaContext';
import { repoRoot } from '../support/manifests';

test('the bundled validator appends errors in place', () => {
  const code = readFileSync(join(repoRoot(), 'server/generated/manifestValidator.js'), 'utf8');
  assert.ok(!code.includes('vErrors.concat('), 'no concat left');
  assert.ok(code.includes('else for (const error of validate'), 'rewritten, not just absent');
});

test('the rewrite keeps every error, in order', () => {
  const schema = { type: 'array', items: { $ref: '#/definitions/item' }, definitions: { item: { type: 'object', required: ['a', 'b'] } } };
  const { validate } = compileSchema(JSON.stringify(schema), 'file:///ws/errors.schema.json');
  assert.equal(validate([{}, { a: 1 }, {}]), false);
  assert.deepEqual(
    validate.errors?.map((e) => `${e.instancePath} ${String(e.params.missingProperty)}`),
    ['/0 a', '/0 b', '/1 b', '/2 a', '/2 b'],
  );
  assert.equal(appendErrorsInPlace('x = 1;'), 'x = 1;');
});
