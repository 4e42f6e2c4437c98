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

/** "expected a comma or closing brace at line 3, column 5", for a text that JSON.parse refused. */
export function jsonSyntaxReason(text: string): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return 'it is not strict JSON';
  const { line, column } = lineAndColumn(text, first.offset);
  return `${describeCode(printParseErrorCode(first.error))} at line ${line}, column ${column}`;
}

function describeCode(code: string): string {
  // `CommaExpected` → "comma expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
