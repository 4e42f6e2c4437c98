// RFC 6901 JSON pointers: syntax check with the index of the offending character, decoding into
// reference tokens, and evaluation against a JSON value.

export type PointerProblem =
  | { readonly kind: 'missing-slash'; readonly index: 0 }
  | { readonly kind: 'bad-escape'; readonly index: number; readonly length: number };

/** Everything that keeps `pointer` from being an RFC 6901 pointer, each with its index in the string. */
export function pointerProblems(pointer: string): PointerProblem[] {
  const problems: PointerProblem[] = [];
  if (pointer !== '' && !pointer.startsWith('/')) problems.push({ kind: 'missing-slash', index: 0 });
  for (let i = pointer.indexOf('~'); i >= 0; i = pointer.indexOf('~', i + 1)) {
    const next = pointer[i + 1];
    if (next !== '0' && next !== '1') problems.push({ kind: 'bad-escape', index: i, length: next === undefined ? 1 : 2 });
  }
  return problems;
}

/** The decoded reference tokens (`/a~1b/0` → `["a/b", "0"]`); `~1` is decoded before `~0`, as the RFC says. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A key or index written as a reference token. */
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export type Selection = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly failedAt: number };

/**
 * The value `pointer` selects in `document`. `failedAt` is the index of the first token that selects
 * nothing. Array tokens must be decimal indexes without leading zeros (RFC 6901 section 4).
 */
export function selectPointer(document: unknown, pointer: string): Selection {
  let value = document;
  const tokens = pointerTokens(pointer);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (Array.isArray(value)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token) || Number(token) >= value.length) return { found: false, failedAt: i };
      value = value[Number(token)];
    } else if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, token)) {
      value = (value as Record<string, unknown>)[token];
    } else {
      return { found: false, failedAt: i };
    }
  }
  return { found: true, value };
}

/** "object", "array", "null", "string"…: the JSON type of a parsed value. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
