// One API call rendered the way the validation request is (server/src/request/symbolic.ts): the
// access token and every secret config value enter as marks, so the one rendering is read as sent
// (`real`), as shown and logged (`marked` read through `marks.masked`, the token as ••••) and as curl
// (the token as `${LD_ACCESS_TOKEN}`, a secret value as its own shell variable). Pure.
import type { Rendered, RenderedRequest } from '../request/render';
import { Marks, MASK, shellVariableName } from '../request/symbolic';
import type { Route } from './routes';

/** The shell variable a curl command reads the token from: the name LaunchDarkly's own CLI uses. */
export const TOKEN_VARIABLE = 'LD_ACCESS_TOKEN';

export interface ApiCall {
  readonly baseUri: string;
  readonly route: Route;
  readonly token: string;
  /** Absent in a browser, which sends its own and lets no page set it. */
  readonly userAgent?: string;
  /** A JSON body (create: `{ config, … }`; update: a JSON Patch). */
  readonly body?: unknown;
  /** Config keys whose values are secret: they are marked wherever they sit in the body. */
  readonly secretKeys?: ReadonlySet<string>;
}

export function renderApiCall(call: ApiCall): Rendered {
  const marks = new Marks();
  const token = marks.mark({ real: call.token, masked: MASK, shell: `\${${TOKEN_VARIABLE}}`, variables: [TOKEN_VARIABLE] });
  const headers = [
    { name: 'Authorization', value: token },
    ...(call.userAgent !== undefined ? [{ name: 'User-Agent', value: call.userAgent }] : []),
    { name: 'Accept', value: 'application/json' },
    ...(call.route.beta ? [{ name: 'LD-API-Version', value: 'beta' }] : []),
    ...(call.body !== undefined ? [{ name: 'Content-Type', value: 'application/json' }] : []),
  ];
  const body = call.body === undefined ? undefined : JSON.stringify(markSecrets(call.body, call.secretKeys ?? new Set(), marks));
  const marked: RenderedRequest = { method: call.route.method, url: `${call.baseUri}${call.route.path}`, headers, body };
  const real: RenderedRequest = {
    method: marked.method,
    url: marked.url,
    headers: headers.map((h) => ({ name: h.name, value: marks.real(h.value) })),
    body: body === undefined ? undefined : marks.real(body),
  };
  return { real, marked, marks };
}

/**
 * The body with each secret string replaced by a mark. A mark stands inside a JSON string, so its
 * real form is the value JSON-escaped; `config.<key>` (create) and `/config/<key>` patch values
 * (update) are the places a secret sits.
 */
function markSecrets(body: unknown, secretKeys: ReadonlySet<string>, marks: Marks): unknown {
  const mark = (key: string, value: unknown): unknown => {
    if (!secretKeys.has(key) || typeof value !== 'string' || value === '') return value;
    const name = shellVariableName(key);
    return marks.mark({ real: JSON.stringify(value).slice(1, -1), masked: MASK, shell: `\${${name}}`, variables: [name] });
  };
  if (Array.isArray(body)) {
    return body.map((op: unknown) => {
      const { path, value } = (op ?? {}) as { path?: unknown; value?: unknown };
      const key = typeof path === 'string' && path.startsWith('/config/') ? unescapePointer(path.slice('/config/'.length)) : undefined;
      return key === undefined ? op : { ...(op as object), value: mark(key, value) };
    });
  }
  const config = (body as { config?: unknown } | null)?.config;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return body;
  // fromEntries defines own properties: a key `__proto__` stays a key.
  const markedConfig = Object.fromEntries(Object.entries(config).map(([key, value]) => [key, mark(key, value)]));
  return { ...(body as object), config: markedConfig };
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
