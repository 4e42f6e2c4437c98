// Which schema is in force for a manifest: the bundled one, or the workspace's own
// `manifest.schema.json` (found by walking up from the manifest through the host). A broken workspace
// schema never leaves the author without checks: the bundled one takes over and says why.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import bundledValidate from 'ld-manifest-validator';
import bundledSchemaJson from '../../../../schemas/manifest.schema.json';
import type { EngineHost } from '../host';
import { displayUri, parentFolder, resolveBeside } from '../uris';
import type { JsonSchema } from './jsonSchema';
import { dedupeSubschemas } from './dedupeSubschemas';
import { linearRegExpEngine, UnsupportedPatterns } from './linearRegExp';
import { appendErrorsInPlace } from './appendErrorsInPlace';
import { append } from '../append';
import { parseStrictJson } from '../jsonSyntaxError';
import { schemaBudgetProblem } from './schemaBudget';

export type SchemaSetting = 'auto' | 'bundled' | 'workspace';

export type SchemaOrigin = { kind: 'bundled' } | { kind: 'workspace' | 'file'; uri: string };

export interface SchemaContext {
  readonly schema: JsonSchema;
  readonly validate: ValidateFunction;
  readonly origin: SchemaOrigin;
  /** Why the schema the author asked for is not the one in force, when it is not. */
  readonly fallbackReason?: string;
  /** Patterns of a workspace schema that RE2 cannot run, so they are not applied. */
  readonly uncheckedPatterns?: readonly string[];
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

/** Compiled schemas by URI, with the text they were compiled from: a schema compiles once per content. */
const compiled = new Map<string, { text: string; context: SchemaContext }>();

/**
 * Compiles a schema file such as upstream's bundled `manifest.schema.json`. Upstream inlines every
 * `$ref`, repeating the same nested `$id`s, which ajv 8 refuses ("resolves to more than one schema");
 * only the root `$id` is kept, and strict mode is off for its other draft-07 liberties.
 */
export function compileSchema(text: string, uri: string, kind: 'workspace' | 'file' = 'file'): SchemaContext {
  const cached = compiled.get(uri);
  if (cached && cached.text === text && cached.context.origin.kind === kind) return cached.context;
  const shown = displayUri(uri);
  const parsed = parseStrictJson(text);
  if (!parsed.ok) throw new SchemaLoadError(`schema ${shown} is not valid JSON: ${parsed.reason}`);
  const schema = parsed.value as JsonSchema;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new SchemaLoadError(`schema ${shown} is not a JSON Schema object`);
  }
  const overBudget = schemaBudgetProblem(schema);
  if (overBudget) throw new SchemaLoadError(`schema ${shown} is not used: ${overBudget}`);
  removeNestedIds(schema);
  dedupeSubschemas(schema);
  let validate: ValidateFunction;
  const unsupported = new UnsupportedPatterns();
  try {
    const ajv = new Ajv({ allErrors: true, strict: false, code: { regExp: linearRegExpEngine(unsupported), process: appendErrorsInPlace } });
    addFormats(ajv);
    validate = ajv.compile(schema);
  } catch (error) {
    throw new SchemaLoadError(`schema ${shown} does not compile: ${(error as Error).message}`);
  }
  const uncheckedPatterns = [...unsupported.patterns];
  const context: SchemaContext = { schema, validate, origin: { kind, uri }, ...(uncheckedPatterns.length ? { uncheckedPatterns } : {}) };
  compiled.set(uri, { text, context });
  return context;
}

/** Drops every `$id` below the root, iteratively: a schema file can nest as deep as it likes. */
function removeNestedIds(root: unknown): void {
  const stack: unknown[] = [root];
  let isRoot = true;
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      append(stack, value);
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (!isRoot && typeof record.$id === 'string') delete record.$id;
      // Property names are data, not schema keywords: a property called `$id` stays.
      for (const key of Object.keys(record)) stack.push(record[key]);
    }
    isRoot = false;
  }
}

/** How far up from the manifest the walk looks; the host also refuses anything outside the workspace. */
const MAX_FOLDERS_UP = 32;

/**
 * The nearest `manifest.schema.json` in the manifest's folder or a folder above it. Every URI looked at
 * on the way is read through the host, which is how a caller learns what the answer depends on (a
 * file created there later changes it).
 */
export function findWorkspaceSchema(host: EngineHost, manifestUri: string): { uri: string; text: string } | { uri: string; reason: string } | undefined {
  let folder = parentFolder(manifestUri);
  for (let up = 0; folder !== undefined && up < MAX_FOLDERS_UP; up++, folder = parentFolder(folder)) {
    const candidate = resolveBeside(folder, WORKSPACE_SCHEMA_FILE);
    if (candidate === undefined) break;
    const read = host.readFile(candidate);
    if (read.kind === 'outside') break; // above the workspace: not the author's schema
    if (read.kind === 'text') return { uri: candidate, text: read.text };
    if (read.kind === 'unreadable') return { uri: candidate, reason: read.reason };
  }
  return undefined;
}

/** The schema in force for a manifest under the `schema` setting. */
export function resolveSchemaContext(host: EngineHost, manifestUri: string, setting: SchemaSetting): SchemaContext {
  if (setting === 'bundled') return bundled;
  const found = findWorkspaceSchema(host, manifestUri);
  if (!found) {
    return setting === 'workspace' ? { ...bundled, fallbackReason: `no ${WORKSPACE_SCHEMA_FILE} was found above ${displayUri(manifestUri)}` } : bundled;
  }
  if ('reason' in found) return { ...bundled, fallbackReason: `cannot read ${displayUri(found.uri)}: ${found.reason}` };
  try {
    return compileSchema(found.text, found.uri, 'workspace');
  } catch (error) {
    return { ...bundled, fallbackReason: (error as Error).message };
  }
}
