// Smart selection (expand/shrink selection), as VS Code's JSON does it: from the innermost node at
// the position outwards, offering each string, object and array first without its delimiters, and
// each property or array item also together with the comma that follows it.
import { createScanner, findNodeAtOffset, SyntaxKind, type Node } from 'jsonc-parser';
import type { Position, SelectionRange } from 'vscode-languageserver-types';
import { offsetAt, rangeOf, type ManifestDocument } from './manifestDocument';

interface Span {
  readonly start: number;
  readonly end: number;
}

const CLOSING_DELIMITER: Partial<Record<Node['type'], string>> = { string: '"', object: '}', array: ']' };

export function selectionRanges(doc: ManifestDocument, positions: Position[]): SelectionRange[] {
  return positions.map((position) => selectionRangeAt(doc, position));
}

function selectionRangeAt(doc: ManifestDocument, position: Position): SelectionRange {
  const offset = offsetAt(doc, position);
  // Including the right bound puts a caret just after a value (where typing ends) on that value.
  const innermost = doc.root && findNodeAtOffset(doc.root, offset, true);
  const spans = innermost ? spansOutwards(doc, innermost, offset) : [];
  // A position past the end is clamped, as every other answer's range: never echoed out of the document.
  if (spans.length === 0) return { range: rangeOf(doc, offset, 0) };
  return spans.reduceRight<SelectionRange | undefined>(
    (parent, span) => ({ range: rangeOf(doc, span.start, span.end - span.start), parent }),
    undefined,
  )!;
}

/**
 * The spans to offer, innermost first. Each strictly contains the one before, as the protocol
 * requires; a span that does not (the partial tree of a broken document can have a property that
 * runs into its object's closing brace) is left out.
 */
function spansOutwards(doc: ManifestDocument, innermost: Node, offset: number): Span[] {
  const spans: Span[] = [];
  const add = (span: Span | undefined) => {
    const last = spans.at(-1);
    if (span && (!last || strictlyContains(span, last))) spans.push(span);
  };
  for (let node: Node | undefined = innermost; node; node = node.parent) {
    const whole = { start: node.offset, end: node.offset + node.length };
    const inside = contentSpan(doc, node);
    if (inside && offset >= inside.start && offset <= inside.end) add(inside);
    add(whole);
    if (node.type === 'property' || node.parent?.type === 'array') add(withFollowingComma(doc, whole));
  }
  return spans;
}

function strictlyContains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
}

/**
 * A string's, object's or array's span without its delimiters; undefined when it is empty. An
 * unterminated string or unclosed bracket (a document being typed) has only its opening delimiter.
 */
function contentSpan(doc: ManifestDocument, node: Node): Span | undefined {
  if (!CLOSING_DELIMITER[node.type]) return undefined;
  const span = { start: node.offset + 1, end: node.offset + node.length - (isClosed(doc, node) ? 1 : 0) };
  return span.start < span.end ? span : undefined;
}

function isClosed(doc: ManifestDocument, node: Node): boolean {
  const end = node.offset + node.length;
  const raw = doc.text.getText().slice(node.offset, end);
  if (raw.length < 2 || !raw.endsWith(CLOSING_DELIMITER[node.type]!)) return false;
  if (node.type === 'string') return !isEscaped(raw, raw.length - 1);
  // An unclosed object or array ends where its last child ends, maybe on that child's own bracket.
  const last = node.children?.at(-1);
  return !last || last.offset + last.length < end;
}

/** Whether the character at `index` is escaped by an odd number of backslashes before it. */
function isEscaped(raw: string, index: number): boolean {
  let backslashes = 0;
  while (raw[index - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

function withFollowingComma(doc: ManifestDocument, span: Span): Span | undefined {
  const scanner = createScanner(doc.text.getText(), true);
  scanner.setPosition(span.end);
  if (scanner.scan() !== SyntaxKind.CommaToken) return undefined;
  return { start: span.start, end: scanner.getTokenOffset() + scanner.getTokenLength() };
}
