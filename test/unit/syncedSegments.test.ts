// The syncedSegment parser applied as LaunchDarkly's validation server applies it, to the manifest's
// sample requests (or a body made from the parser): the three membership shapes, falsy values, the
// matcher, the warnings, and what the preview shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySegmentParser, sampleRequestFor } from '../../server/src/engine/syncedSegments/segmentParser';
import { LanguageService } from '../../server/src/engine/languageService';
import { memoryHost } from '../support/memoryHost';
import { manifestText, validManifest } from '../support/manifests';

const batchParser = {
  environmentIdPath: '/environmentId',
  cohortIdPath: '/batch/0/cohortId',
  cohortNamePath: '/batch/0/cohortName',
  memberArrayPath: '/batch',
  memberArrayParser: { memberIdPath: '/userId', booleanMembershipPath: '/value' },
};

test('a member array with a boolean per member: true adds, anything else removes', () => {
  const result = applySegmentParser(batchParser, {
    environmentId: 'env-1',
    batch: [{ cohortId: 'c1', cohortName: 'Buyers', userId: 'u1', value: true }, { cohortId: 'c1', cohortName: 'Buyers', userId: 'u2', value: false }],
  });
  assert.deepEqual(result, { ok: true, extraction: { environmentId: 'env-1', contextKind: 'user', cohortId: 'c1', cohortName: 'Buyers', added: ['u1'], removed: ['u2'] } });
});

test('add and remove arrays, each defaulting to none', () => {
  const parser = { environmentIdPath: '/e', cohortIdPath: '/c', cohortNamePath: '/n', addMemberArrayPath: '/add', removeMemberArrayPath: '/remove', memberArrayParser: { memberIdPath: '/id' } };
  const result = applySegmentParser(parser, { e: 'env', c: 'c1', n: 'N', add: [{ id: 'a' }] });
  assert.ok(result.ok);
  assert.deepEqual([result.extraction.added, result.extraction.removed], [['a'], []]);
});

test('arrayInclusion: the matcher on the value at its path decides for every member', () => {
  const parser = { environmentIdPath: '/e', cohortIdPath: '/c', cohortNamePath: '/n', arrayInclusion: { path: '/action', matcher: '^add$' }, memberArrayPath: '/members', memberArrayParser: { memberIdPath: '/id' } };
  const adds = applySegmentParser(parser, { e: 'env', c: 'c1', n: 'N', action: 'add', members: [{ id: 'a' }, { id: 'b' }] });
  const removes = applySegmentParser(parser, { e: 'env', c: 'c1', n: 'N', action: 'remove', members: [{ id: 'a' }] });
  assert.ok(adds.ok && removes.ok);
  assert.deepEqual([adds.extraction.added, adds.extraction.matcherMatched, removes.extraction.removed, removes.extraction.matcherMatched], [['a', 'b'], true, ['a'], false]);
});

test('a falsy value at a required path counts as missing, as the validation server has it', () => {
  const result = applySegmentParser(batchParser, { environmentId: '', batch: [{ cohortId: 'c1', cohortName: 'B', userId: 0, value: true }] });
  assert.ok(!result.ok);
  assert.deepEqual(result.problems, ['environmentIdPath (/environmentId) selects nothing but a falsy value', 'memberArrayParser.memberIdPath (/userId) selects nothing but a falsy value']);
});

test('a body made from the parser reads back, and its action is one the matcher accepts', () => {
  const parser = { environmentIdPath: '/p/env', cohortIdPath: '/p/id', cohortNamePath: '/p/name', arrayInclusion: { path: '/action', matcher: '^(members|add_members)$' }, memberArrayPath: '/p/members', memberArrayParser: { memberIdPath: '/member_id' } };
  const result = applySegmentParser(parser, sampleRequestFor(parser));
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual(result.extraction.added, ['user-1', 'user-2']);
});

function segmentService(files: Record<string, string>, matcher = '^add$') {
  const manifest: Record<string, any> = validManifest();
  manifest.capabilities = {
    syncedSegment: { requestParser: { environmentIdPath: '/e', cohortIdPath: '/c', cohortNamePath: '/n', arrayInclusion: { path: '/action', matcher }, memberArrayPath: '/members', memberArrayParser: { memberIdPath: '/id' } } },
  };
  const uri = 'file:///ws/integrations/acme/manifest.json';
  const host = memoryHost({ [uri]: manifestText(manifest), ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`file:///ws/integrations/acme/${k}`, v])) });
  const service = new LanguageService(host);
  const doc = service.snapshot(uri, manifestText(manifest), 1);
  return { service, doc };
}

const warnings = (service: LanguageService, doc: ReturnType<LanguageService['snapshot']>) =>
  service.diagnostics(doc).filter((d) => String(d.code).startsWith('synced-segment')).map((d) => [String(d.code), String(d.message)]);

test('sample requests that the parser cannot read, and a matcher that matches none of them, are warnings', () => {
  const good = JSON.stringify({ e: 'env', c: 'c1', n: 'N', action: 'remove', members: [{ id: 'a' }] });
  const bad = JSON.stringify({ e: 'env', c: 'c1', action: 'add', members: [{ id: 'a' }] });
  const { service, doc } = segmentService({ 'sample-requests/a.json': good, 'sample-requests/b.json': bad, 'sample-requests/notes.txt': 'x' });
  assert.deepEqual(warnings(service, doc), [
    ['synced-segment-sample-fails', 'LaunchDarkly could not read the sample request sample-requests/b.json: cohortNamePath (/n) selects nothing.'],
    ['synced-segment-matcher-never-matches', 'This matcher matches the action in none of the 1 sample request: every one of them would remove its members.'],
  ]);
});

test('without samples nothing is reported, and the preview shows what a made-up request extracts', () => {
  const { service, doc } = segmentService({});
  assert.deepEqual(warnings(service, doc), []);
  const [preview] = service.templatePreviews(doc).filter((p) => p.capability === 'syncedSegment');
  assert.equal(preview?.source, 'a request made from the parser');
  assert.deepEqual(JSON.parse(preview!.output!).added, ['user-1', 'user-2']);
});

test('hover on requestParser shows what each sample gives', () => {
  const good = JSON.stringify({ e: 'env', c: 'c1', n: 'Buyers', action: 'add', members: [{ id: 'a' }, { id: 'b' }] });
  const { service, doc } = segmentService({ 'sample-requests/add.json': good });
  const text = doc.text.getText();
  const index = text.indexOf('"requestParser"') + 3;
  const hover = service.hover(doc, doc.text.positionAt(index));
  assert.match(JSON.stringify(hover?.contents), /sample-requests\/add\.json: environment `env`, user cohort `c1` \(Buyers\); added `a`, `b`; removed none/);
});
