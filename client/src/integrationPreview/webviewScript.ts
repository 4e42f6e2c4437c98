// The preview webview's script: it turns clicks and keys into messages for the extension (jump to the
// manifest, a toggled value, a picked sample event, copy for a pull request) and swaps the page's
// `<main>` when the language server sends a new rendering, keeping focus, the caret and the scroll. It
// never parses the manifest and never builds markup: the body comes escaped from the server.
//
// It is written here, type-checked with the rest of the client, and inlined into the page as the text
// of `webviewMain` (CSP: only this nonce'd script runs). So `webviewMain` must stand alone: no reference
// to anything outside its own body but the webview's globals.
import type { PreviewMessage } from './messages';

/** The script's text for `<script nonce>`: the function below, called. */
export const WEBVIEW_SCRIPT = `(${webviewMain.toString()})();`;

/** What the script uses of the DOM, typed here: the client is compiled without the DOM library. */
interface PreviewElement {
  readonly tagName: string;
  readonly id: string;
  value: string;
  checked: boolean;
  selectionStart?: number | null;
  selectionEnd?: number | null;
  innerHTML: string;
  readonly type?: string;
  closest(selector: string): PreviewElement | null;
  matches(selector: string): boolean;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): ArrayLike<PreviewElement>;
  focus(options?: { preventScroll?: boolean }): void;
  setSelectionRange?(start: number, end: number): void;
}

interface PreviewEvent {
  readonly target: PreviewElement | null;
  readonly key?: string;
  readonly data?: unknown;
  preventDefault(): void;
}

interface WebviewGlobals {
  acquireVsCodeApi(): { postMessage(message: PreviewMessage): void };
  readonly document: {
    readonly activeElement: PreviewElement | null;
    getElementById(id: string): PreviewElement | null;
    addEventListener(type: string, listener: (event: PreviewEvent) => void): void;
  };
  addEventListener(type: string, listener: (event: PreviewEvent) => void): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number | undefined): void;
}

function webviewMain(): void {
  const page = globalThis as unknown as WebviewGlobals;
  const vscode = page.acquireVsCodeApi();
  const root = page.document.getElementById('ld-integration-preview');
  if (!root) return;
  const post = (message: PreviewMessage) => vscode.postMessage(message);
  /** Controls are found by their form and key, compared as text: no selector is built from manifest data. */
  const sameField = (a: PreviewElement, b: PreviewElement) =>
    a.getAttribute('data-form') === b.getAttribute('data-form') && a.getAttribute('data-key') === b.getAttribute('data-key') && a.getAttribute('data-multi') === b.getAttribute('data-multi');
  const fieldValue = (control: PreviewElement): string | boolean | string[] => {
    if (control.getAttribute('data-multi') !== null) {
      const chosen: string[] = [];
      const boxes = root.querySelectorAll('input[data-multi]');
      for (let i = 0; i < boxes.length; i++) {
        const box = boxes[i]!;
        if (box.checked && box.getAttribute('data-form') === control.getAttribute('data-form') && box.getAttribute('data-key') === control.getAttribute('data-key')) chosen.push(box.getAttribute('data-multi') ?? '');
      }
      return chosen;
    }
    return control.type === 'checkbox' ? control.checked : control.value;
  };
  const sendValue = (control: PreviewElement) =>
    post({ type: 'value', form: control.getAttribute('data-form') ?? '', key: control.getAttribute('data-key') ?? '', value: fieldValue(control) });

  page.addEventListener('message', (event) => {
    const message = event.data as { type?: unknown; body?: unknown; version?: unknown } | null;
    if (message?.type !== 'update' || typeof message.body !== 'string') return;
    const focused = page.document.activeElement;
    const wasField = focused !== null && focused.getAttribute('data-key') !== null ? focused : undefined;
    const selection = wasField ? [wasField.selectionStart, wasField.selectionEnd] : undefined;
    const focusedId = focused?.id;
    root.innerHTML = message.body;
    root.setAttribute('data-version', String(message.version));
    // The same control again (by form and key, or by id), with the caret where it was.
    let again: PreviewElement | undefined;
    if (wasField) {
      const controls = root.querySelectorAll('[data-key]');
      for (let i = 0; i < controls.length && !again; i++) if (sameField(controls[i]!, wasField)) again = controls[i];
    } else if (focusedId) again = page.document.getElementById(focusedId) ?? undefined;
    if (again) {
      again.focus({ preventScroll: true });
      if (selection && typeof selection[0] === 'number' && typeof selection[1] === 'number' && again.setSelectionRange) again.setSelectionRange(selection[0], selection[1]);
    }
  });

  page.document.addEventListener('click', (event) => {
    const target = event.target;
    if (!target || typeof target.closest !== 'function') return;
    const action = target.closest('[data-action]');
    if (action?.getAttribute('data-action') === 'copy') return post({ type: 'copy' });
    // Controls and links do what they do; everything else placed in the manifest jumps there.
    if (target.closest('input, select, textarea, button, a')) return;
    const located = target.closest('[data-range]');
    const range = located?.getAttribute('data-range');
    if (range) post({ type: 'reveal', range });
  });

  page.document.addEventListener('keydown', (event) => {
    const target = event.target;
    if ((event.key !== 'Enter' && event.key !== ' ') || !target || typeof target.matches !== 'function' || !target.matches('[data-range][tabindex]')) return;
    event.preventDefault();
    const range = target.getAttribute('data-range');
    if (range) post({ type: 'reveal', range });
  });

  page.document.addEventListener('change', (event) => {
    const target = event.target;
    if (!target || typeof target.matches !== 'function') return;
    if (target.matches('[data-event-picker]')) post({ type: 'event', event: target.value });
    else if (target.matches('[data-form][data-key]')) sendValue(target);
  });

  // Typing in a text field applies dependsOn once the typing pauses.
  let typing: number | undefined;
  page.document.addEventListener('input', (event) => {
    const target = event.target;
    if (!target || typeof target.matches !== 'function' || !target.matches('input[data-key]:not([type=checkbox]), textarea[data-key]')) return;
    page.clearTimeout(typing);
    typing = page.setTimeout(() => sendValue(target), 250);
  });

  post({ type: 'ready' });
}
