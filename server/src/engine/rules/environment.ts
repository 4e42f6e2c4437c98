// Everything the rules need from outside the document, for one manifest: its files (through the
// host, by URI) and the oauthIntegrationKeys of the other manifests of the workspace.
import type { EngineHost, FileRead } from '../host';
import { displayUri, parentFolder, resolveBeside } from '../uris';

export interface RuleEnvironment {
  /** The manifest's URI; without a hierarchical one (an unsaved manifest), no rule reads files beside it. */
  readonly manifestUri?: string;
  /** A file beside the manifest, through the host's bounds. */
  read(uri: string): FileRead;
  /** The files directly in a folder beside the manifest (sample requests). */
  listFiles?(uri: string): readonly string[] | undefined;
  /** oauthIntegrationKey → how the *other* manifests of the workspace that declare it are shown. */
  otherOauthIntegrationKeys?: () => ReadonlyMap<string, readonly string[]>;
}

/** A path written in the manifest (relative to its folder), resolved; undefined without a manifest URI. */
export function besideManifest(env: RuleEnvironment, relativePath: string): string | undefined {
  return env.manifestUri === undefined ? undefined : resolveBeside(env.manifestUri, relativePath);
}

/** Why a file a manifest names is not there to check, for a message: "… does not exist beside the manifest". */
export function whyNotRead(read: Exclude<FileRead, { kind: 'text' }>): string {
  switch (read.kind) {
    case 'missing':
      return 'does not exist beside the manifest';
    case 'outside':
      return 'is outside the workspace (through a link or ".."), so it is not read';
    case 'unreadable':
      return `cannot be read: ${read.reason}`;
  }
}

/** The environment of a manifest read through a host; `siblings` is shared by the manifests of one folder. */
export function hostEnvironment(host: EngineHost, manifestUri: string, siblings?: () => OauthKeyTable): RuleEnvironment {
  return {
    manifestUri,
    read: (uri) => host.readFile(uri),
    listFiles: (uri) => host.listFiles(uri),
    otherOauthIntegrationKeys: siblings && (() => withoutSelf(siblings(), manifestUri)),
  };
}

/** oauthIntegrationKey → the URIs of the manifests that declare it. */
export type OauthKeyTable = ReadonlyMap<string, readonly string[]>;

/** The `integrations/` folder of a manifest at `integrations/<key>/manifest.json`. */
export function integrationsFolderOf(manifestUri: string): string | undefined {
  const own = parentFolder(manifestUri);
  return own === undefined ? undefined : parentFolder(own);
}

/** The most sibling folders read for the oauthIntegrationKey rule: bounds the work on a huge folder. */
const MAX_SIBLINGS = 2000;

/** Every `<folder>/<name>` manifest of an integrations folder, read once per folder by the caller. */
export function oauthKeyTable(host: EngineHost, integrationsFolder: string, manifestName: string): OauthKeyTable {
  const keys = new Map<string, string[]>();
  for (const folder of (host.listFolders(integrationsFolder) ?? []).slice(0, MAX_SIBLINGS)) {
    const uri = resolveBeside(integrationsFolder, `${encodeURIComponent(folder)}/${encodeURIComponent(manifestName)}`);
    const read = uri === undefined ? undefined : host.readFile(uri);
    if (uri === undefined || read?.kind !== 'text') continue;
    try {
      const key: unknown = (JSON.parse(read.text) as { oauthIntegrationKey?: unknown } | null)?.oauthIntegrationKey;
      if (typeof key === 'string') keys.set(key, [...(keys.get(key) ?? []), uri]);
    } catch {
      // Not a readable JSON manifest: it declares nothing this rule can compare.
    }
  }
  return keys;
}

function withoutSelf(table: OauthKeyTable, manifestUri: string): ReadonlyMap<string, readonly string[]> {
  const others = new Map<string, string[]>();
  for (const [key, uris] of table) {
    const rest = uris.filter((uri) => uri !== manifestUri).map(displayUri);
    if (rest.length > 0) others.set(key, rest);
  }
  return others;
}

