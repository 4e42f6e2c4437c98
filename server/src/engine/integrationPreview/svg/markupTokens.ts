// A tokenizer for the XML of an SVG file: start tags with their attributes, end tags, text and CDATA;
// comments, processing instructions and DOCTYPEs (internal subsets and their entities included) are
// skipped. One forward pass: every search starts where the last one ended, so the work is linear in
// the input whatever it holds, and no regular expression runs on it. Malformed input is not repaired:
// a tag, comment or section that never closes ends the tokens there (what follows is dropped).

export interface Attribute {
  readonly name: string;
  /** As written, entities not decoded. */
  readonly raw: string;
}

export type MarkupToken =
  | { readonly kind: 'start'; readonly name: string; readonly attributes: readonly Attribute[]; readonly selfClosing: boolean }
  | { readonly kind: 'end'; readonly name: string }
  /** Character data as written (entities not decoded). */
  | { readonly kind: 'text'; readonly raw: string }
  /** The content of a CDATA section: literal text. */
  | { readonly kind: 'cdata'; readonly text: string };

/** Calls `visit` with each token in order; returns false when the input ended inside a construct. */
export function tokenizeMarkup(text: string, visit: (token: MarkupToken) => void): boolean {
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('<', i);
    if (open < 0) {
      visit({ kind: 'text', raw: text.slice(i) });
      return true;
    }
    if (open > i) visit({ kind: 'text', raw: text.slice(i, open) });
    const next = markupAt(text, open, visit);
    if (next < 0) return false;
    i = next;
  }
  return true;
}

/** Reads the construct at `<`; returns the index after it, or -1 when it never closes. */
function markupAt(text: string, open: number, visit: (token: MarkupToken) => void): number {
  if (text.startsWith('<!--', open)) return after(text, '-->', open + 4);
  if (text.startsWith('<![CDATA[', open)) {
    const close = text.indexOf(']]>', open + 9);
    if (close < 0) return -1;
    visit({ kind: 'cdata', text: text.slice(open + 9, close) });
    return close + 3;
  }
  if (text.startsWith('<!', open)) return afterDeclaration(text, open + 2);
  if (text.startsWith('<?', open)) return after(text, '?>', open + 2);
  if (text.startsWith('</', open)) {
    const close = text.indexOf('>', open + 2);
    if (close < 0) return -1;
    visit({ kind: 'end', name: text.slice(open + 2, close).trim() });
    return close + 1;
  }
  if (!isNameStart(text.charCodeAt(open + 1))) {
    // A `<` that starts no tag: text (an XML parser would refuse the file; the sanitiser drops it).
    visit({ kind: 'text', raw: '<' });
    return open + 1;
  }
  return startTag(text, open + 1, visit);
}

function startTag(text: string, from: number, visit: (token: MarkupToken) => void): number {
  let i = nameEnd(text, from);
  const name = text.slice(from, i);
  const attributes: Attribute[] = [];
  for (;;) {
    i = skipSpace(text, i);
    if (i >= text.length) return -1;
    const c = text.charCodeAt(i);
    if (c === 0x3e /* > */) {
      visit({ kind: 'start', name, attributes, selfClosing: false });
      return i + 1;
    }
    if (c === 0x2f /* / */) {
      if (text.charCodeAt(i + 1) === 0x3e) {
        visit({ kind: 'start', name, attributes, selfClosing: true });
        return i + 2;
      }
      i++;
      continue;
    }
    const nameStart = i;
    i = nameEnd(text, i);
    if (i === nameStart) {
      i++; // a stray character (a quote, an `=`): skipped, so that the loop always moves on
      continue;
    }
    const attributeName = text.slice(nameStart, i);
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== 0x3d /* = */) continue; // no value: not XML; dropped
    i = skipSpace(text, i + 1);
    const quote = text.charCodeAt(i);
    if (quote === 0x22 || quote === 0x27) {
      const close = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      attributes.push({ name: attributeName, raw: text.slice(i + 1, close) });
      i = close + 1;
    } else {
      const start = i;
      while (i < text.length && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3e) i++;
      attributes.push({ name: attributeName, raw: text.slice(start, i) });
    }
  }
}

/** After `<!DOCTYPE …>` or another declaration, whose internal subset `[…]` may hold `>` and quoted text. */
function afterDeclaration(text: string, from: number): number {
  let bracket = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const close = text.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === 0x5b /* [ */) bracket++;
    else if (c === 0x5d /* ] */) bracket = Math.max(0, bracket - 1);
    else if (c === 0x3e /* > */ && bracket === 0) return i + 1;
  }
  return -1;
}

function after(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at < 0 ? -1 : at + close.length;
}

function nameEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x3e || c === 0x2f || c === 0x3d || c === 0x22 || c === 0x27 || c === 0x3c) break;
    i++;
  }
  return i;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a || c > 0x7f;
}
