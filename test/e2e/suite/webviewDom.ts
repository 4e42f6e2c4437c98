// Reaching into a webview's DOM from a test: the extension host cannot see it, so the Chromium driver
// (scripts/vscode-env/run-extension-tests.mjs) serves a bridge at LD_E2E_WEBVIEW_BRIDGE that evaluates,
// clicks, presses and selects in the frame holding an element, through Playwright (real input events).
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

export type WebviewCall =
  | { readonly action: 'evaluate'; readonly expression: string }
  | { readonly action: 'click'; readonly selector: string }
  | { readonly action: 'press'; readonly selector: string; readonly key: string }
  | { readonly action: 'select'; readonly selector: string; readonly value: string };

/** The bridge's address; a test that needs it skips where no bridge can be (the Electron runner), and fails under code-server. */
export function webviewBridge(context: Mocha.Context): string {
  const bridge = process.env.LD_E2E_WEBVIEW_BRIDGE;
  if (bridge) return bridge;
  if (vscode.env.uiKind === vscode.UIKind.Web) throw new Error('LD_E2E_WEBVIEW_BRIDGE is not set: run the suite through scripts/vscode-env/run-tests.sh');
  console.log('      (skipped: no webview bridge outside code-server; scripts/vscode-env/run-tests.sh has one)');
  context.skip();
}

/** Runs one call in the webview frame holding the element `#root`. */
export async function inWebview<T>(bridge: string, root: string, call: WebviewCall): Promise<T> {
  const response = await fetch(bridge, { method: 'POST', body: JSON.stringify({ root, ...call }) });
  const answer = (await response.json()) as { ok: boolean; result?: T; error?: string };
  if (!answer.ok) throw new Error(`in the webview: ${answer.error}`);
  return answer.result as T;
}

/** The expression's value in the webview once `accept` takes it (polled with a deadline: the webview renders asynchronously). */
export function webviewValue<T>(bridge: string, root: string, what: string, expression: string, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  return waitFor(
    what,
    async () => {
      const value = await inWebview<T>(bridge, root, { action: 'evaluate', expression });
      return accept(value) ? { value } : undefined;
    },
    { timeoutMs, pollMs: 200 },
  ).then(({ value }) => value);
}
