// Descriptions are Markdown in LaunchDarkly's forms; what authors use of it is links, `[text](url)`.
// This splits a description into text and links in one linear scan (no regular expression that could
// backtrack on a long description): the link's text runs from the last `[` before a `](`, its URL to
// the next `)`, which is looked up once and reused. Only http(s) and mailto URLs become links; any
// other (javascript:, data:, a relative path) stays text, as written.
import type { TextPart } from './model';

/** The most characters of a description the preview reads; a real one has at most 250. */
export const MAX_DESCRIPTION = 4000;

export function markdownParts(markdown: string): TextPart[] {
  const text = markdown.length > MAX_DESCRIPTION ? `${markdown.slice(0, MAX_DESCRIPTION)}…` : markdown;
  const parts: TextPart[] = [];
  let consumed = 0;
  let lastOpen = -1;
  let nextClose = -1;
  let nextSpace = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b /* [ */) lastOpen = i;
    if (c !== 0x5d /* ] */ || text.charCodeAt(i + 1) !== 0x28 /* ( */ || lastOpen < consumed) continue;
    if (nextClose <= i + 1) nextClose = text.indexOf(')', i + 2);
    if (nextClose < 0) break; // no `)` left: no link can close
    if (nextSpace <= i + 1) nextSpace = whitespaceFrom(text, i + 2);
    // A URL is not empty and has no whitespace (both positions are found once and reused: linear).
    if (nextClose === i + 2 || nextSpace < nextClose) continue;
    const url = text.slice(i + 2, nextClose);
    if (lastOpen > consumed) parts.push({ text: text.slice(consumed, lastOpen) });
    const label = text.slice(lastOpen + 1, i);
    parts.push(isLinkable(url) ? { text: label || url, href: url } : { text: label || url });
    consumed = nextClose + 1;
    i = nextClose;
  }
  if (consumed < text.length) parts.push({ text: text.slice(consumed) });
  return mergeText(parts);
}

/** The index of the first whitespace at or after `from`, or the text's length. */
function whitespaceFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x2028 || c === 0x2029) return i;
  }
  return text.length;
}

/** A URL a page may link to: http, https or mailto, and nothing that could run. */
export function isLinkable(url: string): boolean {
  const lower = url.toLowerCase();
  return lower.startsWith('https://') || lower.startsWith('http://') || lower.startsWith('mailto:');
}

function mergeText(parts: TextPart[]): TextPart[] {
  const merged: TextPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && !('href' in last) && !('href' in part)) merged[merged.length - 1] = { text: last.text + part.text };
    else merged.push(part);
  }
  return merged;
}
