// What a parsed template mentions: variable references (with the span of each path segment), helper
// calls (with their argument counts) and string literals. Paths inside blocks that change the
// context (`each`, `with`, a section over a value) are relative to it and marked so.
import { helpers } from './helpers';
import type { LineIndex, Span } from './parseTemplate';

export interface TemplateReference {
  /** Path segments without `this`/`..`: `context.title.html` -> ['context', 'title', 'html']. */
  readonly parts: readonly string[];
  /** The span of each segment in `parts` (the whole path when a segment cannot be located). */
  readonly partSpans: readonly Span[];
  readonly span: Span;
  /** Resolved against a block's context, a `../` parent or `@data`: not a root-level variable. */
  readonly relative: boolean;
}

export interface HelperCall {
  readonly name: string;
  readonly nameSpan: Span;
  /** The whole `{{...}}`, `{{#...}}...{{/...}}` or `(...)`. */
  readonly span: Span;
  readonly argumentCount: number;
  readonly block: boolean;
}

export interface TemplateModel {
  readonly references: readonly TemplateReference[];
  readonly helperCalls: readonly HelperCall[];
  readonly stringLiterals: readonly Span[];
  /** ContentStatements, for checks on the literal text (a stray `}}`). */
  readonly content: readonly { readonly text: string; readonly span: Span }[];
}

type AnyNode = hbs.AST.Node & Record<string, unknown>;

export function modelOf(ast: hbs.AST.Program, lines: LineIndex): TemplateModel {
  const references: TemplateReference[] = [];
  const helperCalls: HelperCall[] = [];
  const stringLiterals: Span[] = [];
  const content: { text: string; span: Span }[] = [];

  const reference = (path: hbs.AST.PathExpression, relativeContext: boolean) => {
    const span = lines.spanOf(path.loc);
    const relative = relativeContext || path.data || path.depth > 0 || path.parts.length === 0;
    references.push({ parts: path.parts, partSpans: partSpans(path, span), span, relative });
  };

  const expression = (node: AnyNode, relative: boolean): void => {
    switch (node.type) {
      case 'PathExpression':
        reference(node as unknown as hbs.AST.PathExpression, relative);
        break;
      case 'StringLiteral':
        stringLiterals.push(lines.spanOf(node.loc));
        break;
      case 'SubExpression':
        call(node as unknown as hbs.AST.SubExpression, relative, false);
        break;
    }
  };

  const callArguments = (node: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, relative: boolean) => {
    for (const param of node.params) expression(param as AnyNode, relative);
    for (const pair of node.hash?.pairs ?? []) expression(pair.value as AnyNode, relative);
  };

  const call = (node: hbs.AST.SubExpression | hbs.AST.MustacheStatement | hbs.AST.BlockStatement, relative: boolean, block: boolean) => {
    const path = node.path as hbs.AST.PathExpression;
    helperCalls.push({
      name: path.original,
      nameSpan: lines.spanOf(path.loc),
      span: lines.spanOf(node.loc),
      argumentCount: node.params.length,
      block,
    });
    callArguments(node, relative);
  };

  const statement = (node: AnyNode, relative: boolean): void => {
    switch (node.type) {
      case 'ContentStatement': {
        const text = (node as unknown as hbs.AST.ContentStatement).value;
        content.push({ text, span: lines.spanOf(node.loc) });
        break;
      }
      case 'MustacheStatement': {
        const mustache = node as unknown as hbs.AST.MustacheStatement;
        if (mustache.path.type !== 'PathExpression') {
          expression(mustache.path as AnyNode, relative);
          break;
        }
        const path = mustache.path as hbs.AST.PathExpression;
        // `{{name}}` is a helper call when it has arguments or names a known helper; otherwise a value.
        const isCall = mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0 || isHelperName(path);
        if (isCall) call(mustache, relative, false);
        else reference(path, relative);
        break;
      }
      case 'BlockStatement': {
        const block = node as unknown as hbs.AST.BlockStatement;
        const path = block.path;
        const known = isHelperName(path) ? helpers.get(path.original) : undefined;
        const isCall = known !== undefined || block.params.length > 0 || (block.hash?.pairs.length ?? 0) > 0;
        if (isCall) call(block, relative, true);
        else reference(path, relative); // `{{#list}}...{{/list}}`: a section over a value
        // Inside `each`/`with`, or a section over a value, `this` is something else.
        const bodyRelative = relative || !isCall || known?.changesContext === true || (block.program?.blockParams?.length ?? 0) > 0;
        program(block.program, bodyRelative);
        // The inverse (`{{else}}`) renders against the outer context.
        program(block.inverse, relative);
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        // LaunchDarkly registers no partials or decorators; the helper check reports them.
        helperCalls.push({ name: `>${partialName(node)}`, nameSpan: lines.spanOf(node.loc), span: lines.spanOf(node.loc), argumentCount: 0, block: false });
        break;
    }
  };

  const program = (node: hbs.AST.Program | undefined, relative: boolean) => {
    for (const child of node?.body ?? []) statement(child as AnyNode, relative);
  };

  program(ast, false);
  return { references, helperCalls, stringLiterals, content };
}

function isHelperName(path: hbs.AST.PathExpression): boolean {
  return !path.data && path.depth === 0 && path.parts.length === 1 && helpers.has(path.original);
}

function partialName(node: AnyNode): string {
  const name = node.name as { original?: unknown } | undefined;
  return typeof name?.original === 'string' ? name.original : '';
}

/** Locates each segment of `parts` in the path's source text (`this.`, `../` and `@` skipped). */
function partSpans(path: hbs.AST.PathExpression, span: Span): Span[] {
  const source = path.original;
  const whole = path.parts.map(() => span);
  // A segment written as `[a b]` makes the source differ from the original: keep the whole path.
  if (span.end - span.start !== source.length) return whole;
  const spans: Span[] = [];
  let cursor = /^(?:@|(?:\.\.\/|\.\/|this[./])*)/.exec(source)?.[0].length ?? 0;
  for (const part of path.parts) {
    const at = source.indexOf(part, cursor);
    if (at < 0) return whole;
    spans.push({ start: span.start + at, end: span.start + at + part.length });
    cursor = at + part.length;
  }
  return spans;
}
