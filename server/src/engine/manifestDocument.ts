// A snapshot of a manifest: one version's text, its tree (from the strict-JSON parser, or from
// jsonc-parser's, which survives syntax errors so that every feature keeps working while the author
// types), the analysis built on it, and the position arithmetic every feature shares.
import { parseTree, type Node, type ParseError, findNodeAtLocation, type JSONPath } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { pointerTokens } from './pointers/jsonPointer';
import { valueOf } from './jsonTree';
import { countWork } from './workMeter';
import { decodeJsonString, documentSpan } from './jsonStringMap';
import { parseStrictTree } from './strictTree';

export interface ManifestDocument {
  readonly uri: string;
  readonly text: TextDocument;
  /** The root of the parse tree; undefined for a document with no value at all, or one nested too deep. */
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
  /** The text (after a byte order mark) is strict JSON: `JSON.parse` gives its value. */
  readonly strict: boolean;
  /** Set when the document nests deeper than MAX_DEPTH: it is not analysed, and says so. */
  readonly tooDeep?: { readonly depth: number; readonly offset: number };
  /**
   * The analysis of this snapshot, built lazily part by part (see `memo`): every feature that needs
   * the template sites, the form variable tables or the key references of this version reads the
   * same ones, and a new version starts empty.
   */
  readonly analysis: Map<string, unknown>;
}

/**
 * How deep a manifest may nest. Real manifests nest about 10 levels; every walk of the tree (and
 * jsonc-parser's own) is bounded by this, so no input can exhaust the stack.
 */
export const MAX_DEPTH = 128;

/** The part `key` of a snapshot's analysis, built by `build` on first use. */
export function memo<T>(doc: ManifestDocument, key: string, build: () => T): T {
  if (doc.analysis.has(key)) return doc.analysis.get(key) as T;
  const value = build();
  doc.analysis.set(key, value);
  return value;
}

export function parseManifest(uri: string, content: string, version = 0): ManifestDocument {
  const text = TextDocument.create(uri, 'launchdarkly-manifest', version, content);
  const syntaxErrors: ParseError[] = [];
  const analysis = new Map<string, unknown>();
  const tooDeep = nestingBeyond(content, MAX_DEPTH);
  if (tooDeep) return { uri: text.uri, text, root: undefined, syntaxErrors, strict: false, tooDeep, analysis };
  // A byte order mark is not JSON; skip it so that offsets still line up with the editor's text.
  const bom = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? ' ' + content.slice(1) : content;
  // Strict JSON takes the fast parser; anything else (a document being typed) jsonc-parser's, which
  // recovers and says what is wrong. Both build the same tree.
  const strictRoot = parseStrictTree(body);
  const root = strictRoot ?? parseTree(body, syntaxErrors, { allowTrailingComma: false, disallowComments: true });
  return { uri: text.uri, text, root, syntaxErrors, strict: strictRoot !== undefined, analysis };
}

export function rangeOf(doc: ManifestDocument, offset: number, length: number): Range {
  return { start: doc.text.positionAt(offset), end: doc.text.positionAt(offset + length) };
}

export function nodeRange(doc: ManifestDocument, node: Node): Range {
  return rangeOf(doc, node.offset, node.length);
}

/** The document range of the decoded characters [start, end) of a string node's value, through its escapes. */
export function stringValueRange(doc: ManifestDocument, node: Node, start: number, end: number): Range {
  const decoded = decodeJsonString(doc.text.getText().slice(node.offset, node.offset + node.length), node.offset);
  const span = documentSpan(decoded, start, end);
  return rangeOf(doc, span.start, span.end - span.start);
}

export function offsetAt(doc: ManifestDocument, position: Position): number {
  return doc.text.offsetAt(position);
}

export function nodeAt(doc: ManifestDocument, path: JSONPath): Node | undefined {
  return doc.root ? findNodeAtLocation(doc.root, path) : undefined;
}

/** The key node of a property node's parent pair, when `node` is the value of an object property. */
export function propertyKeyNode(node: Node): Node | undefined {
  const parent = node.parent;
  return parent?.type === 'property' && parent.children?.[1] === node ? parent.children[0] : undefined;
}

/**
 * The node a JSON pointer (as ajv reports `instancePath`) selects, walking the tree so that a token
 * like `0` is an index in an array and a key in an object.
 */
export function nodeAtPointer(root: Node | undefined, pointer: string): Node | undefined {
  let node = root;
  for (const token of pointerTokens(pointer)) {
    countWork();
    if (!node) return undefined;
    if (node.type === 'array') node = node.children?.[Number(token)];
    else if (node.type === 'object') node = valueOf(node, token);
    else return undefined;
  }
  return node;
}

interface StringValue {
  readonly node: Node;
  readonly path: JSONPath;
}

/**
 * Calls `visit` with every string value of the document (not keys) and its path, in document order.
 * An explicit stack instead of recursion; the callers keep what they find, not the walk.
 */
export function forEachStringValue(doc: ManifestDocument, visit: (node: Node, path: JSONPath) => void): void {
  if (!doc.root) return;
  const stack: StringValue[] = [{ node: doc.root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    countWork();
    if (node.type === 'string') visit(node, path);
    const children = node.children ?? [];
    // Pushed in reverse, so that they are visited in document order.
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (node.type === 'array') stack.push({ node: child, path: [...path, i] });
      else if (node.type === 'object') {
        const [key, value] = child.children ?? [];
        if (key && value) stack.push({ node: value, path: [...path, String(key.value)] });
      }
    }
  }
}

/**
 * Where the text first nests deeper than `limit` (objects and arrays, strings skipped), by a linear
 * scan that needs no parse: a document that deep is not parsed at all.
 */
function nestingBeyond(text: string, limit: number): { depth: number; offset: number } | undefined {
  let depth = 0;
  let deepest = 0;
  let at = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22 || d === 0x0a) break;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > limit && at < 0) at = i;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return at < 0 ? undefined : { depth: deepest, offset: at };
}
