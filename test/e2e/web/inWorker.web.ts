// First, and failing unless it holds: these tests run in the browser's web worker extension host
// (vscode.dev's), against the browser entry of the installed package, not in Node.
import * as vscode from 'vscode';
import { activatedExtension, check } from '../suite/editorHelpers';

declare const WorkerGlobalScope: unknown;

/** Called once mocha's browser build is set up (it defines describe and it). */
export function defineWorkerTests(): void {
  describe('where the browser suite runs', () => {
    it('runs in a web worker extension host, with the extension on its browser entry', async () => {
      check(typeof WorkerGlobalScope !== 'undefined', 'not in a web worker: the extension host fell back to Node');
      check(typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== 'string', 'Node is present');
      check(vscode.env.uiKind === vscode.UIKind.Web, 'the UI is not the web UI');
      const extension = await activatedExtension();
      const api = extension.exports;
      check(api.platform === 'browser', `the extension runs its ${api.platform} entry`);
    });
  });
}
