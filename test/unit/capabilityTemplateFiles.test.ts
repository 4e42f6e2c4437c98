// Template files of eventsHook and flagImport: read within bounds, parsed, and when they are JSON
// templates rendered and parsed, problems reported on the manifest's reference with the file's line
// and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleDiagnostics } from '../../server/src/engine/rules';
import { correctFiles, correctManifest, docOf, memoryEnvironment, msg } from './rulesTestSupport';

function withEventsTemplate(file: string | undefined) {
  const manifest = correctManifest();
  manifest.capabilities.eventsHook = {
    endpoint: { url: 'https://events.example.com/v2/enqueue', method: 'POST', headers: [] },
    templates: { measuredRolloutReverted: 'templates/reverted.json.hbs' },
  };
  const files = { ...correctFiles, ...(file === undefined ? {} : { 'templates/reverted.json.hbs': file }) };
  return ruleDiagnostics(docOf(manifest), memoryEnvironment(files)).filter((d) => /^(template-file|json-body)/.test(String(d.code)));
}

test('a JSON template file that renders JSON, values in three braces, has no problem', () => {
  assert.deepEqual(withEventsTemplate('{\n  "routing_key": "{{{formVariables.apiKey}}}",\n  "dedup_key": "{{{templateVariables.measuredRolloutDedupKey}}}"\n}\n'), []);
});

test("a trailing comma in the file is a warning with the file's line and column", () => {
  const [d, ...rest] = withEventsTemplate('{\n  "version": "1.0",\n  "tags": "tags",\n}\n');
  assert.deepEqual(rest, []);
  assert.equal(d?.code, 'template-file-invalid-json');
  assert.equal(msg(d!), 'The eventsHook template "templates/reverted.json.hbs" is a JSON template but does not render JSON at line 4, column 1 of the file: a comma before the closing `}` (JSON allows no trailing comma).');
});

test('a two-brace insertion of free text in a JSON template file is reported with its place', () => {
  const [d] = withEventsTemplate('{\n  "summary": "{{templateVariables.errorMessage}}"\n}');
  assert.equal(d?.code, 'json-body-unsafe-insertion');
  assert.match(msg(d!), /^The eventsHook template "templates\/reverted\.json\.hbs", at line 2, column 15 of the file: `\{\{templateVariables\.errorMessage\}\}` HTML-escapes its value/);
});

test('a missing file and a file that does not parse are warnings', () => {
  assert.match(msg(withEventsTemplate(undefined)[0]!), /^The eventsHook template "templates\/reverted\.json\.hbs" does not exist/);
  const [broken] = withEventsTemplate('{ "a": "{{#if x}}" }');
  assert.equal(broken?.code, 'template-file-problem');
  assert.match(msg(broken!), /does not parse at line 1, column \d+/);
});
