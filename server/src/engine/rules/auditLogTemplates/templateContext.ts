// The data a template is rendered with, built as LaunchDarkly's CI builds it: the event (its strings
// JSON-escaped for a .json template, so that quotes and newlines in it keep the output valid JSON)
// and `formVariables` holding a plausible value for each top-level form variable.
import { setOwn } from '../../ownRecord';
import { SECRET_MASK } from '../../secretMask';
import type { Node } from 'jsonc-parser';
import { isTrue, itemsOf, stringAt, valueOf } from '../../jsonTree';

const OAUTH = { baseURI: 'https://oauth.example.com', accessToken: 'sample-access-token' };

export function isJsonTemplate(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith('.json') || lower.endsWith('.json.hbs');
}

/** What LaunchDarkly's `jsonEscape` does: escape every string, deeply, as inside a JSON string. */
export function jsonEscape(value: unknown): unknown {
  if (typeof value === 'string') return JSON.stringify(value).slice(1, -1);
  if (Array.isArray(value)) return value.map(jsonEscape);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonEscape(v)]));
  return value;
}

/** A plausible value for each top-level form variable, by key (secrets masked when asked: a preview), and `oauth`. */
export function sampleFormValues(root: Node | undefined, maskSecrets = false): Readonly<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  for (const variable of itemsOf(valueOf(root, 'formVariables'))) {
    const key = stringAt(variable, 'key');
    // Defined, not assigned: a variable may be called `__proto__`.
    if (key !== undefined) setOwn(values, key, maskSecrets && isTrue(variable, 'isSecret') ? SECRET_MASK : sampleValue(variable, key));
  }
  // The CI puts `oauth` inside formVariables; LaunchDarkly's documentation has `oauth.*` at the top.
  values.oauth = isTrue(root, 'requiresOAuth') ? OAUTH : null;
  return values;
}

/** A value of the variable's type: what the author would have typed into the form. */
function sampleValue(variable: Node, key: string): unknown {
  switch (stringAt(variable, 'type')) {
    case 'boolean':
      return true;
    case 'uri':
      return `https://${key}.com`;
    case 'multiselect':
      return itemsOf(valueOf(variable, 'multiselectOptions')).map((option) => stringAt(option, 'value') ?? key).slice(0, 1);
    case 'environmentSelector':
      return [{ projectKey: 'checkout', environmentKey: 'production' }];
    default:
      return key;
  }
}

/**
 * The context of one template. `formValues` (from `sampleFormValues`) is shared by every template of
 * the manifest: it is made once, not once per template.
 */
export function templateContext(root: Node | undefined, event: Record<string, unknown>, json: boolean, formVariables = sampleFormValues(root)): Record<string, unknown> {
  const requiresOAuth = isTrue(root, 'requiresOAuth');
  const context: Record<string, unknown> = { ...(json ? (jsonEscape(event) as Record<string, unknown>) : event), formVariables };
  if (requiresOAuth) context.oauth = OAUTH;
  return context;
}
