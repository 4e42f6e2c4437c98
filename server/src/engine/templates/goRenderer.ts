// LaunchDarkly renders templates with a Go implementation of Handlebars (raymond, at Handlebars.js 3
// level), not with Handlebars.js: constructs that Handlebars.js accepts and it does not, and LaunchDarkly's
// `equal`, which has no else there. Found from Handlebars' own lexer tokens, in one pass.
import { lexTemplate, type LexedToken, type LineIndex, type Span } from './parseTemplate';

export interface GoRendererProblem {
  readonly code: 'template-go-unsupported' | 'template-equal-else';
  readonly span: Span;
  readonly message: string;
  /** For `template-equal-else`: the spans of `equal` in the opening and closing tags. */
  readonly renames?: readonly Span[];
}

/**
 * A linear pre-test: only a template with one of these can hold a construct the Go renderer lacks, so
 * only those are lexed (most templates are not). Substring searches and one scan, no regular
 * expression that could backtrack on a long template.
 */
function mayHaveProblems(text: string): boolean {
  const compact = text.replace(/\{\{~?\s+/g, '{{');
  if (['{{*', '{{#*', '{{{{', '{{#>', '@partial-block', '@level'].some((s) => compact.includes(s))) return true;
  if (compact.includes('{{#equal') && (compact.includes('{{else') || compact.includes('{{^'))) return true;
  return lineBreakInExpressionString(text);
}

/** Whether a quoted string inside `{{ }}` holds a line break: one pass over the text. */
function lineBreakInExpressionString(text: string): boolean {
  let inExpression = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!inExpression) {
      if (c === '{' && text[i + 1] === '{') inExpression = true;
    } else if (quote) {
      if (c === quote) quote = '';
      else if (c === '\n' || c === '\r') return true;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '}' && text[i + 1] === '}') {
      inExpression = false;
    }
  }
  return false;
}

export function goRendererProblems(text: string, lines: LineIndex): GoRendererProblem[] {
  if (!mayHaveProblems(text)) return [];
  const tokens = lexTemplate(text, lines);
  const problems: GoRendererProblem[] = [];
  const unsupported = (span: Span, what: string) =>
    problems.push({ code: 'template-go-unsupported', span, message: `${what} LaunchDarkly renders templates with a Go implementation of Handlebars, which does not support it.` });
  /** Open blocks: the helper name's token, and whether an else was met at its level. */
  const blocks: { name: LexedToken | undefined; elseAt?: Span }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    switch (token.name) {
      case 'OPEN_PARTIAL_BLOCK':
        // Partials of any kind are reported as such by the helper check ("Partials are not available").
        blocks.push({ name: next });
        break;
      case 'OPEN_RAW_BLOCK':
        unsupported(token.span, 'A raw block (`{{{{…}}}}`) passes its content to a helper.');
        break;
      case 'OPEN_BLOCK':
        if (token.text.includes('*')) unsupported(token.span, 'An inline partial or decorator block (`{{#* …}}`) is a Handlebars.js 4 feature.');
        blocks.push({ name: next?.name === 'ID' ? next : undefined });
        break;
      case 'OPEN_INVERSE':
        blocks.push({ name: next?.name === 'ID' ? next : undefined });
        break;
      case 'OPEN':
        if (token.text.includes('*')) unsupported(token.span, 'A decorator (`{{* …}}`) is a Handlebars.js 4 feature.');
        break;
      case 'DATA':
        if (next?.name === 'ID' && (next.text === 'partial-block' || next.text === 'level')) {
          unsupported({ start: token.span.start, end: next.span.end }, `\`@${next.text}\` is a Handlebars.js 4 feature.`);
        }
        break;
      case 'STRING':
        if (/[\r\n]/.test(token.text)) unsupported(token.span, 'A string literal with a line break inside `{{ }}` does not parse there ("Unterminated string").');
        break;
      case 'INVERSE':
      case 'OPEN_INVERSE_CHAIN': {
        const block = blocks.at(-1);
        if (block && block.elseAt === undefined) block.elseAt = token.span;
        break;
      }
      case 'OPEN_ENDBLOCK': {
        const block = blocks.pop();
        if (block?.name?.text === 'equal' && block.elseAt && next?.name === 'ID' && next.text === 'equal') {
          problems.push({
            code: 'template-equal-else',
            span: block.elseAt,
            message: "LaunchDarkly's `equal` has no else: in production this `{{else}}` part never renders. Use `equalWithElse`, which has one.",
            renames: [block.name.span, next.span],
          });
        }
        break;
      }
    }
  }
  return problems;
}
