// A parser for strict JSON that builds the same tree as jsonc-parser's `parseTree` (same node shapes,
// offsets, lengths, parents, colon offsets), several times faster, because it does one thing: it gives
// up (returns undefined) at the first character strict JSON does not allow, and the caller parses the
// text again with jsonc-parser, which recovers from errors and reports them. Most documents, most of
// the time, are valid JSON; a document being typed falls back for as long as it is broken.
// Iterative, so that no input can exhaust the stack.
import type { Node } from 'jsonc-parser';

const enum Char {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Plus = 0x2b,
  Comma = 0x2c,
  Minus = 0x2d,
  Dot = 0x2e,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a,
  UpperE = 0x45,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  LowerE = 0x65,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

type MutableNode = { -readonly [K in keyof Node]: Node[K] } & { children?: MutableNode[]; parent?: MutableNode };

class NotStrict extends Error {}

const KEYWORDS: readonly [string, boolean | null][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/** The tree of `text` from `start` (after a byte order mark), or undefined when it is not strict JSON. */
export function parseStrictTree(text: string, start = 0): Node | undefined {
  try {
    return parse(text, start);
  } catch (error) {
    if (error instanceof NotStrict) return undefined;
    throw error;
  }
}

function parse(text: string, start: number): Node | undefined {
  const length = text.length;
  let i = start;
  const fail = (): never => {
    throw new NotStrict();
  };
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab) i++;
      else return;
    }
  };
  /** A string token at `i`: its decoded value; `i` moves past the closing quote. */
  const readString = (): string => {
    const open = i;
    let escaped = false;
    for (i++; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === Char.Quote) break;
      if (c < Char.Space) fail();
      if (c === Char.Backslash) {
        escaped = true;
        i++;
      }
    }
    if (i >= length) fail();
    i++;
    if (!escaped) return text.slice(open + 1, i - 1);
    // Escapes are rare in manifests: let the platform decode (and validate) them.
    try {
      return JSON.parse(text.slice(open, i)) as string;
    } catch {
      return fail();
    }
  };
  const digits = () => {
    const from = i;
    while (i < length && text.charCodeAt(i) >= Char.Zero && text.charCodeAt(i) <= Char.Nine) i++;
    if (i === from) fail();
  };
  const readNumber = (): number => {
    const from = i;
    if (text.charCodeAt(i) === Char.Minus) i++;
    if (text.charCodeAt(i) === Char.Zero) i++;
    else digits();
    if (text.charCodeAt(i) === Char.Dot) {
      i++;
      digits();
    }
    const e = text.charCodeAt(i);
    if (e === Char.LowerE || e === Char.UpperE) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === Char.Plus || sign === Char.Minus) i++;
      digits();
    }
    return Number(text.slice(from, i));
  };

  const readKeyword = (): boolean | null => {
    for (const [word, value] of KEYWORDS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail();
  };

  // The artificial root of jsonc-parser: an array holding the one value.
  const top: MutableNode = { type: 'array', offset: -1, length: -1, children: [] };
  /** Open containers and properties, innermost last. */
  const stack: MutableNode[] = [top];
  skipSpace();

  for (;;) {
    // A value starts at `i`; its parent is the innermost open array or property.
    const parent = stack[stack.length - 1];
    const c = text.charCodeAt(i);
    let finished: MutableNode | undefined;
    if (c === Char.OpenBrace || c === Char.OpenBracket) {
      const node: MutableNode = { type: c === Char.OpenBrace ? 'object' : 'array', offset: i, length: -1, parent, children: [] };
      parent.children!.push(node);
      i++;
      skipSpace();
      const close = c === Char.OpenBrace ? Char.CloseBrace : Char.CloseBracket;
      if (text.charCodeAt(i) === close) {
        i++;
        node.length = i - node.offset;
        finished = node;
      } else {
        stack.push(node);
        if (node.type === 'object') openProperty(node);
        continue;
      }
    } else {
      const offset = i;
      let value: string | number | boolean | null;
      if (c === Char.Quote) value = readString();
      else if (c === Char.Minus || (c >= Char.Zero && c <= Char.Nine)) value = readNumber();
      else value = readKeyword();
      const type = value === null ? 'null' : (typeof value as 'string' | 'number' | 'boolean');
      finished = { type, offset, length: i - offset, parent, value };
      parent.children!.push(finished);
    }

    // Close what the finished value completes, then find where the next value starts.
    for (;;) {
      const end = finished.offset + finished.length;
      const open = stack[stack.length - 1];
      if (open.type === 'property') {
        open.length = end - open.offset;
        stack.pop();
      }
      const container = stack[stack.length - 1];
      skipSpace();
      if (container === top) {
        if (i !== length) fail();
        const root = top.children![0];
        delete root.parent;
        return root;
      }
      const separator = text.charCodeAt(i);
      if (separator === Char.Comma) {
        i++;
        skipSpace();
        if (container.type === 'object') openProperty(container);
        break;
      }
      if (separator === (container.type === 'object' ? Char.CloseBrace : Char.CloseBracket)) {
        i++;
        container.length = i - container.offset;
        stack.pop();
        finished = container;
        continue;
      }
      return fail();
    }
  }

  /** A property of `object` whose key starts at `i`; leaves `i` at its value. */
  function openProperty(object: MutableNode): void {
    if (text.charCodeAt(i) !== Char.Quote) fail();
    const property: MutableNode = { type: 'property', offset: i, length: -1, parent: object, children: [] };
    const keyOffset = i;
    const key = readString();
    property.children!.push({ type: 'string', value: key, offset: keyOffset, length: i - keyOffset, parent: property });
    object.children!.push(property);
    skipSpace();
    if (text.charCodeAt(i) !== Char.Colon) fail();
    property.colonOffset = i;
    i++;
    skipSpace();
    stack.push(property);
  }
}
