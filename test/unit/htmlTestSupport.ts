// HTML as a browser reads it, for the preview tests: parse5 (the WHATWG parsing algorithm), failing on
// any parse error, and the elements of the result with their attributes and text.
import assert from 'node:assert/strict';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

export interface ParsedElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** The text inside it. */
  readonly text: string;
}

/** The document's elements in document order; throws on any HTML parse error. */
export function parseHtml(html: string): ParsedElement[] {
  const errors: string[] = [];
  const document = parse(html, { onParseError: (error) => errors.push(`${error.code} at ${error.startLine}:${error.startCol}`) });
  assert.deepEqual(errors, [], 'HTML parse errors');
  const elements: ParsedElement[] = [];
  // An explicit stack: the page's nesting is shallow, but a test walks what it is given without recursion.
  const stack: Node[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('tagName' in node) elements.push({ name: node.tagName, attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])), text: textOf(node) });
    const children = 'childNodes' in node ? node.childNodes : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return elements;
}

function textOf(node: Node): string {
  let text = '';
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.nodeName === '#text' && 'value' in current) text += current.value;
    const children = 'childNodes' in current ? current.childNodes : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return text;
}

export function elementsOf(elements: readonly ParsedElement[], name?: string): ParsedElement[] {
  return name === undefined ? [...elements] : elements.filter((element) => element.name === name);
}
