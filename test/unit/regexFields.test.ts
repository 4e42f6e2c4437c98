// Matchers and regexp fields compiled as LaunchDarkly (RE2) and the validation server (JavaScript)
// would, and an arrayInclusion matcher that turns removals into additions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleDiagnostics } from '../../server/src/engine/rules';
import { correctFiles, correctManifest, docOf, memoryEnvironment, msg } from './rulesTestSupport';

function withMatcher(matcher: string, approval?: { approvalMatcher: string }) {
  const manifest = correctManifest();
  manifest.capabilities.syncedSegment = {
    requestParser: {
      environmentIdPath: '/environmentId',
      cohortIdPath: '/cohortId',
      cohortNamePath: '/cohortName',
      arrayInclusion: { path: '/action', matcher },
      memberArrayPath: '/members',
      memberArrayParser: { memberIdPath: '/id' },
    },
  };
  if (approval) manifest.capabilities.approval = { statusRequest: { parser: { statusValue: '/s', ...approval, rejectionMatcher: '^no$' } } };
  return ruleDiagnostics(docOf(manifest), memoryEnvironment(correctFiles)).filter((d) => /regex|matcher/.test(String(d.code)));
}

test('portable patterns are silent', () => {
  assert.deepEqual(withMatcher('^(members|add_members)$'), []);
  assert.deepEqual(withMatcher('^add$', { approvalMatcher: '^(approved|done)$' }), []);
});

test('lookaround and back-references are refused as RE2 refuses them', () => {
  const [lookahead] = withMatcher('^add(?!_all)');
  assert.equal(lookahead?.code, 'regex-not-portable');
  assert.match(msg(lookahead!), /Go, RE2\) reject \/\^add\(\?!_all\)\/: invalid or unsupported Perl syntax/);
  assert.equal(withMatcher('^(a)\\1$')[0]?.code, 'regex-not-portable');
});

test('inline flags are refused as JavaScript refuses them, in approval matchers too', () => {
  const [flags] = withMatcher('^add$', { approvalMatcher: '(?i)approved' });
  assert.equal(flags?.code, 'regex-not-portable');
  assert.match(msg(flags!), /JavaScript's RegExp .* rejects \/\(\?i\)approved\/: inline flags/);
});

test('an arrayInclusion matcher that also matches a removal is a warning', () => {
  const [d] = withMatcher('^(add_member|remove_member)$');
  assert.equal(d?.code, 'synced-segment-matcher-removal');
  assert.match(msg(d!), /also matches "remove_member"/);
  assert.equal(withMatcher('member')[0]?.code, 'synced-segment-matcher-removal');
});

test('a hostile pattern is compiled, never run by a backtracking engine', () => {
  // With JavaScript's RegExp, testing this against the removal words would still be quick, but the point
  // is the engine: RE2 runs any pattern in linear time.
  assert.deepEqual(withMatcher('^(a+)+$'), []);
});
