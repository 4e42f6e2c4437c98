// Hostile manifests and hostile servers against the request flow (issue: nothing a manifest or a
// server sends can run a command or leak a secret). Servers are real, on 127.0.0.1; the curl command
// is run by a real shell with `curl` replaced by a recorder.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '../../server/src/engine/manifestDocument';
import { PreparedRequests } from '../../server/src/request/editorRequests';
import { outcomeData } from '../../client/src/request/outcomeData';
import { reportJson, reportText } from '../../server/src/request/report';
import { SecretMasker, WITHHELD } from '../../server/src/request/secretMasker';
import { sendRequest } from '../../server/src/request/send';
import { curlFor, prepareRequest } from '../../server/src/request/testRequest';
import { sendPrepared } from '../../server/src/request/sendPrepared';
import { MASK } from '../../server/src/request/symbolic';
import { manifestText } from '../support/manifests';
import { storeManifest, values } from './fixtures';
import { json, startHttpServer, type TestServer } from './servers';

const OPTIONS = { timeoutMs: 5000, maxBodyBytes: 1024 * 1024 };

/** A store manifest whose validation request is changed by `edit`. */
function docWith(edit: (request: { endpoint: { url: string; method: string; headers: { name: string; value: string }[] } }, variables: Record<string, unknown>[]) => void) {
  const manifest = storeManifest() as { capabilities: { featureStore: { validationRequest: never; formVariables: Record<string, unknown>[] } } };
  edit(manifest.capabilities.featureStore.validationRequest, manifest.capabilities.featureStore.formVariables);
  return parseManifest('file:///work/integrations/acme/manifest.json', manifestText(manifest));
}

function refusal(doc: ReturnType<typeof docWith>, given: Record<string, string>): string {
  const result = prepareRequest(doc, 'validation', given);
  assert.ok(!result.ok, 'the request was not refused');
  return result.problems.join('\n');
}

describe('copy as curl runs nothing but curl', () => {
  test('a method that is not an HTTP token is refused, for sending and copying alike', () => {
    const doc = docWith((r) => (r.endpoint.method = 'GET $(touch /tmp/ld-pwned) ;'));
    assert.match(refusal(doc, values('http://127.0.0.1:9')), /not an HTTP method name/);
  });

  test('every word the manifest or a value controls reaches curl as one argument, and nothing else runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ld-curl-'));
    const witness = join(dir, 'pwned');
    const evil = `$(touch ${witness})\`touch ${witness}\`'";touch ${witness};#`;
    // `&`, `|`, `'` and `$` are token characters: a method may hold them and still be valid HTTP.
    const doc = docWith((r) => {
      r.endpoint.method = "G&E|T'$x";
      r.endpoint.headers.push({ name: 'X-Evil', value: `{{siteId}} ${evil}` });
      r.endpoint.url = `{{baseUrl}}/validate/{{siteId}}?q=${encodeURIComponent(evil)}`;
    });
    const result = prepareRequest(doc, 'validation', values('http://127.0.0.1:9', { siteId: evil }), { secretsNotNeeded: true });
    assert.ok(result.ok, JSON.stringify(result));
    const recorder = join(dir, 'curl');
    writeFileSync(recorder, `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done > "${join(dir, 'argv')}"\n`);
    chmodSync(recorder, 0o755);
    const secret = `$(touch ${witness})"'\`;`;
    execFileSync('sh', ['-c', curlFor(result.prepared)], { env: { PATH: `${dir}:/usr/bin:/bin`, API_TOKEN: secret } });
    assert.equal(existsSync(witness), false, 'the command ran something besides curl');
    const argv = readFileSync(join(dir, 'argv'), 'utf8').split('\0').slice(0, -1);
    const { real } = result.prepared.rendered;
    assert.deepEqual(argv, [
      '--request', real.method,
      '--url', real.url,
      '--header', `Authorization: Bearer ${secret}`,
      '--header', `X-Site: ${evil}`,
      '--header', `X-Evil: ${evil} ${evil}`,
    ]);
  });
});

describe('what is shown is what is sent', () => {
  const secretLogic = [
    '{{#equal apiToken "x"}}https://good.example/{{else}}http://127.0.0.1:9/?s={{apiToken}}{{/equal}}',
    '{{#if apiToken}}https://good.example/{{else}}http://127.0.0.1:9/{{/if}}',
    '{{#unless apiToken}}https://good.example/{{/unless}}http://127.0.0.1:9/',
    '{{#apiToken}}https://good.example/{{/apiToken}}http://127.0.0.1:9/',
    '{{#with apiToken}}https://good.example/{{/with}}http://127.0.0.1:9/',
    'http://127.0.0.1:9/{{#each apiToken}}x{{/each}}',
    'http://127.0.0.1:9/{{equalWithElse apiToken "x" "y"}}',
    'http://127.0.0.1:9/{{formatWithOffset apiToken 0 "simple"}}',
    'http://127.0.0.1:9/{{lookup . apiToken}}',
  ];
  for (const url of secretLogic) {
    test(`a template that decides on a secret is refused: ${url.slice(0, 40)}`, () => {
      const doc = docWith((r) => (r.endpoint.url = url));
      assert.match(refusal(doc, values('http://127.0.0.1:9')), /is given a secret|a request whose form depends on a secret/);
    });
  }

  test("the private-use characters that mark secrets cannot be forged by the manifest or a value", () => {
    const forged = docWith((r) => (r.endpoint.url = '{{#equal apiToken "\uE0000\uE001"}}https://good.example/{{/equal}}http://127.0.0.1:9/'));
    assert.match(refusal(forged, values('http://127.0.0.1:9')), /private-use characters/);
    assert.match(refusal(docWith(() => undefined), values('http://127.0.0.1:9', { siteId: '\uE0000\uE001' })), /private-use characters/);
  });

  test('the request shown is the request sent, its secrets masked: the same rendering read twice', () => {
    const token = 'a-long-secret token/with+"quotes"\\';
    const doc = docWith((r) => {
      r.endpoint.url = '{{baseUrl}}/v/{{pathEncode apiToken}}?t={{queryEncode apiToken}}';
      r.endpoint.headers.push({ name: 'X-Basic', value: '{{basicAuthHeaderValue siteId apiToken}}' });
    });
    const result = prepareRequest(doc, 'validation', values('http://127.0.0.1:9', { apiToken: token }));
    assert.ok(result.ok, JSON.stringify(result));
    const { real } = result.prepared.rendered;
    const { display } = result.prepared;
    assert.equal(real.url, `http://127.0.0.1:9/v/${encodeURI(token)}?t=${encodeURIComponent(token)}`);
    assert.equal(display.url, `http://127.0.0.1:9/v/${MASK}?t=${MASK}`);
    assert.deepEqual(display.headers.map((h) => h.value), [`Bearer ${MASK}`, 'my site/1', `Basic ${MASK}`]);
    // Unmasked with the values it stands for, the display is exactly what is sent.
    assert.equal(real.headers[2]!.value, `Basic ${Buffer.from(`my site/1:${token}`).toString('base64')}`);
  });

  test('a header value that Node would refuse (a line break from a value) is refused, not shown', () => {
    const doc = docWith(() => undefined);
    assert.match(refusal(doc, values('http://127.0.0.1:9', { siteId: 'a\r\nX-Injected: 1' })), /line break/);
  });

  test('form variables named constructor and toString take only the values given, never Object.prototype', () => {
    const doc = docWith((r, variables) => {
      variables.push({ key: 'constructor', name: 'C', type: 'string', description: 'C.' }, { key: 'toString', name: 'T', type: 'string', description: 'T.' });
      r.endpoint.url = '{{baseUrl}}/v/{{constructor}}/{{toString}}';
    });
    assert.match(refusal(doc, values('http://127.0.0.1:9')), /no value for `constructor`/);
    const given = prepareRequest(doc, 'validation', values('http://127.0.0.1:9', { constructor: 'c', toString: 't' }));
    assert.ok(given.ok, JSON.stringify(given));
    assert.equal(given.prepared.rendered.real.url, 'http://127.0.0.1:9/v/c/t');
  });
});

describe('secrets in what the service sends back', () => {
  let server: TestServer;
  const token = 'Tok en"with\\odd/chars+&<ü';
  before(async () => {
    server = await startHttpServer();
    server.route('/validate/site', (req, res) => {
      const auth = String(req.headers.authorization ?? '');
      json(res, 401, {
        success: false,
        errors: [`rejected ${auth}`],
        echoes: {
          json: JSON.stringify(token),
          percent: encodeURIComponent(token),
          query: encodeURIComponent(token).replace(/%20/g, '+'),
          normalised: new URL(`http://h/?${token}`).search,
          lower: token.toLowerCase(),
          base64: Buffer.from(`site:${token}`).toString('base64'),
          html: token.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'),
        },
      });
    });
    server.route('/validate/number', (_req, res) => json(res, 200, { success: true, id: 12345678901 }));
    server.route('/validate/controls', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('text \u001b[2J \u001b]0;title\u0007 \u009b31m done');
    });
  });
  after(() => server.close());

  const basicDoc = () =>
    docWith((r) => {
      r.endpoint.url = '{{baseUrl}}/validate/{{siteId}}';
      r.endpoint.headers = [{ name: 'Authorization', value: '{{basicAuthHeaderValue siteId apiToken}}' }];
    });

  test('every encoding of the secret is masked in the text and JSON reports, the verdict and the saved sample', async () => {
    const prepared = prepareRequest(basicDoc(), 'validation', values(server.origin, { siteId: 'site', apiToken: token }));
    assert.ok(prepared.ok, JSON.stringify(prepared));
    const run = await sendPrepared(prepared.prepared, OPTIONS);
    const outputs = [reportText(run, 'm.json'), reportJson(run, 'm.json')];
    const forms = [token, JSON.stringify(token).slice(1, -1), encodeURIComponent(token), token.toLowerCase(), Buffer.from(`site:${token}`).toString('base64')];
    for (const output of outputs) for (const form of forms) assert.ok(!output.toLowerCase().includes(form.toLowerCase()), `${form} leaked:\n${output}`);
    assert.doesNotThrow(() => JSON.parse(outputs[1]!));
    // The editor's path: the verdict its notification shows.
    const requests = new PreparedRequests();
    const shown = requests.prepare(basicDoc(), { kind: 'validation', values: values(server.origin, { siteId: 'site', apiToken: token }), secretsNotNeeded: false });
    assert.ok(shown.ok && shown.id && shown.request);
    const outcome = await sendRequest(shown.request, OPTIONS);
    const judged = requests.judge({ id: shown.id, label: 'm.json', outcome: outcomeData(outcome) });
    assert.ok(judged.ok);
    assert.match(judged.verdict.summary, /rejected ••••/);
    assert.equal(judged.sample, undefined, 'a failed answer is not saved over the sample');
  });

  test('a secret echoed as a number is masked in the sample the editor saves', async () => {
    const requests = new PreparedRequests();
    const shown = requests.prepare(docWith((r) => (r.endpoint.url = '{{baseUrl}}/validate/number')), { kind: 'validation', values: values(server.origin, { apiToken: '12345678901' }), secretsNotNeeded: false });
    assert.ok(shown.ok && shown.id && shown.request);
    const judged = requests.judge({ id: shown.id, label: 'm.json', outcome: outcomeData(await sendRequest(shown.request, OPTIONS)) });
    assert.ok(judged.ok && judged.sample);
    assert.deepEqual(JSON.parse(judged.sample.text), { success: true, id: MASK });
  });

  test('a secret too short to mask withholds what came back instead of shredding it', async () => {
    const prepared = prepareRequest(basicDoc(), 'validation', values(server.origin, { siteId: 'site', apiToken: 'e' }));
    assert.ok(prepared.ok);
    const run = await sendPrepared(prepared.prepared, OPTIONS);
    const text = reportText(run, 'm.json');
    assert.match(text, /HTTP 401 in \d+ ms; its status text, headers, body and parser values are withheld/);
    assert.ok(!text.includes('rejected'), text);
    // The request itself is still shown, its secret masked and nothing else touched.
    assert.match(text, /GET http:\/\/127\.0\.0\.1:\d+\/validate\/site\n {2}Authorization: Basic ••••\n/);
    assert.ok(JSON.parse(reportJson(run, 'm.json')).response.body === WITHHELD);
  });

  test('control characters from a response never reach the terminal raw', async () => {
    const prepared = prepareRequest(docWith((r) => (r.endpoint.url = '{{baseUrl}}/validate/controls')), 'validation', values(server.origin));
    assert.ok(prepared.ok);
    const run = await sendPrepared(prepared.prepared, OPTIONS);
    for (const output of [reportText(run, 'm.json'), reportJson(run, 'm.json')]) {
      // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
      assert.ok(!/[\u001b\u0007\u009b]/.test(output), output);
    }
    assert.match(reportText(run, 'm.json'), /\\u001b\[2J/);
  });

  test('the masker: case-insensitive, every form, nothing else touched', () => {
    const masker = new SecretMasker(['Secret Value/1']);
    assert.equal(masker.mask('a secret value/1 b'), `a ${MASK} b`);
    assert.equal(masker.mask('Secret%20Value%2F1 Secret+Value%2F1 Secret%20Value/1'), `${MASK} ${MASK} ${MASK}`);
    assert.equal(masker.mask(Buffer.from('Secret Value/1').toString('base64')), MASK);
    assert.equal(masker.mask('unrelated text stays'), 'unrelated text stays');
    assert.equal(new SecretMasker(['abc']).withhold, true);
    assert.equal(new SecretMasker(['abc']).mask('abcabc'), 'abcabc');
  });
});

describe('redirects and time limits a server can abuse', () => {
  let server: TestServer;
  before(async () => {
    server = await startHttpServer();
    server.route('/loop', (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    });
    server.route('/to-file', (_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    });
    server.route('/slow', (_req, res) => setTimeout(() => json(res, 200, { success: true }), 50));
  });
  after(() => server.close());

  const run = async (path: string) => {
    const prepared = prepareRequest(docWith((r) => (r.endpoint.url = `{{baseUrl}}${path}`)), 'validation', values(server.origin));
    assert.ok(prepared.ok);
    return sendPrepared(prepared.prepared, OPTIONS);
  };

  test('a same-origin loop is called a loop, not another origin', async () => {
    const result = await run('/loop');
    assert.match(result.reading.verdict.summary, /more than 5 redirects in a row \(a loop\?\)/);
  });

  test('a file: redirect is named as such', async () => {
    const result = await run('/to-file');
    assert.match(result.reading.verdict.summary, /a file: URL; only http: and https: are followed/);
    assert.ok(!result.reading.verdict.summary.includes('null'));
  });

  test('a time limit beyond what a timer holds is clamped, not fired at once', async () => {
    const prepared = prepareRequest(docWith((r) => (r.endpoint.url = '{{baseUrl}}/slow')), 'validation', values(server.origin));
    assert.ok(prepared.ok);
    const result = await sendPrepared(prepared.prepared, { ...OPTIONS, timeoutMs: 1e12 });
    assert.equal(result.reading.verdict.kind, 'success', result.reading.verdict.summary);
  });
});
