// --format junit: well-formed XML (parsed with @xmldom/xmldom, any error fatal) with one testsuite for
// the run, one testcase per manifest, one failure per error, and the other problems in system-out;
// characters XML cannot hold (a control character quoted from a manifest) keep it well formed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { integration, parseJsonReport, runCli, tempFolder, validManifest, writeFiles } from './cliHarness';
import { xmlText } from '../../server/src/cli/formats/junitFormat';

function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
}

const children = (element: Element, name: string) => Array.from(element.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).tagName === name);

test('the parser rejects XML that is not well formed (the check can fail)', () => {
  assert.throws(() => parseXml('<a><b></a>'));
  assert.throws(() => parseXml('<a x="1" x="2"/>'));
});

test('xmlText escapes markup and writes characters XML cannot hold as \\uXXXX', () => {
  assert.equal(xmlText('<a & "b">'), '&lt;a &amp; &quot;b&quot;&gt;');
  assert.equal(xmlText('bell\u0007 lone\uD800 pair😀'), 'bell\\u0007 lone\\ud800 pair😀');
});

test('one testsuite, a testcase per manifest, a failure per error, the rest in system-out', (t) => {
  const folder = tempFolder(t);
  const twoErrors = JSON.stringify({ ...validManifest, name: 5, version: true, overview: 'No full stop' }, null, 2);
  const warningOnly = JSON.stringify(validManifest, null, 2).replace('"name"', '"name": "x",\n  "name"');
  const control = JSON.stringify({ ...validManifest, 'bell\u0007<&>': 1 }, null, 2);
  writeFiles(folder, {
    ...integration('clean'),
    ...integration('errors', twoErrors),
    ...integration('warning', warningOnly),
    ...integration('control', control),
  });
  const problems = parseJsonReport(runCli(['lint', '--format', 'json', '--severity', 'overview-full-stop=warning', 'integrations'], folder));
  const run = runCli(['lint', '--format', 'junit', '--severity', 'overview-full-stop=warning', 'integrations'], folder);
  assert.equal(run.status, 1);
  assert.equal(run.stderr, '');
  const doc = parseXml(run.stdout);
  const root = doc.documentElement!;
  assert.equal(root.tagName, 'testsuites');
  const suites = children(root, 'testsuite');
  assert.equal(suites.length, 1);
  const suite = suites[0]!;
  const cases = children(suite, 'testcase');
  const names = ['clean', 'control', 'errors', 'warning'].map((key) => `integrations/${key}/manifest.json`);
  assert.deepEqual(cases.map((c) => c.getAttribute('name')), names);
  assert.equal(suite.getAttribute('tests'), '4');
  assert.equal(suite.getAttribute('failures'), '2');
  for (const testcase of cases) {
    const file = testcase.getAttribute('name')!;
    const errors = problems.filter((p) => p.file === file && p.severity === 'error');
    const failures = children(testcase, 'failure');
    assert.deepEqual(failures.map((f) => f.getAttribute('type')), errors.map((p) => p.code), file);
    failures.forEach((failure, i) => {
      assert.equal(failure.getAttribute('message'), `${errors[i]!.code}: ${errors[i]!.message.replace('\u0007', '\\u0007')}`);
    });
    const others = problems.filter((p) => p.file === file && p.severity !== 'error');
    const out = children(testcase, 'system-out')[0]?.textContent ?? '';
    assert.equal(out.split('\n').filter((l) => l !== '').length, others.length, file);
  }
});
