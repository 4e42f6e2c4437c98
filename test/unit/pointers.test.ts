import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type MarkupContent } from 'vscode-languageserver-types';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { pointerCompletion, pointerHover, ruleCodeActions, ruleDiagnostics, sampleResponseFile } from '../../server/src/engine/rules';
import { escapeToken, pointerProblems, pointerTokens, selectPointer } from '../../server/src/engine/pointers/jsonPointer';
import { decodeJsonString, documentSpan } from '../../server/src/engine/jsonStringMap';
import { positionOf, rangeOfText } from '../support/manifests';
import { applyAction, codesOf, correctFiles, correctManifest, docOf, edited, memoryEnvironment, MANIFEST_URI, msg, type EditableJson } from './rulesTestSupport';

const env = (extra = {}) => memoryEnvironment(correctFiles, extra);
const storeParser = (edit: (p: EditableJson) => void) => edited((m) => edit(m.capabilities.featureStore.validationRequest.parser));

describe('JSON pointers (RFC 6901)', () => {
  test('syntax problems carry the index of the offending character', () => {
    assert.deepEqual(pointerProblems(''), []);
    assert.deepEqual(pointerProblems('/a~0b~1c'), []);
    assert.deepEqual(pointerProblems('a'), [{ kind: 'missing-slash', index: 0 }]);
    assert.deepEqual(pointerProblems('/a~2/b~'), [
      { kind: 'bad-escape', index: 2, length: 2 },
      { kind: 'bad-escape', index: 6, length: 1 },
    ]);
  });
  test('tokens decode ~1 before ~0, and escapeToken inverts it', () => {
    assert.deepEqual(pointerTokens('/a~1b/0/~01'), ['a/b', '0', '~1']);
    assert.equal(escapeToken('~1/'), '~01~1');
  });
  test('selection walks arrays by decimal index only', () => {
    const doc = { a: [{ b: 1 }], '': 2 };
    assert.deepEqual(selectPointer(doc, '/a/0/b'), { found: true, value: 1 });
    assert.deepEqual(selectPointer(doc, '/'), { found: true, value: 2 });
    assert.deepEqual(selectPointer(doc, '/a/01'), { found: false, failedAt: 1 });
    assert.deepEqual(selectPointer(doc, '/a/1'), { found: false, failedAt: 1 });
    assert.deepEqual(selectPointer(doc, '/toString'), { found: false, failedAt: 0 });
  });
  test('value indexes map to source offsets through escapes', () => {
    const literal = '"\\u0061\\"b"'; // the value a"b
    const decoded = decodeJsonString(literal, 10);
    assert.equal(decoded.value, 'a"b');
    assert.deepEqual(decoded.offsets, [11, 17, 19, 20]);
    assert.deepEqual(documentSpan(decoded, 1, 2), { start: 17, end: 19 });
  });
});

describe('pointer diagnostics', () => {
  test('a pointer without "/" is an error on its first character, fixed by adding it', () => {
    const doc = storeParser((p) => (p.success = 'ok'));
    const diagnostics = ruleDiagnostics(doc, env());
    assert.deepEqual(codesOf(diagnostics), ['pointer-missing-slash']);
    const start = positionOf(doc.text.getText(), '"ok"', 0, 1);
    assert.deepEqual(diagnostics[0].range, { start, end: { line: start.line, character: start.character + 1 } });
    const [action] = ruleCodeActions(doc, diagnostics[0].range, diagnostics);
    assert.equal(action.title, 'Make it a JSON pointer: "/ok"');
    const fixed = applyAction(doc, action);
    assert.match(fixed, /"success": "\/ok"/);
    assert.deepEqual(ruleDiagnostics(parseManifest(doc.uri, fixed), env()), []);
  });
  test('a bad "~" escape is an error on exactly "~" and its follower, through JSON escapes', () => {
    const text = docOf(correctManifest()).text.getText().replace('"eventName": "/title"', '"eventName": "/\\u0074i~2tle"');
    const doc = parseManifest(MANIFEST_URI, text);
    const [d] = ruleDiagnostics(doc, env());
    assert.equal(d.code, 'pointer-bad-escape');
    assert.deepEqual(d.range, rangeOfText(text, '~2'));
    assert.deepEqual(ruleCodeActions(doc, d.range, [d]), []);
  });
  test('every parser family is checked: trigger, approval, member list, synced segment, dynamic options', () => {
    const doc = edited((m) => {
      m.capabilities.trigger.parser.url = 'url';
      m.capabilities.syncedSegment.requestParser.memberArrayParser.memberIdPath = 'userId';
      m.formVariables[4].dynamicOptions.parser.optionsItems.label = 'name';
      m.capabilities.approval = {
        creationRequest: { parser: { statusValue: 'status', approvalMatcher: 'ok' } },
        memberListRequest: { parser: { memberArrayPath: 'members', memberItems: { email: '/email', memberId: '/id' } } },
      };
    });
    assert.deepEqual(codesOf(ruleDiagnostics(doc, env())), Array(5).fill('pointer-missing-slash'));
  });
  test('"error" in the featureStore parser is explained, and renamed by the quick fix', () => {
    const doc = storeParser((p) => ((p.error = p.errors), delete p.errors));
    const diagnostics = ruleDiagnostics(doc, env());
    assert.deepEqual(codesOf(diagnostics), ['parser-error-key']);
    assert.deepEqual(diagnostics[0].range, rangeOfText(doc.text.getText(), '"error"'));
    assert.match(msg(diagnostics[0]), /takes "errors", not "error"/);
    const [action] = ruleCodeActions(doc, diagnostics[0].range, diagnostics);
    const fixed = applyAction(doc, action);
    assert.deepEqual(ruleDiagnostics(parseManifest(doc.uri, fixed), env()), []);
  });
  test('with "errors" already present, "error" is reported but not renamed', () => {
    const doc = storeParser((p) => (p.error = '/errors'));
    const diagnostics = ruleDiagnostics(doc, env());
    assert.deepEqual(codesOf(diagnostics), ['parser-error-key']);
    assert.deepEqual(ruleCodeActions(doc, diagnostics[0].range, diagnostics), []);
  });
  test('an empty success pointer is a warning (any JSON body succeeds)', () => {
    const diagnostics = ruleDiagnostics(storeParser((p) => (p.success = '')), env());
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [
        ['pointer-whole-body-success', DiagnosticSeverity.Warning],
        ['pointer-success-not-boolean', DiagnosticSeverity.Information],
      ],
    );
  });
});

describe('pointers against sample responses', () => {
  test('the naming convention', () => {
    assert.equal(sampleResponseFile('validationRequest'), 'sample-responses/validationRequest.json');
  });
  test('a pointer that selects nothing is a warning on the first token that fails', () => {
    const doc = storeParser((p) => (p.errors = '/errors/0/msg'));
    const [d] = ruleDiagnostics(doc, env());
    assert.equal(d.code, 'pointer-selects-nothing');
    assert.deepEqual(d.range, rangeOfText(doc.text.getText(), '/msg'));
    assert.match(msg(d), /selects nothing in sample-responses\/validationRequest\.json: there is no "msg"/);
  });
  test('without a sample nothing is claimed', () => {
    const doc = storeParser((p) => (p.errors = '/errors/0/msg'));
    const files = { ...correctFiles };
    delete files['sample-responses/validationRequest.json'];
    assert.deepEqual(ruleDiagnostics(doc, memoryEnvironment(files)), []);
  });
  test('relative pointers are evaluated in the items of their member array', () => {
    const doc = edited((m) => (m.capabilities.syncedSegment.requestParser.memberArrayParser.memberIdPath = '/user_id'));
    const [d] = ruleDiagnostics(doc, env());
    assert.equal(d.code, 'pointer-selects-nothing');
    assert.match(msg(d), /any item of the member or option array/);
  });
  test('a success pointer that selects a non-boolean gets information on how it is read', () => {
    const [d] = ruleDiagnostics(storeParser((p) => (p.success = '/errors')), env());
    assert.equal(d.code, 'pointer-success-not-boolean');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.match(msg(d), /selects an array \(\[\{"message":"bad token"\}\]\) in sample-responses\/validationRequest\.json, not true or false/);
  });
  test('a sample file that is not JSON is a warning on the parser key, once', () => {
    const doc = docOf(correctManifest());
    const diagnostics = ruleDiagnostics(doc, memoryEnvironment({ ...correctFiles, 'sample-responses/validationRequest.json': '{ nope' }));
    assert.deepEqual(codesOf(diagnostics), ['sample-response-unreadable']);
    assert.deepEqual(diagnostics[0].range, rangeOfText(doc.text.getText(), '"parser"'));
  });
});

describe('pointer hover', () => {
  const hoverText = (doc: ReturnType<typeof docOf>, needle: string, environment = env()) =>
    (pointerHover(doc, positionOf(doc.text.getText(), needle, 0, 2), environment)?.contents as MarkupContent | undefined)?.value;
  test('shows decoded tokens and the value selected in the sample', () => {
    const doc = storeParser((p) => (p.errors = '/a~1b/~0x'));
    const text = hoverText(doc, '"/a~1b/~0x"')!;
    assert.match(text, /1\. key `a\/b`\n2\. key `~x`/);
    assert.match(text, /Selects in sample-responses\/validationRequest\.json:\n```json\n1\n```/);
  });
  test('numeric tokens are index or key; without a sample it says where to put one', () => {
    const text = hoverText(docOf(correctManifest()), '"/batch/0/cohortId"', memoryEnvironment({}))!;
    assert.match(text, /2\. index `0` of an array, or key `0` of an object/);
    assert.match(text, /add `sample-responses\/syncedSegment\.json`/);
  });
  test('relative pointers say what they are relative to', () => {
    const text = hoverText(docOf(correctManifest()), '"/userId"')!;
    assert.match(text, /Relative to each item of `\/batch`/);
    assert.match(text, /```json\n"u1"\n```/);
  });
  test('nothing on other strings', () => {
    const doc = docOf(correctManifest());
    assert.equal(pointerHover(doc, positionOf(doc.text.getText(), '"Example Store"', 0, 2), env()), undefined);
  });
});

describe('pointer completion', () => {
  test('offers the keys of what the typed prefix selects, replacing the whole string', () => {
    const doc = storeParser((p) => (p.errors = '/errors/0/'));
    const position = positionOf(doc.text.getText(), '"/errors/0/"', 0, 11);
    const items = pointerCompletion(doc, position, env())!;
    assert.deepEqual(items.map((i) => i.label), ['message']);
    assert.equal(items[0].textEdit && 'range' in items[0].textEdit && items[0].textEdit.newText, '"/errors/0/message"');
    assert.deepEqual(items[0].textEdit && 'range' in items[0].textEdit && items[0].textEdit.range, rangeOfText(doc.text.getText(), '"/errors/0/"'));
  });
  test('escapes keys with "/" and "~"', () => {
    const doc = storeParser((p) => (p.errors = '/a~1b/'));
    const items = pointerCompletion(doc, positionOf(doc.text.getText(), '"/a~1b/"', 0, 7), env())!;
    assert.deepEqual(items.map((i) => i.textEdit && 'range' in i.textEdit && i.textEdit.newText), ['"/a~1b/~0x"']);
  });
  test('top level keys for an empty string, and item keys for a relative pointer', () => {
    const doc = storeParser((p) => (p.errors = ''));
    const items = pointerCompletion(doc, positionOf(doc.text.getText(), '"errors": ""', 0, 11), env())!;
    assert.deepEqual(items.map((i) => i.label), ['ok', 'errors', 'a/b']);
    const relative = docOf(correctManifest());
    const memberItems = pointerCompletion(relative, positionOf(relative.text.getText(), '"/userId"', 0, 2), env())!;
    assert.deepEqual(memberItems.map((i) => i.label), ['cohortId', 'cohortName', 'userId', 'value']);
  });
  test('no sample or not a pointer: undefined', () => {
    const doc = docOf(correctManifest());
    assert.equal(pointerCompletion(doc, positionOf(doc.text.getText(), '"/ok"', 0, 2), memoryEnvironment({})), undefined);
    assert.equal(pointerCompletion(doc, positionOf(doc.text.getText(), '"Example Store"', 0, 2), env()), undefined);
  });
});
