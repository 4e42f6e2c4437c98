// Saves the last validation response as the sample the pointer checks read
// (`sample-responses/validationRequest.json` beside the manifest, the convention of
// pointers/sampleResponses.ts), with every string that holds a secret value masked.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sampleResponseFile } from '../pointers/sampleResponses';
import { redactSecrets } from './symbolic';

export const VALIDATION_SAMPLE_NAME = 'validationRequest';

/** Writes the sample and returns its path relative to the manifest's folder. */
export function writeValidationSample(manifestPath: string, body: unknown, secretValues: readonly string[]): string {
  const relative = sampleResponseFile(VALIDATION_SAMPLE_NAME);
  const file = join(dirname(manifestPath), relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(redactDeep(body, secretValues), null, 2) + '\n');
  return relative;
}

export function redactDeep(value: unknown, secretValues: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secretValues);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secretValues));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactSecrets(k, secretValues), redactDeep(v, secretValues)]));
  }
  return value;
}
