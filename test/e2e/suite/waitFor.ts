// Waiting without fixed sleeps: an event or a poll with a deadline. Free of Node modules, so the
// browser suite (test/e2e/web/) waits the same way as the desktop one.
import * as vscode from 'vscode';

/** Resolves with probe()'s first truthy result; probes now, on every given event, and every pollMs. */
export function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: { events?: vscode.Event<unknown>[]; timeoutMs?: number; pollMs?: number } = {},
): Promise<T> {
  const { events = [], timeoutMs = 20_000, pollMs = 250 } = options;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let lastError: unknown;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (result: { value: T } | { error: Error }) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearInterval(poller);
      subscriptions.forEach((s) => s.dispose());
      if ('value' in result) resolve(result.value);
      else reject(result.error);
    };
    const check = async () => {
      if (settled) return;
      try {
        const value = await probe();
        if (value) finish({ value });
      } catch (error) {
        lastError = error;
      }
    };
    const deadline = setTimeout(() => {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      finish({ error: new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`) });
    }, timeoutMs);
    const poller = setInterval(() => void check(), pollMs);
    for (const event of events) subscriptions.push(event(() => void check()));
    void check();
  });
}
