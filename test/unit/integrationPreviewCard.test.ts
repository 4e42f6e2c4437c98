// The integration card of the preview: name, overview, description with its links, categories, links,
// both icons read beside the manifest and sanitised, capabilities; each element placed in the manifest
// with the problems inside it, the rest listed apart; and the Markdown link reader under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/engine/languageService';
import { markdownParts } from '../../server/src/engine/integrationPreview/markdownLinks';
import { manifestBasics } from '../support/manifests';
import { PLAIN_SVG, previewOf } from './integrationPreviewSupport';

function manifest(): Record<string, any> {
  return {
    ...manifestBasics(),
    description: 'Example keeps flags at the edge. Read [the guide](https://example.com/guide), or [write](mailto:help@example.com).',
    categories: ['infrastructure', 'monitoring'],
    links: { site: 'https://example.com', privacyPolicy: 'javascript:alert(1)' },
    otherCapabilities: ['external'],
    requiresOAuth: true,
  };
}

function svgPayload(dataUri: string | undefined): string {
  if (!dataUri?.startsWith('data:image/svg+xml;base64,')) assert.fail(`not an SVG data URI: ${dataUri?.slice(0, 40)}`);
  return Buffer.from(dataUri.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8');
}

test('the card: name, overview, description with links, categories, links (only http(s) ones linkable)', () => {
  const { preview, doc } = previewOf(manifest());
  const card = preview.card;
  assert.equal(card.name?.text, 'Example Store');
  assert.equal(doc.text.getText(card.name!.at.range), '"Example Store"');
  assert.deepEqual(card.name?.at.path, ['name']);
  assert.equal(card.overview?.text, 'Deliver flags to the Example edge store.');
  assert.deepEqual(card.description?.parts, [
    { text: 'Example keeps flags at the edge. Read ' },
    { text: 'the guide', href: 'https://example.com/guide' },
    { text: ', or ' },
    { text: 'write', href: 'mailto:help@example.com' },
    { text: '.' },
  ]);
  assert.deepEqual(card.categories.map((c) => [c.text, c.at.path]), [['infrastructure', ['categories', 0]], ['monitoring', ['categories', 1]]]);
  assert.deepEqual(card.links.map((l) => [l.name, l.url, l.safe]), [['site', 'https://example.com', true], ['privacyPolicy', 'javascript:alert(1)', false]]);
  assert.deepEqual(card.capabilities.map((c) => c.text), ['external']);
  assert.equal(card.requiresOAuth, true);
  assert.deepEqual([card.version?.text, card.author?.text, card.supportEmail?.text], ['1.0.0', 'Example Inc.', 'support@example.com']);
});

test('both icons are read beside the manifest and shown sanitised, saying what was removed', () => {
  const hostile = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="1"/></svg>';
  const { preview } = previewOf(manifest(), { 'assets/images/horizontal.svg': hostile });
  const [square, horizontal] = preview.card.icons;
  assert.deepEqual([square?.which, square?.file, square?.removed], ['square', 'assets/images/square.svg', []]);
  assert.match(svgPayload(square?.dataUri), /<rect width="2" height="2" fill="#123456"\/>/);
  const shown = svgPayload(horizontal?.dataUri);
  assert.doesNotMatch(shown, /script|onload|alert/);
  assert.match(shown, /<rect width="1"\/>/);
  assert.deepEqual(horizontal?.removed, ['the onload attribute (an event handler)', 'a <script> element']);
});

test('an icon is sanitised again when its file changes, not shown as it was before', () => {
  const before = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/><script>alert(1)</script></svg>';
  const after = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="3"/></svg>';
  const first = previewOf(manifest(), { 'assets/images/horizontal.svg': before }).preview.card.icons[1];
  const again = previewOf(manifest(), { 'assets/images/horizontal.svg': before }).preview.card.icons[1];
  assert.deepEqual([again?.dataUri, again?.removed], [first?.dataUri, first?.removed]);
  const edited = previewOf(manifest(), { 'assets/images/horizontal.svg': after }).preview.card.icons[1];
  assert.match(svgPayload(edited?.dataUri), /<rect width="3"\/>/);
  assert.doesNotMatch(svgPayload(edited?.dataUri), /circle/);
  assert.deepEqual(edited?.removed, []);
});

test('an icon that cannot be shown says why, and carries the problem the rules report on it', () => {
  const m = manifest();
  m.icons.horizontal = 'assets/images/missing.svg';
  const { preview } = previewOf(m, { 'assets/images/square.svg': 'PNG\u0000not an svg' });
  const [square, horizontal] = preview.card.icons;
  assert.equal(square?.dataUri, undefined);
  assert.equal(square?.unavailable, 'the file is not an SVG image');
  assert.deepEqual(square?.at.problems.map((p) => p.code), ['icon-not-svg']);
  assert.equal(horizontal?.unavailable, 'the file does not exist beside the manifest');
  assert.deepEqual(horizontal?.at.problems.map((p) => p.code), ['icon-missing']);
});

test('problems go to the element they are in; those in no element are listed apart, and all are counted', () => {
  const m = manifest();
  m.overview = 'No full stop at the end';
  m.colour = 'red';
  m.categories.push('notacategory');
  const { preview } = previewOf(m);
  assert.deepEqual(preview.card.overview?.at.problems.map((p) => p.code), ['overview-full-stop']);
  assert.deepEqual(preview.card.categories[2]?.at.problems.map((p) => p.code), ['schema-value-not-allowed']);
  assert.deepEqual(preview.card.name?.at.problems, []);
  assert.deepEqual(preview.otherProblems.map((p) => p.code), ['schema-unknown-key']);
  // The javascript: privacy policy is no http(s) URL: the schema's complaint is on that link.
  assert.deepEqual(preview.card.links[1]?.at.problems.map((p) => p.code), ['schema-pattern']);
  // Each problem is shown once: on one element, or apart.
  const attached = new Set<unknown>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'problems' && Array.isArray(inner)) inner.forEach((p) => attached.add(p));
        else collect(inner);
      }
    }
  };
  collect({ card: preview.card, forms: preview.forms, renderings: preview.renderings });
  const counted = preview.problemCounts.error + preview.problemCounts.warning + preview.problemCounts.information + preview.problemCounts.hint;
  assert.equal(counted, attached.size + preview.otherProblems.length);
});

test('a manifest that is not an object: no card or forms, the reason and its problems', () => {
  for (const text of ['', '[1, 2]', '{"name": ']) {
    const { preview } = previewOf(text);
    if (text === '{"name": ') {
      // Broken JSON still has an object: the card shows what there is.
      assert.equal(preview.unreadable, undefined);
      assert.ok(preview.otherProblems.some((p) => p.code === 'json-syntax'));
      continue;
    }
    assert.match(preview.unreadable ?? '', /cannot be previewed/);
    assert.deepEqual([preview.forms, preview.renderings, preview.card.icons], [[], [], []]);
    assert.ok(preview.otherProblems.length > 0, text);
  }
});

test('an unsaved manifest (no folder) shows its icons as unavailable, not read', () => {
  const { preview } = previewOf(manifest());
  assert.ok(preview.card.icons.every((icon) => icon.dataUri !== undefined));
  // previewOf saves under file:///ws/…; the same text under an untitled URI has no folder.
  const service = new LanguageService({ readFile: () => ({ kind: 'text', text: PLAIN_SVG }), listFolders: () => undefined, listFiles: () => undefined });
  const untitled = service.integrationPreview(service.snapshot('untitled:Untitled-1', JSON.stringify(manifest())));
  assert.deepEqual(untitled.card.icons.map((icon) => icon.unavailable), ['the manifest is not saved in a folder, so its icons cannot be read', 'the manifest is not saved in a folder, so its icons cannot be read']);
});

test('Markdown links: nested brackets, text around, no link without a URL, hostile text cut to the bound', { timeout: 60_000 }, () => {
  assert.deepEqual(markdownParts('[a [b](https://x.example/b) c](https://y.example)'), [{ text: '[a ' }, { text: 'b', href: 'https://x.example/b' }, { text: ' c](https://y.example)' }]);
  assert.deepEqual(markdownParts('see [](https://x.example) and [x]() and [y](not a url)'), [
    { text: 'see ' },
    { text: 'https://x.example', href: 'https://x.example' },
    { text: ' and [x]() and [y](not a url)' },
  ]);
  assert.deepEqual(markdownParts('[rel](./docs.md) [data](data:text/html,x)'), [{ text: 'rel data' }]);
  assert.deepEqual(markdownParts('plain'), [{ text: 'plain' }]);
  for (const hostile of ['[a](b c'.repeat(600), '['.repeat(4000) + '](', '](x y '.repeat(700) + ')', '[x](' .repeat(1000)]) {
    const parts = markdownParts(hostile);
    assert.ok(parts.map((p) => p.text).join('').length <= 4001);
  }
});
