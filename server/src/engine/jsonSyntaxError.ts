// Why a text is not JSON, said by position and kind only. The platform's JSON.parse messages quote
// the text (`Unexpected token 'c', "[core] rep"...`), and a file a manifest names (perhaps through a
// link) must never have its content printed by a message; the position is enough to find the mistake.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** `text` parsed as strict JSON, or where and why it is not JSON. */
export function parseStrictJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: jsonSyntaxReason(text) };
  }
}

/** "comma expected at line 3, column 5", for a text that JSON.parse refused. */
export function jsonSyntaxReason(text: string): string {
  const error = firstJsonError(text);
  if (!error) return 'it is not strict JSON';
  const { line, column } = lineAndColumn(text, error.offset);
  return `${error.what} at line ${line}, column ${column}`;
}

/** Where strict JSON parsing of `text` first fails, and what it found there; undefined when it does not. */
export function firstJsonError(text: string): { offset: number; what: string } | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  // The parser reports a bad string from its opening quote: find the character that breaks it (a raw
  // line break or tab, the usual way a body breaks; an escape JSON does not have) and name it.
  const end = text[first.offset] === '"' ? Math.min(text.length, first.offset + first.length + 1) : first.offset;
  for (let i = first.offset + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      return { offset: i, what: `a raw control character (U+${code.toString(16).padStart(4, '0').toUpperCase()}) inside a string; JSON wants it escaped, e.g. \\n` };
    }
    if (text[i] !== '\\') continue;
    const escape = text[i + 1] ?? '';
    if (escape === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(escape)) {
      return { offset: i, what: `an escape JSON does not have (\\${escape})` };
    }
    i++;
  }
  // `[1, 2,]` and `{"a": 1,}`: name the trailing comma, the usual mistake, rather than what the parser expected.
  const closing = text[first.offset];
  if ((closing === '}' || closing === ']') && /,\s*$/.test(text.slice(Math.max(0, first.offset - 200), first.offset))) {
    return { offset: first.offset, what: `a comma before the closing \`${closing}\` (JSON allows no trailing comma)` };
  }
  return { offset: first.offset, what: describeCode(printParseErrorCode(first.error)) };
}

function describeCode(code: string): string {
  // `CommaExpected` → "comma expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** 1-based line and column of a text offset (line feeds end lines). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
