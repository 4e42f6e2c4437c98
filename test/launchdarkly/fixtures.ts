// Manifests and a workspace for the LaunchDarkly tests: a featureStore integration `acme` whose
// validation request goes to a partner server the test starts (a secret token in a header, an enum
// with a default, a boolean, a field shown only by dependsOn), and a persistent store `redisx` shaped
// like the real redis and dynamodb manifests (top-level form variables, a generated one).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestBasics, manifestText } from '../support/manifests';
import type { StandInOptions } from './standIn/standIn';

export const TOKEN = 'api-0123456789abcdef-stand-in-writer';
export const READ_ONLY_TOKEN = 'api-fedcba9876543210-stand-in-reader';
export const PARTNER_SECRET = 'partner-S3cret/+value';

export function acmeManifest(partnerOrigin: string): Record<string, unknown> {
  return {
    ...manifestBasics(),
    capabilities: {
      featureStore: {
        formVariables: [
          { key: 'baseUrl', name: 'Base URL', type: 'uri', description: 'Where the service runs.' },
          { key: 'apiToken', name: 'API token', type: 'string', description: 'The token.', isSecret: true },
          { key: 'region', name: 'Region', type: 'enum', description: 'Region.', allowedValues: ['eu', 'us'], defaultValue: 'eu', isOptional: true },
          { key: 'useProxy', name: 'Use a proxy', type: 'boolean', description: 'Through a proxy.', defaultValue: false, isOptional: true },
          {
            key: 'proxyHost',
            name: 'Proxy host',
            type: 'string',
            description: 'The proxy.',
            isOptional: true,
            defaultValue: 'proxy.local',
            dependsOn: [{ variableKey: 'useProxy', variableLocation: 'formVariables', action: 'showField', conditions: [{ operator: 'equalTo', value: 'true' }] }],
          },
        ],
        validationRequest: {
          endpoint: {
            url: `${partnerOrigin}/validate?region={{queryEncode region}}`,
            method: 'GET',
            headers: [{ name: 'Authorization', value: 'Bearer {{apiToken}}' }],
          },
          parser: { success: '/ok', errors: '/errors' },
        },
        featureStoreRequest: {
          endpoint: { url: '{{baseUrl}}/store/{{_featureStoreKey}}', method: 'PUT', headers: [{ name: 'Authorization', value: 'Bearer {{apiToken}}' }] },
        },
      },
    },
  };
}

export function redisxManifest(): Record<string, unknown> {
  return {
    ...manifestBasics(),
    categories: ['big-segment-store'],
    formVariables: [
      { key: 'host', name: 'Host', type: 'string', description: 'Your Redis host.' },
      { key: 'port', name: 'Port', type: 'string', description: 'Port.', defaultValue: '6379', isOptional: true },
      { key: 'password', name: 'Password', type: 'string', description: 'Password.', isSecret: true, isOptional: true, defaultValue: '' },
      { key: 'tlsEnabled', name: 'TLS', type: 'boolean', description: 'TLS.', isOptional: true, defaultValue: false },
      { key: 'externalId', name: 'External Id', type: 'generated', description: 'Made by LaunchDarkly.' },
    ],
    capabilities: { bigSegmentStore: { dbStyle: 'redis' } },
  };
}

/** A folder with integrations/acme/manifest.json and integrations/redisx/manifest.json. */
export function workspace(partnerOrigin: string): string {
  const root = mkdtempSync(join(tmpdir(), 'ld-configs-'));
  for (const [key, manifest] of [
    ['acme', acmeManifest(partnerOrigin)],
    ['redisx', redisxManifest()],
  ] as const) {
    mkdirSync(join(root, 'integrations', key), { recursive: true });
    writeFileSync(join(root, 'integrations', key, 'manifest.json'), manifestText(manifest));
  }
  return root;
}

export function standInOptions(partnerOrigin: string): StandInOptions {
  return {
    readers: [READ_ONLY_TOKEN],
    writers: [TOKEN],
    projects: [
      { key: 'default', name: 'Default', environments: [{ key: 'production', name: 'Production' }, { key: 'test', name: 'Test' }] },
      { key: 'mobile', name: 'Mobile', environments: [{ key: 'production', name: 'Production' }] },
    ],
    integrations: {
      acme: { kind: 'featureStore', manifest: acmeManifest(partnerOrigin) },
      redisx: { kind: 'bigSegmentStore', manifest: redisxManifest() },
    },
  };
}
