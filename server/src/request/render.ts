// Renders a request twice with the same Handlebars parser the diagnostics use: once with the real
// values (what is sent) and once symbolically (what is shown; see symbolic.ts). Strict mode, as
// LaunchDarkly's own checks render: a name without a value is an error, never an empty string. No
// HTML escaping: these are URLs and header values, not HTML.
import Handlebars from 'handlebars';
import { renderHelpers, type RenderMode } from './renderHelpers';
import type { RequestSpec } from './requestSpec';
import { secretToken, type DerivedValue } from './symbolic';

export type TemplateValue = string | boolean;

export interface RenderedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly body?: string;
}

export interface RenderInput {
  /** Every value the templates may read: form variables (coerced), `_featureStoreKey`, `envId`. */
  readonly values: Readonly<Record<string, TemplateValue>>;
  /** Keys of the values that are secret. */
  readonly secretKeys: ReadonlySet<string>;
  /** The flag payload of a featureStore request, before payloadPrefix/payloadSuffix. */
  readonly payload?: string;
  /** For reproducible EdgeGrid signatures in tests. */
  readonly now?: () => Date;
  readonly nonce?: () => string;
}

export interface Rendered {
  readonly real: RenderedRequest;
  /** Secrets as tokens; turn into text with `masked()` or `shellWord()` and `derived`. */
  readonly symbolic: RenderedRequest;
  readonly derived: readonly DerivedValue[];
}

export type RenderResult = { readonly ok: true; readonly rendered: Rendered } | { readonly ok: false; readonly problems: readonly string[] };

export function renderRequest(spec: RequestSpec, input: RenderInput): RenderResult {
  if (spec.templateErrors.length > 0) {
    return { ok: false, problems: spec.templateErrors.map((e) => `template error at ${e}`) };
  }
  const symbolicValues: Record<string, TemplateValue> = {};
  for (const [key, value] of Object.entries(input.values)) symbolicValues[key] = input.secretKeys.has(key) ? secretToken(key) : value;
  const derived: DerivedValue[] = [];
  const problems: string[] = [];
  const renderAll = (mode: RenderMode, values: Record<string, TemplateValue>): RenderedRequest => {
    const helpers = renderHelpers({ mode, derived, now: input.now, nonce: input.nonce });
    const render = (template: string, what: string): string => {
      try {
        return renderTemplate(template, values, helpers);
      } catch (error) {
        if (mode === 'real') problems.push(`${what}: ${describeRenderError(error)}`);
        return '';
      }
    };
    const { endpoint } = spec;
    const body =
      spec.kind === 'featureStore'
        ? render(spec.payloadPrefix ?? '', 'payloadPrefix') + (input.payload ?? '') + render(spec.payloadSuffix ?? '', 'payloadSuffix')
        : undefined;
    return {
      method: endpoint.method,
      url: render(endpoint.url, 'url'),
      headers: endpoint.headers.map((h) => ({ name: h.name, value: render(h.value, `header ${h.name}`) })),
      body,
    };
  };
  const real = renderAll('real', { ...input.values });
  if (problems.length > 0) return { ok: false, problems };
  const symbolic = renderAll('symbolic', symbolicValues);
  const urlProblem = checkUrl(real.url);
  if (urlProblem) return { ok: false, problems: [urlProblem] };
  return { ok: true, rendered: { real, symbolic, derived } };
}

export function renderTemplate(template: string, values: Record<string, TemplateValue>, helpers: Record<string, Handlebars.HelperDelegate>): string {
  const env = Handlebars.create();
  env.registerHelper(helpers);
  return env.compile(template, { strict: true, noEscape: true })(values);
}

function describeRenderError(error: unknown): string {
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
