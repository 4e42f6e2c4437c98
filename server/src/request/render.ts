// Renders a request once, with the same Handlebars parser the diagnostics use and the real values,
// secrets entering as marks (symbolic.ts): the one rendering is read as sent, as shown and as curl.
// Strict mode, as LaunchDarkly's own checks render: a name without a value is an error, never an empty
// string. No HTML escaping: these are URLs and header values, not HTML.
import Handlebars from 'handlebars';
import { renderHelpers, SecretInTemplateLogic } from './renderHelpers';
import type { RequestSpec } from './requestSpec';
import { Marks, RESERVED_CHARACTERS } from './symbolic';
import { setOwn } from '../engine/ownRecord';

export type TemplateValue = string | boolean;

export interface RenderedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly body?: string;
}

export interface RenderInput {
  /** Every value the templates may read: form variables (coerced), `_featureStoreKey`, `envId`. */
  readonly values: ReadonlyMap<string, TemplateValue>;
  /** Keys of the values that are secret. */
  readonly secretKeys: ReadonlySet<string>;
  /** The flag payload of a featureStore request, before payloadPrefix/payloadSuffix. */
  readonly payload?: string;
  /** For reproducible EdgeGrid signatures in tests. */
  readonly now?: () => Date;
  readonly nonce?: () => string;
}

export interface Rendered {
  /** What is sent. */
  readonly real: RenderedRequest;
  /** The same rendering with its marks: read it with `marks.masked()` or `shellWord()`. */
  readonly marked: RenderedRequest;
  readonly marks: Marks;
}

export type RenderResult = { readonly ok: true; readonly rendered: Rendered } | { readonly ok: false; readonly problems: readonly string[] };

export function renderRequest(spec: RequestSpec, input: RenderInput): RenderResult {
  if (spec.templateErrors.length > 0) {
    return { ok: false, problems: spec.templateErrors.map((e) => `template error at ${e}`) };
  }
  const marks = new Marks();
  // Own properties only: a form variable named `constructor` or `__proto__` is only what the author gave.
  const context: Record<string, TemplateValue> = {};
  for (const [key, value] of input.values) setOwn(context, key, input.secretKeys.has(key) && typeof value === 'string' ? marks.secret(key, value) : value);
  const reserved = reservedCharacterProblem(spec, input.values);
  if (reserved) return { ok: false, problems: [reserved] };
  const problems: string[] = [];
  const env = Handlebars.create();
  env.registerHelper(renderHelpers({ marks, now: input.now, nonce: input.nonce }, env.helpers));
  const render = (template: string, what: string): string => {
    try {
      return renderTemplate(env, template, context);
    } catch (error) {
      problems.push(`${what}: ${describeRenderError(error)}`);
      return '';
    }
  };
  const { endpoint } = spec;
  const body =
    spec.kind === 'featureStore'
      ? render(spec.payloadPrefix ?? '', 'payloadPrefix') + (input.payload ?? '') + render(spec.payloadSuffix ?? '', 'payloadSuffix')
      : undefined;
  const marked: RenderedRequest = {
    method: endpoint.method,
    url: render(endpoint.url, 'url'),
    headers: endpoint.headers.map((h) => ({ name: h.name, value: render(h.value, `header ${h.name}`) })),
    body,
  };
  if (problems.length > 0) return { ok: false, problems };
  const real: RenderedRequest = {
    method: marked.method,
    url: marks.real(marked.url),
    headers: marked.headers.map((h) => ({ name: h.name, value: marks.real(h.value) })),
    body: marked.body === undefined ? undefined : marks.real(marked.body),
  };
  const urlProblem = checkUrl(real.url);
  if (urlProblem) return { ok: false, problems: [urlProblem] };
  // Node would refuse to send these; what is shown must be what is sent, so neither happens.
  const badHeader = real.headers.find((h) => !/^[\t\x20-\x7e\x80-\xff]*$/.test(h.value));
  if (badHeader) {
    return { ok: false, problems: [`header ${badHeader.name}: the rendered value holds a line break, a control character or a character beyond Latin-1, which HTTP header values cannot carry`] };
  }
  return { ok: true, rendered: { real, marked, marks } };
}

/** The private-use characters that mark secrets may come from neither the manifest nor a value. */
function reservedCharacterProblem(spec: RequestSpec, values: ReadonlyMap<string, TemplateValue>): string | undefined {
  const { endpoint } = spec;
  const texts = [endpoint.url, ...endpoint.headers.flatMap((h) => [h.name, h.value]), spec.payloadPrefix ?? '', spec.payloadSuffix ?? ''];
  if (texts.some((t) => RESERVED_CHARACTERS.test(t))) return 'the request holds the private-use characters U+E000 or U+E001, which this tool reserves to mark secrets';
  for (const [key, value] of values) {
    if (typeof value === 'string' && RESERVED_CHARACTERS.test(value)) return `the value of \`${key}\` holds the private-use characters U+E000 or U+E001, which this tool reserves to mark secrets`;
  }
  return undefined;
}

export function renderTemplate(env: typeof Handlebars, template: string, context: Record<string, TemplateValue>): string {
  return env.compile(template, { strict: true, noEscape: true })(context);
}

function describeRenderError(error: unknown): string {
  if (error instanceof SecretInTemplateLogic) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const missing = /"([^"]+)" not defined in/.exec(message);
  if (missing) return `\`${missing[1]}\` has no value`;
  return message.replace(/\s+/g, ' ').trim();
}

/** Only absolute http(s) URLs are sent; anything else (a relative URL, `file:`, `ftp:`) is refused. */
function checkUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the rendered url is not an absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `only http: and https: URLs are sent, not ${parsed.protocol}`;
  return undefined;
}
