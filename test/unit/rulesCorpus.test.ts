// The rules over LaunchDarkly's 129 live manifests, each checked in its real folder (icons, templates
// and the sibling manifests for oauthIntegrationKey). They pass LaunchDarkly's CI, so no rule may
// report an error on them; every warning is listed below with the reason it is right.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { hostEnvironment, integrationsFolderOf, oauthKeyTable, ruleDiagnostics, ruleDocumentLinks } from '../../server/src/engine/rules';
import { createNodeHost } from '../../server/src/node/nodeHost';
import { corpusRoot } from '../support/manifests';
import { msg, type EditableJson } from './rulesTestSupport';

const EXPECTED_WARNINGS: ReadonlyArray<[integration: string, code: string, about: string]> = [
  // The featureStore's own `network` enum has defaultValue "production" without isOptional. LaunchDarkly's
  // CI only checks top-level variables, so it passes there; the form still treats it as required.
  ['akamai-edgeworkers', 'form-variable-default-not-optional', '"network"'],
  // Three ServiceNow variants share the OAuth client "servicenow": intentional (one product), but worth
  // a warning on each, since a new integration copying a key would share tokens by accident.
  ['servicenow', 'oauth-integration-key-shared', 'servicenow-app'],
  ['servicenow-app', 'oauth-integration-key-shared', 'servicenow-normal'],
  // Per-request approval variables, optional without a default: CI does not check approvalFormVariables
  // (these pass it), so a warning; an empty field is sent as nothing at all.
  ['servicenow-c0', 'form-variable-optional-no-default', '"assignmentGroup"'],
  ['servicenow-normal', 'oauth-integration-key-shared', 'servicenow-app'],
  ['servicenow-normal', 'form-variable-optional-no-default', '"configurationItem"'],
  ['servicenow-normal', 'form-variable-optional-no-default', '"implementationPlan"'],
  // Split's flagImport template templates/flagList.json.hbs ends an object with a comma (the facts
  // file's known bug): not JSON.
  ['split', 'template-file-invalid-json', '"templates/flagList.json.hbs"'],
  // tealium-synced-segments' arrayInclusion matcher also matches remove_member: removals become additions.
  ['tealium-synced-segments', 'synced-segment-matcher-removal', 'remove_member'],
  // terraform-cloud's defaultPolicy has only a deny statement: it selects no events.
  ['terraform-cloud', 'policy-deny-only', 'Every statement of this policy denies'],
  // The featureStore's own `teamId` is optional without a default (the second rule the facts file says
  // vercel breaks inside its capability, where CI does not look).
  ['vercel', 'form-variable-optional-no-default', '"teamId"'],
];

const root = corpusRoot();

describe('rules over the live corpus', { skip: root ? false : 'no corpus at ../shared/corpus on this machine' }, () => {
  const integrations = root ? readdirSync(join(root, 'integrations')).filter((key) => !key.startsWith('.')).sort() : [];
  const host = createNodeHost(root ? [root] : []);
  const checked = integrations.map((key) => {
    const path = join(root!, 'integrations', key, 'manifest.json');
    const text = readFileSync(path, 'utf8');
    const uri = pathToFileURL(path).href;
    const doc = parseManifest(uri, text);
    const env = hostEnvironment(host, uri, () => oauthKeyTable(host, integrationsFolderOf(uri)!, 'manifest.json'));
    return { key, value: JSON.parse(text) as EditableJson, diagnostics: ruleDiagnostics(doc, env), links: ruleDocumentLinks(doc, env) };
  });

  test('all 129 manifests are checked', () => {
    assert.equal(checked.length, 129);
  });

  test('no rule reports an error', () => {
    const errors = checked.flatMap(({ key, diagnostics }) => diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${key}: ${d.code}: ${msg(d)}`));
    assert.deepEqual(errors, []);
  });

  test('the warnings (and nothing milder) are exactly the expected ones', () => {
    const reported = checked.flatMap(({ key, diagnostics }) => diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Error).map((d) => ({ key, d })));
    assert.deepEqual(
      reported.map(({ key, d }) => [key, d.code, d.severity]),
      EXPECTED_WARNINGS.map(([key, code]) => [key, code, DiagnosticSeverity.Warning]),
    );
    reported.forEach(({ d }, i) => assert.ok(msg(d).includes(EXPECTED_WARNINGS[i][2]), `${msg(d)} should mention ${EXPECTED_WARNINGS[i][2]}`));
  });

  test('every icon and template file was found (one document link each), so the file rules really ran', () => {
    const expected = checked.reduce(
      (sum, { value }) => sum + Object.keys(value.icons ?? {}).length + Object.keys(value.capabilities?.auditLogEventsHook?.templates ?? {}).length,
      0,
    );
    assert.equal(checked.reduce((sum, { links }) => sum + links.length, 0), expected);
    assert.ok(expected > 258, 'icons of 129 manifests plus templates');
  });
});
