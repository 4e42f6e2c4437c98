// The bridge between a JSON string's value (a template, a pointer) and the document: every decoded
// UTF-16 unit knows the document offset where its raw representation starts, so that a reference
// inside `"Bearer \"{{apiTokn}}\""` or after a `\u00e9` still underlines exactly the right text.
import { countWork } from './workMeter';

export interface DecodedString {
  /** The string's value, as JSON.parse would return it. */
  readonly value: string;
  /**
   * `offsets[i]` is the document offset where decoded unit `i` starts; `offsets[value.length]` is the
   * offset of the closing quote (or the token's end when the string is unterminated).
   */
  readonly offsets: readonly number[];
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes a raw JSON string token (quotes included) that starts at `tokenOffset` in the document. */
export function decodeJsonString(raw: string, tokenOffset: number): DecodedString {
  countWork(raw.length);
  let value = '';
  const offsets: number[] = [];
  const end = raw.length > 1 && raw.endsWith('"') && !endsWithEscapedQuote(raw) ? raw.length - 1 : raw.length;
  let i = raw.startsWith('"') ? 1 : 0;
  while (i < end) {
    const ch = raw[i];
    if (ch !== '\\' || i + 1 >= end) {
      offsets.push(tokenOffset + i);
      value += ch;
      i += 1;
      continue;
    }
    const escape = raw[i + 1];
    const hex = raw.slice(i + 2, i + 6);
    if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
      // A surrogate pair written as two escapes yields two units, each mapped to its own escape.
      offsets.push(tokenOffset + i);
      value += String.fromCharCode(parseInt(hex, 16));
      i += 6;
    } else {
      offsets.push(tokenOffset + i);
      value += SIMPLE_ESCAPES[escape] ?? escape;
      i += 2;
    }
  }
  offsets.push(tokenOffset + end);
  return { value, offsets };
}

function endsWithEscapedQuote(raw: string): boolean {
  // `"abc\"` is unterminated: count the backslashes before the final quote.
  let backslashes = 0;
  for (let i = raw.length - 2; i >= 1 && raw[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** Document offsets of the decoded range [start, end). */
export function documentSpan(decoded: DecodedString, start: number, end: number): { start: number; end: number } {
  const clamp = (i: number) => decoded.offsets[Math.max(0, Math.min(i, decoded.offsets.length - 1))];
  return { start: clamp(start), end: clamp(end) };
}

/** The decoded index at a document offset (the unit whose raw text contains it), or undefined outside. */
export function decodedIndexAt(decoded: DecodedString, offset: number): number | undefined {
  const { offsets } = decoded;
  if (offset < offsets[0] || offset > offsets[offsets.length - 1]) return undefined;
  // Binary search for the last unit starting at or before `offset`.
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** `text` as it must be written between the quotes of a JSON string. */
export function jsonStringContent(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
