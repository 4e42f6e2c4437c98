import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { ruleCodes, ruleDiagnostics, ruleDocumentLinks } from '../../server/src/engine/rules';
import { allCodes } from '../../server/src/engine/diagnostics/allCodes';
import { rangeOfText } from '../support/manifests';
import { codesOf, correctFiles, correctManifest, docOf, edited, memoryEnvironment, msg, type EditableJson } from './rulesTestSupport';

const env = () => memoryEnvironment(correctFiles, { otherOauthIntegrationKeys: () => new Map([['other', ['/ws/integrations/other/manifest.json']]]) });
const check = (doc: ReturnType<typeof docOf>, environment = env()) => ruleDiagnostics(doc, environment);
/** The diagnostics of one code, asserting the rest of the manifest stayed clean. */
function only(code: string, doc: ReturnType<typeof docOf>, environment = env()) {
  const diagnostics = check(doc, environment);
  assert.deepEqual([...new Set(codesOf(diagnostics))], [code], JSON.stringify(diagnostics, null, 1));
  return diagnostics;
}

describe('rules: the correct manifest', () => {
  test('reports nothing at all', () => {
    assert.deepEqual(check(docOf(correctManifest())), []);
  });
  for (const code of Object.keys(ruleCodes)) {
    test(`${code} is silent on the correct manifest`, () => {
      assert.ok(!codesOf(check(docOf(correctManifest()))).includes(code));
    });
  }
  test('every rule code is in allCodes with a source of truth severity', () => {
    for (const [code, info] of Object.entries(ruleCodes)) assert.equal(allCodes[code as keyof typeof allCodes].severity, info.severity);
  });
});

describe('rules: icons', () => {
  test('a missing icon is an error on its path', () => {
    const doc = edited((m) => (m.icons.square = 'assets/images/nope.svg'));
    const [d] = only('icon-missing', doc);
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.deepEqual(d.range, rangeOfText(doc.text.getText(), '"assets/images/nope.svg"'));
  });
  test('an icon that is not SVG inside is an error', () => {
    const [d] = only('icon-not-svg', docOf(correctManifest()), memoryEnvironment({ ...correctFiles, 'assets/images/square.svg': '\x89PNG\r\n' }));
    assert.match(msg(d), /square icon .* is not an SVG image/);
  });
  test('without a manifest path (an unsaved manifest) no file rule runs', () => {
    const doc = edited((m) => ((m.icons.square = 'x.svg'), (m.capabilities.auditLogEventsHook.templates.flag = 'gone.hbs')));
    assert.equal(check(doc).length, 2);
    assert.deepEqual(check(doc, { ...env(), manifestUri: undefined }), []);
  });
  test('icons and templates are document links to their files; missing files are not', () => {
    const doc = edited((m) => (m.icons.horizontal = 'missing.svg'));
    const links = ruleDocumentLinks(doc, env());
    const targets = links.map((l) => l.target);
    assert.deepEqual(targets, [
      'file:///ws/integrations/acme/assets/images/square.svg',
      'file:///ws/integrations/acme/templates/flag.json.hbs',
      'file:///ws/integrations/acme/templates/default.txt.hbs',
      'file:///ws/integrations/acme/templates/default.txt.hbs',
      'file:///ws/integrations/acme/templates/member.json.hbs',
    ]);
    assert.deepEqual(links[0].range, rangeOfText(doc.text.getText(), 'assets/images/square.svg'));
  });
});

describe('rules: overview and capabilities', () => {
  test('an overview without a full stop is an error', () => {
    const doc = edited((m) => (m.overview = 'Deliver flags to the edge'));
    const [d] = only('overview-full-stop', doc);
    assert.deepEqual(d.range, rangeOfText(doc.text.getText(), '"Deliver flags to the edge"'));
  });
  test('no capabilities and no otherCapabilities is an error; an empty list too', () => {
    only('capabilities-missing', edited((m) => delete m.capabilities && delete m.formVariables));
    only('capabilities-missing', edited((m) => (delete m.capabilities, delete m.formVariables, (m.otherCapabilities = []))));
  });
  test('otherCapabilities or top-level form variables satisfy it', () => {
    assert.deepEqual(check(edited((m) => (delete m.capabilities, delete m.formVariables, (m.otherCapabilities = ['external'])))), []);
    assert.ok(!codesOf(check(edited((m) => delete m.capabilities))).includes('capabilities-missing'));
  });
});

describe('rules: oauthIntegrationKey', () => {
  test('a key another manifest declares is a warning naming that manifest', () => {
    const doc = edited((m) => (m.oauthIntegrationKey = 'other'));
    const [d] = only('oauth-integration-key-shared', doc);
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(msg(d), /\/ws\/integrations\/other\/manifest\.json/);
  });
});

describe('rules: form variables', () => {
  const top = (edit: (v: EditableJson) => void) => edited((m) => edit(m.formVariables[0]));
  test('defaultValue without isOptional is an error at top level', () => {
    const [d] = only('form-variable-default-not-optional', top((v) => (v.defaultValue = 'x')));
    assert.equal(d.severity, DiagnosticSeverity.Error);
  });
  test('a defaultValue of the wrong type is an error on the value', () => {
    const doc = top((v) => ((v.isOptional = true), (v.defaultValue = 3)));
    const [d] = only('form-variable-default-type', doc);
    assert.match(msg(d), /must be a string, not a number/);
  });
  test('isOptional without defaultValue is an error, except on multiselect and environmentSelector', () => {
    only('form-variable-optional-no-default', top((v) => (v.isOptional = true)));
  });
  test('isSecret on a non-string is an error', () => {
    only('form-variable-secret-not-string', edited((m) => (m.formVariables[1].isSecret = true)));
  });
  test('dynamicEnum without dynamicOptions, and dynamicOptions on another type, are errors', () => {
    only('form-variable-dynamic-options', edited((m) => delete m.formVariables[4].dynamicOptions));
    const moved = edited((m) => (m.formVariables[0].dynamicOptions = { ...m.formVariables[4].dynamicOptions, parser: { optionsPath: '/teams', optionsItems: { label: '/name', value: '/id' } } }));
    assert.ok(codesOf(check(moved)).includes('form-variable-dynamic-options'));
  });
  test('multiselect constraints: options required, no defaultValue, defaults among the options', () => {
    only('form-variable-multiselect', edited((m) => delete m.formVariables[2].multiselectOptions));
    only('form-variable-multiselect', edited((m) => (m.formVariables[2].defaultValue = 'red')));
    const [d] = only('form-variable-multiselect', edited((m) => (m.formVariables[2].multiselectDefaultOptions = ['blue'])));
    assert.match(msg(d), /"blue" is not the value/);
  });
  test('environmentSelector takes no allowedValues', () => {
    only('form-variable-multiselect', edited((m) => (m.formVariables[3].allowedValues = ['a'])));
  });
  test('inside the featureStore the same rule is a warning that says CI does not check it', () => {
    const doc = edited((m) => (m.capabilities.featureStore.formVariables[1].defaultValue = 'site'));
    const [d] = only('form-variable-default-not-optional', doc);
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(msg(d), /does not check "capabilities\.featureStore\.formVariables"/);
  });
  test('approval environment variables are errors, approval request variables warnings', () => {
    const variable = { key: 'group', name: 'Group', type: 'string', description: 'G.', isOptional: true };
    const env1 = check(edited((m) => (m.capabilities.approval = { environmentFormVariables: [variable] })));
    assert.deepEqual(env1.map((d) => [d.code, d.severity]), [['form-variable-optional-no-default', DiagnosticSeverity.Error]]);
    const env2 = check(edited((m) => (m.capabilities.approval = { approvalFormVariables: [variable] })));
    assert.deepEqual(env2.map((d) => [d.code, d.severity]), [['form-variable-optional-no-default', DiagnosticSeverity.Warning]]);
  });
  test('a key used twice in one list is an error on the second; the same key in two lists is fine', () => {
    const doc = edited((m) => m.formVariables.push({ key: 'apiKey', name: 'Again', type: 'string', description: 'Again.' }));
    const [d] = only('form-variable-duplicate-key', doc);
    assert.deepEqual(d.range, rangeOfText(doc.text.getText(), '"apiKey"', 1));
    assert.deepEqual(check(edited((m) => (m.capabilities.featureStore.formVariables[0].key = 'apiKey'))), []);
  });
});

describe('rules: synced segment paths', () => {
  const parser = (edit: (p: EditableJson) => void) => edited((m) => edit(m.capabilities.syncedSegment.requestParser));
  test('add without remove (and the reverse) is an error', () => {
    assert.equal(only('synced-segment-paths', parser((p) => (delete p.memberArrayPath, delete p.memberArrayParser.booleanMembershipPath, (p.addMemberArrayPath = '/batch')))).length, 1);
    assert.equal(only('synced-segment-paths', parser((p) => (delete p.memberArrayPath, delete p.memberArrayParser.booleanMembershipPath, (p.removeMemberArrayPath = '/batch')))).length, 1);
  });
  test('the add/remove pair excludes memberArrayPath and arrayInclusion', () => {
    const diagnostics = only('synced-segment-paths', parser((p) => ((p.addMemberArrayPath = '/batch'), (p.removeMemberArrayPath = '/batch'), (p.arrayInclusion = { path: '/environmentId', matcher: 'add' }))));
    assert.equal(diagnostics.length, 2);
  });
  test('arrayInclusion and booleanMembershipPath need memberArrayPath; some member array is needed', () => {
    const messages = only('synced-segment-paths', parser((p) => (delete p.memberArrayPath, (p.arrayInclusion = { path: '/environmentId', matcher: 'add' })))).map((d) => msg(d));
    assert.equal(messages.length, 3);
    assert.ok(messages.some((m) => /"arrayInclusion" needs "memberArrayPath"/.test(m)));
    assert.ok(messages.some((m) => /"booleanMembershipPath" needs "memberArrayPath"/.test(m)));
    assert.ok(messages.some((m) => /names no member array/.test(m)));
  });
  test('the add/remove pair alone is correct', () => {
    assert.deepEqual(check(parser((p) => (delete p.memberArrayPath, delete p.memberArrayParser.booleanMembershipPath, (p.addMemberArrayPath = '/batch'), (p.removeMemberArrayPath = '/batch')))), []);
  });
});

describe('rules: endpoints', () => {
  test('a featureStore store request with GET or DELETE is a warning on the method', () => {
    for (const method of ['GET', 'DELETE']) {
      const doc = edited((m) => (m.capabilities.featureStore.featureStoreRequest.endpoint.method = method));
      const [d] = only('feature-store-read-method', doc);
      assert.equal(d.severity, DiagnosticSeverity.Warning);
    }
  });
  test('a header set twice (any case) in one endpoint is a warning on the second', () => {
    const doc = edited((m) => m.capabilities.featureStore.featureStoreRequest.endpoint.headers.push({ name: 'authorization', value: 'x' }));
    const [d] = only('endpoint-duplicate-header', doc);
    assert.deepEqual(d.range, rangeOfText(doc.text.getText(), '"authorization"'));
    assert.match(msg(d), /"Authorization"/);
  });
});

