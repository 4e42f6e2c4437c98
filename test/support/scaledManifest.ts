// A manifest that grows with `n`: n featureStore form variables used by templates, n top-level form
// variables, n headers, and mistakes of every kind the engine reports (misspelt template variables,
// unknown keys, bad JSON pointers, unknown helpers). Deterministic, so the work the engine does on it
// can be counted and compared across sizes.
import { manifestBasics } from './manifests';

export function scaledManifest(n: number): Record<string, unknown> {
  const storeVariables = Array.from({ length: n }, (_, i) => ({
    key: `storeVar${i}`,
    name: `Store variable ${i}`,
    type: 'string',
    description: `Store variable number ${i}.`,
    ...(i % 7 === 0 ? { isSecret: true } : {}),
  }));
  const topVariables = Array.from({ length: n }, (_, i) => ({
    key: `topVar${i}`,
    name: `Top variable ${i}`,
    type: i % 5 === 0 ? 'enum' : 'string',
    description: `Top-level variable number ${i}.`,
    ...(i % 5 === 0 ? { allowedValues: ['a', 'b'], defaultValue: 'a', isOptional: true } : {}),
  }));
  const storeHeaders = Array.from({ length: n }, (_, i) => ({
    name: `X-Store-${i}`,
    // Every tenth reference is misspelt, every 13th calls a helper that does not exist.
    value: i % 10 === 3 ? `{{storeVr${i}}}` : i % 13 === 5 ? `{{upper storeVar${i}}}` : `v={{storeVar${i}}}`,
  }));
  const hookHeaders = Array.from({ length: n }, (_, i) => ({ name: `X-Hook-${i}`, value: i % 10 === 4 ? `{{topVr${i}}}` : `{{topVar${i}}}` }));
  const triggerParser = Object.fromEntries(Array.from({ length: Math.max(1, Math.floor(n / 10)) }, (_, i) => [`unknownParserKey${i}`, '/ok']));
  return {
    ...manifestBasics(),
    formVariables: topVariables,
    capabilities: {
      featureStore: {
        formVariables: storeVariables,
        validationRequest: {
          endpoint: { url: 'https://api.example.com/{{storeVar1}}', method: 'GET', headers: storeHeaders },
          parser: { success: 'ok~2', errors: '/errors' },
        },
        featureStoreRequest: {
          endpoint: { url: 'https://api.example.com/{{_featureStoreKey}}', method: 'PUT', headers: [{ name: 'Authorization', value: 'Bearer {{storeVar0}}' }] },
        },
      },
      auditLogEventsHook: {
        endpoint: { url: 'https://hooks.example.com/{{topVar1}}', method: 'POST', headers: hookHeaders },
        templates: {},
        defaultPolicy: [{ effect: 'allow', resources: ['proj/*:env/*:flag/*'], actions: ['*'] }],
      },
      trigger: {
        documentation: 'https://example.com/docs',
        parser: { eventName: '/name', ...triggerParser },
      },
    },
  };
}
