// A parsed manifest: the text, its jsonc-parser tree (which survives syntax errors, so every feature
// keeps working while the author types) and the position arithmetic every feature shares.
import { parseTree, type Node, type ParseError, findNodeAtLocation, type JSONPath } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { pointerTokens } from './pointers/jsonPointer';
import { valueOf } from './jsonTree';

export interface ManifestDocument {
  readonly uri: string;
  readonly text: TextDocument;
  /** The root of the parse tree; undefined only for a document with no value at all. */
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
}

export function parseManifest(uri: string, content: string, version = 0): ManifestDocument {
  return fromTextDocument(TextDocument.create(uri, 'launchdarkly-manifest', version, content));
}

export function fromTextDocument(text: TextDocument): ManifestDocument {
  const syntaxErrors: ParseError[] = [];
  const content = text.getText();
  // A byte order mark is not JSON; skip it so that offsets still line up with the editor's text.
  const bom = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = parseTree(bom ? ' ' + content.slice(1) : content, syntaxErrors, {
    allowTrailingComma: false,
    disallowComments: true,
  });
  return { uri: text.uri, text, root, syntaxErrors };
}

export function rangeOf(doc: ManifestDocument, offset: number, length: number): Range {
  return { start: doc.text.positionAt(offset), end: doc.text.positionAt(offset + length) };
}

export function nodeRange(doc: ManifestDocument, node: Node): Range {
  return rangeOf(doc, node.offset, node.length);
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
    if (!node) return undefined;
    if (node.type === 'array') node = node.children?.[Number(token)];
    else if (node.type === 'object') node = valueOf(node, token);
    else return undefined;
  }
  return node;
}

/** Calls `visit` with every string value of the tree (not keys) and its path. */
export function forEachStringValue(root: Node | undefined, visit: (node: Node, path: JSONPath) => void): void {
  const walk = (node: Node, path: JSONPath): void => {
    if (node.type === 'string') visit(node, path);
    else if (node.type === 'array') node.children?.forEach((child, index) => walk(child, [...path, index]));
    else if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) walk(value, [...path, String(key.value)]);
      }
    }
  };
  if (root) walk(root, []);
}
