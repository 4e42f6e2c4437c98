// LaunchDarkly's template helpers, run locally. Semantics follow the helpers' published descriptions
// and their uses in the real manifests (see templates/helpers.ts for the catalogue); where LaunchDarkly
// has not published an exact behaviour, the choice is written next to the helper.
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { edgeGridAuthorization, edgeGridTimestamp } from './edgeGrid';
import { MASK, derivedToken, hasToken, mapText, type DerivedValue } from './symbolic';
import { shellDoubleQuoted } from './shellWords';

export type RenderMode = 'real' | 'symbolic';

export interface HelperContext {
  readonly mode: RenderMode;
  /** Derived values of the symbolic rendering. */
  readonly derived: DerivedValue[];
  readonly now?: () => Date;
  readonly nonce?: () => string;
}

type Args = unknown[];

function split(args: Args): { values: unknown[]; options: HelperOptions } {
  return { values: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export function renderHelpers(ctx: HelperContext): Record<string, HelperDelegate> {
  const encode = (fn: (s: string) => string) => (...args: Args) => mapText(text(split(args).values[0]), fn);
  return {
    // One URL path segment: everything but unreserved characters is percent-encoded (so `/` too).
    pathEncode: encode(encodeURIComponent),
    // A query string value. Like Go's url.QueryEscape, a space becomes `+`.
    queryEncode: encode((s) => encodeURIComponent(s).replace(/%20/g, '+')),
    basicAuthHeaderValue(...args: Args) {
      const [user, password] = split(args).values.map(text);
      if (ctx.mode === 'symbolic' && (hasToken(user) || hasToken(password))) {
        return derivedToken(ctx.derived, {
          masked: `Basic ${MASK}`,
          shell: `Basic $(printf '%s' ${shellDoubleQuoted(`${user}:${password}`, ctx.derived)} | base64 | tr -d '\\n')`,
        });
      }
      return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
    },
    // `{{#equal a b}}…{{else}}…{{/equal}}`: strict equality, as the framework's tests register it.
    equal(this: unknown, ...args: Args) {
      const { values, options } = split(args);
      return values[0] === values[1] ? options.fn(this) : options.inverse(this);
    },
    // Like `equal`; the optional third argument is what a non-block use renders when they differ.
    equalWithElse(this: unknown, ...args: Args) {
      const { values, options } = split(args);
      const same = values[0] === values[1];
      if (typeof options.fn === 'function') return same ? options.fn(this) : values.length > 2 ? text(values[2]) : options.inverse(this);
      return same ? '' : text(values[2]);
    },
    // The only format in real manifests is 'simple' (ServiceNow date fields): `YYYY-MM-DD HH:mm:ss` in UTC.
    // Anything else renders ISO 8601.
    formatWithOffset(...args: Args) {
      const [timestamp, offsetSeconds, format] = split(args).values;
      const date = new Date(Number(timestamp) + Number(offsetSeconds) * 1000);
      if (Number.isNaN(date.getTime())) throw new Error(`formatWithOffset: ${text(timestamp)} is not a timestamp in milliseconds`);
      const iso = date.toISOString();
      return format === 'simple' ? iso.slice(0, 19).replace('T', ' ') : iso;
    },
    // Argument order from the Akamai manifest: method, path (a literal whose `{{name}}`s LaunchDarkly
    // substitutes), hostname, network, namespaceId, groupId, item key, clientSecret, clientToken, accessToken.
    edgeGridAuth(...args: Args) {
      const { values, options } = split(args);
      const [method, pathLiteral, hostname, , , , , clientSecret, clientToken, accessToken] = values.map(text);
      const path = substitutePathLiteral(pathLiteral, (options.data as { root?: Record<string, unknown> } | undefined)?.root ?? {});
      if (ctx.mode === 'symbolic' && values.some(hasToken)) {
        return derivedToken(ctx.derived, { masked: `EG1-HMAC-SHA256 ${MASK}`, shell: '${EDGEGRID_AUTHORIZATION}' });
      }
      return edgeGridAuthorization({
        method,
        host: hostname,
        pathAndQuery: path,
        clientToken,
        clientSecret,
        accessToken,
        timestamp: edgeGridTimestamp(ctx.now?.() ?? new Date()),
        nonce: ctx.nonce?.(),
      });
    },
  };
}

/** `'/namespaces/{{namespaceId}}'` with the context's values in place of the names. */
export function substitutePathLiteral(literal: string, root: Record<string, unknown>): string {
  return literal.replace(/\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g, (_, name: string) => {
    if (!(name in root)) throw new Error(`edgeGridAuth: the signed path names \`${name}\`, which has no value`);
    return text(root[name]);
  });
}
