// How validation messages name places, values and patterns.
import type { JSONPath, Node } from 'jsonc-parser';
import { excerpt } from '../excerpt';

/** `capabilities.featureStore.formVariables[0].key`: where a problem is, as the author reads it. */
export function locationLabel(path: JSONPath): string {
  if (path.length === 0) return 'the manifest';
  let label = '';
  for (const segment of path) {
    if (typeof segment === 'number') label += `[${segment}]`;
    else label += (label ? '.' : '') + (/^[A-Za-z_$][\w$]*$/.test(segment) ? excerpt(segment) : JSON.stringify(excerpt(segment)));
  }
  return `"${label}"`;
}

export function describeValue(node: Node): string {
  if (node.type === 'object') return 'an object';
  if (node.type === 'array') return 'an array';
  const text = JSON.stringify(node.value);
  return text.length > 60 ? text.slice(0, 57) + '…"' : text;
}

/** The most values a message lists; the rest are counted. */
const MAX_LISTED = 12;

export function quoteList(values: readonly unknown[]): string {
  const listed = values.slice(0, MAX_LISTED).map((v) => excerpt(JSON.stringify(v) ?? String(v)));
  return values.length > MAX_LISTED ? `${listed.join(', ')} and ${values.length - MAX_LISTED} more` : listed.join(', ');
}

const KNOWN_PATTERNS: [RegExp, string][] = [
  [/^\^\(0\|\[1-9\]\\d\*\)\\\./, 'must be a semantic version such as 1.0.0'],
  [/^\^\[\^\\s\]\*\$$/, 'must not contain whitespace'],
  [/\[Hh\]\[Tt\]\[Tt\]\[Pp\]/, 'must start with http:// or https://'],
  [/svg/i, 'must be a path to an .svg file, relative to the manifest'],
];

export function describePattern(pattern: string): string {
  for (const [shape, phrase] of KNOWN_PATTERNS) if (shape.test(pattern)) return phrase;
  return `must match the pattern ${pattern}`;
}
