// The template features over the real manifests of the integration-framework corpus: no diagnostic
// that is not listed (with why it is right) below, and rename of every featureStore form variable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseManifest, type ManifestDocument } from '../../server/src/engine/manifestDocument';
import { templateDiagnostics, templateHover, templateReferences, templateRename, templateSemanticTokens } from '../../server/src/engine/templates';
import { templateSites } from '../../server/src/engine/templates/analysis';
import { corpusRoot } from '../support/manifests';

const corpus = corpusRoot();
const skip = corpus ? false : 'no corpus at ../shared/corpus (real manifests are not copied into the project)';

/** Every template diagnostic a real manifest gets, and why it is right. */
const EXPECTED: Record<string, { diagnostic: string; why: string }[]> = {
  appoptics: [
    {
      diagnostic: 'template-secret-in-url: apiKey',
      why: 'The url is https://{{username}}:{{apiKey}}@metrics-api.librato.com/...: the secret API key travels in the URL userinfo, which proxies and logs record.',
    },
  ],
  'custom-approvals-oauth': ['{{details.plainText}}', '{{project.name}}', '{{project.environment.name}}', '{{flag.name}}', '{{approvalDescription}}'].map((insertion) => ({
    diagnostic: `json-body-unsafe-insertion: ${insertion}`,
    why: 'Its approval creation body writes free text inside JSON strings with two braces. LaunchDarkly\'s values are JSON-escaped, so a quote in a name becomes \\" and then, HTML-escaped, \\&quot;: not JSON. Its sibling custom-approvals writes the same fields with three braces.',
  })),
  'servicenow-c0': [
    {
      diagnostic: 'template-stray-braces: }}',
      why: 'memberListRequest url is "{environment.host}}/api/now/...": one `{` is missing, so `}}` closes nothing and the host is never substituted (the URL check stays silent: it is the same typo).',
    },
    ...['{{flag.name}}', '{{customProperties.servicenowAppId.values.[0]}}', '{{member.displayName}}', '{{customProperties.servicenowAppId.values.[0]}}'].map((insertion) => ({
      diagnostic: `json-body-unsafe-insertion: ${insertion}`,
      why: 'The same two-brace insertion of free text (a flag name, a custom property value, a member name) in its creation request body.',
    })),
  ],
  vercel: [
    {
      diagnostic: 'template-unused-variable: "configurationId"',
      why: 'No featureStore template, hmacSignature or dependsOn of vercel mentions configurationId (its url uses edgeConfigId and teamId, its header apiToken).',
    },
  ],
};

const FEATURE_STORES = ['akamai-edgeworkers', 'cloudflare', 'convex', 'fastly', 'generic-feature-store', 'netlify', 'vercel'];

function manifests(): { name: string; doc: ManifestDocument }[] {
  const root = join(corpus ?? '', 'integrations');
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'manifest.json')))
    .map((name) => ({ name, doc: parseManifest(`file:///${name}/manifest.json`, readFileSync(join(root, name, 'manifest.json'), 'utf8')) }));
}

const describe = (doc: ManifestDocument) => templateDiagnostics(doc).map((d) => `${d.code}: ${doc.text.getText(d.range)}`);

test('real manifests: only the listed, explained template diagnostics', { skip }, () => {
  const all = manifests();
  assert.equal(all.length, 129);
  let templates = 0;
  for (const { name, doc } of all) {
    templates += templateSites(doc).filter((s) => s.decoded.value.includes('{{')).length;
    assert.deepEqual(describe(doc), (EXPECTED[name] ?? []).map((e) => e.diagnostic), name);
  }
  // Every field listed in templatedStrings.ts, as counted in the corpus (commit 35c6f74).
  assert.equal(templates, 162);
});

test('real manifests: every templated string parses, and semantic tokens are well-formed', { skip }, () => {
  for (const { name, doc } of manifests()) {
    for (const site of templateSites(doc)) assert.ok(site.parsed.ok, `${name} ${site.string.path.join('.')}`);
    const { data } = templateSemanticTokens(doc);
    assert.equal(data.length % 5, 0);
    for (let i = 0; i < data.length; i += 5) {
      assert.ok(data[i] >= 0 && data[i + 1] >= 0 && data[i + 2] > 0, `${name}: relative positions and lengths`);
      assert.ok(data[i] > 0 || i === 0 || data[i + 1] >= data[i - 3], `${name}: tokens do not overlap`);
    }
  }
});

test('rename every featureStore form variable of the 7 real featureStore manifests', { skip }, () => {
  const byName = new Map(manifests().map((m) => [m.name, m.doc]));
  let renamed = 0;
  for (const name of FEATURE_STORES) {
    const doc = byName.get(name);
    assert.ok(doc, name);
    const before = describe(doc);
    const variables = JSON.parse(doc.text.getText()).capabilities.featureStore.formVariables as { key: string }[];
    for (const { key } of variables) {
      const text = doc.text.getText();
      const keyOffset = text.indexOf(`"key": ${JSON.stringify(key)}`) + `"key": "`.length + 1;
      const at = doc.text.positionAt(keyOffset);
      const occurrences = templateReferences(doc, at, true);
      assert.ok(occurrences.length >= 1, `${name}.${key}`);
      const newName = 'renamedVar';
      const edit = templateRename(doc, at, newName);
      assert.ok(!('error' in edit), `${name}.${key}: ${JSON.stringify(edit)}`);
      const after = parseManifest(doc.uri, TextDocument.applyEdits(doc.text, edit.changes?.[doc.uri] ?? []));
      // Every occurrence changed: the renamed variable has as many references, all with the new name...
      const afterText = after.text.getText();
      const newAt = after.text.positionAt(afterText.indexOf(`"key": "${newName}"`) + `"key": "`.length + 1);
      const renamedOccurrences = templateReferences(after, newAt, true);
      assert.equal(renamedOccurrences.length, occurrences.length, `${name}.${key}`);
      for (const o of renamedOccurrences) assert.equal(after.text.getText(o.range), newName);
      // ...and nothing still names the old key (a missed reference would be an unknown variable).
      const expected = before.map((d) => (d.endsWith(`"${key}"`) ? d.replace(`"${key}"`, `"${newName}"`) : d));
      assert.deepEqual(describe(after), expected, `${name}.${key}`);
      assert.ok(JSON.parse(afterText), 'still JSON');
      renamed++;
    }
  }
  assert.equal(renamed, 22);
});

test('hover on every featureStore template reference names its form variable', { skip }, () => {
  const byName = new Map(manifests().map((m) => [m.name, m.doc]));
  for (const name of FEATURE_STORES) {
    const doc = byName.get(name)!;
    for (const site of templateSites(doc)) {
      for (const reference of site.model?.references ?? []) {
        if (reference.parts[0] === '_featureStoreKey' || reference.parts[0] === 'envId') continue;
        const hover = templateHover(doc, doc.text.positionAt(site.decoded.offsets[reference.partSpans[0].start] + 1));
        assert.match(JSON.stringify(hover?.contents), new RegExp(`\`${reference.parts[0]}\``), `${name} ${reference.parts[0]}`);
      }
    }
  }
});
