// Command ids (as contributed in package.json) and the argument every request command accepts.
import type { RequestKind } from '../../../server/src/request/requestSpec';

export const COMMANDS = {
  testValidation: 'ldManifest.request.testValidation',
  testFeatureStore: 'ldManifest.request.testFeatureStore',
  preview: 'ldManifest.request.preview',
  copyCurl: 'ldManifest.request.copyCurl',
  forgetValues: 'ldManifest.request.forgetValues',
} as const;

/**
 * Optional argument of every request command (code lenses pass `uri` and `kind`). `values` is the
 * test injection point: when given, nothing is asked and nothing is remembered; `confirmWrite`
 * answers the feature store request's modal confirmation.
 */
export interface RequestCommandArgs {
  readonly uri?: string;
  readonly kind?: RequestKind;
  readonly values?: Readonly<Record<string, string>>;
  readonly confirmWrite?: boolean;
}

/** What the test commands resolve to (for tests and other extensions). */
export interface RequestCommandResult {
  readonly sent: boolean;
  readonly passed: boolean;
  readonly verdict?: { readonly kind: string; readonly summary: string };
  /** The report written to the output channel, secrets masked; or why nothing was sent. */
  readonly report: string;
  /** Relative to the manifest's folder, when the answer was saved as the sample response. */
  readonly samplePath?: string;
}
