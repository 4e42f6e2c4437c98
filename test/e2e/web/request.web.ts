// The validation request from the browser: fetch sends it for real to a stand-in endpoint on
// 127.0.0.1 (servers.ts, started by scripts/vscode-env/run-web-tests.sh, its address written into the
// workspace as .e2e/endpoints.json). One path allows cross-origin requests and passes; the other does not, and
// the browser refuses to show its answer: the result says it is the browser and offers Copy as curl.
import * as vscode from 'vscode';
import { activatedExtension, check, fixtureUri } from '../suite/editorHelpers';
import { readServers } from './readServers';
import type { WebTestServers } from './serverAddresses';

const MANIFEST = 'integrations/acme-store/manifest.json';
const TOKEN = 'e2e-browser-token-4f1c9a';


interface TestResult {
  readonly sent: boolean;
  readonly passed: boolean;
  readonly verdict?: { readonly kind: string; readonly summary: string };
  readonly report: string;
  readonly advice?: string;
}

/** Called once mocha's browser build is set up (it defines describe and it). */
export function defineRequestTests(): void {
  describe('the validation request from the browser', () => {
    let endpoints: WebTestServers;

    before(async () => {
      await activatedExtension();
      endpoints = await readServers();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri(MANIFEST)));
    });

    const test = (baseUrl: string) =>
      vscode.commands.executeCommand<TestResult>('ldManifest.request.testValidation', { uri: fixtureUri(MANIFEST).toString(), values: { baseUrl, apiToken: TOKEN } });

    it('is sent with fetch and passes where the service allows cross-origin requests', async () => {
      const result = await test(endpoints.cors);
      check(result.sent && result.passed, `passed: ${result.report}`);
      check(!result.report.includes(TOKEN), 'the token is masked in the report');
    });

    it('says it is the browser, and offers curl, where the service does not allow them', async () => {
      const result = await test(endpoints.noCors);
      check(result.sent && !result.passed, `not passed: ${result.report}`);
      check(result.verdict?.kind === 'network-error', `a network error: ${result.verdict?.kind}`);
      check(/CORS/.test(result.report), `the report names CORS: ${result.report}`);
      check(/browser/.test(result.advice ?? '') && /curl/.test(result.advice ?? ''), `the advice names the browser and curl: ${result.advice}`);
      check(!result.report.includes(TOKEN), 'the token is masked in the report');
    });
  });
}
