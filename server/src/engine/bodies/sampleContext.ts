// What a JSON body is rendered against: a sample of what LaunchDarkly supplies where the body lives
// (the audit-log entry's fields that approvals and events share, the approval's own values, a synced
// segment's result), the form variables with values of their types, and, for any path the template
// names that no sample holds (`creationResponseBody.result.[0].display_value`), a value made up from
// the path. Two flavours: ordinary values, and hostile ones where free text holds `"`, `\`, a line
// break, `&` and `<`, as people's names, titles and comments do. Strings from LaunchDarkly's side are
// JSON-escaped before rendering, as the framework's tests do for JSON templates (an inference for
// inline bodies: LaunchDarkly does not publish it); form variable values are not escaped.
import { sampleEventFor } from '../rules/auditLogTemplates/sampleEvents';
import { jsonEscape } from '../rules/auditLogTemplates/templateContext';
import type { FormVariable } from '../templates/formVariables';
import type { TemplateReference } from '../templates/templateModel';
import { setOwn } from '../ownRecord';
import { SECRET_MASK } from '../secretMask';

export type Flavour = 'ordinary' | 'hostile';

/** Free text as a person writes it: every character that JSON or HTML treats specially. */
export const HOSTILE_TEXT = 'Ada "the Countess" O\'Brien \\ R&D <team>\nline two';

/** Leaf names whose values are free text (a person's words) or URLs with queries. */
const FREE_TEXT = /(name|title|plaintext|markdown|html|comment|description|details|message|instructions|text|values?|verb)$/i;
const URL_LIKE = /(href|url|link)$/i;

export interface ContextSource {
  /** Form variables the body sees at the top level (`{{apiKey}}`) and under `formVariables`. */
  readonly topLevel: readonly FormVariable[];
  /** Groups of form variables by root (`approvalFormVariables`, `environmentFormVariables`). */
  readonly groups: ReadonlyMap<string, readonly FormVariable[]>;
  /** The references the template makes: every path named gets a value. */
  readonly references: readonly TemplateReference[];
}

export function sampleContext(source: ContextSource, flavour: Flavour, options: { readonly maskSecrets?: boolean } = {}): Record<string, unknown> {
  const fromLaunchDarkly: Record<string, unknown> = { ...structuredClone(sampleEventFor('flag')), ...EXTRAS };
  for (const reference of source.references) {
    if (!reference.relative && reference.parts.length > 0) ensurePath(fromLaunchDarkly, reference.parts);
  }
  const event = jsonEscape(flavour === 'hostile' ? makeHostile(fromLaunchDarkly) : fromLaunchDarkly) as Record<string, unknown>;
  const values = formValues(source.topLevel, options.maskSecrets);
  const context: Record<string, unknown> = { ...event, formVariables: values };
  for (const [key, value] of Object.entries(values)) setOwn(context, key, value);
  for (const [root, variables] of source.groups) setOwn(context, root, formValues(variables, options.maskSecrets));
  return context;
}

/** Values LaunchDarkly adds beside the event's fields in approvals, synced segments and events. */
const EXTRAS: Record<string, unknown> = {
  approvalId: '6667221c9e8f4a0011bb0002',
  approvalDescription: 'Turn on the new checkout flow',
  context: { approvalId: '6667221c9e8f4a0011bb0002' },
  flag: { name: 'New checkout flow', key: 'new-checkout-flow', tags: ['payments'] },
  environment: { name: 'Production', key: 'production' },
  statusCode: 200,
  errorMessage: 'The cohort was not found',
  projectKey: 'checkout',
  environmentKey: 'production',
  segmentKey: 'my-integration-cohort-1',
  segmentUrl: 'https://app.launchdarkly.com/projects/checkout/segments/my-integration-cohort-1',
  link: 'https://app.launchdarkly.com/projects/checkout/flags/new-checkout-flow',
  deepLink: 'https://example.com/item/1',
  flagKey: 'new-checkout-flow',
};

/** Makes `parts` resolve to something in `root`, creating objects (arrays for numeric segments) and a leaf. */
function ensurePath(root: Record<string, unknown>, parts: readonly string[]): void {
  let at: Record<string, unknown> = root;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    const existing = Object.prototype.hasOwnProperty.call(at, part) ? at[part] : undefined;
    if (existing !== undefined && existing !== null && (last || typeof existing === 'object')) {
      if (last) return;
      at = existing as Record<string, unknown>;
      continue;
    }
    if (existing !== undefined && existing !== null) return; // a scalar where the path goes on: leave it
    const next: unknown = last ? leafFor(part) : /^\d+$/.test(parts[i + 1]!) ? [] : {};
    setOwn(at, part, next);
    if (last) return;
    at = next as Record<string, unknown>;
  }
}

function leafFor(name: string): unknown {
  if (URL_LIKE.test(name)) return 'https://example.com/item/1';
  if (FREE_TEXT.test(name)) return `Sample ${name}`;
  return `sample-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** The same values with every free-text leaf and URL made hostile. Iterative over a copy. */
function makeHostile(value: Record<string, unknown>): Record<string, unknown> {
  const root = structuredClone(value);
  const stack: Record<string, unknown>[] = [root];
  while (stack.length > 0) {
    const record = stack.pop()!;
    for (const key of Object.keys(record)) {
      const item = record[key];
      // URLs stay as LaunchDarkly makes them (no query to escape): only people's words are hostile.
      if (typeof item === 'string') {
        if (FREE_TEXT.test(key) && !URL_LIKE.test(key)) record[key] = HOSTILE_TEXT;
      } else if (Array.isArray(item)) {
        // A list of free text (custom property values) is free text itself.
        if (FREE_TEXT.test(key)) record[key] = item.map((v) => (typeof v === 'string' ? HOSTILE_TEXT : v));
        for (const element of item) if (element && typeof element === 'object') stack.push(element as Record<string, unknown>);
      } else if (item && typeof item === 'object') {
        stack.push(item as Record<string, unknown>);
      }
    }
  }
  return root;
}

/** A plausible value per form variable, by type: what an admin would have configured. */
function formValues(variables: readonly FormVariable[], maskSecrets = false): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const variable of variables) setOwn(values, variable.key, maskSecrets && variable.isSecret ? SECRET_MASK : formValue(variable));
  return values;
}

function formValue(variable: FormVariable): unknown {
  switch (variable.type) {
    case 'boolean':
      return true;
    case 'uri':
      return `https://${variable.key.toLowerCase()}.example.com`;
    case 'enum':
      return variable.allowedValues?.[0] ?? variable.key;
    case 'multiselect':
    case 'environmentSelector':
      return [];
    default:
      return typeof variable.defaultValue === 'string' && variable.defaultValue !== '' ? variable.defaultValue : `sample-${variable.key}`;
  }
}
