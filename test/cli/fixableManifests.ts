// Manifests with exactly one kind of problem that has a quick fix, for the --fix and SARIF tests: a
// clean featureStore manifest, and for each fixable code the text with one defect written in by hand
// and what --fix must turn it back into (the clean text, byte for byte).
import { validManifest as harnessManifest } from './cliHarness';
import { validManifest as featureStoreManifest } from '../support/manifests';

/** A featureStore manifest (with top-level form variables, for dependsOn) that lints clean. */
export function cleanManifestText(): string {
  const manifest: Record<string, unknown> = {
    ...featureStoreManifest(),
    icons: harnessManifest.icons,
    formVariables: [
      { key: 'region', name: 'Region', type: 'string', description: 'Where the store is.', isOptional: true, defaultValue: 'eu' },
      {
        key: 'zone',
        name: 'Zone',
        type: 'string',
        description: 'The zone in that region.',
        isOptional: true,
        defaultValue: 'a',
        dependsOn: [{ variableKey: 'region', variableLocation: 'formVariables', action: 'showField', conditions: [{ operator: 'equalTo', value: 'eu' }] }],
      },
    ],
  };
  const featureStore = (manifest.capabilities as any).featureStore;
  featureStore.validationRequest.parser.errors = '/message';
  featureStore.featureStoreRequest.endpoint.url = 'https://api.example.com/sites/{{pathEncode siteId}}/stores/{{_featureStoreKey}}';
  return JSON.stringify(manifest, null, 2) + '\n';
}

export interface FixableDefect {
  readonly code: string;
  /** The clean text with the defect written in. */
  readonly text: string;
  /** What --fix prints for it, after `path:line:column: fixed <code>: `. */
  readonly title: string;
}

function defect(code: string, before: string, after: string, title: string): FixableDefect {
  const clean = cleanManifestText();
  if (!clean.includes(before)) throw new Error(`${before} not in the clean manifest`);
  return { code, text: clean.replace(before, after), title };
}

export function fixableDefects(): FixableDefect[] {
  return [
    defect('schema-unknown-key', '"description": "Example Store', '"descripton": "Example Store', 'Change to "description"'),
    defect('schema-value-not-allowed', '"method": "GET"', '"method": "get"', 'Change to "GET"'),
    defect('template-unknown-variable', 'sites/{{siteId}}"', 'sites/{{siteID}}"', 'Change to `siteId`'),
    defect('template-unknown-helper', '{{pathEncode siteId}}', '{{pathEncod siteId}}', 'Change to `pathEncode`'),
    defect('form-variable-key-unknown', '"variableKey": "region"', '"variableKey": "regoin"', 'Change to `region`'),
    defect('pointer-missing-slash', '"success": "/ok"', '"success": "ok"', 'Make it a JSON pointer: "/ok"'),
    defect('parser-error-key', '"errors": "/message"', '"error": "/message"', 'Rename "error" to "errors"'),
  ];
}
