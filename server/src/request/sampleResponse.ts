// The last validation response as the sample the pointer checks read
// (`sample-responses/validationRequest.json` beside the manifest, the convention of
// pointers/sampleResponses.ts), with every string that holds a secret value masked. The editor's
// client writes the text the server makes here (validationSample); writeValidationSample writes it
// from Node directly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sampleResponseFile } from '../engine/pointers/sampleResponses';
import { redactSecrets } from './symbolic';

export const VALIDATION_SAMPLE_NAME = 'validationRequest';

export interface SampleFile {
  /** Relative to the manifest's folder, `/`-separated. */
  readonly path: string;
  readonly text: string;
}

/** The sample file for a validation answer's JSON body: where it goes and what it holds, secrets masked. */
export function validationSample(body: unknown, secretValues: readonly string[]): SampleFile {
  return { path: sampleResponseFile(VALIDATION_SAMPLE_NAME), text: JSON.stringify(redactDeep(body, secretValues), null, 2) + '\n' };
}

/** Writes the sample and returns its path relative to the manifest's folder. */
export function writeValidationSample(manifestPath: string, body: unknown, secretValues: readonly string[]): string {
  const sample = validationSample(body, secretValues);
  const file = join(dirname(manifestPath), sample.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, sample.text);
  return sample.path;
}

export function redactDeep(value: unknown, secretValues: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secretValues);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secretValues));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactSecrets(k, secretValues), redactDeep(v, secretValues)]));
  }
  return value;
}
