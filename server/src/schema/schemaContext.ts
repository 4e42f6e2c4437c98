// Which schema is in force for a manifest: the bundled one, or the workspace's own
// `manifest.schema.json` (found by walking up from the manifest). A broken workspace schema never
// leaves the author without checks: the bundled one takes over and says why.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import bundledValidate from 'ld-manifest-validator';
import bundledSchemaJson from '../../../schemas/manifest.schema.json';
import type { JsonSchema } from './jsonSchema';
import { dedupeSubschemas } from './dedupeSubschemas';

export type SchemaSetting = 'auto' | 'bundled' | 'workspace';

export type SchemaOrigin = { kind: 'bundled' } | { kind: 'workspace' | 'file'; path: string };

export interface SchemaContext {
  readonly schema: JsonSchema;
  readonly validate: ValidateFunction;
  readonly origin: SchemaOrigin;
  /** Why the schema the author asked for is not the one in force, when it is not. */
  readonly fallbackReason?: string;
}

export const WORKSPACE_SCHEMA_FILE = 'manifest.schema.json';

const bundled: SchemaContext = {
  schema: bundledSchemaJson as JsonSchema,
  validate: bundledValidate,
  origin: { kind: 'bundled' },
};

export function bundledSchemaContext(): SchemaContext {
  return bundled;
}

export class SchemaLoadError extends Error {}

const compiledFiles = new Map<string, { mtimeMs: number; size: number; context: SchemaContext }>();

/**
 * Loads and compiles a schema file such as upstream's bundled `manifest.schema.json`. Upstream inlines
 * every `$ref`, repeating the same nested `$id`s, which ajv 8 refuses ("resolves to more than one
 * schema"); only the root `$id` is kept, and strict mode is off for its other draft-07 liberties.
 */
export function loadSchemaFile(path: string, kind: 'workspace' | 'file' = 'file'): SchemaContext {
  const absolute = resolve(path);
  let stat;
  try {
    stat = statSync(absolute);
  } catch {
    throw new SchemaLoadError(`cannot read schema ${absolute}`);
  }
  const cached = compiledFiles.get(absolute);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.context.origin.kind === kind) {
    return cached.context;
  }
  let schema: JsonSchema;
  try {
    schema = JSON.parse(readFileSync(absolute, 'utf8')) as JsonSchema;
  } catch (error) {
    throw new SchemaLoadError(`schema ${absolute} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new SchemaLoadError(`schema ${absolute} is not a JSON Schema object`);
  }
  removeNestedIds(schema, true);
  dedupeSubschemas(schema);
  let validate: ValidateFunction;
  try {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
  } catch (error) {
    throw new SchemaLoadError(`schema ${absolute} does not compile: ${(error as Error).message}`);
  }
  const context: SchemaContext = { schema, validate, origin: { kind, path: absolute } };
  compiledFiles.set(absolute, { mtimeMs: stat.mtimeMs, size: stat.size, context });
  return context;
}

function removeNestedIds(value: unknown, isRoot: boolean): void {
  if (Array.isArray(value)) {
    for (const item of value) removeNestedIds(item, false);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (!isRoot && typeof record.$id === 'string') delete record.$id;
    for (const key of Object.keys(record)) {
      // Property names are data, not schema keywords: a property called `$id` stays.
      removeNestedIds(record[key], false);
    }
  }
}

/** The nearest `manifest.schema.json` in the manifest's folder or any folder above it. */
export function findWorkspaceSchema(manifestPath: string, stopAt?: string): string | undefined {
  let folder = dirname(resolve(manifestPath));
  const limit = stopAt ? resolve(stopAt) : undefined;
  for (;;) {
    const candidate = join(folder, WORKSPACE_SCHEMA_FILE);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here: keep walking up
    }
    const parent = dirname(folder);
    if (parent === folder || folder === limit) return undefined;
    folder = parent;
  }
}

/** The schema in force for a manifest on disk under the `schema` setting. */
export function resolveSchemaContext(
  manifestPath: string | undefined,
  setting: SchemaSetting,
  stopAt?: string,
): SchemaContext {
  if (setting === 'bundled' || manifestPath === undefined) return bundled;
  const found = findWorkspaceSchema(manifestPath, stopAt);
  if (!found) {
    return setting === 'workspace'
      ? { ...bundled, fallbackReason: `no ${WORKSPACE_SCHEMA_FILE} was found above ${manifestPath}` }
      : bundled;
  }
  try {
    return loadSchemaFile(found, 'workspace');
  } catch (error) {
    return { ...bundled, fallbackReason: (error as Error).message };
  }
}
