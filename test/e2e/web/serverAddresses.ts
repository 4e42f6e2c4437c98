// What the browser suite's servers (servers.ts, in Node) tell the tests (in the browser), through
// the workspace file .e2e/endpoints.json.

export interface WebTestServers {
  /** A validation endpoint's base URL that allows cross-origin requests. */
  readonly cors: string;
  /** The same endpoint without: a browser refuses to show its answers. */
  readonly noCors: string;
  /** LaunchDarkly's API stand-in, answering browsers as LaunchDarkly does. */
  readonly launchDarkly: string;
}

/** The writer token the stand-in accepts. */
export const LAUNCHDARKLY_TOKEN = 'api-web-e2e-0123456789abcdef';
