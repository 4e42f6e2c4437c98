// --format sarif: valid against the published SARIF 2.1.0 schema (test/cli/fixtures/sarif-schema-2.1.0.json,
// OASIS's errata01 schema as the oasis-tcs/sarif-spec repository publishes it at Schemata/), with the
// codes as rules, the same regions as the JSON report, levels from severities, quick fixes as fixes,
// ignored problems as suppressions, and paths relative to the repository root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { allCodes } from '../../server/src/engine/diagnostics/allCodes';
import { integration, parseJsonReport, projectRoot, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';
import { fixableDefects } from './fixableManifests';
import { corpusRoot } from '../support/manifests';

/**
 * The schema is draft-04, which ajv 8 reads once its draft-04 `id` is spelled `$id` (the only
 * draft-04-only keyword the SARIF schema uses; it has no boolean exclusiveMinimum/Maximum).
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(projectRoot, 'test/cli/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#');
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...rest });
}

const validate = sarifValidator();

function assertValidSarif(text: string): any {
  const log = JSON.parse(text);
  const valid = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  return log;
}

test('the schema validator rejects what is not SARIF (the check can fail)', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'a driver needs a name');
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
});

test('a clean run: a valid log with every code as a rule and no results', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, integration('clean'));
  const run = runCli(['lint', '--format', 'sarif', 'integrations'], folder);
  assert.equal(run.status, 0);
  assert.equal(run.stderr, '');
  const log = assertValidSarif(run.stdout);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'ld-manifest');
  assert.deepEqual(driver.rules.map((r: any) => r.id), Object.keys(allCodes));
  for (const rule of driver.rules) {
    assert.equal(rule.shortDescription.text, allCodes[rule.id as keyof typeof allCodes].summary);
    assert.match(rule.helpUri, /#diagnostic-codes$/);
  }
  // The anchor is the README's own heading, as GitHub-style renderers spell it.
  assert.match(readFileSync(join(projectRoot, 'README.md'), 'utf8'), /^## Diagnostic codes$/m);
  assert.deepEqual(log.runs[0].results, []);
});

test('results: the JSON report\'s regions, levels from severities, quick fixes as fixes', (t) => {
  const folder = tempFolder(t);
  const withDefects = fixableDefects().find((d) => d.code === 'pointer-missing-slash')!.text;
  const warned = JSON.stringify({ ...validManifest, overview: 'No full stop' }, null, 2);
  writeFiles(folder, { 'integrations/a/manifest.json': withDefects, 'integrations/b/manifest.json': warned });
  const args = ['--severity', 'overview-full-stop=information', 'integrations'];
  const json = parseJsonReport(runCli(['lint', '--format', 'json', ...args], folder));
  const run = runCli(['lint', '--format', 'sarif', ...args], folder);
  assert.equal(run.status, 1);
  const log = assertValidSarif(run.stdout);
  const results = log.runs[0].results;
  const rules = log.runs[0].tool.driver.rules;
  assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
  assert.deepEqual(
    results.map((r: any) => {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      return `${artifactLocation.uri}:${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn} ${r.level} ${r.ruleId} ${r.message.text}`;
    }),
    json.map((p) => `${p.file}:${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${({ error: 'error', warning: 'warning', information: 'note', hint: 'note' } as any)[p.severity]} ${p.code} ${p.message}`),
  );
  for (const result of results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
  assert.ok(results.some((r: any) => r.level === 'note'), 'information is a note');

  const pointer = results.find((r: any) => r.ruleId === 'pointer-missing-slash');
  const { startLine, startColumn } = pointer.locations[0].physicalLocation.region;
  assert.deepEqual(pointer.fixes, [
    {
      description: { text: 'Make it a JSON pointer: "/ok"' },
      artifactChanges: [
        {
          artifactLocation: { uri: 'integrations/a/manifest.json', uriBaseId: '%SRCROOT%' },
          // An insertion: an empty region (end column = start column) where the "/" goes.
          replacements: [{ deletedRegion: { startLine, startColumn, endLine: startLine, endColumn: startColumn }, insertedContent: { text: '/' } }],
        },
      ],
    },
  ]);
  assert.equal(results.find((r: any) => r.ruleId === 'overview-full-stop').fixes, undefined, 'no fix, no fixes member');
});

test('paths are relative to the repository root, whatever the working directory', (t) => {
  const folder = tempFolder(t);
  mkdirSync(join(folder, '.git'));
  writeFiles(folder, integration('odd name,%', JSON.stringify({ ...validManifest, name: 5 })));
  const run = runCli(['lint', '--format', 'sarif', '.'], join(folder, 'integrations'));
  const log = assertValidSarif(run.stdout);
  assert.deepEqual(log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation), [
    { uri: 'integrations/odd%20name%2C%25/manifest.json', uriBaseId: '%SRCROOT%' },
  ]);
  assert.match(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
});

test('--show-ignored: an ignored problem is a result with an external suppression and its reason', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, {
    ...integration('example', JSON.stringify({ ...validManifest, overview: 'No full stop' })),
    '.ld-manifest.json': JSON.stringify({ ignore: [{ code: 'overview-full-stop', path: 'integrations/**', reason: 'Marketing wants it so.' }] }),
  });
  const hidden = assertValidSarif(runCli(['lint', '--format', 'sarif', 'integrations'], folder).stdout);
  assert.deepEqual(hidden.runs[0].results, []);
  const run = runCli(['lint', '--format', 'sarif', '--show-ignored', 'integrations'], folder);
  assert.equal(run.status, 0);
  const log = assertValidSarif(run.stdout);
  assert.deepEqual(log.runs[0].results.map((r: any) => [r.ruleId, r.suppressions]), [
    ['overview-full-stop', [{ kind: 'external', justification: 'Marketing wants it so.' }]],
  ]);
});

test('the corpus as SARIF: valid, one result per problem of the JSON report', { skip: corpusRoot() ? false : 'corpus not found at ../shared/corpus' }, () => {
  const corpus = corpusRoot()!;
  const json = parseJsonReport(runCli(['lint', '--format', 'json', 'integrations'], corpus));
  const log = assertValidSarif(runCli(['lint', '--format', 'sarif', 'integrations'], corpus).stdout);
  assert.equal(log.runs[0].results.length, json.length);
  assert.ok(json.length > 0, 'the corpus has known warnings');
});
