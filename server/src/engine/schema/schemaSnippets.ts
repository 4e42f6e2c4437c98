// Turns schema annotations into snippet text: `defaultSnippets` bodies (VS Code's JSON convention:
// strings are snippet syntax, a leading `^` inserts the rest raw) and a value placeholder per type.
import type { DefaultSnippet, JsonSchema } from './jsonSchema';

/** Snippet text for a `defaultSnippets` body, indented with tabs (the editor converts them). */
export function snippetFromBody(snippet: DefaultSnippet, indent = ''): string | undefined {
  if (snippet.bodyText !== undefined) return snippet.bodyText;
  if (snippet.body === undefined) return undefined;
  return bodyText(snippet.body, indent);
}

function bodyText(value: unknown, indent: string): string {
  if (typeof value === 'string') return value.startsWith('^') ? value.slice(1) : quoteSnippetString(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = indent + '\t';
    return `[\n${value.map((item) => inner + bodyText(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = indent + '\t';
    return `{\n${entries.map(([k, v]) => `${inner}${quoteSnippetString(k)}: ${bodyText(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return escapeSnippetText(JSON.stringify(value));
}

/** A JSON string whose content is snippet syntax: JSON-escape it but keep `${1:...}` placeholders live. */
function quoteSnippetString(text: string): string {
  return JSON.stringify(text);
}

export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

/** What to insert as the value of a key whose schemas are known, cursor placed inside it. */
export function valuePlaceholder(schemas: readonly JsonSchema[]): string {
  const withDefault = schemas.find((s) => s.default !== undefined);
  if (withDefault) return '${1:' + escapeSnippetText(JSON.stringify(withDefault.default)) + '}';
  const values = schemas.flatMap((s) => s.enum ?? []).filter((v): v is string => typeof v === 'string');
  if (values.length > 0 && values.length <= 12 && values.every((v) => /^[\w .:/-]*$/.test(v))) {
    return `"\${1|${values.join(',')}|}"`;
  }
  const type = schemas.map((s) => s.type).find((t) => t !== undefined);
  switch (Array.isArray(type) ? type[0] : type) {
    case 'string':
      return '"$1"';
    case 'boolean':
      return '${1|true,false|}';
    case 'object':
      return '{$1}';
    case 'array':
      return '[$1]';
    case 'number':
    case 'integer':
      return '${1:0}';
    default:
      return '$1';
  }
}
