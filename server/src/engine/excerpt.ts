// Messages quote what the author wrote, but never all of it: a key or a value can be a megabyte. And
// never a control character raw: a message reaches terminals (the CLI) and an ESC sequence in a
// manifest's string must show as text, not act.

/** The most characters of a value a message quotes. */
export const MAX_EXCERPT = 60;

/** `text` as a message quotes it: cut to MAX_EXCERPT characters (not inside a surrogate pair) with an ellipsis. */
export function excerpt(text: string, max = MAX_EXCERPT): string {
  if (text.length <= max) return visible(text);
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${visible(text.slice(0, end))}…`;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- the same, sparing tab and line feed
const CONTROLS_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Control characters (C0, DEL, C1) and bidirectional overrides as `\uXXXX`; with `keepLayout`, tabs
 * and line feeds stay (a multi-line report).
 */
export function visible(text: string, keepLayout = false): string {
  return text.replace(keepLayout ? CONTROLS_BUT_LAYOUT : CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
