// Completion, hover, navigation, rename, quick fixes and semantic tokens inside templates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { parseManifest, type ManifestDocument } from '../../server/src/engine/manifestDocument';
import {
  prepareTemplateRename,
  templateCodeActions,
  templateCompletion,
  templateDefinition,
  templateDiagnostics,
  templateHighlights,
  templateHover,
  templateReferences,
  templateRename,
  templateSemanticTokens,
  templateTokenLegend,
} from '../../server/src/engine/templates';
import { manifestText, positionOf, rangeOfText, validManifest } from '../support/manifests';

 
type Manifest = Record<string, any>;

function docOf(edit: (m: Manifest) => void = () => {}, eol = '\n', indent = 2): ManifestDocument {
  const manifest = validManifest();
  edit(manifest);
  const text = JSON.stringify(manifest, null, indent).replace(/\n/g, eol) + eol;
  return parseManifest('file:///integrations/x/manifest.json', indent === 2 ? manifestText(manifest, eol) : text);
}

function apply(doc: ManifestDocument, edit: WorkspaceEdit | { error: string } | undefined): string {
  assert.ok(edit && !('error' in edit), JSON.stringify(edit));
  const edits: TextEdit[] = edit.changes?.[doc.uri] ?? [];
  return TextDocument.applyEdits(doc.text, edits);
}

const store = (m: Manifest) => m.capabilities.featureStore;
const labels = (items: CompletionItem[] | undefined) => (items ?? []).map((i) => i.label);

test('completion after {{ offers the scope, helpers as snippets, and replaces the partial name', () => {
  const doc = docOf((m) => {
    store(m).featureStoreRequest.endpoint.headers[0].value = 'Bearer {{api}}';
    store(m).featureStoreRequest.payloadPrefix = '{{#';
  });
  const text = doc.text.getText();
  const items = templateCompletion(doc, positionOf(text, '{{api}}', 0, 5));
  assert.ok(items);
  assert.deepEqual(labels(items).slice(0, 3), ['apiToken', 'siteId', '_featureStoreKey']);
  assert.ok(!labels(items).includes('envId'), 'envId only in payloadPrefix/Suffix');
  assert.ok(labels(items).includes('pathEncode') && !labels(items).includes('if'));
  const token = items.find((i) => i.label === 'apiToken');
  assert.equal(token?.detail, 'string (secret)');
  assert.ok(token?.textEdit && 'range' in token.textEdit);
  assert.deepEqual(token.textEdit.range, rangeOfText(text, 'api', text.indexOf('{{api}}') > 0 ? countBefore(text, 'api', '{{api}}') : 0));
  const helper = items.find((i) => i.label === 'edgeGridAuth');
  assert.match(helper?.textEdit?.newText ?? '', /^edgeGridAuth \$\{1:method\} \$\{2:path\}/);
  const block = templateCompletion(doc, positionOf(text, '"{{#"', 0, 4));
  assert.ok(labels(block).includes('if') && labels(block).includes('envId') && !labels(block).includes('pathEncode'));
});

function countBefore(text: string, needle: string, anchor: string): number {
  return text.slice(0, text.indexOf(anchor)).split(needle).length - 1;
}

test('completion returns undefined outside templates, [] in plain template text, and group keys after a dot', () => {
  const doc = docOf((m) => {
    m.capabilities.approval = {
      environmentFormVariables: [{ key: 'column', name: 'Column', type: 'string', description: 'Column.' }],
      creationRequest: { endpoint: { url: 'https://x.example.com/{{environmentFormVariables.co}}', method: 'POST' }, parser: { approvalId: '/id' } },
    };
  });
  const text = doc.text.getText();
  assert.equal(templateCompletion(doc, positionOf(text, 'Example Store', 0, 2)), undefined);
  assert.deepEqual(templateCompletion(doc, positionOf(text, 'api.example.com/sites', 0, 3)), []);
  const items = templateCompletion(doc, positionOf(text, 'Variables.co}}', 0, 12));
  assert.deepEqual(labels(items), ['column']);
  const edit = items?.[0].textEdit;
  assert.ok(edit && 'range' in edit);
  assert.equal(doc.text.getText(edit.range), 'co');
});

test('completion of hmacSecretFormVariableKey values, secret strings first', () => {
  const doc = docOf((m) => {
    store(m).featureStoreRequest.endpoint.hmacSignature = { headerName: 'X-Sig', hmacSecretFormVariableKey: '' };
  });
  const text = doc.text.getText();
  const items = templateCompletion(doc, positionOf(text, '"hmacSecretFormVariableKey": ""', 0, 30));
  assert.deepEqual(labels(items), ['apiToken', 'siteId']);
  assert.ok(items && items[0].sortText! < items[1].sortText!);
});

test('hover on a variable, a helper and _featureStoreKey', () => {
  const doc = docOf((m) => {
    store(m).featureStoreRequest.endpoint.headers[0].value = '{{pathEncode apiToken}}';
  });
  const text = doc.text.getText();
  const variable = templateHover(doc, positionOf(text, 'pathEncode apiToken', 0, 13));
  assert.match(JSON.stringify(variable?.contents), /API token.*apiToken.*type `string` · secret.*Your Example API token/);
  assert.deepEqual(variable?.range, rangeOfText(text, 'apiToken', countBefore(text, 'apiToken', 'pathEncode apiToken')));
  const helper = templateHover(doc, positionOf(text, 'pathEncode', 0, 2));
  assert.match(JSON.stringify(helper?.contents), /Percent-encodes/);
  const key = templateHover(doc, positionOf(text, '_featureStoreKey', 0, 3));
  assert.match(JSON.stringify(key?.contents), /unique to the LaunchDarkly environment/);
  assert.equal(templateHover(doc, positionOf(text, 'Example Store')), undefined);
});

test('definition, references and highlights from a reference and from the key', () => {
  const doc = docOf();
  const text = doc.text.getText();
  const declaration = rangeOfText(text, 'siteId');
  const fromReference = positionOf(text, '{{siteId}}', 0, 3);
  assert.deepEqual(templateDefinition(doc, fromReference), [{ uri: doc.uri, range: declaration }]);
  const references = templateReferences(doc, fromReference, true).map((l) => doc.text.getText(l.range));
  assert.deepEqual(references, ['siteId', 'siteId', 'siteId']);
  assert.equal(templateReferences(doc, positionOf(text, 'siteId', 0, 1), false).length, 2);
  assert.deepEqual(
    templateHighlights(doc, fromReference).map((h) => h.kind),
    [3, 2, 2],
  );
});

test('rename from a reference updates the key, every template, hmac and dependsOn, through escapes', () => {
  const base = docOf((m) => {
    store(m).formVariables[1].dependsOn = [{ variableKey: 'apiToken', variableLocation: 'formVariables', conditions: [], action: 'showField' }];
    store(m).featureStoreRequest.endpoint.hmacSignature = { headerName: 'X-Sig', hmacSecretFormVariableKey: 'apiToken' };
    store(m).featureStoreRequest.endpoint.headers.push({ name: 'X', value: '"{{pathEncode apiToken}}"' });
  });
  // A reference written with a JSON escape inside the name is still one reference.
  const doc = parseManifest(base.uri, base.text.getText().replace('{{pathEncode apiToken}}', String.raw`{{pathEncode \u0061piToken}}`));
  const text = doc.text.getText();
  const at = positionOf(text, 'Bearer {{apiToken}}', 0, 10);
  const prepared = prepareTemplateRename(doc, at);
  assert.ok(prepared && 'placeholder' in prepared);
  assert.equal(prepared.placeholder, 'apiToken');
  assert.deepEqual(prepared.range, rangeOfText(text, 'apiToken', countBefore(text, 'apiToken', 'Bearer {{apiToken}}')));
  const renamed = apply(doc, templateRename(doc, at, 'jeton_é'));
  const json = JSON.parse(renamed);
  const fs = json.capabilities.featureStore;
  assert.equal(fs.formVariables[0].key, 'jeton_é');
  assert.equal(fs.formVariables[1].dependsOn[0].variableKey, 'jeton_é');
  assert.equal(fs.featureStoreRequest.endpoint.hmacSignature.hmacSecretFormVariableKey, 'jeton_é');
  assert.equal(fs.featureStoreRequest.endpoint.headers[1].value, '"{{pathEncode jeton_é}}"');
  assert.equal(fs.validationRequest.endpoint.headers[0].value, 'Bearer {{jeton_é}}');
  assert.ok(!renamed.includes('apiToken') && !renamed.includes('piToken'));
  // And from the declared key.
  const fromKey = JSON.parse(apply(doc, templateRename(doc, positionOf(text, '"apiToken"', 0, 3), 'tok')));
  assert.equal(fromKey.capabilities.featureStore.featureStoreRequest.endpoint.headers[1].value, '"{{pathEncode tok}}"');
});

test('rename refuses invalid or existing names and things that are not variables', () => {
  const doc = docOf();
  const text = doc.text.getText();
  const at = positionOf(text, 'siteId', 0, 1);
  assert.deepEqual(templateRename(doc, at, 'apiToken'), { error: '`apiToken` already exists in this list.' });
  assert.match((templateRename(doc, at, 'a b') as { error: string }).error, /whitespace/);
  assert.match((templateRename(doc, at, 'x'.repeat(21)) as { error: string }).error, /at most 20/);
  assert.match((templateRename(doc, at, 'a.b') as { error: string }).error, /cannot be referenced/);
  assert.match((templateRename(doc, at, '_featureStoreKey') as { error: string }).error, /LaunchDarkly provides/);
  const builtin = prepareTemplateRename(doc, positionOf(text, '_featureStoreKey', 0, 2));
  assert.deepEqual(builtin, { error: '`_featureStoreKey` is provided by LaunchDarkly and cannot be renamed.' });
  assert.equal(prepareTemplateRename(doc, positionOf(text, 'Example Store')), undefined);
});

function fixes(doc: ManifestDocument, code: string) {
  const diagnostics = templateDiagnostics(doc).filter((d) => d.code === code);
  assert.ok(diagnostics.length, `a ${code} diagnostic`);
  return templateCodeActions(doc, diagnostics[0].range, diagnostics);
}

test('quick fix: replace an unknown name with the suggestion', () => {
  const doc = docOf((m) => {
    store(m).featureStoreRequest.endpoint.headers[0].value = 'Bearer \\u0020{{apiTokn}}';
  });
  const [change] = fixes(doc, 'template-unknown-variable');
  assert.equal(change.title, 'Change to `apiToken`');
  const json = JSON.parse(apply(doc, change.edit));
  assert.equal(json.capabilities.featureStore.featureStoreRequest.endpoint.headers[0].value, 'Bearer \\u0020{{apiToken}}');
});

test('quick fix: add the missing form variable, in the document style (CRLF, 4 spaces, empty and missing arrays)', () => {
  for (const [eol, indent] of [
    ['\n', 2],
    ['\r\n', 4],
  ] as const) {
    const doc = docOf(
      (m) => {
        store(m).featureStoreRequest.endpoint.headers[0].value = 'Bearer {{region}}';
      },
      eol,
      indent,
    );
    const add = fixes(doc, 'template-unknown-variable').find((a) => a.title === 'Add form variable `region`');
    assert.ok(add);
    const text = apply(doc, add.edit);
    const variables = JSON.parse(text).capabilities.featureStore.formVariables;
    assert.deepEqual(variables[2], { key: 'region', name: 'region', type: 'string', description: 'TODO: describe region.' });
    const pad = ' '.repeat(indent);
    assert.ok(text.includes(`},${eol}${pad.repeat(4)}{${eol}${pad.repeat(5)}"key": "region",`), text);
    assert.ok(!/\r(?!\n)|[^\r]\n/.test(eol === '\r\n' ? text : ''), 'line endings stay CRLF');
    assert.equal(templateDiagnostics(parseManifest(doc.uri, text)).length, 0);
  }
  const empty = docOf((m) => {
    m.formVariables = [];
    m.capabilities.auditLogEventsHook = { endpoint: { url: 'https://x.example.com/{{token}}', method: 'POST' }, templates: {} };
  });
  const created = JSON.parse(apply(empty, fixes(empty, 'template-unknown-variable')[0].edit));
  assert.equal(created.formVariables[0].key, 'token');
  const missing = docOf((m) => {
    m.capabilities.auditLogEventsHook = { endpoint: { url: 'https://x.example.com/{{token}}', method: 'POST' }, templates: {} };
  });
  const added = apply(missing, fixes(missing, 'template-unknown-variable')[0].edit);
  assert.equal(JSON.parse(added).formVariables[0].key, 'token');
  assert.equal(JSON.parse(added).name, 'Example Store');
});

test('quick fix: remove an unused variable with its comma', () => {
  for (const position of [0, 1, 2]) {
    const doc = docOf((m) => {
      store(m).formVariables.splice(position, 0, { key: 'unused', name: 'Unused', type: 'string', description: 'Nothing.' });
    });
    const [remove] = fixes(doc, 'template-unused-variable');
    const text = apply(doc, remove.edit);
    assert.deepEqual(JSON.parse(text), JSON.parse(docOf().text.getText()), `at ${position}`);
  }
  const only = docOf((m) => {
    store(m).formVariables = [{ key: 'unused', name: 'Unused', type: 'string', description: 'Nothing.' }];
    store(m).featureStoreRequest.endpoint = { url: 'https://x.example.com/{{_featureStoreKey}}', method: 'PUT' };
    delete store(m).validationRequest;
  });
  const text = apply(only, fixes(only, 'template-unused-variable')[0].edit);
  assert.deepEqual(JSON.parse(text).capabilities.featureStore.formVariables, []);
});

test('semantic tokens: braces, variables, helpers, strings, relative-encoded through escapes', () => {
  const doc = docOf((m) => {
    store(m).featureStoreRequest.endpoint.headers[0].value = "\u00e9{{pathEncode 'a\"b' siteId.x}}";
  });
  const text = doc.text.getText();
  const { data } = templateSemanticTokens(doc);
  assert.equal(data.length % 5, 0);
  const decoded: { text: string; type: string }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const start = doc.text.offsetAt({ line, character });
    decoded.push({ text: text.slice(start, start + data[i + 2]), type: templateTokenLegend.tokenTypes[data[i + 3]] });
  }
  const header = decoded.slice(decoded.findIndex((t) => t.text === 'pathEncode') - 1);
  assert.deepEqual(header.slice(0, 7), [
    { text: '{{', type: 'operator' },
    { text: 'pathEncode', type: 'function' },
    { text: "'a\\\"b'", type: 'string' }, // the raw JSON text: 'a\"b'
    { text: 'siteId', type: 'variable' },
    { text: '.', type: 'operator' },
    { text: 'x', type: 'property' },
    { text: '}}', type: 'operator' },
  ]);
});
