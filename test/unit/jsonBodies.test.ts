// JSON bodies rendered as LaunchDarkly would: invalid JSON put at its place in the manifest (through
// the string's escapes), insertions that break the JSON or HTML-escape a value, and the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest, type ManifestDocument } from '../../server/src/engine/manifestDocument';
import { templateDiagnostics, templateCodeActions } from '../../server/src/engine/templates';
import { corpusRoot, manifestText, validManifest } from '../support/manifests';

type Manifest = Record<string, any>;

function approvalWith(jsonBody: string): ManifestDocument {
  const manifest: Manifest = validManifest();
  delete manifest.capabilities;
  manifest.capabilities = {
    approval: {
      creationRequest: {
        endpoint: { url: 'https://example.com/approvals', method: 'POST', headers: [] },
        jsonBody,
        parser: { approvalId: '/id', statusValue: '/status', approvalMatcher: '^approved$', rejectionMatcher: '^rejected$' },
      },
      statusRequest: { endpoint: { url: 'https://example.com/approvals/{{approvalId}}', method: 'GET', headers: [] }, parser: { statusValue: '/status', approvalMatcher: '^approved$', rejectionMatcher: '^rejected$' } },
    },
  };
  return parseManifest('file:///integrations/x/manifest.json', manifestText(manifest));
}

function bodyProblems(doc: ManifestDocument) {
  return templateDiagnostics(doc)
    .filter((d) => String(d.code).startsWith('json-body'))
    .map((d) => ({ code: String(d.code), text: doc.text.getText(d.range), message: d.message, diagnostic: d }));
}

test('a JSON body that renders to JSON, with values in three braces, has no problem', () => {
  assert.deepEqual(bodyProblems(approvalWith('{"id": "{{approvalId}}", "title": "{{{title.plainText}}}", "by": "{{{member.email}}}"}')), []);
});

test('a trailing comma is named and put on the closing bracket, in the manifest', () => {
  const [problem, ...rest] = bodyProblems(approvalWith('{"id": "{{approvalId}}", "tags": ["a",]}'));
  assert.deepEqual(rest, []);
  assert.equal(problem?.code, 'json-body-invalid');
  assert.equal(problem?.text, ']');
  assert.match(String(problem!.message), /a comma before the closing `\]` \(JSON allows no trailing comma\)/);
});

test('a raw line break inside a body string (a `\\n` in the manifest) is put on the escape', () => {
  const [problem] = bodyProblems(approvalWith('{"text": "line one\nline two"}'));
  assert.equal(problem?.code, 'json-body-invalid');
  assert.equal(problem?.text, '\\n');
  assert.match(String(problem!.message), /raw control character \(U\+000A\) inside a string/);
});

test('an unquoted text value is blamed on the insertion', () => {
  const [problem] = bodyProblems(approvalWith('{"title": {{{title.plainText}}} }'));
  assert.equal(problem?.code, 'json-body-invalid');
  assert.equal(problem?.text, '{{{title.plainText}}}');
  assert.match(String(problem!.message), /in what `\{\{\{title\.plainText\}\}\}` inserts/);
});

test('a double-stash of free text breaks the JSON on a quote: reported, and the fix makes it three braces', () => {
  const doc = approvalWith('{"details": "{{details.plainText}}", "id": "{{approvalId}}"}');
  const problems = bodyProblems(doc);
  assert.deepEqual(problems.map((p) => [p.code, p.text]), [['json-body-unsafe-insertion', '{{details.plainText}}']]);
  const [action] = templateCodeActions(doc, problems[0]!.diagnostic.range, [problems[0]!.diagnostic]);
  assert.equal(action?.title, 'Insert the value as it is: `{{{…}}}`');
  const edit = action!.edit!.changes![doc.uri]![0]!;
  const fixed = doc.text.getText().slice(0, doc.text.offsetAt(edit.range.start)) + edit.newText + doc.text.getText().slice(doc.text.offsetAt(edit.range.end));
  assert.deepEqual(bodyProblems(parseManifest(doc.uri, fixed)), []);
});

test('a double-stash of free text that only changes the value (an & in it) is reported too', () => {
  const problems = bodyProblems(approvalWith('{"details": [{{#each customProperties.tags.values}}"{{this}}"{{/each}}], "name": "x{{project.name}}"}'));
  assert.ok(problems.some((p) => p.text === '{{project.name}}'), JSON.stringify(problems.map((p) => [p.code, p.text])));
});

test('the real manifests have no invalid JSON body', (t) => {
  const root = corpusRoot();
  if (!root) return t.skip('no corpus at ../shared/corpus on this machine');
  const invalid: string[] = [];
  for (const key of readdirSync(join(root, 'integrations'))) {
    const path = join(root, 'integrations', key, 'manifest.json');
    const doc = parseManifest(`file://${path}`, readFileSync(path, 'utf8'));
    for (const problem of bodyProblems(doc)) if (problem.code === 'json-body-invalid') invalid.push(`${key}: ${problem.message}`);
  }
  assert.deepEqual(invalid, []);
});
