// --schema auto|bundled|PATH: which schema is in force, and a schema PATH that cannot be used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { assertUsageError, integration, parseJsonReport, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';

const upstreamSchema = '/work/shared/corpus/integration-framework/manifest.schema.json';
const skipUpstream = existsSync(upstreamSchema) ? false : `upstream schema not found at ${upstreamSchema}`;

/** A schema stricter than the real one: names of at most 5 characters. */
const tinyNameSchema = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { name: { type: 'string', maxLength: 5 } },
});

test('--schema PATH with the upstream schema: a valid manifest passes, a wrong one fails', { skip: skipUpstream }, (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, { ...integration('good'), ...integration('bad', JSON.stringify({ ...validManifest, categories: ['no-such-category'] })) });
  const good = runCli(['lint', '--schema', upstreamSchema, 'integrations/good'], folder);
  assert.deepEqual(good, { status: 0, stdout: 'No problems in 1 manifest\n', stderr: '' });
  const bad = runCli(['lint', '--format', 'json', `--schema=${upstreamSchema}`, 'integrations/bad'], folder);
  assert.equal(bad.status, 1, bad.stderr);
  assert.deepEqual(
    parseJsonReport(bad).map((p) => `${p.severity} ${p.code}`),
    ['error schema-value-not-allowed'],
  );
});

test('auto (the default) uses the nearest manifest.schema.json above the manifest; bundled ignores it', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, { 'manifest.schema.json': tinyNameSchema, ...integration('example') });
  for (const args of [['lint', '--format', 'json', 'integrations'], ['lint', '--format', 'json', '--schema', 'auto', 'integrations']]) {
    const run = runCli(args, folder);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(
      parseJsonReport(run).map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`),
      ['integrations/example/manifest.json:2:11 schema-length'],
    );
  }
  assert.equal(runCli(['lint', '--schema', 'bundled', 'integrations'], folder).status, 0);
  // A schema file called "auto" is reachable as a path.
  writeFiles(folder, { auto: tinyNameSchema, 'manifest.schema.json': '{}' });
  assert.equal(runCli(['lint', 'integrations'], folder).status, 0);
  assert.equal(runCli(['lint', '--schema', './auto', 'integrations'], folder).status, 1);
});

test('auto with a broken manifest.schema.json: a warning, and the bundled schema still checks', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, {
    'manifest.schema.json': '{ not json',
    ...integration('good'),
    ...integration('bad', JSON.stringify({ ...validManifest, version: 1 })),
  });
  const run = runCli(['lint', '--format', 'json', 'integrations'], folder);
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(
    parseJsonReport(run).map((p) => `${p.file} ${p.severity} ${p.code}`),
    [
      'integrations/bad/manifest.json warning schema-workspace-broken',
      'integrations/bad/manifest.json error schema-wrong-type',
      'integrations/good/manifest.json warning schema-workspace-broken',
    ],
  );
  assert.equal(runCli(['lint', 'integrations/good'], folder).status, 0, 'a warning alone exits 0');
});

const brokenSchemas: [string, Record<string, string>, string, RegExp][] = [
  ['a missing file', {}, 'nope.schema.json', /^ld-manifest: schema file not found: nope\.schema\.json$/],
  ['a file that is not JSON', { 'broken.json': '{ "type": ' }, 'broken.json', /^ld-manifest: cannot use --schema broken\.json: schema .*broken\.json is not valid JSON: /],
  ['a JSON array', { 'array.json': '[]' }, 'array.json', /^ld-manifest: cannot use --schema array\.json: .*not a JSON Schema object$/],
  ['a schema that does not compile', { 'bad-type.json': '{ "type": 12 }' }, 'bad-type.json', /^ld-manifest: cannot use --schema bad-type\.json: schema .* does not compile: /],
  ['a folder', {}, '.', /^ld-manifest: cannot use --schema \.: it is a folder, not a schema file$/],
];

for (const [name, files, schema, expected] of brokenSchemas) {
  test(`--schema with ${name} exits 2 with one line`, (t) => {
    const folder = tempFolder(t);
    writeFiles(folder, { ...files, ...integration('example') });
    assertUsageError(runCli(['lint', '--schema', schema, 'integrations'], folder), expected);
  });
}
