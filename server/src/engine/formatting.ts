// Document and range formatting through jsonc-parser's token-based formatter, made safe for the
// half-typed documents an editor formats: the formatter only ever rewrites the whitespace between
// tokens, but next to a token with a scan error (an unterminated string) removing a line break
// changes what the tokens are, so such edits are dropped and the result is checked token by token.
import { createScanner, format, ScanError, SyntaxKind, type Edit, type Range as OffsetRange } from 'jsonc-parser';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { offsetAt, rangeOf, type ManifestDocument } from './manifestDocument';

const BYTE_ORDER_MARK = 0xfeff;

interface Token {
  readonly kind: SyntaxKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly hasError: boolean;
}

export function formatDocument(doc: ManifestDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  const content = doc.text.getText();
  // jsonc-parser scans a byte order mark as an unknown token; format the text after it instead, so the
  // mark stays where it is and never blocks the edits next to it.
  const skipped = content.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  const text = content.slice(skipped);
  const edits = safeEdits(text, format(text, formatRange(doc, range, skipped), jsoncOptions(text, options)));
  return edits.map((edit) => ({ range: rangeOf(doc, edit.offset + skipped, edit.length), newText: edit.content }));
}

function formatRange(doc: ManifestDocument, range: Range | undefined, skipped: number): OffsetRange | undefined {
  if (!range) return undefined;
  const start = Math.max(offsetAt(doc, range.start) - skipped, 0);
  const end = Math.max(offsetAt(doc, range.end) - skipped, start);
  return { offset: start, length: end - start };
}

function jsoncOptions(text: string, options: FormattingOptions) {
  return {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    // jsonc-parser removes the final line break unless told to insert one; an author who did not ask
    // for one to be inserted still does not expect an existing one to disappear.
    insertFinalNewline: options.insertFinalNewline === true || /[\r\n]$/.test(text),
    // Used only when the text has no line break yet; otherwise jsonc-parser keeps the text's first
    // line end, which is what keeps a CRLF document CRLF.
    eol: '\n',
  };
}

/** The edits that provably keep every token as it was; none when that cannot be achieved. */
function safeEdits(text: string, edits: Edit[]): Edit[] {
  const before = scanTokens(text);
  // An edit right after a broken token could change how that token ends: removing the line break
  // after an unterminated string would let the string run on.
  const brokenEnds = new Set(before.filter((t) => t.hasError).map((t) => t.end));
  const kept = brokenEnds.size > 0 ? edits.filter((edit) => !brokenEnds.has(edit.offset)) : edits;
  return sameTokens(before, scanTokens(applyInOrder(text, kept))) ? kept : [];
}

/**
 * The text with the (non-overlapping) edits applied, in one pass: jsonc-parser's applyEdits rebuilds
 * the whole string for each edit, which a large document with many edits cannot afford.
 */
function applyInOrder(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(text.slice(at, edit.offset), edit.content);
    at = edit.offset + edit.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The significant tokens (no whitespace or line breaks) of `text`. */
function scanTokens(text: string): Token[] {
  const scanner = createScanner(text, false);
  const tokens: Token[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    const start = scanner.getTokenOffset();
    tokens.push({
      kind,
      text: text.slice(start, start + scanner.getTokenLength()),
      start,
      end: start + scanner.getTokenLength(),
      hasError: kind === SyntaxKind.Unknown || scanner.getTokenError() !== ScanError.None,
    });
  }
  return tokens;
}

function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((t, i) => t.kind === b[i]!.kind && t.text === b[i]!.text);
}
