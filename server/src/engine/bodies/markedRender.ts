// Renders a template so that every character of the output knows where it came from: the template
// text it was copied from, or the expression (`{{…}}`) that inserted it. Handlebars' own tree is
// rewritten before compiling: each text piece becomes a call that emits it between marks, and each
// expression is wrapped in a call that emits its value between marks, keeping `{{ }}` or `{{{ }}}`
// (so HTML escaping happens as it would). Not strict, as LaunchDarkly's renderer: a missing name
// renders empty. A JSON parse error in the output can then be put at its place in the source.
import Handlebars from 'handlebars';
import { createLaunchDarklyRuntime } from '../rules/auditLogTemplates/handlebarsRuntime';
import { LineIndex, type Span } from '../templates/parseTemplate';

const OPEN = '\uE020';
const SEPARATOR = '\uE021';
const CLOSE = '\uE022';
const MARKED = /\uE020(\d+)\uE021([^\uE020-\uE022]*)\uE022/g;

export interface Insertion {
  /** The expression's span in the template text. */
  readonly span: Span;
  /** `{{x}}` (HTML-escaped) rather than `{{{x}}}`. */
  readonly escaped: boolean;
  /** The expression's source text, e.g. `{{title.plainText}}`. */
  readonly source: string;
}

export interface MarkedOutput {
  readonly text: string;
  /** For each output character: the template index it was copied from, or -1 when an expression inserted it. */
  readonly origin: Int32Array;
  /** For each output character: the index in `insertions` of the expression that inserted it, or -1. */
  readonly insertedBy: Int32Array;
  readonly insertions: readonly Insertion[];
}

type AnyNode = hbs.AST.Node & Record<string, unknown>;

interface Piece {
  readonly kind: 'text' | 'insertion';
  /** Text pieces: where the (whitespace-stripped) value starts in the template. */
  readonly start: number;
  readonly insertion?: number;
}

const runtime = createLaunchDarklyRuntime();

/** Rewritten and compiled templates by text: a template's text is its snapshot. Bounded. */
const compiled = new Map<string, { render: HandlebarsTemplateDelegate; pieces: readonly Piece[]; insertions: readonly Insertion[] }>();
const MAX_COMPILED = 256;

/** Renders `template` against `context`; throws what Handlebars throws (a helper failing on a value). */
export function renderMarked(template: string, context: unknown): MarkedOutput {
  let entry = compiled.get(template);
  if (!entry) {
    entry = compileMarked(template);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(template, entry);
  }
  const raw = entry.render(context, { helpers: MARK_HELPERS });
  return unmark(raw, entry.pieces, entry.insertions);
}

const MARK_HELPERS: Record<string, Handlebars.HelperDelegate> = {
  __text: (index: number) => `${OPEN}${index}${SEPARATOR}`,
  __end: () => CLOSE,
  __insert: (index: number, value: unknown) => `${OPEN}${index}${SEPARATOR}${stringOf(value)}${CLOSE}`,
};

/** How a value prints: as LaunchDarkly's Go renderer does, arrays without separators. */
function stringOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(stringOf).join('');
  return String(value);
}

function compileMarked(template: string) {
  const lines = new LineIndex(template);
  const ast = Handlebars.parse(template);
  const pieces: Piece[] = [];
  const insertions: Insertion[] = [];
  // Iterative over programs: blocks nest at most MAX_BLOCK_DEPTH deep (checked before any rendering).
  const programs: hbs.AST.Program[] = [ast];
  while (programs.length > 0) {
    const program = programs.pop()!;
    const body: hbs.AST.Statement[] = [];
    for (const statement of program.body) {
      const node = statement as AnyNode;
      if (statement.type === 'ContentStatement') {
        const content = statement as hbs.AST.ContentStatement;
        const span = lines.spanOf(content.loc);
        const original = content.original as unknown as string;
        const offsetInOriginal = Math.max(0, original.indexOf(content.value));
        pieces.push({ kind: 'text', start: span.start + offsetInOriginal });
        // The text stays a text node (whitespace control already applied); marks go around it.
        body.push(markCall('__text', pieces.length - 1, content.loc), content, markCall('__end', undefined, content.loc));
        continue;
      }
      if (statement.type === 'MustacheStatement') {
        const mustache = statement as hbs.AST.MustacheStatement;
        const span = lines.spanOf(mustache.loc);
        insertions.push({ span, escaped: mustache.escaped, source: template.slice(span.start, span.end) });
        pieces.push({ kind: 'insertion', start: span.start, insertion: insertions.length - 1 });
        body.push(wrapInsertion(mustache, pieces.length - 1));
        continue;
      }
      for (const key of ['program', 'inverse'] as const) {
        const child = node[key] as hbs.AST.Program | undefined;
        if (child) programs.push(child);
      }
      body.push(statement);
    }
    program.body = body;
  }
  const render = runtime.compile(ast as unknown as string, { strict: false, knownHelpersOnly: false });
  return { render, pieces, insertions };
}

function literal(value: number, loc: hbs.AST.SourceLocation): hbs.AST.NumberLiteral {
  return { type: 'NumberLiteral', value, original: value, loc };
}

function path(name: string, loc: hbs.AST.SourceLocation): hbs.AST.PathExpression {
  return { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc, head: name, tail: [] } as unknown as hbs.AST.PathExpression;
}

function markCall(helper: '__text' | '__end', index: number | undefined, loc: hbs.AST.SourceLocation): hbs.AST.MustacheStatement {
  return {
    type: 'MustacheStatement',
    path: path(helper, loc),
    params: index === undefined ? [] : [literal(index, loc)],
    hash: undefined as unknown as hbs.AST.Hash,
    escaped: false,
    strip: { open: false, close: false },
    loc,
  };
}

/** `{{x a}}` → `{{__insert i (x a)}}`, `{{x}}` → `{{__insert i x}}`, keeping the escaping of the original. */
function wrapInsertion(mustache: hbs.AST.MustacheStatement, index: number): hbs.AST.MustacheStatement {
  const hasArguments = mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0;
  const inner: hbs.AST.Expression = hasArguments
    ? ({ type: 'SubExpression', path: mustache.path, params: mustache.params, hash: mustache.hash, loc: mustache.loc } as hbs.AST.SubExpression)
    : (mustache.path as hbs.AST.Expression);
  return { ...mustache, path: path('__insert', mustache.loc), params: [literal(index, mustache.loc), inner], hash: undefined as unknown as hbs.AST.Hash };
}

function unmark(raw: string, pieces: readonly Piece[], insertions: readonly Insertion[]): MarkedOutput {
  let text = '';
  const origin: number[] = [];
  const insertedBy: number[] = [];
  let last = 0;
  const stray = (chunk: string) => {
    // Output no mark accounts for (a block helper's own text): placed at the template's start.
    for (let i = 0; i < chunk.length; i++) {
      origin.push(-1);
      insertedBy.push(-1);
    }
    text += chunk;
  };
  for (const match of raw.matchAll(MARKED)) {
    stray(raw.slice(last, match.index));
    const piece = pieces[Number(match[1])];
    const value = match[2]!;
    for (let i = 0; i < value.length; i++) {
      if (piece?.kind === 'text') {
        origin.push(piece.start + i);
        insertedBy.push(-1);
      } else {
        origin.push(-1);
        insertedBy.push(piece?.insertion ?? -1);
      }
    }
    text += value;
    last = match.index + match[0].length;
  }
  stray(raw.slice(last));
  return { text, origin: Int32Array.from(origin), insertedBy: Int32Array.from(insertedBy), insertions };
}
