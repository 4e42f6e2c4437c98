// The last validation response becomes the sample the pointer rules read, without secrets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sampleFor } from '../../server/src/engine/pointers/sampleResponses';
import { hostEnvironment } from '../../server/src/engine/rules/environment';
import { createNodeHost } from '../../server/src/node/nodeHost';
import { validationSample } from '../../server/src/request/sampleResponse';
import { SecretMasker } from '../../server/src/request/secretMasker';
import { TOKEN } from './fixtures';

test('the sample is written where the pointer rules find it, secrets masked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ld-sample-'));
  const manifestPath = join(dir, 'manifest.json');
  const sample = validationSample({ success: true, echo: `Bearer ${TOKEN}`, list: [TOKEN] }, new SecretMasker([TOKEN]));
  assert.ok(sample);
  assert.equal(sample.path, 'sample-responses/validationRequest.json');
  mkdirSync(dirname(join(dir, sample.path)), { recursive: true });
  writeFileSync(join(dir, sample.path), sample.text);
  const text = readFileSync(join(dir, sample.path), 'utf8');
  assert.ok(!text.includes(TOKEN));
  const environment = hostEnvironment(createNodeHost([dir]), pathToFileURL(manifestPath).href);
  const lookup = sampleFor({ sampleName: 'validationRequest' }, environment);
  assert.equal(lookup.kind, 'sample');
  assert.deepEqual(lookup.kind === 'sample' && lookup.value, { success: true, echo: 'Bearer ••••', list: ['••••'] });
});

test('the sample the editor client writes: the same path and text, keys masked too', () => {
  const sample = validationSample({ [TOKEN]: { nested: [`x${encodeURIComponent(TOKEN)}x`] } }, new SecretMasker([TOKEN]));
  assert.ok(sample);
  assert.equal(sample.path, 'sample-responses/validationRequest.json');
  assert.equal(sample.text, JSON.stringify({ '••••': { nested: ['x••••x'] } }, null, 2) + '\n');
});
