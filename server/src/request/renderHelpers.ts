// LaunchDarkly's template helpers, run locally. Semantics follow the helpers' published descriptions
// and their uses in the real manifests (see templates/helpers.ts for the catalogue); where LaunchDarkly
// has not published an exact behaviour, the choice is written next to the helper.
//
// Secrets reach the helpers as marks (symbolic.ts). The helpers that transform a secret return a new
// mark; every other helper, Handlebars' built-ins included, refuses a secret: a rendering that branched
// on a secret's value (`{{#equal apiKey "…"}}`, `{{#if apiKey}}`) could show one request and send another.
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { edgeGridAuthorization, edgeGridTimestamp } from './edgeGrid';
import { basicAuthHeaderValue, formatWithOffset, pathEncode, queryEncode } from '../engine/templates/helperFunctions';
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
    pathEncode: encode('pathEncoded', pathEncode),
    queryEncode: encode('queryEncoded', queryEncode),
    basicAuthHeaderValue(...args: Args) {
      const [user, password] = split(args).values.map(text);
      const real = basicAuthHeaderValue(marks.real(user), marks.real(password));
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
    formatWithOffset(...args: Args) {
      const [timestamp, offsetSeconds, unit] = plain('formatWithOffset', args).values;
      const formatted = formatWithOffset(timestamp, offsetSeconds, unit);
      if (formatted === undefined) throw new Error(`formatWithOffset: ${text(timestamp)} is not a timestamp in milliseconds`);
      return formatted;
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
