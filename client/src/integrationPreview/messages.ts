// The messages the preview webview sends the extension, and the check that one is well-formed: the
// webview is a page, so what it posts is read like any input.

export type PreviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'copy' }
  /** `line,character,line,character` of the element clicked. */
  | { readonly type: 'reveal'; readonly range: string }
  | { readonly type: 'value'; readonly form: string; readonly key: string; readonly value: string | boolean | readonly string[] }
  /** A sample event for audit-log templates; '' for each template's own. */
  | { readonly type: 'event'; readonly event: string };

/** The most characters a posted text may have (a typed value, a range). */
const MAX_TEXT = 10_000;
/** The most options a multiselect's posted value may list. */
const MAX_CHOSEN = 100;

export function readMessage(data: unknown): PreviewMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  const text = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;
  switch (message.type) {
    case 'ready':
    case 'copy':
      return { type: message.type };
    case 'reveal':
      return text(message.range) ? { type: 'reveal', range: message.range } : undefined;
    case 'event':
      return text(message.event) ? { type: 'event', event: message.event } : undefined;
    case 'value': {
      const value = message.value;
      const valid = typeof value === 'boolean' || text(value) || (Array.isArray(value) && value.length <= MAX_CHOSEN && value.every(text));
      return text(message.form) && text(message.key) && valid ? { type: 'value', form: message.form, key: message.key, value: value as string | boolean | string[] } : undefined;
    }
    default:
      return undefined;
  }
}

/** A `data-range` attribute as numbers, or undefined when it is not four non-negative integers. */
export function parseRange(range: string): { start: { line: number; character: number }; end: { line: number; character: number } } | undefined {
  const parts = range.split(',').map(Number);
  if (parts.length !== 4 || !parts.every((n) => Number.isInteger(n) && n >= 0)) return undefined;
  const [startLine, startCharacter, endLine, endCharacter] = parts as [number, number, number, number];
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}
