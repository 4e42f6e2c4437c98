// Schema-driven completion: the keys an object may still take (required first), and the values a
// field allows, both as snippets, with the edit replacing exactly what the author has typed so far
// (quotes included). Works on documents that do not parse: the location comes from the scanner.
import { findNodeAtLocation, getLocation, getNodePath, type JSONPath, type Location, type Node } from 'jsonc-parser';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { offsetAt, rangeOf, type ManifestDocument } from './manifestDocument';
import { leafAt } from './jsonTree';
import type { JsonSchema } from './schema/jsonSchema';
import { navigatorFor, type SchemaNavigator } from './schema/schemaNavigator';
import { snippetFromBody, valuePlaceholder } from './schema/schemaSnippets';

export function completion(doc: ManifestDocument, position: Position, schema: JsonSchema): CompletionList {
  const offset = offsetAt(doc, position);
  const location = locationAt(doc, offset);
  const navigator = navigatorFor(schema);
  const previous = location.previousNode;
  const items = location.isAtPropertyKey
    ? keyItems(doc, navigator, location.path.slice(0, -1), previous?.type === 'property' ? previous : undefined, offset)
    : valueItems(doc, navigator, location.path, previous, offset);
  return { isIncomplete: false, items };
}

/**
 * jsonc-parser's scanner location (it copes with text that does not parse), scanned from the
 * innermost object or array around the cursor rather than from the start of the document: a request
 * costs the size of that container, not of the manifest.
 */
function locationAt(doc: ManifestDocument, offset: number): Location {
  const container = innermostContainer(doc.root, offset);
  if (!container) return getLocation(doc.text.getText(), offset);
  const local = getLocation(doc.text.getText().slice(container.offset), offset - container.offset);
  const shift = (node: Node | undefined): Node | undefined => node && { ...node, offset: node.offset + container.offset };
  return { ...local, path: [...getNodePath(container), ...local.path], previousNode: shift(local.previousNode) };
}

/** The deepest object or array whose brackets enclose `offset`: up from the node at the cursor. */
function innermostContainer(root: Node | undefined, offset: number): Node | undefined {
  for (let node = leafAt(root, offset)?.node ?? root; node; node = node.parent) {
    if ((node.type === 'object' || node.type === 'array') && offset > node.offset && offset < node.offset + node.length) return node;
  }
  return undefined;
}

function keyItems(doc: ManifestDocument, navigator: SchemaNavigator, objectPath: JSONPath, typedKey: Node | undefined, offset: number): CompletionItem[] {
  const range = typedKey ? rangeOf(doc, typedKey.offset, typedKey.length) : rangeOf(doc, offset, 0);
  const present = presentKeys(doc, objectPath, typedKey);
  const comma = needsComma(doc, typedKey ? typedKey.offset + typedKey.length : offset, true) ? ',' : '';
  const items: CompletionItem[] = [];
  for (const { key, required, schemas } of navigator.keysAt(objectPath)) {
    if (present.has(key)) continue;
    const documentation = markdownOf(schemas);
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: detailOf(schemas, required),
      documentation,
      sortText: `${required ? '0' : '1'}_${key}`,
      filterText: JSON.stringify(key),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `${JSON.stringify(key)}: ${valuePlaceholder(schemas)}${comma}` },
    });
    for (const snippet of schemas.flatMap((s) => s.defaultSnippets ?? [])) {
      const body = snippetFromBody(snippet);
      if (body === undefined) continue;
      items.push({
        label: snippet.label ? `${key}: ${snippet.label}` : `${key} (snippet)`,
        kind: CompletionItemKind.Snippet,
        detail: snippet.description,
        documentation: snippet.markdownDescription ? { kind: MarkupKind.Markdown, value: snippet.markdownDescription } : documentation,
        sortText: `2_${key}`,
        filterText: JSON.stringify(key),
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: `${JSON.stringify(key)}: ${body}${comma}` },
      });
    }
  }
  return items;
}

function valueItems(doc: ManifestDocument, navigator: SchemaNavigator, path: JSONPath, previous: Node | undefined, offset: number): CompletionItem[] {
  // Only a scalar the cursor is in or right after is being typed; after a finished value there is
  // nothing to complete here.
  const typed = previous && previous.type !== 'property' && offset >= previous.offset && offset <= previous.offset + previous.length ? previous : undefined;
  if (previous && !typed && previous.type !== 'property') return [];
  const range = typed ? rangeOf(doc, typed.offset, typed.length) : rangeOf(doc, offset, 0);
  const comma = needsComma(doc, typed ? typed.offset + typed.length : offset, false) ? ',' : '';
  const schemas = navigator.schemasAt(path);
  const taken = takenSiblingValues(doc, navigator, path, typed);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (item: CompletionItem & { textEdit: { newText: string; range: Range } }) => {
    if (seen.has(item.label)) return;
    seen.add(item.label);
    items.push(item);
  };
  for (const schema of schemas) {
    const values = schema.enum ?? (schema.const !== undefined ? [schema.const] : []);
    values.forEach((value, index) => {
      const text = JSON.stringify(value);
      if (taken.has(text)) return;
      const description = schema.markdownEnumDescriptions?.[index] ?? schema.enumDescriptions?.[index];
      add({
        label: text,
        kind: CompletionItemKind.EnumMember,
        documentation: description ? { kind: MarkupKind.Markdown, value: description } : undefined,
        filterText: text,
        textEdit: { range, newText: text + comma },
      });
    });
    if (typeOf(schema) === 'boolean') {
      for (const text of ['true', 'false']) add({ label: text, kind: CompletionItemKind.Value, textEdit: { range, newText: text + comma } });
    }
    for (const snippet of schema.defaultSnippets ?? []) {
      const body = snippetFromBody(snippet);
      if (body === undefined) continue;
      add({
        label: snippet.label ?? body.replace(/\s+/g, ' ').slice(0, 40),
        kind: CompletionItemKind.Snippet,
        detail: snippet.description,
        documentation: snippet.markdownDescription ? { kind: MarkupKind.Markdown, value: snippet.markdownDescription } : undefined,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: body + comma },
      });
    }
    if (schema.default !== undefined && !values.length) {
      const text = JSON.stringify(schema.default);
      add({ label: text, kind: CompletionItemKind.Value, detail: 'default', textEdit: { range, newText: text + comma } });
    }
  }
  return items;
}

/** Keys already in the object at `objectPath`, except the one being typed. */
function presentKeys(doc: ManifestDocument, objectPath: JSONPath, typedKey: Node | undefined): Set<string> {
  const object = doc.root ? (objectPath.length ? findNodeAtLocation(doc.root, objectPath) : doc.root) : undefined;
  const keys = new Set<string>();
  for (const property of object?.type === 'object' ? (object.children ?? []) : []) {
    const key = property.children?.[0];
    if (key && key !== typedKey && key.offset !== typedKey?.offset && typeof key.value === 'string') keys.add(key.value);
  }
  return keys;
}

/** In an array whose items must be unique, the values already listed (other than the one typed). */
function takenSiblingValues(doc: ManifestDocument, navigator: SchemaNavigator, path: JSONPath, typed: Node | undefined): Set<string> {
  if (typeof path[path.length - 1] !== 'number' || !doc.root) return new Set();
  const arrayPath = path.slice(0, -1);
  if (!navigator.schemasAt(arrayPath).some((s) => s.uniqueItems)) return new Set();
  const array = arrayPath.length ? findNodeAtLocation(doc.root, arrayPath) : doc.root;
  return new Set(
    (array?.type === 'array' ? (array.children ?? []) : [])
      .filter((item) => item !== typed && item.offset !== typed?.offset)
      .map((item) => JSON.stringify(item.value)),
  );
}

/** Whether the next thing after `end` is another entry, so the inserted one needs a comma. */
function needsComma(doc: ManifestDocument, end: number, atKey: boolean): boolean {
  const rest = doc.text.getText().slice(end, end + 200).replace(/^\s+/, '');
  return atKey ? rest.startsWith('"') : /^["{[\dtfn-]/.test(rest);
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : schema.type;
}

function markdownOf(schemas: readonly JsonSchema[]) {
  const text = schemas.map((s) => s.markdownDescription ?? s.description).find((d) => d);
  return text ? { kind: MarkupKind.Markdown, value: text } : undefined;
}

function detailOf(schemas: readonly JsonSchema[], required: boolean): string | undefined {
  const title = schemas.find((s) => s.title)?.title;
  const type = schemas.map(typeOf).find((t) => t);
  const parts = [title, type, required ? 'required' : undefined].filter((p) => p);
  return parts.length ? parts.join(' · ') : undefined;
}
