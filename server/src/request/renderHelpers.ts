// LaunchDarkly's template helpers, run locally. Semantics follow the helpers' published descriptions
// and their uses in the real manifests (see templates/helpers.ts for the catalogue); where LaunchDarkly
// has not published an exact behaviour, the choice is written next to the helper.
//
// Secrets reach the helpers as marks (symbolic.ts). The helpers that transform a secret return a new
// mark; every other helper, Handlebars' built-ins included, refuses a secret: a rendering that branched
// on a secret's value (`{{#equal apiKey "…"}}`, `{{#if apiKey}}`) could show one request and send another.
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { edgeGridAuthorization, edgeGridTimestamp } from './edgeGrid';
import { MASK, type Marks } from './symbolic';
import { shellDoubleQuoted } from './shellWords';

export interface HelperContext {
  readonly marks: Marks;
  readonly now?: () => Date;
  readonly nonce?: () => string;
}

type Args = unknown[];

function split(args: Args): { values: unknown[]; options: HelperOptions } {
  return { values: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** Handlebars' own helpers: each would let a template branch on, iterate or print a secret. */
const BUILT_INS = ['if', 'unless', 'with', 'each', 'lookup', 'log', 'blockHelperMissing', 'helperMissing'] as const;

export class SecretInTemplateLogic extends Error {}

export function renderHelpers(ctx: HelperContext, builtIns: Readonly<Record<string, HelperDelegate>>): Record<string, HelperDelegate> {
  const { marks } = ctx;
  /** The helper's arguments, refusing a secret among them. */
  const plain = (helper: string, args: Args): { values: unknown[]; options: HelperOptions } => {
    const parts = split(args);
    const context = (parts.options as { hash?: Record<string, unknown> } | undefined)?.hash;
    if (parts.values.some((v) => marks.isMarked(v)) || Object.values(context ?? {}).some((v) => marks.isMarked(v))) {
      throw new SecretInTemplateLogic(
        `\`${helper}\` is given a secret: a request whose form depends on a secret's value is not sent (it could be shown one way and sent another); secrets may only be inserted, pathEncoded, queryEncoded or given to basicAuthHeaderValue or edgeGridAuth`,
      );
    }
    return parts;
  };
  const encode = (name: string, fn: (s: string) => string) => (...args: Args) => marks.transform(text(split(args).values[0]), fn, name);

  const guarded: Record<string, HelperDelegate> = {};
  for (const name of BUILT_INS) {
    const original = builtIns[name];
    if (original === undefined) continue;
    guarded[name] = function (this: unknown, ...args: Args) {
      // `{{#apiKey}}…{{/apiKey}}` reaches blockHelperMissing with the secret as its first argument.
      plain(name === 'blockHelperMissing' ? 'a block' : name, args);
      return (original as (...a: Args) => unknown).apply(this, args);
    };
  }
  // `log` would print a value to the server's output; nothing in a request needs it.
  guarded.log = () => '';

  return {
    ...guarded,
    // One URL path segment: everything but unreserved characters is percent-encoded (so `/` too).
    pathEncode: encode('pathEncoded', encodeURIComponent),
    // A query string value. Like Go's url.QueryEscape, a space becomes `+`.
    queryEncode: encode('queryEncoded', (s) => encodeURIComponent(s).replace(/%20/g, '+')),
    basicAuthHeaderValue(...args: Args) {
      const [user, password] = split(args).values.map(text);
      const real = `Basic ${Buffer.from(`${marks.real(user)}:${marks.real(password)}`, 'utf8').toString('base64')}`;
      if (!marks.isMarked(user) && !marks.isMarked(password)) return real;
      const pair = `${user}:${password}`;
      return marks.mark({
        real,
        masked: `Basic ${MASK}`,
        shell: `Basic $(printf '%s' ${shellDoubleQuoted(pair, marks)} | base64 | tr -d '\\n')`,
        variables: [...new Set(marks.pieces(pair).flatMap((p) => (p.kind === 'mark' ? p.value.variables : [])))],
      });
    },
    // `{{#equal a b}}…{{else}}…{{/equal}}`: strict equality, as the framework's tests register it.
    equal(this: unknown, ...args: Args) {
      const { values, options } = plain('equal', args);
      return values[0] === values[1] ? options.fn(this) : options.inverse(this);
    },
    // Like `equal`; the optional third argument is what a non-block use renders when they differ.
    equalWithElse(this: unknown, ...args: Args) {
      const { values, options } = plain('equalWithElse', args);
      const same = values[0] === values[1];
      if (typeof options.fn === 'function') return same ? options.fn(this) : values.length > 2 ? text(values[2]) : options.inverse(this);
      return same ? '' : text(values[2]);
    },
    // The only format in real manifests is 'simple' (ServiceNow date fields): `YYYY-MM-DD HH:mm:ss` in UTC.
    // Anything else renders ISO 8601.
    formatWithOffset(...args: Args) {
      const [timestamp, offsetSeconds, format] = plain('formatWithOffset', args).values;
      const date = new Date(Number(timestamp) + Number(offsetSeconds) * 1000);
      if (Number.isNaN(date.getTime())) throw new Error(`formatWithOffset: ${text(timestamp)} is not a timestamp in milliseconds`);
      const iso = date.toISOString();
      return format === 'simple' ? iso.slice(0, 19).replace('T', ' ') : iso;
    },
    // Argument order from the Akamai manifest: method, path (a literal whose `{{name}}`s LaunchDarkly
    // substitutes), hostname, network, namespaceId, groupId, item key, clientSecret, clientToken, accessToken.
    edgeGridAuth(...args: Args) {
      const { values, options } = split(args);
      const [method, pathLiteral, hostname, , , , , clientSecret, clientToken, accessToken] = values.map((v) => marks.real(text(v)));
      const root = (options.data as { root?: Record<string, unknown> } | undefined)?.root ?? {};
      const path = substitutePathLiteral(pathLiteral!, root, (v) => marks.real(v));
      const real = edgeGridAuthorization({
        method: method!,
        host: hostname!,
        pathAndQuery: path,
        clientToken: clientToken!,
        clientSecret: clientSecret!,
        accessToken: accessToken!,
        timestamp: edgeGridTimestamp(ctx.now?.() ?? new Date()),
        nonce: ctx.nonce?.(),
      });
      if (!values.some((v) => marks.isMarked(v))) return real;
      return marks.mark({ real, masked: `EG1-HMAC-SHA256 ${MASK}`, shell: '${EDGEGRID_AUTHORIZATION}', variables: ['EDGEGRID_AUTHORIZATION'] });
    },
  };
}

/** `'/namespaces/{{namespaceId}}'` with the context's values in place of the names. */
export function substitutePathLiteral(literal: string, root: Record<string, unknown>, real: (value: string) => string = (v) => v): string {
  return literal.replace(/\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g, (_, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(root, name)) throw new Error(`edgeGridAuth: the signed path names \`${name}\`, which has no value`);
    return real(text(root[name]));
  });
}
