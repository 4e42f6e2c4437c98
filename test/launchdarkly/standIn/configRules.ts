// The stand-in's own reading of "Values in config" (../shared/docs/launchdarkly-api.md), written from
// the contract and not shared with the product's builder (server/src/launchdarkly/storeConfig.ts), so
// that a mistake there fails a test instead of being agreed with: string and uri → string, boolean →
// JSON boolean, enum → one of allowedValues, multiselect → array; generated values are made here and
// refused when supplied; optional ones may be left out.

import type { Integration } from './configurations';

export interface ManifestVariable {
  readonly key: string;
  readonly type: string;
  readonly isOptional?: boolean;
  readonly allowedValues?: readonly string[];
}

/**
 * Why `config` is not acceptable for these form variables, or undefined. `stored`: a config after a
 * patch, which holds the generated values made at creation.
 */
export function configProblem(config: Record<string, unknown>, variables: readonly ManifestVariable[], stored = false): string | undefined {
  const byKey = new Map(variables.map((v) => [v.key, v]));
  for (const [key, value] of Object.entries(config)) {
    const variable = byKey.get(key);
    if (!variable) return `config.${key} is not a form variable of this integration`;
    if (variable.type === 'generated' && !stored) return `config.${key} is generated and cannot be supplied`;
    const problem = valueProblem(variable, value);
    if (problem) return `config.${key} ${problem}`;
  }
  const missing = variables.find((v) => v.type !== 'generated' && !v.isOptional && !(v.key in config));
  return missing ? `config.${missing.key} is required` : undefined;
}

function valueProblem(variable: ManifestVariable, value: unknown): string | undefined {
  switch (variable.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'must be an array of strings';
    case 'enum':
      if (typeof value !== 'string') return 'must be a string';
      return variable.allowedValues && !variable.allowedValues.includes(value) ? `must be one of ${variable.allowedValues.join(', ')}` : undefined;
    default:
      return typeof value === 'string' ? undefined : 'must be a string';
  }
}

/** What LaunchDarkly makes for a generated variable (DynamoDB's externalId). */
export function generatedValue(key: string, sequence: number): string {
  return `generated-${key}-${sequence}`;
}

/** The form variables that make the config: a featureStore's own, a persistent store's top-level ones. */
export function variablesOf(integration: Integration): ManifestVariable[] {
  const manifest = integration.manifest as { formVariables?: ManifestVariable[]; capabilities?: { featureStore?: { formVariables?: ManifestVariable[] } } };
  return (integration.kind === 'featureStore' ? manifest.capabilities?.featureStore?.formVariables : manifest.formVariables) ?? [];
}
