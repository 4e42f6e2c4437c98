// The preview of each of LaunchDarkly's 129 live manifests, in its real folder: the HTML export is valid
// HTML (parse5, no parse error), has its Content-Security-Policy, loads nothing from elsewhere (no
// http(s) or protocol-relative resource; links are links), shows both icons as sanitised data: images,
// and the Markdown for the pull request is made too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../server/src/engine/languageService';
import { renderPreviewPage } from '../../server/src/engine/integrationPreview/render/htmlPage';
import { previewMarkdownReport } from '../../server/src/engine/integrationPreview/render/markdownReport';
import { createNodeHost } from '../../server/src/node/nodeHost';
import { corpusRoot } from '../support/manifests';
import { elementsOf, parseHtml } from './htmlTestSupport';

const NONCE = 'Y29ycHVzLXByZXZpZXctbm9uY2U=';
/** Attributes that make a browser fetch something (or navigate a frame) when they hold a URL. */
const RESOURCE_ATTRIBUTES = ['src', 'srcset', 'href', 'xlink:href', 'poster', 'data', 'action', 'formaction', 'background', 'manifest', 'ping', 'cite', 'longdesc'];
const FORBIDDEN_ELEMENTS = ['script', 'link', 'iframe', 'frame', 'object', 'embed', 'base', 'video', 'audio', 'source', 'track', 'form', 'svg'];

test('the HTML export of every corpus manifest: valid, a CSP, nothing loaded from elsewhere; Markdown too', (t) => {
  const root = corpusRoot();
  if (!root) return t.skip('no corpus at ../shared/corpus');
  const service = new LanguageService(createNodeHost([root]));
  const keys = readdirSync(join(root, 'integrations')).sort();
  assert.ok(keys.length >= 129, `${keys.length} manifests`);
  let slowest = { key: '', ms: 0 };
  let icons = 0;
  const started = performance.now();
  for (const key of keys) {
    const path = join(root, 'integrations', key, 'manifest.json');
    const begin = performance.now();
    const doc = service.snapshot(pathToFileURL(path).href, readFileSync(path, 'utf8'));
    const preview = service.integrationPreview(doc, { label: `integrations/${key}/manifest.json` });
    const page = renderPreviewPage(preview, { standalone: true, nonce: NONCE });
    const markdown = previewMarkdownReport(preview);
    const ms = performance.now() - begin;
    if (ms > slowest.ms) slowest = { key, ms };

    const elements = parseHtml(page);
    const csp = elementsOf(elements, 'meta').filter((m) => m.attrs['http-equiv'] === 'Content-Security-Policy');
    assert.equal(csp.length, 1, key);
    assert.match(csp[0]!.attrs.content!, /^default-src 'none'; img-src data:; style-src 'nonce-[^']+'; script-src 'none';/, key);
    assert.deepEqual(elements.filter((e) => FORBIDDEN_ELEMENTS.includes(e.name)).map((e) => e.name), [], key);
    for (const element of elements) {
      for (const name of RESOURCE_ATTRIBUTES) {
        const value = element.attrs[name]?.trim().toLowerCase();
        if (value === undefined) continue;
        if (element.name === 'a' && name === 'href') {
          assert.match(value, /^(https?:|mailto:)/, `${key}: a link to ${value}`);
          continue;
        }
        assert.ok(value.startsWith('data:image/svg+xml;base64,'), `${key}: <${element.name} ${name}="${value.slice(0, 60)}">`);
      }
      assert.ok(!('style' in element.attrs), `${key}: a style attribute on <${element.name}>`);
    }
    for (const style of elementsOf(elements, 'style')) assert.doesNotMatch(style.text, /@import|url\(/i, key);
    const images = elementsOf(elements, 'img');
    assert.equal(images.length, 2, `${key}: both icons shown (${preview.card.icons.map((i) => i.unavailable).join('; ')})`);
    for (const image of images) {
      const svg = Buffer.from(image.attrs.src!.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8');
      assert.doesNotMatch(svg.toLowerCase(), /<script|<foreignobject|\son[a-z]+=|href="(?!#|data:image\/(png|jpeg|gif|webp))/, key);
      icons++;
    }
    assert.ok(markdown.startsWith("**Describe the solution you've provided**") && markdown.includes('**Provide a request preview**'), key);
  }
  const total = performance.now() - started;
  t.diagnostic(`${keys.length} manifests (${icons} icons) previewed, rendered to HTML and Markdown and parsed in ${total.toFixed(0)} ms; slowest ${slowest.key} ${slowest.ms.toFixed(1)} ms`);
});
