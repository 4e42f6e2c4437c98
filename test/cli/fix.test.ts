// `ld-manifest lint --fix`: each fixable kind of problem is fixed on disk with exactly the engine's
// edit (the rest of the file byte for byte as it was), listed on stderr, and the fixed file lints
// clean; fixes that need a choice are left alone; line endings and a byte order mark survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonReport, runCli, tempFolder, writeFiles } from './cliHarness';
import { cleanManifestText, fixableDefects } from './fixableManifests';

const manifestPath = 'integrations/example/manifest.json';

test('the clean manifest the defects are written into lints clean', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, { [manifestPath]: cleanManifestText() });
  const run = runCli(['lint', '--format', 'json', 'integrations'], folder);
  assert.deepEqual(parseJsonReport(run), []);
  assert.equal(run.status, 0);
});

for (const defect of fixableDefects()) {
  test(`--fix fixes ${defect.code} and the result lints clean`, (t) => {
    const folder = tempFolder(t);
    writeFiles(folder, { [manifestPath]: defect.text });
    const before = runCli(['lint', '--format', 'json', 'integrations'], folder);
    assert.equal(before.status, 1);
    assert.ok(parseJsonReport(before).some((p) => p.code === defect.code), `the defect is reported as ${defect.code}: ${before.stdout}`);

    const fixed = runCli(['lint', '--fix', 'integrations'], folder);
    assert.equal(fixed.stdout, 'No problems in 1 manifest\n');
    assert.equal(fixed.status, 0);
    const fixLines = fixed.stderr.split('\n').filter((line) => line !== '');
    assert.equal(fixLines.length, 1, fixed.stderr);
    assert.match(fixLines[0]!, new RegExp(`^${manifestPath}:\\d+:\\d+: fixed ${defect.code}: `));
    assert.ok(fixLines[0]!.endsWith(defect.title), fixLines[0]);
    assert.equal(readFileSync(join(folder, manifestPath), 'utf8'), cleanManifestText(), 'exactly the clean text: nothing else touched');

    const again = runCli(['lint', '--format', 'json', 'integrations'], folder);
    assert.deepEqual(parseJsonReport(again), []);
    assert.equal(again.status, 0);
  });
}

test('--fix fixes every kind at once, keeping CRLF line endings and the byte order mark', (t) => {
  const folder = tempFolder(t);
  const defects = fixableDefects();
  // All the defects in one text: each replaces a different part of the clean manifest.
  let text = cleanManifestText();
  const clean = text;
  for (const defect of defects) {
    const [before, after] = firstDifference(clean, defect.text);
    text = text.replace(before, after);
  }
  const crlf = (s: string) => '\uFEFF' + s.replace(/\n/g, '\r\n');
  writeFiles(folder, { [manifestPath]: crlf(text) });
  const run = runCli(['lint', '--fix', 'integrations'], folder);
  assert.equal(run.stdout, 'No problems in 1 manifest\n', run.stderr);
  assert.equal(run.status, 0);
  const fixedCodes = run.stderr.split('\n').filter((l) => l !== '').map((l) => / fixed ([a-z-]+): /.exec(l)?.[1]);
  assert.deepEqual(fixedCodes.sort(), defects.map((d) => d.code).sort());
  assert.equal(readFileSync(join(folder, manifestPath), 'utf8'), crlf(clean));
});

test('--fix leaves fixes that need a choice, and problems the configuration ignores', (t) => {
  const folder = tempFolder(t);
  // `{{nothingLikeIt}}` has no near name: the only fix offered is "Add form variable", not preferred.
  const unknown = cleanManifestText().replace('sites/{{siteId}}"', 'sites/{{nothingLikeIt}}"');
  const ignored = fixableDefects().find((d) => d.code === 'pointer-missing-slash')!.text;
  writeFiles(folder, {
    'integrations/unknown/manifest.json': unknown,
    'integrations/ignored/manifest.json': ignored,
    '.ld-manifest.json': JSON.stringify({ ignore: [{ code: 'pointer-missing-slash', path: 'integrations/ignored/*', reason: 'kept for the test' }] }),
  });
  const run = runCli(['lint', '--fix', '--config', '.ld-manifest.json', '--format', 'json', 'integrations'], folder);
  assert.equal(run.stderr, '');
  assert.deepEqual(parseJsonReport(run).map((p) => `${p.file} ${p.code}`), ['integrations/unknown/manifest.json template-unknown-variable']);
  assert.equal(run.status, 1);
  assert.equal(readFileSync(join(folder, 'integrations/unknown/manifest.json'), 'utf8'), unknown);
  assert.equal(readFileSync(join(folder, 'integrations/ignored/manifest.json'), 'utf8'), ignored);
});

test('--fix on a clean manifest writes nothing', (t) => {
  const folder = tempFolder(t);
  writeFiles(folder, { [manifestPath]: cleanManifestText() });
  const before = statSync(join(folder, manifestPath));
  const run = runCli(['lint', '--fix', 'integrations'], folder);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  const after = statSync(join(folder, manifestPath));
  assert.equal(after.ino, before.ino, 'not replaced');
  assert.equal(after.mtimeMs, before.mtimeMs, 'not rewritten');
});

/** The differing middle of two texts that differ in one place: [in a, in b]. */
function firstDifference(a: string, b: string): [string, string] {
  let start = 0;
  while (a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  // Widen to whole lines so that the fragment is unique in the text.
  const lineStart = a.lastIndexOf('\n', start) + 1;
  const lineEnd = a.indexOf('\n', endA);
  return [a.slice(lineStart, lineEnd), b.slice(lineStart, lineEnd + (endB - endA))];
}
