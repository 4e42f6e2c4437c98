// The client side of the preview that needs no VS Code: the webview's messages read as input (what is
// malformed is dropped), ranges parsed, and the webview script itself, run against a small stand-in of
// the page: it says it is ready, turns clicks, Enter, changes and typing into messages, and swaps the
// page's content on an update.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRange, readMessage } from '../../client/src/integrationPreview/messages';
import { WEBVIEW_SCRIPT } from '../../client/src/integrationPreview/webviewScript';

test('messages from the webview: the well-formed ones, nothing else', () => {
  assert.deepEqual(readMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(readMessage({ type: 'copy', extra: 1 }), { type: 'copy' });
  assert.deepEqual(readMessage({ type: 'reveal', range: '1,2,3,4' }), { type: 'reveal', range: '1,2,3,4' });
  assert.deepEqual(readMessage({ type: 'event', event: '' }), { type: 'event', event: '' });
  assert.deepEqual(readMessage({ type: 'value', form: 'formVariables', key: 'a', value: ['x', 'y'] }), { type: 'value', form: 'formVariables', key: 'a', value: ['x', 'y'] });
  assert.deepEqual(readMessage({ type: 'value', form: 'formVariables', key: 'a', value: true }), { type: 'value', form: 'formVariables', key: 'a', value: true });
  for (const bad of [null, 'ready', [], { type: 'reveal' }, { type: 'reveal', range: 7 }, { type: 'value', form: 'f', key: 'k', value: { x: 1 } }, { type: 'value', form: 'f', key: 'k', value: [1] }, { type: 'value', form: 'f', value: 'v' }, { type: 'value', form: 'f', key: 'k', value: 'x'.repeat(10_001) }, { type: 'eval', code: 'x' }]) {
    assert.equal(readMessage(bad), undefined, JSON.stringify(bad)?.slice(0, 60));
  }
});

test('ranges: four non-negative integers, or nothing', () => {
  assert.deepEqual(parseRange('3,4,5,6'), { start: { line: 3, character: 4 }, end: { line: 5, character: 6 } });
  for (const bad of ['', '1,2,3', '1,2,3,4,5', '1,-2,3,4', '1.5,2,3,4', 'a,b,c,d', '1,2,3,Infinity']) assert.equal(parseRange(bad), undefined, bad);
});

/** An element of the stand-in page: what `closest` and `matches` answer is given per selector. */
class FakeElement {
  tagName = 'DIV';
  id = '';
  value = '';
  checked = false;
  type?: string;
  innerHTML = '';
  readonly attributes = new Map<string, string>();
  focused = false;
  constructor(
    attributes: Record<string, string> = {},
    readonly matching: readonly string[] = [],
    readonly ancestors: Readonly<Record<string, FakeElement>> = {},
  ) {
    for (const [name, value] of Object.entries(attributes)) this.attributes.set(name, value);
  }
  closest(selector: string): FakeElement | null {
    return this.matching.includes(selector) ? this : (this.ancestors[selector] ?? null);
  }
  matches(selector: string): boolean {
    return this.matching.includes(selector);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  querySelectorAll(): FakeElement[] {
    return [];
  }
  focus(): void {
    this.focused = true;
  }
}

function runScript() {
  const posted: unknown[] = [];
  const listeners = new Map<string, (event: unknown) => void>();
  const timers: (() => void)[] = [];
  const root = new FakeElement();
  const page = {
    acquireVsCodeApi: () => ({ postMessage: (message: unknown) => posted.push(message) }),
    document: {
      activeElement: null,
      getElementById: (id: string) => (id === 'ld-integration-preview' ? root : null),
      addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(`document:${type}`, listener),
    },
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(`window:${type}`, listener),
    setTimeout: (callback: () => void) => timers.push(callback),
    clearTimeout: () => {},
  };
  // The script reads the page through `globalThis`: here, the stand-in.
  new Function('globalThis', WEBVIEW_SCRIPT)(page);
  const fire = (name: string, event: Record<string, unknown>) => {
    let prevented = false;
    listeners.get(name)!({ preventDefault: () => (prevented = true), ...event });
    return prevented;
  };
  return { posted, root, fire, timers };
}

test('the webview script: ready, jumps on a click or Enter, not from controls; values, events and copy', () => {
  const { posted, fire, timers } = runScript();
  assert.deepEqual(posted.splice(0), [{ type: 'ready' }]);

  const field = new FakeElement({ 'data-range': '4,2,9,3' }, ['[data-range]', '[data-range][tabindex]']);
  fire('document:click', { target: new FakeElement({}, [], { '[data-range]': field }) });
  assert.deepEqual(posted.splice(0), [{ type: 'reveal', range: '4,2,9,3' }]);
  fire('document:click', { target: new FakeElement({}, ['input, select, textarea, button, a'], { '[data-range]': field }) });
  assert.deepEqual(posted.splice(0), [], 'a click on a control does not jump');
  assert.equal(fire('document:keydown', { key: 'Enter', target: field }), true);
  fire('document:keydown', { key: 'a', target: field });
  assert.deepEqual(posted.splice(0), [{ type: 'reveal', range: '4,2,9,3' }]);

  const copy = new FakeElement({ 'data-action': 'copy' }, ['[data-action]']);
  fire('document:click', { target: copy });
  assert.deepEqual(posted.splice(0), [{ type: 'copy' }]);

  const picker = new FakeElement({ 'data-event-picker': 'auditLogEventsHook' }, ['[data-event-picker]']);
  picker.value = 'member';
  fire('document:change', { target: picker });
  const box = new FakeElement({ 'data-form': 'formVariables', 'data-key': 'useProxy' }, ['[data-form][data-key]']);
  box.type = 'checkbox';
  box.checked = true;
  fire('document:change', { target: box });
  assert.deepEqual(posted.splice(0), [
    { type: 'event', event: 'member' },
    { type: 'value', form: 'formVariables', key: 'useProxy', value: true },
  ]);

  const input = new FakeElement({ 'data-form': 'formVariables', 'data-key': 'host' }, ['input[data-key]:not([type=checkbox]), textarea[data-key]', '[data-form][data-key]']);
  input.value = 'proxy.example';
  fire('document:input', { target: input });
  assert.deepEqual(posted.splice(0), [], 'typing waits for a pause');
  timers.splice(0).forEach((run) => run());
  assert.deepEqual(posted.splice(0), [{ type: 'value', form: 'formVariables', key: 'host', value: 'proxy.example' }]);
});

test('the webview script swaps the content on an update, and ignores other messages', () => {
  const { root, fire } = runScript();
  fire('window:message', { data: { type: 'update', body: '<p>new</p>', version: 7 } });
  assert.equal(root.innerHTML, '<p>new</p>');
  assert.equal(root.getAttribute('data-version'), '7');
  fire('window:message', { data: { type: 'update', body: 42 } });
  fire('window:message', { data: { type: 'other', body: '<p>x</p>' } });
  fire('window:message', { data: null });
  assert.equal(root.innerHTML, '<p>new</p>');
});
