// Parses a template with Handlebars itself and turns its line/column locations into indices of the
// template text; on failure, finds the broken spot from the parser's own lexer state.
import Handlebars from 'handlebars';

export interface Span {
  /** Index into the template text (the decoded JSON string). */
  readonly start: number;
  readonly end: number;
}

export interface TemplateSyntaxError {
  readonly message: string;
  readonly span: Span;
}

export type ParsedTemplate =
  | { readonly ok: true; readonly ast: hbs.AST.Program; readonly lines: LineIndex }
  | { readonly ok: false; readonly error: TemplateSyntaxError; readonly lines: LineIndex };

/** Converts Handlebars' 1-based lines and 0-based columns to text indices. */
export class LineIndex {
  /** Where each line starts; found on first use (most templates are never mapped by line). */
  private lineStarts: number[] | undefined;
  constructor(readonly text: string) {}
  private get starts(): number[] {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      // The same line breaks as Handlebars' (jison) lexer: \r\n, \r and \n.
      const breaks = /\r\n|\r|\n/g;
      for (let m = breaks.exec(this.text); m; m = breaks.exec(this.text)) this.lineStarts.push(m.index + m[0].length);
    }
    return this.lineStarts;
  }
  indexOf(position: { line: number; column: number }): number {
    const starts = this.starts;
    const start = starts[Math.min(Math.max(position.line - 1, 0), starts.length - 1)];
    return Math.min(start + position.column, this.text.length);
  }
  spanOf(loc: hbs.AST.SourceLocation): Span {
    return { start: this.indexOf(loc.start), end: this.indexOf(loc.end) };
  }
}

// Handlebars keeps its parser state in module singletons; prime them once so `Handlebars.Parser.yy`
// exists for the private parser and lexer used below.
Handlebars.parseWithoutProcessing('');

/**
 * How deep blocks, and sub-expressions within one expression, may nest in one template. Real
 * templates nest two or three; Handlebars' parser slows down badly with depth and the walks over its
 * tree recurse per level, so a deeper template is refused before it is parsed.
 */
export const MAX_BLOCK_DEPTH = 32;

export function parseTemplate(text: string): ParsedTemplate {
  const lines = new LineIndex(text);
  const deep = blockNestingBeyond(text, MAX_BLOCK_DEPTH);
  if (deep !== undefined) {
    return { ok: false, error: { message: `Blocks or sub-expressions nest more than ${MAX_BLOCK_DEPTH} deep here; a template this deep is not checked.`, span: { start: deep, end: deep + 2 } }, lines };
  }
  try {
    return { ok: true, ast: Handlebars.parseWithoutProcessing(text), lines };
  } catch (error) {
    return { ok: false, error: locateError(text, lines, error), lines };
  }
}

/**
 * The index of the first block opening (`{{#`, `{{^`) nested deeper than `limit`, or of the
 * expression whose parentheses nest deeper than it, by one linear scan.
 */
export function blockNestingBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2)) {
    let i = at + 2;
    while (text[i] === '{' || text[i] === '~' || text[i] === ' ') i++;
    const sigil = text[i];
    if (sigil === '#' || (sigil === '^' && text[i + 1] !== '}')) {
      if (++depth > limit) return at;
    } else if (sigil === '/') {
      depth = Math.max(0, depth - 1);
    }
    const close = text.indexOf('}}', i);
    const end = close < 0 ? text.length : close;
    let parentheses = 0;
    for (let j = i; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x28 /* ( */ && ++parentheses > limit) return at;
      if (c === 0x29 /* ) */) parentheses = Math.max(0, parentheses - 1);
    }
    if (close > at) at = close - 1;
  }
  return undefined;
}

export interface LexedToken {
  readonly name: string;
  readonly text: string;
  readonly span: Span;
}

interface JisonLocation {
  first_line: number;
  first_column: number;
  last_line: number;
  last_column: number;
}

interface JisonLexer {
  yy: unknown;
  yylloc: JisonLocation;
  match: string;
  setInput(input: string): void;
  lex(): number | string | undefined;
}

interface JisonParser {
  yy: Record<string, unknown>;
  lexer: JisonLexer;
  terminals_: Record<number, string>;
  parseError(message: string, hash: unknown): never;
  parse(input: string): unknown;
}

// Not in Handlebars' typings, but exported at run time: the jison parser object behind `parse`.
const sharedParser = (Handlebars as unknown as { Parser: JisonParser }).Parser;

class LexerStop extends Error {}

/** A private lexer over Handlebars' grammar: tokens with their spans, up to the first lexical error. */
export function lexTemplate(text: string, lines = new LineIndex(text)): LexedToken[] {
  const lexer = Object.create(sharedParser.lexer) as JisonLexer;
  lexer.yy = Object.assign(Object.create(sharedParser.yy) as object, {
    parser: {
      parseError: () => {
        throw new LexerStop();
      },
    },
  });
  lexer.setInput(text);
  const tokens: LexedToken[] = [];
  try {
    for (;;) {
      const token = lexer.lex();
      const name = typeof token === 'number' ? sharedParser.terminals_[token] : token;
      if (name === undefined || name === 'EOF') break;
      tokens.push({ name, text: lexer.match, span: spanOfJison(lines, lexer.yylloc) });
    }
  } catch (error) {
    if (!(error instanceof LexerStop)) throw error;
  }
  return tokens;
}

function spanOfJison(lines: LineIndex, loc: JisonLocation): Span {
  return {
    start: lines.indexOf({ line: loc.first_line, column: loc.first_column }),
    end: lines.indexOf({ line: loc.last_line, column: loc.last_column }),
  };
}

interface HandlebarsException {
  lineNumber?: number;
  column?: number;
  endLineNumber?: number;
  endColumn?: number;
  message?: string;
}

class ParseStop extends Error {
  constructor(
    readonly token: string,
    readonly tokenText: string,
    readonly location: JisonLocation,
  ) {
    super('parse error');
  }
}

function locateError(text: string, lines: LineIndex, error: unknown): TemplateSyntaxError {
  const exception = error as HandlebarsException;
  // Handlebars' own checks (a block closed by another name...) carry the node's location.
  if (typeof exception.lineNumber === 'number' && typeof exception.column === 'number') {
    const start = lines.indexOf({ line: exception.lineNumber, column: exception.column });
    const end = lines.indexOf({ line: exception.endLineNumber ?? exception.lineNumber, column: exception.endColumn ?? exception.column });
    return { message: `Malformed template: ${stripLocation(exception.message ?? 'invalid block')}.`, span: widen(text, { start, end }) };
  }
  const stop = reparseForLocation(text);
  if (!stop) return { message: 'Malformed template.', span: { start: 0, end: text.length } };
  const span = spanOfJison(lines, stop.location);
  return describeParseError(text, lines, stop, span);
}

/** Parses again with a private parser whose error hook keeps the lexer's position of the bad token. */
function reparseForLocation(text: string): ParseStop | undefined {
  const parser = Object.create(sharedParser) as JisonParser;
  parser.yy = Object.create(sharedParser.yy) as Record<string, unknown>;
  parser.lexer = Object.create(sharedParser.lexer) as JisonLexer;
  parser.parseError = (_message: string, hash: unknown) => {
    const details = (hash ?? {}) as { token?: string | null; text?: string };
    throw new ParseStop(details.token ?? 'INVALID', parser.lexer.match ?? details.text ?? '', { ...parser.lexer.yylloc });
  };
  try {
    parser.parse(text);
  } catch (error) {
    if (error instanceof ParseStop) return error;
  }
  return undefined;
}

function describeParseError(text: string, lines: LineIndex, stop: ParseStop, span: Span): TemplateSyntaxError {
  const tokens = lexTemplate(text, lines);
  // An identifier at the very end cannot be lexed (an ID needs a following delimiter): same as EOF.
  if (stop.token === 'EOF' || (stop.token === 'INVALID' && span.end >= text.length && !text.endsWith('}'))) {
    const unclosed = innermostUnclosedBlock(tokens);
    if (unclosed) return { message: `Malformed template: \`{{#${unclosed.name}}}\` is never closed; add \`{{/${unclosed.name}}}\`.`, span: unclosed.span };
    const lastOpen = [...tokens].reverse().find((t) => t.name.startsWith('OPEN'));
    const start = lastOpen?.span.start ?? Math.max(0, text.length - 1);
    return { message: 'Malformed template: `{{` is never closed with `}}`.', span: { start, end: text.length } };
  }
  const before = tokens.filter((t) => t.span.end <= span.start).pop();
  if ((stop.token === 'CLOSE' || stop.token === 'CLOSE_UNESCAPED') && before?.name.startsWith('OPEN')) {
    return { message: 'Malformed template: empty `{{}}`; write a variable or helper name.', span: { start: before.span.start, end: span.end } };
  }
  if (stop.tokenText === '}' || (stop.token === 'INVALID' && text.startsWith('}', span.start))) {
    return { message: 'Malformed template: a single `}` does not close the expression; write `}}`.', span: widen(text, span) };
  }
  const shown = stop.tokenText ? `\`${stop.tokenText}\`` : 'text';
  return { message: `Malformed template: unexpected ${shown} inside \`{{ }}\`.`, span: widen(text, span) };
}

function innermostUnclosedBlock(tokens: readonly LexedToken[]): { name: string; span: Span } | undefined {
  const open: { name: string; span: Span }[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (token.name === 'OPEN_BLOCK' || token.name === 'OPEN_INVERSE') {
      const close = tokens.slice(i).find((t) => t.name === 'CLOSE');
      open.push({ name: next?.name === 'ID' ? next.text : '', span: { start: token.span.start, end: close?.span.end ?? token.span.end } });
    } else if (token.name === 'OPEN_ENDBLOCK') {
      open.pop();
    }
  });
  return open.pop();
}

/** An empty span (at the end of the text, say) still needs a character to underline. */
function widen(text: string, span: Span): Span {
  if (span.end > span.start) return span;
  return span.start >= text.length ? { start: Math.max(0, text.length - 1), end: text.length } : { start: span.start, end: span.start + 1 };
}

function stripLocation(message: string): string {
  return message.replace(/ - \d+:\d+$/, '').trim();
}
