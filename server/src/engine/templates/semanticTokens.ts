// Semantic tokens for template expressions inside JSON strings: braces as operators, variables,
// properties below them, helpers as functions, literals. Token kinds come from Handlebars' own lexer;
// whether an identifier is a helper or a variable comes from the parsed model.
import type { ManifestDocument } from '../manifestDocument';
import { resolveReference, templateSites, type TemplateSite } from './analysis';
import { helpers } from './helpers';
import { lexTemplate } from './parseTemplate';

export const templateTokenLegend = {
  tokenTypes: ['variable', 'property', 'function', 'string', 'number', 'keyword', 'operator', 'comment'],
  tokenModifiers: ['readonly', 'defaultLibrary'],
} as const;

type TokenType = (typeof templateTokenLegend.tokenTypes)[number];
const typeIndex = (type: TokenType) => templateTokenLegend.tokenTypes.indexOf(type);
const READONLY = 1 << 0;
const DEFAULT_LIBRARY = 1 << 1;

const BY_LEXER_TOKEN: Readonly<Record<string, TokenType>> = {
  OPEN: 'operator',
  OPEN_UNESCAPED: 'operator',
  OPEN_BLOCK: 'operator',
  OPEN_ENDBLOCK: 'operator',
  OPEN_INVERSE: 'operator',
  OPEN_INVERSE_CHAIN: 'operator',
  OPEN_PARTIAL: 'operator',
  OPEN_SEXPR: 'operator',
  CLOSE: 'operator',
  CLOSE_UNESCAPED: 'operator',
  CLOSE_SEXPR: 'operator',
  CLOSE_RAW_BLOCK: 'operator',
  OPEN_RAW_BLOCK: 'operator',
  END_RAW_BLOCK: 'operator',
  INVERSE: 'keyword',
  EQUALS: 'operator',
  SEP: 'operator',
  DATA: 'operator',
  OPEN_BLOCK_PARAMS: 'operator',
  CLOSE_BLOCK_PARAMS: 'operator',
  STRING: 'string',
  NUMBER: 'number',
  BOOLEAN: 'keyword',
  NULL: 'keyword',
  UNDEFINED: 'keyword',
  COMMENT: 'comment',
};

interface Token {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: number;
  readonly modifiers: number;
}

export function templateSemanticTokens(doc: ManifestDocument): { data: number[] } {
  const tokens = templateSites(doc).flatMap((site) => siteTokens(doc, site));
  tokens.sort((a, b) => a.line - b.line || a.character - b.character);
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    const deltaLine = token.line - line;
    data.push(deltaLine, deltaLine === 0 ? token.character - character : token.character, token.length, token.type, token.modifiers);
    line = token.line;
    character = token.character;
  }
  return { data };
}

function siteTokens(doc: ManifestDocument, site: TemplateSite): Token[] {
  if (!site.model || !site.parsed.ok) return [];
  // What each identifier is, by the start of its span in the template text.
  const identifiers = new Map<number, { type: TokenType; modifiers: number }>();
  for (const call of site.model.helperCalls) identifiers.set(call.nameSpan.start, { type: 'function', modifiers: helpers.has(call.name) ? DEFAULT_LIBRARY : 0 });
  for (const reference of site.model.references) {
    const resolution = resolveReference(site, reference);
    const supplied = resolution.kind === 'builtin' ? READONLY | DEFAULT_LIBRARY : 0;
    reference.partSpans.forEach((span, i) => identifiers.set(span.start, { type: i === 0 ? 'variable' : 'property', modifiers: i === 0 ? supplied : 0 }));
  }
  const tokens: Token[] = [];
  for (const lexed of lexTemplate(site.decoded.value, site.parsed.lines)) {
    const known = lexed.name === 'ID' ? (identifiers.get(lexed.span.start) ?? { type: 'variable' as const, modifiers: 0 }) : undefined;
    const type = known?.type ?? BY_LEXER_TOKEN[lexed.name];
    if (!type) continue;
    const start = site.decoded.offsets[lexed.span.start];
    const end = site.decoded.offsets[lexed.span.end];
    const from = doc.text.positionAt(start);
    const to = doc.text.positionAt(end);
    // A JSON string cannot hold a raw line break, so a token never spans lines; skip it if it does.
    if (end <= start || from.line !== to.line) continue;
    tokens.push({ line: from.line, character: from.character, length: end - start, type: typeIndex(type), modifiers: known?.modifiers ?? 0 });
  }
  return tokens;
}
