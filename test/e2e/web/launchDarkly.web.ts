// LaunchDarkly's API from the browser: sign-in (the token checked, then kept in the browser's secret
// storage), the store configurations view and a create, through fetch to the API stand-in, which
// answers browsers as LaunchDarkly does (preflight, allowed origin). Sends nothing to a partner.
import * as vscode from 'vscode';
import { LAUNCHDARKLY_COMMANDS as COMMANDS } from '../../../server/src/protocol';
import { activatedExtension, check, fixtureUri, manifestDocument, openFixture } from '../suite/editorHelpers';
import { readServers } from './readServers';
import { LAUNCHDARKLY_TOKEN } from './serverAddresses';

const MANIFEST = 'integrations/acme-store/manifest.json';

interface Shown {
  readonly item: vscode.TreeItem;
}

const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

async function view(): Promise<string[]> {
  const shown = await vscode.commands.executeCommand<Shown[]>(COMMANDS.refresh, { uri: fixtureUri(MANIFEST).toString() });
  check(Array.isArray(shown), 'the refresh command returned no items');
  return shown.map((s) => labelOf(s.item));
}

/** Called once mocha's browser build is set up (it defines describe and it). */
export function defineLaunchDarklyTests(): void {
  describe("LaunchDarkly's API from the browser", () => {
    let baseUri: string;

    before(async () => {
      baseUri = (await readServers()).launchDarkly;
      await activatedExtension();
      await openFixture(MANIFEST);
      await manifestDocument(fixtureUri(MANIFEST));
    });

    after(async () => {
      await vscode.commands.executeCommand(COMMANDS.signOut);
    });

    it('keeps no token LaunchDarkly refuses, and signs in with one it accepts', async () => {
      const refused = await vscode.commands.executeCommand<boolean>(COMMANDS.signIn, { token: 'api-web-e2e-unknown-token-000', baseUri });
      check(refused === false, 'a refused token was kept');
      const before = await view();
      check(/^Not signed in to LaunchDarkly/.test(before[0] ?? ''), `not signed in: ${before.join(' | ')}`);
      const signedIn = await vscode.commands.executeCommand<boolean>(COMMANDS.signIn, { token: LAUNCHDARKLY_TOKEN, baseUri });
      check(signedIn === true, 'the token LaunchDarkly accepts was not kept');
    });

    it('lists the configurations, creates one, and shows it', async () => {
      const empty = await view();
      check(/^No configurations of 'acme-store' yet/.test(empty[0] ?? ''), `no configuration yet: ${empty.join(' | ')}`);
      const id = await vscode.commands.executeCommand<string | undefined>(COMMANDS.create, {
        uri: fixtureUri(MANIFEST).toString(),
        projectKey: 'default',
        environmentKey: 'production',
        values: { baseUrl: 'https://acme.example.com', apiToken: 'acme-web-e2e-secret-value' },
        name: 'Acme from the browser',
        on: true,
      });
      check(typeof id === 'string' && id !== '', 'create returned no id');
      const shown = await view();
      check(shown.some((label) => label.includes('Acme from the browser')), `the new configuration is shown: ${shown.join(' | ')}`);
    });
  });
}
