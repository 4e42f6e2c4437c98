// Most templates in a manifest are text with plain `{{name}}` or `{{{a.b}}}` references: a header
// value `Bearer {{apiToken}}`, a url `https://{{host}}/v1`. Those are modelled here directly, in one
// scan, the way Handlebars would model them; anything else (blocks, helpers, arguments, comments,
// escapes, whitespace control, partials, `this`, `..`, `@data`) returns undefined and goes to
// Handlebars' own parser. A test checks both give the same model on every template of the corpus.
import { helpers } from './helpers';
import { LineIndex, type Span } from './parseTemplate';
import type { TemplateModel, TemplateReference } from './templateModel';

/** A path of plain identifiers joined by dots, with optional spaces around it. */
const SIMPLE_PATH = /^( *)([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)( *)$/;

const KEYWORDS = new Set(['this', 'else', 'true', 'false', 'null', 'undefined']);

export function simpleTemplateModel(text: string): { lines: LineIndex; model: TemplateModel } | undefined {
  // A backslash can escape a mustache; `{{{{` opens a raw block: both are Handlebars' business.
  if (text.includes('\\') || text.includes('{{{{')) return undefined;
  const references: TemplateReference[] = [];
  const content: { text: string; span: Span }[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    if (open < 0) break;
    const triple = text[open + 2] === '{';
    const bodyStart = open + (triple ? 3 : 2);
    const close = text.indexOf(triple ? '}}}' : '}}', bodyStart);
    if (close < 0) return undefined;
    const body = text.slice(bodyStart, close);
    const match = SIMPLE_PATH.exec(body);
    if (!match) return undefined;
    const path = match[2];
    const parts = path.split('.');
    // `{{name}}` of a helper is a call, `this` is the context, `else` and the literals are keywords.
    if (KEYWORDS.has(parts[0]) || (parts.length === 1 && helpers.has(path))) return undefined;
    if (open > at) content.push({ text: text.slice(at, open), span: { start: at, end: open } });
    const start = bodyStart + match[1].length;
    const partSpans: Span[] = [];
    let cursor = start;
    for (const part of parts) {
      partSpans.push({ start: cursor, end: cursor + part.length });
      cursor += part.length + 1;
    }
    references.push({ parts, partSpans, span: { start, end: start + path.length }, relative: false });
    at = close + (triple ? 3 : 2);
  }
  if (at < text.length) content.push({ text: text.slice(at), span: { start: at, end: text.length } });
  return { lines: new LineIndex(text), model: { references, helperCalls: [], stringLiterals: [], content } };
}
