import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { ruleDiagnostics } from '../../server/src/engine/rules';
import { jsonEscape, templateContext } from '../../server/src/engine/rules/auditLogTemplates/templateContext';
import { sampleEventFor } from '../../server/src/engine/rules/auditLogTemplates/sampleEvents';
import { renderStrict } from '../../server/src/engine/rules/auditLogTemplates/handlebarsRuntime';
import { rangeOfText } from '../support/manifests';
import { codesOf, correctFiles, correctManifest, docOf, edited, memoryEnvironment, msg } from './rulesTestSupport';

const withTemplate = (path: string, source: string | undefined) => {
  const files = { ...correctFiles };
  if (source === undefined) delete files[path];
  else files[path] = source;
  return memoryEnvironment(files);
};

describe('rules: auditLogEventsHook templates', () => {
  test('a missing template file is an error on its path', () => {
    const doc = edited((m) => (m.capabilities.auditLogEventsHook.templates.project = 'templates/project.json.hbs'));
    const diagnostics = ruleDiagnostics(doc, memoryEnvironment(correctFiles));
    assert.deepEqual(codesOf(diagnostics), ['audit-template-missing']);
    assert.deepEqual(diagnostics[0].range, rangeOfText(doc.text.getText(), '"templates/project.json.hbs"'));
  });
  test('a reference to a field the event does not have fails strict rendering', () => {
    const [d] = ruleDiagnostics(docOf(correctManifest()), withTemplate('templates/flag.json.hbs', '{ "x": "{{flag.nope.deeper}}" }'));
    assert.equal(d.code, 'audit-template-render-failed');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(msg(d), /flag template .* does not render .* strict mode: .*/);
  });
  test('a form variable the manifest does not declare fails, one it declares renders', () => {
    const [d] = ruleDiagnostics(docOf(correctManifest()), withTemplate('templates/default.txt.hbs', '{{formVariables.nope}}'));
    assert.equal(d.code, 'audit-template-render-failed');
    assert.match(msg(d), /"nope" not defined/);
    assert.deepEqual(ruleDiagnostics(docOf(correctManifest()), withTemplate('templates/default.txt.hbs', '{{formVariables.apiKey}} {{formVariables.oauth.baseURI}} {{oauth.accessToken}}')), []);
  });
  test('LaunchDarkly helpers are available', () => {
    const source = '{{#equalWithElse kind "flag"}}{{queryEncode name}} {{pathEncode key}} {{basicAuthHeaderValue "a" "b"}} {{formatWithOffset timestamp.milliseconds 3600 "simple"}}{{else}}other{{/equalWithElse}}';
    assert.deepEqual(ruleDiagnostics(docOf(correctManifest()), withTemplate('templates/default.txt.hbs', source)), []);
    assert.equal(renderStrict(source, sampleEventFor('flag')), 'New%20checkout%20flow new-checkout-flow Basic YTpi 2024-06-10 17:00:00');
    assert.equal(renderStrict(source, sampleEventFor('validation')), 'other');
  });
  test('a .json template that renders invalid JSON is an error that says where, without quoting the file', () => {
    const [d] = ruleDiagnostics(docOf(correctManifest()), withTemplate('templates/flag.json.hbs', '{ "text": {{{title.plainText}}} }'));
    assert.equal(d.code, 'audit-template-invalid-json');
    assert.equal(msg(d), 'The flag template "templates/flag.json.hbs" is a .json template but renders invalid JSON: invalid symbol at line 1, column 11 of its output.');
  });
  test('a newline in event text is JSON-escaped for .json templates, as LaunchDarkly does', () => {
    // details.plainText of the sample flag event has a newline: unescaped it would break the JSON.
    assert.match(String(sampleEventFor('flag').details && (sampleEventFor('flag').details as { plainText: string }).plainText), /\n/);
    assert.deepEqual(ruleDiagnostics(docOf(correctManifest()), withTemplate('templates/flag.json.hbs', '{ "text": "{{{details.plainText}}}" }')), []);
    assert.equal(jsonEscape('a\n"b"'), 'a\\n\\"b\\"');
  });
  test('validation and member templates must not render empty; others may', () => {
    const blank = '{{#if nothingHere}}x{{/if}}  \n';
    const diagnostics = ruleDiagnostics(docOf(correctManifest()), withTemplate('templates/default.txt.hbs', blank));
    assert.deepEqual(codesOf(diagnostics), ['audit-template-empty'], 'only the validation reference of default.txt.hbs');
    assert.match(msg(diagnostics[0]), /validation template/);
    const member = ruleDiagnostics(docOf(correctManifest()), withTemplate('templates/member.json.hbs', '{{#if comment}}{}{{/if}}'));
    assert.deepEqual(codesOf(member), ['audit-template-empty'], 'member events have no comment');
  });
  test('a template file nested too deep is reported, not rendered (Handlebars would take minutes)', () => {
    const deep = '{{a ' + '(b '.repeat(20_000) + ')'.repeat(20_000) + '}}';
    const diagnostics = ruleDiagnostics(docOf(correctManifest()), withTemplate('templates/flag.json.hbs', deep));
    assert.deepEqual(codesOf(diagnostics), ['audit-template-render-failed']);
    assert.match(msg(diagnostics[0]), /nests blocks or sub-expressions more than 32 deep/);
  });
  test('the context holds a value of each form variable type, and oauth when required', () => {
    const context = templateContext(docOf(correctManifest()).root, sampleEventFor('flag'), false) as { formVariables: Record<string, unknown>; oauth?: unknown };
    assert.deepEqual(context.formVariables.apiKey, 'apiKey');
    assert.deepEqual(context.formVariables.verbose, true);
    assert.deepEqual(context.formVariables.colors, ['red']);
    assert.ok(context.oauth);
    const noOauth = templateContext(edited((m) => delete m.requiresOAuth).root, sampleEventFor('flag'), false) as { oauth?: unknown };
    assert.equal(noOauth.oauth, undefined);
  });
});
