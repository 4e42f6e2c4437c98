// Everything the rules need from outside the document, injected so that unit tests can use fixture
// folders or in-memory files and the language server can supply what only it knows (the response the
// validation-request command last saw, the other manifests of the workspace).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { JSONPath } from 'jsonc-parser';

export interface RuleEnvironment {
  /** Absolute path of the manifest; without it, no rule that reads files beside the manifest runs. */
  readonly manifestPath?: string;
  fileExists(path: string): boolean;
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /**
   * A response body known for the parser at `parserPath` (for example the last one the
   * validation-request command received). Takes precedence over a `sample-responses/` file.
   */
  sampleResponse?(parserPath: JSONPath): unknown | undefined;
  /** oauthIntegrationKey → the paths of the *other* manifests of the workspace that declare it. */
  otherOauthIntegrationKeys?: () => Map<string, string[]>;
}

/** The folder holding the manifest, where icons, templates and sample responses live. */
export function manifestFolder(env: RuleEnvironment): string | undefined {
  return env.manifestPath ? dirname(env.manifestPath) : undefined;
}

/** A path written in the manifest (relative to its folder), resolved; undefined without a manifest path. */
export function besideManifest(env: RuleEnvironment, relativePath: string): string | undefined {
  const folder = manifestFolder(env);
  return folder === undefined ? undefined : resolve(folder, relativePath);
}

/**
 * The environment of a manifest on disk. Sample response files are found through `readFile` by the
 * naming convention of `pointers/sampleResponses.ts`; the other manifests are the sibling folders'
 * `manifest.json` (the `integrations/<key>/manifest.json` layout), read once, when first asked for.
 */
export function nodeRuleEnvironment(manifestPath: string): RuleEnvironment {
  let siblings: Map<string, string[]> | undefined;
  return {
    manifestPath,
    fileExists: (path) => existsSync(path),
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    otherOauthIntegrationKeys: () => (siblings ??= siblingOauthIntegrationKeys(manifestPath)),
  };
}

/** oauthIntegrationKey → manifest paths, over `../*\/manifest.json` of `manifestPath`, itself excluded. */
export function siblingOauthIntegrationKeys(manifestPath: string): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  const integrations = dirname(dirname(resolve(manifestPath)));
  let folders: string[];
  try {
    folders = readdirSync(integrations);
  } catch {
    return keys;
  }
  for (const folder of folders) {
    const path = join(integrations, folder, basename(manifestPath));
    if (path === resolve(manifestPath)) continue;
    try {
      if (!statSync(path).isFile()) continue;
      const key: unknown = (JSON.parse(readFileSync(path, 'utf8')) as { oauthIntegrationKey?: unknown }).oauthIntegrationKey;
      if (typeof key === 'string') keys.set(key, [...(keys.get(key) ?? []), path]);
    } catch {
      // Not a readable JSON manifest: it declares nothing this rule can compare.
    }
  }
  return keys;
}
