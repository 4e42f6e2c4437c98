// Hover on any key or value: what the field is for, its type, its constraints and allowed values,
// from the schema in force.
import { findNodeAtOffset, getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { nodeRange, offsetAt, type ManifestDocument } from './manifestDocument';
import type { JsonSchema } from './schema/jsonSchema';
import { navigatorFor } from './schema/schemaNavigator';

export function hover(doc: ManifestDocument, position: Position, schema: JsonSchema): Hover | null {
  if (!doc.root) return null;
  const node = findNodeAtOffset(doc.root, offsetAt(doc, position), true);
  if (!node) return null;
  const target = hoverTarget(node);
  if (!target) return null;
  const navigator = navigatorFor(schema);
  const schemas = navigator.schemasAt(target.path);
  const parentSchemas = target.path.length ? navigator.schemasAt(target.path.slice(0, -1)) : [];
  const lastSegment = target.path[target.path.length - 1];
  const required = typeof lastSegment === 'string' && parentSchemas.some((s) => s.required?.includes(lastSegment));
  const value = target.isKey ? undefined : target.node;
  const markdown = describe(schemas, required, value);
  if (!markdown) return null;
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: nodeRange(doc, target.node) };
}

function hoverTarget(node: Node): { node: Node; path: JSONPath; isKey: boolean } | undefined {
  const parent = node.parent;
  if (parent?.type === 'property') {
    const isKey = parent.children?.[0] === node;
    const valueNode = parent.children?.[1];
    const path = valueNode ? getNodePath(valueNode) : [...(parent.parent ? getNodePath(parent.parent) : []), String(parent.children?.[0]?.value)];
    return { node, path, isKey };
  }
  if (node.type === 'object' || node.type === 'array') return undefined; // between entries: nothing to explain
  return { node, path: getNodePath(node), isKey: false };
}

export function describe(schemas: readonly JsonSchema[], required: boolean, value: Node | undefined): string | undefined {
  if (schemas.length === 0) return undefined;
  const sections: string[] = [];
  const title = schemas.find((s) => s.title)?.title;
  if (title) sections.push(`**${title}**${required ? ' (required)' : ''}`);
  const text = schemas.map((s) => s.markdownDescription ?? s.description).find((d) => d);
  if (text) sections.push(text);
  const facts = constraintsOf(schemas);
  if (facts.length) sections.push(facts.join(' · '));
  const allowed = allowedValuesOf(schemas, value);
  if (allowed) sections.push(allowed);
  return sections.length ? sections.join('\n\n') : undefined;
}

function constraintsOf(schemas: readonly JsonSchema[]): string[] {
  const facts: string[] = [];
  const pick = <K extends keyof JsonSchema>(key: K): JsonSchema[K] | undefined => schemas.map((s) => s[key]).find((v) => v !== undefined);
  const type = pick('type');
  if (type) facts.push(`Type: \`${Array.isArray(type) ? type.join(' | ') : type}\``);
  const minLength = pick('minLength');
  const maxLength = pick('maxLength');
  if (minLength !== undefined && maxLength !== undefined) facts.push(`${minLength}–${maxLength} characters`);
  else if (maxLength !== undefined) facts.push(`at most ${maxLength} characters`);
  else if (minLength !== undefined) facts.push(`at least ${minLength} characters`);
  const format = pick('format');
  if (format) facts.push(`format: ${format}`);
  const pattern = pick('pattern');
  if (pattern) facts.push(`pattern: \`${pattern}\``);
  const minItems = pick('minItems');
  const maxItems = pick('maxItems');
  if (minItems !== undefined || maxItems !== undefined) facts.push(`${minItems ?? 0}–${maxItems ?? '∞'} items`);
  if (pick('uniqueItems')) facts.push('unique items');
  const def = pick('default');
  if (def !== undefined) facts.push(`default: \`${JSON.stringify(def)}\``);
  return facts;
}

function allowedValuesOf(schemas: readonly JsonSchema[], value: Node | undefined): string | undefined {
  const withEnum = schemas.find((s) => s.enum);
  if (!withEnum?.enum) return undefined;
  const descriptions = withEnum.markdownEnumDescriptions ?? withEnum.enumDescriptions ?? [];
  const current = value ? withEnum.enum.findIndex((v) => v === value.value) : -1;
  if (current >= 0 && descriptions[current]) return `\`${JSON.stringify(withEnum.enum[current])}\`: ${descriptions[current]}`;
  const lines = withEnum.enum.map((v, i) => `- \`${JSON.stringify(v)}\`${descriptions[i] ? `: ${descriptions[i]}` : ''}`);
  return `Allowed values:\n${lines.join('\n')}`;
}
