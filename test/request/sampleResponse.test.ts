// The last validation response becomes the sample the pointer rules read, without secrets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleFor } from '../../server/src/pointers/sampleResponses';
import { writeValidationSample } from '../../server/src/request/sampleResponse';
import { nodeRuleEnvironment } from '../../server/src/rules/environment';
import { TOKEN } from './fixtures';

test('the sample is written where the pointer rules find it, secrets masked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ld-sample-'));
  const manifestPath = join(dir, 'manifest.json');
  const relative = writeValidationSample(manifestPath, { success: true, echo: `Bearer ${TOKEN}`, list: [TOKEN] }, [TOKEN]);
  assert.equal(relative, 'sample-responses/validationRequest.json');
  const text = readFileSync(join(dir, relative), 'utf8');
  assert.ok(!text.includes(TOKEN));
  const lookup = sampleFor({ parserPath: ['capabilities', 'featureStore', 'validationRequest', 'parser'], sampleName: 'validationRequest' }, nodeRuleEnvironment(manifestPath));
  assert.equal(lookup.kind, 'sample');
  assert.deepEqual(lookup.kind === 'sample' && lookup.value, { success: true, echo: 'Bearer ••••', list: ['••••'] });
});
