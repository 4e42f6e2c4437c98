// A JSON string's value and its source differ wherever there are escapes (`\"`, `\u002F`…). To put a
// diagnostic on the exact character of a value, map each value index back to a source offset.

/**
 * For the source of a JSON string literal (quotes included) at `literalOffset`, the document offset
 * of each UTF-16 unit of its value, plus one entry for the end of the value.
 */
export function valueOffsets(literal: string, literalOffset: number): number[] {
  const offsets: number[] = [];
  const end = literal.endsWith('"') && literal.length > 1 ? literal.length - 1 : literal.length;
  let i = 1; // after the opening quote
  while (i < end) {
    offsets.push(literalOffset + i);
    if (literal[i] !== '\\') i += 1;
    else if (literal[i + 1] === 'u') i += 6;
    else i += 2;
  }
  offsets.push(literalOffset + end);
  return offsets;
}

/** The source offset and length covering value characters `[index, index + length)`. */
export function sourceSpan(offsets: readonly number[], index: number, length: number): { offset: number; length: number } {
  const last = offsets.length - 1;
  const start = offsets[Math.min(index, last)];
  const end = offsets[Math.min(index + length, last)];
  return { offset: start, length: end - start };
}
