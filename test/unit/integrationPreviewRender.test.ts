// The preview's two renderings: the Markdown a pull request's description takes (the headings of
// LaunchDarkly's pull request template, a table per form, fenced renderings, secrets masked, Markdown in
// the manifest escaped) and the HTML page (valid HTML by parse5, a strict Content-Security-Policy, the
// manifest's text escaped, a script only in the editor and only by nonce, nothing loaded from elsewhere).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPreviewBody, renderPreviewPage } from '../../server/src/engine/integrationPreview/render/htmlPage';
import { previewMarkdownReport } from '../../server/src/engine/integrationPreview/render/markdownReport';
import { manifestBasics } from '../support/manifests';
import { previewOf } from './integrationPreviewSupport';
import { elementsOf, parseHtml } from './htmlTestSupport';

const NONCE = 'bm9uY2Utb2YtdGhlLXRlc3Q=';

function manifest(): Record<string, any> {
  return {
    ...manifestBasics(),
    name: 'Acme <script>alert(1)</script> | *bold*',
    formVariables: [
      { key: 'apiKey', name: 'API | key', type: 'string', isSecret: true, isOptional: true, defaultValue: 'the-real-secret-value', description: 'See [docs](https://acme.example/docs).' },
      { key: 'region', name: 'Region', type: 'enum', allowedValues: ['us', 'eu'], description: 'Where\u0007.' },
      { key: 'proxy', name: 'Proxy', type: 'string', description: 'Host.', dependsOn: [{ variableKey: 'region', variableLocation: 'formVariables', action: 'showField', conditions: [{ operator: 'equalTo', value: 'eu' }] }] },
    ],
    capabilities: {
      auditLogEventsHook: {
        endpoint: { url: 'https://hooks.acme.example/{{apiKey}}', method: 'POST', headers: [] },
        templates: { flag: 'templates/flag.json.hbs', default: 'templates/default.txt.hbs' },
        defaultPolicy: [{ effect: 'allow', resources: ['proj/*:env/*:flag/*'], actions: ['*'] }],
      },
    },
  };
}

const FILES = {
  'templates/flag.json.hbs': '{ "text": "{{{title.plainText}}}", "key": "{{formVariables.apiKey}}" }',
  'templates/default.txt.hbs': '{{{title.plainText}}} ```{{kind}}```',
};

test('Markdown: the pull request template\'s two headings, the card, a table per form, fenced renderings', () => {
  const { preview } = previewOf(manifest(), FILES, { label: 'integrations/acme/manifest.json' });
  const markdown = previewMarkdownReport(preview);
  const describe = markdown.indexOf("**Describe the solution you've provided**");
  const request = markdown.indexOf('**Provide a request preview**');
  assert.ok(describe === 0 && request > describe, markdown.slice(0, 200));
  assert.match(markdown, /^\*\*Acme \\<script\\>alert\(1\)\\<\/script\\> \\\| \\\*bold\\\*\*\* \(`integrations\/acme\/manifest\.json`, version 1\.0\.0\): Deliver flags/m);
  assert.match(markdown, /^\*Integration configuration\* \(`formVariables`\)/m);
  assert.match(markdown, /^\| API \\\| key \| `apiKey` \| string, secret \| optional \| •••• \| See docs\. \|$/m);
  assert.match(markdown, /^\| Region \| `region` \| enum \(us, eu\) \| required \| {2}\| Where\\u0007\. \|$/m);
  assert.match(markdown, /^\| Proxy \| `proxy` \| string \| required \| {2}\| dependsOn: shows it only when 'region' is equalTo 'eu'; Host\. \|$/m);
  assert.match(markdown, /\*auditLogEventsHook `flag`\* \(`templates\/flag\.json\.hbs`, sample flag event\)\n\n```json\n\{\n {2}"text": "Ada Lovelace turned on the flag New checkout flow",\n {2}"key": "••••"\n\}\n```/);
  // A rendering holding a fence gets a longer one.
  assert.match(markdown, /````text\nAda Lovelace turned on the flag New checkout flow ```flag```\n````/);
  assert.ok(!markdown.includes('the-real-secret-value'));
});

test('Markdown: the sample event picked, and a rendering\'s problem quoted', () => {
  const files = { ...FILES, 'templates/flag.json.hbs': '{ "text": "{{{title.plainText}}}", }' };
  const markdown = previewMarkdownReport(previewOf(manifest(), files, { event: 'project' }).preview);
  assert.match(markdown, /\*auditLogEventsHook `default`\* \(`templates\/default\.txt\.hbs`, sample project event\)/);
  assert.match(markdown, /> \*\*Problem:\*\* .*trailing comma/);
});

test('HTML page: valid, a strict CSP with the nonce, the one style sheet admitted by it, no script on its own', () => {
  const { preview } = previewOf(manifest(), FILES);
  const page = renderPreviewPage(preview, { standalone: true, nonce: NONCE });
  const document = parseHtml(page);
  const meta = elementsOf(document, 'meta').find((m) => m.attrs['http-equiv'] === 'Content-Security-Policy');
  assert.equal(meta?.attrs.content, `default-src 'none'; img-src data:; style-src 'nonce-${NONCE}'; script-src 'none'; base-uri 'none'; form-action 'none'`);
  assert.deepEqual(elementsOf(document, 'script'), []);
  assert.deepEqual(elementsOf(document, 'style').map((s) => s.attrs.nonce), [NONCE]);
  assert.deepEqual(elementsOf(document).filter((e) => 'style' in e.attrs || Object.keys(e.attrs).some((a) => a.startsWith('on'))), []);
  // The manifest's markup is text, not elements.
  assert.equal(elementsOf(document, 'title')[0]?.text, 'Acme <script>alert(1)</script> | *bold*: integration preview');
  // On its own, nothing jumps to a manifest and no control pretends to change anything.
  assert.deepEqual(elementsOf(document).filter((e) => 'tabindex' in e.attrs && e.name !== 'pre'), []);
  assert.ok(elementsOf(document, 'input').every((input) => 'disabled' in input.attrs || 'readonly' in input.attrs));
  assert.ok(!page.includes('the-real-secret-value'));
});

test('HTML in the editor: the script by nonce, elements to jump from, controls that name their field', () => {
  const { preview, doc } = previewOf(manifest(), FILES);
  const script = 'for (let i = 0; i < 2 && i >= 0; i++) console.log(i);';
  const page = renderPreviewPage(preview, { standalone: false, nonce: NONCE, cspSource: 'https://*.vscode-cdn.net', script });
  const document = parseHtml(page);
  const meta = elementsOf(document, 'meta').find((m) => m.attrs['http-equiv'] === 'Content-Security-Policy');
  assert.equal(
    meta?.attrs.content,
    `default-src 'none'; img-src data: https://*.vscode-cdn.net; style-src 'nonce-${NONCE}' https://*.vscode-cdn.net; script-src 'nonce-${NONCE}'; base-uri 'none'; form-action 'none'`,
  );
  const scripts = elementsOf(document, 'script');
  assert.deepEqual(scripts.map((s) => [s.attrs.nonce, s.text]), [[NONCE, script]]);
  // A script that would end its element early, or open a comment, is refused rather than rewritten.
  for (const bad of ['x = "</script>"', 'x = "</SCRIPT "', '<!-- y']) assert.throws(() => renderPreviewPage(preview, { standalone: false, nonce: NONCE, script: bad }), /ends? it early/);
  const region = elementsOf(document, 'select').find((s) => s.attrs['data-key'] === 'region');
  assert.deepEqual([region?.attrs['data-form'], 'disabled' in (region?.attrs ?? {})], ['formVariables', false]);
  const jumps = elementsOf(document).filter((e) => e.attrs['data-range'] !== undefined && e.attrs.tabindex === '0');
  assert.ok(jumps.length > 10, `${jumps.length} elements to jump from`);
  const proxy = jumps.find((e) => e.attrs['data-path'] === 'formVariables.2');
  const [line, character] = proxy!.attrs['data-range']!.split(',').map(Number);
  assert.ok(doc.text.getText().slice(doc.text.offsetAt({ line: line!, character: character! })).startsWith('{'), 'the range starts at the field');
  assert.equal(elementsOf(document, 'button').filter((b) => b.attrs['data-action'] === 'copy').length, 1);
  // A cspSource that could smuggle a directive is left out.
  const smuggled = parseHtml(renderPreviewPage(preview, { standalone: false, nonce: NONCE, cspSource: "x; script-src 'unsafe-inline'" }));
  assert.doesNotMatch(elementsOf(smuggled, 'meta').find((m) => m.attrs['http-equiv'])?.attrs.content ?? '', /unsafe/);
});

test('HTML body: the same content the page holds; a nonce that is too short or not base64 is refused', () => {
  const { preview } = previewOf(manifest(), FILES);
  const body = renderPreviewBody(preview, { interactive: true });
  assert.ok(renderPreviewPage(preview, { standalone: false, nonce: NONCE }).includes(body));
  for (const nonce of ['short', `${NONCE}"><script>`, '']) assert.throws(() => renderPreviewPage(preview, { standalone: true, nonce }), /nonce/);
});

test('HTML: control characters, lone surrogates and noncharacters of the manifest still make valid HTML', () => {
  const m = manifest();
  m.overview = 'Odd \u0001 \ud800 \ufffe \u202e text.';
  m.formVariables[0].placeholder = '"><img src=x onerror=alert(1)>';
  const document = parseHtml(renderPreviewPage(previewOf(m, FILES).preview, { standalone: true, nonce: NONCE }));
  assert.equal(elementsOf(document, 'img').filter((img) => !img.attrs.src?.startsWith('data:image/svg+xml;base64,')).length, 0);
  assert.equal(elementsOf(document, 'input').find((i) => i.attrs['data-key'] === 'apiKey')?.attrs.placeholder, '"><img src=x onerror=alert(1)>');
});
