// Small, null-tolerant readers of the jsonc-parser tree. Every feature runs on documents the author is
// still typing, so every step may find nothing, or a value of the wrong type, and must simply stop there.
import type { Node } from 'jsonc-parser';
import { countWork } from './workMeter';

/** The value node of `key` in an object node. */
export function valueOf(node: Node | undefined, key: string): Node | undefined {
  return keyed(node, key)?.children?.[1];
}

/** The key node of `key` in an object node (where a diagnostic about the key belongs). */
export function keyOf(node: Node | undefined, key: string): Node | undefined {
  return keyed(node, key)?.children?.[0];
}

function keyed(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  const children = node.children ?? [];
  if (children.length <= SCAN_LIMIT) {
    countWork(children.length);
    return children.find((property) => property.children?.[0]?.value === key);
  }
  countWork();
  return propertiesNamed(node, key)[0];
}

/** Objects up to this many properties are scanned; larger ones get an index, so lookups stay constant. */
const SCAN_LIMIT = 16;
/** Key → property nodes, per object node. Nodes belong to one parse, so this is keyed by snapshot. */
const indexes = new WeakMap<Node, Map<string, Node[]>>();

/** The property nodes of `key` in an object node, in document order (duplicates included). */
export function propertiesNamed(node: Node, key: string): readonly Node[] {
  let index = indexes.get(node);
  if (!index) {
    index = new Map();
    countWork(node.children?.length ?? 0);
    for (const property of node.children ?? []) {
      const name = property.children?.[0]?.value;
      if (typeof name !== 'string') continue;
      const list = index.get(name);
      if (list) list.push(property);
      else index.set(name, [property]);
    }
    indexes.set(node, index);
  }
  return index.get(key) ?? [];
}

/** The value node at a path of keys from `node`. */
export function valueAt(node: Node | undefined, ...keys: string[]): Node | undefined {
  return keys.reduce<Node | undefined>((current, key) => valueOf(current, key), node);
}

/** The property nodes of an object, in document order (duplicates included). */
export function propertiesOf(node: Node | undefined): Node[] {
  return node?.type === 'object' ? (node.children ?? []) : [];
}

/** The item nodes of an array, or none. */
export function itemsOf(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** A string value, or undefined when the node is missing or not a string. */
export function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function stringAt(node: Node | undefined, key: string): string | undefined {
  return stringOf(valueOf(node, key));
}

/** `true` only for a boolean true (a string "true" is not). */
export function isTrue(node: Node | undefined, key: string): boolean {
  return valueOf(node, key)?.value === true;
}

/** The index of the child of `node` whose span contains `offset` (children are in document order), or -1. */
function childIndexAt(node: Node, offset: number): number {
  const children = node.children ?? [];
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const child = children[middle];
    if (offset < child.offset) high = middle - 1;
    else if (offset > child.offset + child.length) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** The innermost node at `offset` (a key or a value) with its path, found by descending the tree. */
export function leafAt(root: Node | undefined, offset: number): { node: Node; path: (string | number)[]; isKey: boolean } | undefined {
  let node = root;
  const path: (string | number)[] = [];
  let found: { node: Node; path: (string | number)[]; isKey: boolean } | undefined;
  while (node) {
    const index = childIndexAt(node, offset);
    if (index < 0) break;
    const child = node.children![index];
    if (node.type === 'object') {
      // `child` is a property: the key, or the value below it.
      const [key, value] = child.children ?? [];
      if (key && offset >= key.offset && offset <= key.offset + key.length) return { node: key, path: [...path], isKey: true };
      if (!value || typeof key?.value !== 'string') break;
      path.push(key.value);
      node = offset >= value.offset && offset <= value.offset + value.length ? value : undefined;
    } else if (node.type === 'array') {
      path.push(index);
      node = child;
    } else break;
    if (node) found = { node, path: [...path], isKey: false };
  }
  return found;
}
