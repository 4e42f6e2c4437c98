// Small manifests written for the tests (the real ones are read from ../shared/corpus, never copied).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The top-level fields every manifest needs, valid under the bundled and upstream schemas. */
export function manifestBasics() {
  return {
    name: 'Example Store',
    version: '1.0.0',
    overview: 'Deliver flags to the Example edge store.',
    description: 'Example Store keeps LaunchDarkly flag data at the edge so that reads stay fast everywhere.',
    author: 'Example Inc.',
    supportEmail: 'support@example.com',
    links: { site: 'https://example.com', privacyPolicy: 'https://example.com/privacy' },
    categories: ['infrastructure'],
    icons: { square: 'assets/images/square.svg', horizontal: 'assets/images/horizontal.svg' },
  };
}

export function validManifest(): Record<string, unknown> {
  return {
    ...manifestBasics(),
    capabilities: {
      featureStore: {
        formVariables: [
          { key: 'apiToken', name: 'API token', type: 'string', description: 'Your Example API token.', isSecret: true },
          { key: 'siteId', name: 'Site ID', type: 'string', description: 'The site that receives flags.' },
        ],
        validationRequest: {
          endpoint: {
            url: 'https://api.example.com/sites/{{siteId}}',
            method: 'GET',
            headers: [{ name: 'Authorization', value: 'Bearer {{apiToken}}' }],
          },
          parser: { success: '/ok' },
        },
        featureStoreRequest: {
          endpoint: {
            url: 'https://api.example.com/sites/{{siteId}}/stores/{{_featureStoreKey}}',
            method: 'PUT',
            headers: [{ name: 'Authorization', value: 'Bearer {{apiToken}}' }],
          },
        },
      },
    },
  };
}

export function manifestText(value: unknown, eol = '\n'): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, eol) + eol;
}

/** The zero-based LSP position (UTF-16 units) of the `occurrence`-th `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 0, delta = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  index += delta;
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return { line, character: index - (before.lastIndexOf('\n') + 1) };
}

export function rangeOfText(text: string, needle: string, occurrence = 0) {
  const start = positionOf(text, needle, occurrence);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

/** The repository root, found from a bundled test file's folder. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

/** The shared corpus of real manifests, or undefined where this machine has none. */
export function corpusRoot(): string | undefined {
  const dir = resolve(repoRoot(), '../shared/corpus/integration-framework');
  return existsSync(join(dir, 'integrations')) ? dir : undefined;
}
