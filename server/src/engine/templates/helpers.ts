// The helpers a manifest template may call. Arities come from the real manifests and templates in
// the integration-framework corpus (see each entry); LaunchDarkly's own implementations are not public.

export interface HelperParameter {
  readonly name: string;
  readonly description: string;
}

export interface HelperInfo {
  readonly name: string;
  /** Used as `{{#name ...}}...{{/name}}`. */
  readonly block: boolean;
  /** A block helper whose body renders against a new context (`this` changes), so paths inside are relative. */
  readonly changesContext: boolean;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly parameters: readonly HelperParameter[];
  readonly summary: string;
  /** Where the arity was learned, for whoever revisits it. */
  readonly evidence: string;
}

const value = (name: string, description: string): HelperParameter => ({ name, description });

const catalogue: readonly HelperInfo[] = [
  {
    name: 'if',
    block: true,
    changesContext: false,
    minArgs: 1,
    maxArgs: 1,
    parameters: [value('condition', 'Renders the block when this is truthy, the `{{else}}` part otherwise.')],
    summary: 'Handlebars built-in: conditional block.',
    evidence: 'Handlebars; new-relic-apm url, servicenow jsonBody',
  },
  {
    name: 'unless',
    block: true,
    changesContext: false,
    minArgs: 1,
    maxArgs: 1,
    parameters: [value('condition', 'Renders the block when this is falsy.')],
    summary: 'Handlebars built-in: inverse conditional block.',
    evidence: 'Handlebars',
  },
  {
    name: 'each',
    block: true,
    changesContext: true,
    minArgs: 1,
    maxArgs: 1,
    parameters: [value('list', 'An array or object; the block renders once per item with the item as `this` (`@index`, `@key` available).')],
    summary: 'Handlebars built-in: iterates a list.',
    evidence: 'Handlebars',
  },
  {
    name: 'with',
    block: true,
    changesContext: true,
    minArgs: 1,
    maxArgs: 1,
    parameters: [value('object', 'Becomes `this` inside the block.')],
    summary: 'Handlebars built-in: renders the block with another context.',
    evidence: 'Handlebars',
  },
  {
    name: 'lookup',
    block: false,
    changesContext: false,
    minArgs: 2,
    maxArgs: 2,
    parameters: [value('object', 'The object or array to read.'), value('key', 'The property name or index to read from it.')],
    summary: 'Handlebars built-in: reads a property whose name is computed.',
    evidence: 'Handlebars',
  },
  {
    name: 'equal',
    block: true,
    changesContext: false,
    minArgs: 2,
    maxArgs: 2,
    parameters: [value('left', 'First value.'), value('right', 'Second value, often a string literal.')],
    summary: 'Renders the block when both values are equal (`===`), the `{{else}}` part otherwise.',
    evidence: "`{{#equal kind 'flag'}}` in templates/*.hbs (5 uses)",
  },
  {
    name: 'equalWithElse',
    block: true,
    changesContext: false,
    minArgs: 2,
    maxArgs: 3,
    parameters: [value('left', 'First value.'), value('right', 'Second value.'), value('otherwise', 'Optional: what to render when they differ.')],
    summary: 'Like `equal`, with an explicit else branch. Registered by the framework tests; no real manifest uses it, so its arity is accepted loosely.',
    evidence: 'registered by upstream tests; no use in the corpus',
  },
  {
    name: 'pathEncode',
    block: false,
    changesContext: false,
    minArgs: 1,
    maxArgs: 1,
    parameters: [value('value', 'Text to put in a URL path segment.')],
    summary: 'Percent-encodes a value for a URL path, like JavaScript\'s `encodeURI` (the framework\'s emulation): spaces and quotes are encoded, `/`, `?`, `&` stay.',
    evidence: 'appdynamics url `{{pathEncode applicationID}}`',
  },
  {
    name: 'queryEncode',
    block: false,
    changesContext: false,
    minArgs: 1,
    maxArgs: 1,
    parameters: [value('value', 'Text to put in a URL query string.')],
    summary: 'Percent-encodes a value for a URL query string, like `encodeURIComponent`: `/`, `&`, `=` and spaces are encoded.',
    evidence: 'appdynamics url, servicenow urlTemplate `{{queryEncode context.approvalId}}` (13 uses)',
  },
  {
    name: 'basicAuthHeaderValue',
    block: false,
    changesContext: false,
    minArgs: 2,
    maxArgs: 2,
    parameters: [value('username', 'The user name.'), value('password', 'The password (usually a secret form variable).')],
    summary: 'Builds an HTTP Basic `Authorization` header value: `Basic base64(username:password)`.',
    evidence: 'sample-integration header, custom-approvals headers (5 uses)',
  },
  {
    name: 'formatWithOffset',
    block: false,
    changesContext: false,
    minArgs: 3,
    maxArgs: 3,
    parameters: [
      value('timestamp', 'Milliseconds since the epoch, e.g. `timestamp.milliseconds`.'),
      value('offsetSeconds', 'Seconds to add.'),
      value('format', "Output format, e.g. `'simple'`."),
    ],
    summary: 'Formats a timestamp moved by an offset in seconds, as `milliseconds`, `seconds`, `rfc3339` or `simple` (`YYYY-MM-DD HH:MM:SS`, UTC).',
    evidence: "servicenow jsonBody `{{formatWithOffset timestamp.milliseconds 301 'simple'}}` (6 uses)",
  },
  {
    name: 'edgeGridAuth',
    block: false,
    changesContext: false,
    minArgs: 10,
    maxArgs: 10,
    parameters: [
      value('method', "HTTP method of the signed request, e.g. `'PUT'`."),
      value('path', 'Request path to sign (a string literal; `{{...}}` inside it is text that LaunchDarkly substitutes, not a reference here).'),
      value('hostname', 'Akamai API host.'),
      value('network', 'EdgeKV network (`production` or `staging`).'),
      value('namespaceId', 'EdgeKV namespace.'),
      value('groupId', 'EdgeKV group.'),
      value('itemKey', 'EdgeKV item, usually `_featureStoreKey`.'),
      value('clientSecret', 'API client secret.'),
      value('clientToken', 'API client token.'),
      value('accessToken', 'API access token.'),
    ],
    summary: "Computes an Akamai EdgeGrid `Authorization` header (EG1-HMAC-SHA256). Provided by LaunchDarkly's service only.",
    evidence: 'akamai-edgeworkers headers (2 uses, 10 arguments each)',
  },
];

export const helpers: ReadonlyMap<string, HelperInfo> = new Map(catalogue.map((h) => [h.name, h]));

export function helperSignature(helper: HelperInfo): string {
  const params = helper.parameters.map((p, i) => (i >= helper.minArgs ? `[${p.name}]` : p.name)).join(' ');
  return helper.block ? `{{#${helper.name} ${params}}} … {{/${helper.name}}}` : `{{${helper.name} ${params}}}`;
}

export function helperMarkdown(helper: HelperInfo): string {
  const args = helper.parameters.map((p) => `- \`${p.name}\`: ${p.description}`).join('\n');
  return [`\`${helperSignature(helper)}\``, helper.summary, args].filter(Boolean).join('\n\n');
}
