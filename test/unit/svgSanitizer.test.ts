// The icon sanitiser: what runs, embeds or fetches is removed (scripts, foreignObject, event handlers,
// external hrefs and url()s, external <use>, non-raster or external <image>, style sheets with
// @import, escapes or URLs out), the output is well-formed XML (checked with a real XML parser) whatever
// the input, and the work stays linear on hostile input. Every real icon of the corpus comes through
// with nothing reported removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { MAX_SANITIZED_CHARACTERS, MAX_SVG_CHARACTERS, MAX_SVG_DEPTH, sanitizeSvg } from '../../server/src/engine/integrationPreview/svg/sanitizeSvg';
import { corpusRoot } from '../support/manifests';

const NS = 'xmlns="http://www.w3.org/2000/svg"';

function clean(svg: string): { markup: string; removed: readonly string[] } {
  const result = sanitizeSvg(svg);
  assert.ok(result.ok, `sanitised: ${result.ok ? '' : result.reason}`);
  assertWellFormed(result.markup);
  assert.equal(Buffer.from(result.dataUri.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8'), result.markup);
  return result;
}

function assertWellFormed(markup: string): void {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(markup, 'image/svg+xml');
  assert.deepEqual(errors, [], markup.slice(0, 300));
  assert.equal(doc.documentElement?.localName, 'svg');
  assert.equal(doc.documentElement?.namespaceURI, 'http://www.w3.org/2000/svg');
}

/** Nothing in the markup that runs or fetches, by a check independent of the sanitiser's own. */
function assertInert(markup: string): void {
  const lower = markup.toLowerCase();
  assert.doesNotMatch(lower, /<script|<foreignobject|<iframe|<object|<embed|javascript:|@import/);
  assert.doesNotMatch(lower, /\son[a-z]+\s*=/);
  for (const match of lower.matchAll(/(?:href)\s*=\s*"([^"]*)"/g)) assert.ok(match[1]!.startsWith('#') || /^data:image\/(png|jpeg|gif|webp)/.test(match[1]!), match[0]);
  for (const match of lower.matchAll(/url\(\s*(?:['"]|&quot;)?([^)'"]*)/g)) assert.ok(match[1]!.startsWith('#'), match[0]);
}

test('a plain icon comes through unchanged in substance, with the SVG namespace', () => {
  const { markup, removed } = clean(`<?xml version="1.0"?><!-- made by hand --><svg ${NS} viewBox="0 0 10 10"><title>Logo</title><path d="M0 0h10v10z" fill="#f00"/></svg>`);
  assert.equal(markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><title>Logo</title><path d="M0 0h10v10z" fill="#f00"/></svg>`);
  assert.deepEqual(removed, []);
});

test('scripts go, with their content, whatever their case or nesting; the rest stays', () => {
  const { markup, removed } = clean(`<svg ${NS}><script>alert(1)</script><g><script type="text/javascript"><![CDATA[alert(2)]]></script><rect width="1" height="1"/></g><SCRIPT>alert(3)</SCRIPT></svg>`);
  assert.equal(markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><g><rect width="1" height="1"/></g></svg>`);
  assert.deepEqual(removed, ['a <script> element', 'a <SCRIPT> element']);
  assertInert(markup);
});

test('foreignObject goes with everything inside it', () => {
  const { markup, removed } = clean(`<svg ${NS}><foreignObject width="9" height="9"><div xmlns="http://www.w3.org/1999/xhtml"><img src="https://x.example/t.png" onerror="alert(1)"/></div></foreignObject><circle r="1"/></svg>`);
  assert.equal(markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><circle r="1"/></svg>`);
  assert.deepEqual(removed, ['a <foreignObject> element']);
});

test('every on* attribute goes, in any case, even entity-encoded or unquoted', () => {
  const { markup, removed } = clean(`<svg ${NS} onload="alert(1)"><rect ONCLICK='alert(2)' onmouseover=alert(3) width="1"/><circle r="1" onfocusin="&#97;lert(4)"/></svg>`);
  assertInert(markup);
  assert.match(markup, /<rect width="1"\/>/);
  assert.deepEqual(removed, ['the onload attribute (an event handler)', 'the ONCLICK attribute (an event handler)', 'the onmouseover attribute (an event handler)', 'the onfocusin attribute (an event handler)']);
});

test('hrefs that leave the icon go: links, external <use>, javascript: even when entity-encoded', () => {
  const { markup, removed } = clean(
    `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient><path id="p" d="M0 0"/></defs>` +
      `<a href="https://evil.example/"><rect fill="url(#g)" width="1"/></a>` +
      `<use href="#p"/><use xlink:href="https://evil.example/sprite.svg#icon"/><use href="other.svg#x"/>` +
      `<linearGradient id="h" xlink:href="&#x6A;avascript:alert(1)"/>` +
      `<textPath href="#p">t</textPath></svg>`,
  );
  assertInert(markup);
  assert.match(markup, /<rect fill="url\(#g\)" width="1"\/>/, 'the link is unwrapped, its drawing kept');
  assert.match(markup, /<use href="#p"\/>/);
  assert.equal(markup.match(/<use/g)?.length, 1);
  assert.match(markup, /<linearGradient id="h"\/>/);
  assert.match(markup, /<textPath href="#p">t<\/textPath>/);
  assert.deepEqual(removed, ['a <use> of another file', 'a link to "javascript:alert(1)"']);
});

test('url() to anything but #id goes from attributes and style attributes; CSS escapes and expressions too', () => {
  const { markup, removed } = clean(
    `<svg ${NS}><rect fill="url(https://x.example/p.svg#a)" width="1"/><rect fill="URL( 'http://x' )" width="2"/><rect style="fill:url(#ok);stroke:red" width="3"/>` +
      `<rect style="background:u\\72l(http://x)" width="4"/><rect style="width:expression(alert(1))" width="5"/><rect filter="url(#f)" mask="url(&quot;#m&quot;)" width="6"/></svg>`,
  );
  assertInert(markup);
  assert.match(markup, /<rect width="1"\/><rect width="2"\/><rect style="fill:url\(#ok\);stroke:red" width="3"\/><rect width="4"\/><rect width="5"\/>/);
  assert.match(markup, /<rect filter="url\(#f\)" mask="url\(&quot;#m&quot;\)" width="6"\/>/);
  assert.deepEqual(removed, [
    'the fill attribute (it refers outside the icon)',
    'a style attribute with CSS escapes',
    'a style attribute with "expression("',
  ]);
});

test('<style> sheets: kept when self-contained, dropped with @import, an external url(), escapes or image()', () => {
  const kept = clean(`<svg ${NS}><style><![CDATA[.a{fill:url(#g)} .b>.c{stroke:#000}]]></style><rect class="a"/></svg>`);
  assert.match(kept.markup, /<style>\.a\{fill:url\(#g\)\} \.b&gt;\.c\{stroke:#000\}<\/style>/);
  for (const css of ['@import url(https://x.example/a.css);', '@IMPORT "x.css";', '.a{background:url(https://x.example/t.png)}', '.a{fill:\\75rl(x)}', '.a{background:image-set("https://x/1.png" 1x)}', '@font-face{src:url(//x.example/f.woff)}']) {
    const { markup, removed } = clean(`<svg ${NS}><style>${css}</style><rect/></svg>`);
    assert.equal(markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><rect/></svg>`, css);
    assert.equal(removed.length, 1, css);
    assert.match(removed[0]!, /^a <style> element with /);
  }
});

test('<image>: an embedded PNG, JPEG, GIF or WebP stays; an external, SVG or javascript: one goes', () => {
  const png = 'data:image/png;base64,iVBORw0KGgo=';
  const { markup, removed } = clean(
    `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><image width="1" xlink:href="${png}"/><image href="https://x.example/a.png"/><image href="data:image/svg+xml;base64,PHN2Zy8+"/>` +
      `<image href="javascript:alert(1)"/><image href="data:text/html,&lt;script&gt;"/><image/></svg>`,
  );
  assertInert(markup);
  assert.match(markup, new RegExp(`<image width="1" xlink:href="${png.replace(/[+]/g, '\\+')}"/>`));
  assert.equal(markup.match(/<image/g)?.length, 1);
  assert.deepEqual(removed, ['an <image> that is not an embedded PNG, JPEG, GIF or WebP']);
});

test('DOCTYPE entities, comments and processing instructions are dropped; an undefined entity decodes to nothing', () => {
  const lol = `<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>`;
  const { markup } = clean(`${lol}<?xml-stylesheet href="https://x.example/s.css"?><svg ${NS}><text>&b;&ext;&lt;&#65;&#x42;&#0;&#xD800;</text></svg>`);
  assert.equal(markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><text>&lt;AB</text></svg>`);
});

test('unknown elements go (reported); editors\' metadata and namespaced data go silently', () => {
  const { markup, removed } = clean(
    `<svg ${NS} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.0" data-name="Layer 1"><metadata><rdf:RDF/></metadata><sodipodi:namedview pagecolor="#fff"/>` +
      `<iframe src="https://x.example"/><animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onclick"/><g inkscape:label="L"><rect/></g></svg>`,
  );
  assert.equal(markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink" data-name="Layer 1"><g><rect/></g></svg>`);
  assert.deepEqual(removed, ['a <iframe> element', 'a <animate> element', 'a <set> element']);
});

test('malformed input: unclosed tags are closed, stray end tags ignored, an unclosed tag ends the icon there', () => {
  assert.equal(clean(`<svg ${NS}><g><rect></svg>`).markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><g><rect></rect></g></svg>`);
  assert.equal(clean(`<svg ${NS}></g></rect><circle r="1"/></svg>`).markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><circle r="1"/></svg>`);
  const cut = clean(`<svg ${NS}><rect width="1"/><circle r="1`);
  assert.equal(cut.markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><rect width="1"/></svg>`);
  assert.deepEqual(cut.removed, ['what follows an unclosed tag or comment']);
  assert.equal(clean(`<svg ${NS}><rect width=1 height=2 / x="3"></svg>`).markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><rect width="1" height="2" x="3"></rect></svg>`);
  // Nothing after the root element, and nothing before it but the root.
  assert.equal(clean(`<p>x</p><svg ${NS}/><script>alert(1)</script>`).markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"/>`);
  // A `<` that starts no tag, quotes in text, control characters: all written so that XML parses it.
  assert.equal(clean(`<svg ${NS}><text>a < b & "c"\u0001</text></svg>`).markup, `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><text>a &lt; b &amp; "c"</text></svg>`);
});

test('no <svg> element, or too large: not shown, with the reason', () => {
  assert.deepEqual(sanitizeSvg('<html><body>no</body></html>'), { ok: false, reason: 'it has no <svg> element' });
  assert.deepEqual(sanitizeSvg(''), { ok: false, reason: 'it has no <svg> element' });
  const huge = sanitizeSvg(`<svg ${NS}>${' '.repeat(MAX_SVG_CHARACTERS)}</svg>`);
  assert.equal(huge.ok, false);
  assert.match(huge.ok ? '' : huge.reason, /larger than/);
});

test('nesting deeper than the bound is dropped, not followed', () => {
  const depth = MAX_SVG_DEPTH * 4;
  const { markup, removed } = clean(`<svg ${NS}>${'<g>'.repeat(depth)}<rect/>${'</g>'.repeat(depth)}<circle r="1"/></svg>`);
  assert.equal(markup.match(/<g>/g)?.length, MAX_SVG_DEPTH - 1);
  assert.match(markup, /<circle r="1"\/><\/svg>$/);
  assert.deepEqual(removed, [`elements nested deeper than ${MAX_SVG_DEPTH}`]);
});

// Linear work on half a megabyte takes well under a second, quadratic work minutes: the time-out is a
// guard against a hang, not a speed figure (those are npm run bench's).
test('hostile input near the size bound is handled without a hang', { timeout: 60_000 }, () => {
  const n = MAX_SVG_CHARACTERS - 100;
  const inputs: Record<string, string> = {
    'open angles': `<svg ${NS}>${'<'.repeat(n)}`,
    'unclosed comments': `<svg ${NS}>${'<!--'.repeat(n / 4)}`,
    'many attributes': `<svg ${NS}><rect ${'a="1" '.repeat(n / 6)}/></svg>`,
    'quotes and equals': `<svg ${NS}><rect ${'="\''.repeat(n / 3)}`,
    'url( everywhere': `<svg ${NS}><rect fill="${'url(#a)'.repeat(n / 7)}"/></svg>`,
    'ampersands': `<svg ${NS}><text>${'&'.repeat(n)}</text></svg>`,
    'unmatched end tags': `<svg ${NS}>${'<g>'.repeat(60)}${'</x>'.repeat(n / 4 - 100)}`,
    'many small elements': `<svg ${NS}>${'<rect width="1"/>'.repeat(n / 17)}</svg>`,
    'doctype brackets': `<!DOCTYPE ${'['.repeat(n)}`,
  };
  for (const [name, input] of Object.entries(inputs)) {
    const result = sanitizeSvg(input);
    assert.ok(result.ok ? result.markup.length <= MAX_SANITIZED_CHARACTERS : result.reason !== '', name);
    if (result.ok) assertWellFormed(result.markup);
  }
});

test('every icon of the corpus comes through well-formed, inert, with nothing reported removed', (t) => {
  const root = corpusRoot();
  if (!root) return t.skip('no corpus at ../shared/corpus');
  const icons: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.svg')) icons.push(path);
    }
  };
  walk(join(root, 'integrations'));
  assert.ok(icons.length > 200, `${icons.length} icons`);
  for (const path of icons) {
    const result = sanitizeSvg(readFileSync(path, 'utf8'));
    assert.ok(result.ok, path);
    assert.deepEqual(result.removed, [], path);
    assertWellFormed(result.markup);
    assertInert(result.markup);
  }
});
