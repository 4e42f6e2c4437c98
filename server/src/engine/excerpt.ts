// Messages quote what the author wrote, but never all of it: a key or a value can be a megabyte.

/** The most characters of a value a message quotes. */
export const MAX_EXCERPT = 60;

/** `text` as a message quotes it: cut to MAX_EXCERPT characters (not inside a surrogate pair) with an ellipsis. */
export function excerpt(text: string, max = MAX_EXCERPT): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
