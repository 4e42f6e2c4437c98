// A featureStore manifest pointed at a local server, with a secret token in a header, a path-encoded
// value in the URL and a query-encoded one in the query: what the wire checks look at.
import { parseManifest, type ManifestDocument } from '../../server/src/engine/manifestDocument';
import { manifestText, validManifest } from '../support/manifests';

export const TOKEN = 's3cr3t-T0ken/with+chars';

export function storeManifest(overrides: { validationPath?: string; parser?: Record<string, string>; headers?: { name: string; value: string }[] } = {}): Record<string, unknown> {
  const manifest = validManifest() as { capabilities: { featureStore: Record<string, unknown> } };
  manifest.capabilities.featureStore = {
    formVariables: [
      { key: 'baseUrl', name: 'Base URL', type: 'uri', description: 'Where the service runs.' },
      { key: 'siteId', name: 'Site ID', type: 'string', description: 'The site.', placeholder: 'e.g. my site' },
      { key: 'region', name: 'Region', type: 'enum', description: 'Region.', allowedValues: ['eu', 'us'], defaultValue: 'eu', isOptional: true },
      { key: 'apiToken', name: 'API token', type: 'string', description: 'The token.', isSecret: true },
    ],
    validationRequest: {
      endpoint: {
        url: `{{baseUrl}}${overrides.validationPath ?? '/validate'}/{{pathEncode siteId}}?region={{queryEncode region}}`,
        method: 'GET',
        headers: overrides.headers ?? [
          { name: 'Authorization', value: 'Bearer {{apiToken}}' },
          { name: 'X-Site', value: '{{siteId}}' },
        ],
      },
      parser: overrides.parser ?? { success: '/success', errors: '/errors' },
    },
    featureStoreRequest: {
      endpoint: {
        url: '{{baseUrl}}/store/{{_featureStoreKey}}',
        method: 'PUT',
        headers: [
          { name: 'Authorization', value: 'Bearer {{apiToken}}' },
          { name: 'Content-Type', value: 'application/json' },
        ],
      },
      payloadPrefix: '{"env":"{{envId}}","data":',
      payloadSuffix: '}',
    },
  };
  return manifest;
}

export function storeDoc(overrides?: Parameters<typeof storeManifest>[0]): ManifestDocument {
  return parseManifest('file:///work/integrations/acme/manifest.json', manifestText(storeManifest(overrides)));
}

export function values(origin: string, extra: Record<string, string> = {}): Record<string, string> {
  return { baseUrl: origin, siteId: 'my site/1', apiToken: TOKEN, ...extra };
}
