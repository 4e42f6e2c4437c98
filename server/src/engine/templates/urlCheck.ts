// Renders a url template with sample values and checks that the result is an absolute http(s) URL.
// A variable (or LaunchDarkly value) at the very start of the url holds the base URL and brings its
// scheme, so only what the literal text can break is checked there.
import type { Span } from './parseTemplate';
import { helpers } from './helpers';
import { resolveReference, type TemplateSite } from './analysis';
import { FEATURE_STORE_KEY } from './scopes';

export interface UrlProblem {
  readonly message: string;
  readonly span: Span;
}

const SAMPLE_BASE = 'https://sample.example.com';
const SAMPLE_TEXT = 'sample';

type AnyNode = hbs.AST.Node & Record<string, unknown>;

export function checkRenderedUrl(site: TemplateSite): UrlProblem | undefined {
  const ast = site.ast;
  if (!site.parsed.ok || !ast) return undefined;
  const { lines } = site.parsed;
  const whole: Span = { start: 0, end: site.decoded.value.length };
  const rendered = render(site, ast);
  const problem = urlProblem(rendered);
  if (!problem) return undefined;
  // Point at the literal text that breaks the scheme or host when there is one at the start.
  const first = ast.body[0];
  const span = first?.type === 'ContentStatement' ? lines.spanOf(first.loc) : whole;
  return { message: `${problem} (rendered with sample values: \`${rendered}\`).`, span: span.end > span.start ? span : whole };
}

export function urlProblem(url: string): string | undefined {
  if (url.trim() === '') return 'The url is empty';
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1];
  if (!scheme) return 'The url must be absolute: start it with `https://` (or `http://`)';
  if (scheme !== 'http' && scheme !== 'https') return `The url scheme \`${scheme}:\` is not \`http\` or \`https\``;
  const authority = /^https?:\/\/([^/?#]*)/.exec(url)?.[1];
  if (authority === undefined) return 'The url must start with `https://` followed by a host';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host === '') return 'The url has no host after `://`';
  if (/\s/.test(host)) return 'The url host contains whitespace';
  try {
    new URL(url);
  } catch {
    return 'The url is not a valid URL';
  }
  return undefined;
}

function render(site: TemplateSite, program: hbs.AST.Program): string {
  let out = '';
  const value = (path: hbs.AST.PathExpression): string => {
    const atStart = out === '';
    const parts = path.parts;
    if (path.data || path.depth > 0) return SAMPLE_TEXT;
    const reference = { parts, partSpans: parts.map(() => ({ start: 0, end: 0 })), span: { start: 0, end: 0 }, relative: false };
    const resolution = resolveReference(site, reference);
    if (parts[0] === FEATURE_STORE_KEY) return 'sample-feature-store-key';
    if (resolution.kind === 'variable') {
      const type = resolution.variable.type;
      if (type === 'uri') return SAMPLE_BASE;
      if (type === 'boolean') return 'true';
    }
    // Any other value at the start is the base URL (`{{baseURL}}/api`); elsewhere it is plain text.
    return atStart ? SAMPLE_BASE : SAMPLE_TEXT;
  };
  const expression = (node: AnyNode): string => {
    if (node.type === 'PathExpression') return value(node as unknown as hbs.AST.PathExpression);
    if (node.type === 'StringLiteral') return String((node as unknown as hbs.AST.StringLiteral).value);
    return SAMPLE_TEXT;
  };
  const statements = (body: hbs.AST.Statement[]) => {
    for (const node of body as AnyNode[]) {
      if (node.type === 'ContentStatement') out += (node as unknown as hbs.AST.ContentStatement).value;
      else if (node.type === 'MustacheStatement') {
        const mustache = node as unknown as hbs.AST.MustacheStatement;
        const name = (mustache.path as hbs.AST.PathExpression).original;
        const isCall = mustache.params.length > 0 || helpers.has(name);
        // An encoding helper's output is a path or query fragment, never a scheme or host.
        out += isCall ? SAMPLE_TEXT : expression(mustache.path as AnyNode);
      } else if (node.type === 'BlockStatement') {
        // Conditions are taken as true: the main branch is what a fully configured integration renders.
        statements((node as unknown as hbs.AST.BlockStatement).program?.body ?? []);
      }
    }
  };
  statements(program.body);
  return out;
}
