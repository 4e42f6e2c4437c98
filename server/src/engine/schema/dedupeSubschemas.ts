// Upstream's bundled schema inlines every `$ref`, so the same large sub-schemas (endpoints, form
// variables, parsers) stand in it many times, and ajv compiles each copy anew: the main cost of a
// workspace schema at start-up. Folding identical sub-schemas back into `definitions` behind `$ref`s
// keeps what validates and makes the compile (and the compiled code) several times smaller.
import type { JsonSchema } from './jsonSchema';

/** Keywords whose value is a map of sub-schemas, one sub-schema, or a list of sub-schemas. */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'] as const;
const SCHEMA_SINGLE = ['items', 'additionalItems', 'additionalProperties', 'propertyNames', 'contains', 'not', 'if', 'then', 'else'] as const;
const SCHEMA_LISTS = ['items', 'allOf', 'anyOf', 'oneOf'] as const;

/** Sub-schemas shorter than this (as JSON) are cheap to compile twice and stay inline. */
const MIN_SHARED_LENGTH = 300;
const DEFINITION_PREFIX = '__ldShared';

type SchemaObject = Record<string, unknown>;

function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces every direct sub-schema of `schema` (in schema positions only: not `enum`, `default`, ...) by `replace(child)`. */
function forEachChild(schema: SchemaObject, replace: (child: SchemaObject) => SchemaObject): void {
  for (const keyword of SCHEMA_MAPS) {
    const map = schema[keyword];
    if (!isSchemaObject(map)) continue;
    for (const [name, child] of Object.entries(map)) if (isSchemaObject(child)) map[name] = replace(child);
  }
  for (const keyword of SCHEMA_SINGLE) {
    const child = schema[keyword];
    if (isSchemaObject(child)) schema[keyword] = replace(child);
  }
  for (const keyword of SCHEMA_LISTS) {
    const list = schema[keyword];
    if (Array.isArray(list)) schema[keyword] = list.map((child) => (isSchemaObject(child) ? replace(child) : child));
  }
}

/** Folds sub-schemas that occur more than once into `definitions`, in place. Returns how many. */
export function dedupeSubschemas(root: JsonSchema): number {
  const rootObject = root as SchemaObject;
  const occurrences = new Map<string, number>();
  const count = (schema: SchemaObject): SchemaObject => {
    const text = JSON.stringify(schema);
    if (text.length >= MIN_SHARED_LENGTH) occurrences.set(text, (occurrences.get(text) ?? 0) + 1);
    forEachChild(schema, count);
    return schema;
  };
  forEachChild(rootObject, count);

  const names = new Map<string, string>();
  for (const [text, times] of occurrences) if (times > 1) names.set(text, `${DEFINITION_PREFIX}${names.size}`);
  if (names.size === 0) return 0;

  const shared: Record<string, SchemaObject> = {};
  const fold = (schema: SchemaObject): SchemaObject => {
    const name = names.get(JSON.stringify(schema));
    if (name === undefined) {
      forEachChild(schema, fold);
      return schema;
    }
    if (!shared[name]) {
      shared[name] = schema;
      forEachChild(schema, fold);
    }
    return { $ref: `#/definitions/${name}` };
  };
  forEachChild(rootObject, fold);
  rootObject.definitions = { ...(isSchemaObject(rootObject.definitions) ? rootObject.definitions : {}), ...shared };
  return names.size;
}
