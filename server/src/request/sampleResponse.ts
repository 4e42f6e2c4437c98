// The last passing validation response as the sample the pointer checks read
// (`sample-responses/validationRequest.json` beside the manifest, the convention of
// pointers/sampleResponses.ts), with every secret masked. Only a passing answer is kept: a failed one
// would replace a good sample (perhaps made by hand) with an error body. The editor's client writes
// the text the server makes here (validationSample), after checking that nothing on the way is a link.
import { sampleResponseFile } from '../engine/pointers/sampleResponses';
import type { SecretMasker } from './secretMasker';

export const VALIDATION_SAMPLE_NAME = 'validationRequest';

export interface SampleFile {
  /** Relative to the manifest's folder, `/`-separated. */
  readonly path: string;
  readonly text: string;
}

/**
 * The sample file for a passing validation answer's JSON body: where it goes and what it holds, secrets
 * masked; undefined when the service's words are withheld (a secret too short to mask).
 */
export function validationSample(body: unknown, masker: SecretMasker): SampleFile | undefined {
  if (masker.withhold) return undefined;
  return { path: sampleResponseFile(VALIDATION_SAMPLE_NAME), text: JSON.stringify(masker.maskJson(body), null, 2) + '\n' };
}
