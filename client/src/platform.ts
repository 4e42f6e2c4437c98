// What differs between the two extension hosts the one extension runs in: the desktop's Node host
// (a server process, Node's http/https, files by path) and the browser's web worker host of
// vscode.dev and github.dev (a server worker, fetch, files only through vscode.workspace.fs). Every
// feature is written once against this; desktop/ and browser/ each give one.
import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { Send, SendOutcome } from '../../server/src/request/sendTypes';

export interface ClientPlatform {
  readonly name: 'desktop' | 'browser';
  /** Makes (does not start) the client of a language server: a Node process, or a web worker. */
  createLanguageClient(context: vscode.ExtensionContext, options: LanguageClientOptions): Promise<BaseLanguageClient>;
  /** Sends a rendered request (a test request, a LaunchDarkly API call). */
  readonly send: Send;
  /**
   * The PEM text of `ldManifest.request.caFile`, undefined when none is set; throws with a message
   * naming the file when it cannot be used.
   */
  readExtraCa(scope: vscode.Uri): Promise<string | undefined>;
  /**
   * What to add when a request did not reach the service, or undefined: in a browser a refused
   * cross-origin request looks like any network failure, and the way out is to run it elsewhere.
   */
  networkAdvice(outcome: SendOutcome): string | undefined;
}
