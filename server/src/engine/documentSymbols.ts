// The outline of a manifest. It mirrors the document like VS Code's JSON outline, but names things
// the way an integration author thinks of them: capabilities stand out from plain objects, and array
// items (form variables, headers, ...) are named by their `key` or `name` instead of their index.
// Built from the parse tree, which survives syntax errors, so the outline stays while typing.
import type { JSONPath, Node } from 'jsonc-parser';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { nodeRange, type ManifestDocument } from './manifestDocument';

/** Arrays of form variables, by property name; they live at the top level and in a capability. */
const FORM_VARIABLE_ARRAYS = new Set(['formVariables', 'environmentFormVariables', 'approvalFormVariables']);

/** The properties that name an array item, in order of preference (form variables have both). */
const ITEM_NAME_PROPERTIES = ['key', 'name'] as const;

const KIND_OF_VALUE: Record<Node['type'], SymbolKind> = {
  object: SymbolKind.Module,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
  property: SymbolKind.Property,
};

export function documentSymbols(doc: ManifestDocument): DocumentSymbol[] {
  return doc.root ? childSymbols(doc, doc.root, []) : [];
}

/** The symbols for the properties of an object or the items of an array found at `path`. */
function childSymbols(doc: ManifestDocument, container: Node, path: JSONPath): DocumentSymbol[] {
  const children = container.children ?? [];
  if (container.type === 'object') return children.flatMap((property) => propertySymbol(doc, property, path));
  if (container.type === 'array') return children.map((item, index) => itemSymbol(doc, item, [...path, index]));
  return [];
}

/** A property of the object at `objectPath`; none for a property without a key (a broken document). */
function propertySymbol(doc: ManifestDocument, property: Node, objectPath: JSONPath): DocumentSymbol[] {
  const [key, value] = property.children ?? [];
  if (key?.type !== 'string') return [];
  const path = [...objectPath, String(key.value)];
  return [
    {
      name: nonEmptyName(String(key.value)),
      kind: propertyKind(path, value),
      detail: value && detailOf(value),
      range: nodeRange(doc, property),
      selectionRange: nodeRange(doc, key),
      children: value ? childSymbols(doc, value, path) : [],
    },
  ];
}

/** An array item at `path` (whose last segment is its index), named by its `key` or `name` if it has one. */
function itemSymbol(doc: ManifestDocument, item: Node, path: JSONPath): DocumentSymbol {
  const nameNode = itemNameNode(item);
  const formVariable = isFormVariable(path, item);
  return {
    name: nameNode ? nonEmptyName(String(nameNode.value)) : String(path.at(-1)),
    kind: formVariable ? SymbolKind.Variable : KIND_OF_VALUE[item.type],
    detail: formVariable ? stringProperty(item, 'type')?.value : detailOf(item),
    range: nodeRange(doc, item),
    // Selecting the item in the outline puts the caret on the value that names it.
    selectionRange: nodeRange(doc, nameNode ?? item),
    children: childSymbols(doc, item, path),
  };
}

function propertyKind(path: JSONPath, value: Node | undefined): SymbolKind {
  if (!value) return SymbolKind.Property; // `"key":` still waiting for its value
  return isCapability(path, value) ? SymbolKind.Class : KIND_OF_VALUE[value.type];
}

/** A capability is an object directly under `capabilities` (which also holds a few plain flags). */
function isCapability(path: JSONPath, value: Node): boolean {
  return path.length === 2 && path[0] === 'capabilities' && value.type === 'object';
}

/** Items of the top-level `formVariables`, or of a capability's form variable arrays. */
function isFormVariable(itemPath: JSONPath, item: Node): boolean {
  if (item.type !== 'object') return false;
  const arrayPath = itemPath.slice(0, -1);
  const arrayName = String(arrayPath.at(-1));
  const topLevel = arrayPath.length === 1 && arrayName === 'formVariables';
  const inCapability = arrayPath.length === 3 && arrayPath[0] === 'capabilities' && FORM_VARIABLE_ARRAYS.has(arrayName);
  return topLevel || inCapability;
}

function itemNameNode(item: Node): Node | undefined {
  for (const name of ITEM_NAME_PROPERTIES) {
    const node = stringProperty(item, name);
    if (node) return node;
  }
  return undefined;
}

/** The string value of property `name` of an object node, if it has one. */
function stringProperty(object: Node, name: string): Node | undefined {
  if (object.type !== 'object') return undefined;
  const property = object.children?.find((p) => p.children?.[0]?.value === name);
  const value = property?.children?.[1];
  return value?.type === 'string' ? value : undefined;
}

/** What the outline shows beside a name: a scalar's value, an endpoint's method and URL, or `{}`/`[]` when empty. */
function detailOf(value: Node): string | undefined {
  switch (value.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return String(value.value);
    case 'array':
      return value.children?.length ? undefined : '[]';
    case 'object':
      return value.children?.length ? endpointDetail(value) : '{}';
    default:
      return undefined;
  }
}

function endpointDetail(object: Node): string | undefined {
  const method = stringProperty(object, 'method')?.value;
  const url = stringProperty(object, 'url')?.value;
  return method !== undefined && url !== undefined ? `${method} ${url}` : undefined;
}

/** Editors reject a symbol without a name; an empty key or name is shown as its JSON text. */
function nonEmptyName(name: string): string {
  return name === '' ? '""' : name;
}
