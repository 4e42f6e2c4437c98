// Turns the values an author supplied (strings from prompts, flags, files or the environment) into the
// values the templates see, with defaults, type coercion and the names LaunchDarkly provides itself.
import type { TemplateValue } from './render';
import type { RequestSpec } from './requestSpec';
import type { RequestVariable } from './requestVariables';
import { choicesOf } from './requestVariables';
import { FEATURE_STORE_KEY } from '../engine/templates/scopes';
import { ownValue } from '../engine/ownRecord';
import { sampleFeatureStoreKey } from './sampleKey';

export { FEATURE_STORE_KEY };
export const ENV_ID = 'envId';

export interface ResolvedValues {
  readonly values: ReadonlyMap<string, TemplateValue>;
  readonly secretKeys: ReadonlySet<string>;
  /** The secret values themselves, to redact from anything that came back from the service. */
  readonly secretValues: readonly string[];
}

export type ValuesResult = { readonly ok: true; readonly resolved: ResolvedValues } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * `given` maps variable keys (and optionally `_featureStoreKey`, `envId`) to text. A variable without a
 * given value takes its `defaultValue`; an optional one without either is empty; any other is missing.
 */
export function resolveValues(spec: RequestSpec, given: Readonly<Record<string, string | undefined>>): ValuesResult {
  const values = new Map<string, TemplateValue>();
  const secretKeys = new Set<string>();
  const secretValues: string[] = [];
  const problems: string[] = [];
  for (const variable of spec.variables) {
    const text = ownValue(given, variable.key) ?? (variable.defaultValue === undefined ? undefined : String(variable.defaultValue));
    if (text === undefined && !variable.isOptional) {
      problems.push(`no value for \`${variable.key}\` (${variable.name})`);
      continue;
    }
    const coerced = coerce(variable, text ?? '');
    if (typeof coerced === 'object') {
      problems.push(coerced.problem);
      continue;
    }
    values.set(variable.key, coerced);
    if (variable.isSecret) {
      secretKeys.add(variable.key);
      if (typeof coerced === 'string' && coerced.length > 0) secretValues.push(coerced);
    }
  }
  values.set(FEATURE_STORE_KEY, ownValue(given, FEATURE_STORE_KEY) || sampleFeatureStoreKey());
  values.set(ENV_ID, ownValue(given, ENV_ID) || 'sample-environment-id');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, resolved: { values, secretKeys, secretValues } };
}

function coerce(variable: RequestVariable, text: string): TemplateValue | { problem: string } {
  const choices = choicesOf(variable);
  if (choices && text !== '' && !choices.includes(text)) {
    return { problem: `\`${variable.key}\` must be one of ${choices.map((c) => `'${c}'`).join(', ')}` };
  }
  // Boolean form values reach LaunchDarkly's templates as booleans, so `{{#if flag}}` sees false.
  if (variable.type === 'boolean') return text === 'true';
  return text;
}
