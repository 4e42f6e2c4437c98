// Command ids (as contributed in package.json) and the argument every request command accepts come
// from the protocol module the server's code lenses use too; what the test commands resolve to is the
// client's own.
export { COMMANDS, type RequestCommandArgs } from '../../../server/src/protocol';

/** What the test commands resolve to (for tests and other extensions). */
export interface RequestCommandResult {
  readonly sent: boolean;
  readonly passed: boolean;
  readonly verdict?: { readonly kind: string; readonly summary: string };
  /** The report written to the output channel, secrets masked; or why nothing was sent. */
  readonly report: string;
  /** Relative to the manifest's folder, when the answer was saved as the sample response. */
  readonly samplePath?: string;
  /** What the platform adds when the request did not reach the service (in a browser: CORS). */
  readonly advice?: string;
}
