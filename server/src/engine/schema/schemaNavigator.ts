// Walks a JSON Schema from the root to the sub-schemas that apply at a JSON location: the shared step
// under completion, hover and the wording of validation messages. Only local references (`#/...`)
// are followed; the project never fetches anything.
import type { JSONPath } from 'jsonc-parser';
import type { JsonSchema, JsonSchemaRef } from './jsonSchema';
import { pointerTokens } from '../pointers/jsonPointer';

export class SchemaNavigator {
  private readonly refCache = new Map<string, JsonSchema | undefined>();
  /** keysAt by path: every unknown key of one object asks the same question. Bounded, cleared when full. */
  private readonly keysCache = new Map<string, { key: string; required: boolean; schemas: JsonSchema[] }[]>();

  constructor(readonly root: JsonSchema) {}

  /** Every schema that applies at `path`, with references, allOf, anyOf, oneOf and if/then/else expanded. */
  schemasAt(path: JSONPath): JsonSchema[] {
    let current = this.expand(this.root);
    for (const segment of path) {
      const next: JsonSchema[] = [];
      for (const schema of current) {
        for (const child of typeof segment === 'number' ? this.itemSchemas(schema, segment) : this.propertySchemas(schema, segment)) {
          next.push(...this.expand(child));
        }
      }
      current = unique(next);
      if (current.length === 0) break;
    }
    return current;
  }

  /** The keys an object at `path` may have, in schema order, with whether each is required. */
  keysAt(path: JSONPath): { key: string; required: boolean; schemas: JsonSchema[] }[] {
    const id = JSON.stringify(path);
    let result = this.keysCache.get(id);
    if (!result) {
      if (this.keysCache.size >= 10_000) this.keysCache.clear();
      this.keysCache.set(id, (result = this.computeKeysAt(path)));
    }
    return result;
  }

  private computeKeysAt(path: JSONPath): { key: string; required: boolean; schemas: JsonSchema[] }[] {
    const keys = new Map<string, { key: string; required: boolean; schemas: JsonSchema[] }>();
    const add = (key: string) => {
      let entry = keys.get(key);
      if (!entry) keys.set(key, (entry = { key, required: false, schemas: [] }));
      return entry;
    };
    const schemas = this.schemasAt(path);
    for (const schema of schemas) {
      for (const key of Object.keys(schema.properties ?? {})) add(key);
      for (const key of this.propertyNameEnum(schema)) add(key);
    }
    // A key listed in `properties` but refused by `propertyNames` is not one to offer.
    const allowedByNames = schemas.map((s) => this.propertyNameEnum(s)).filter((names) => names.length > 0);
    for (const schema of schemas) for (const key of schema.required ?? []) add(key).required = true;
    const result = [...keys.values()].filter((entry) => allowedByNames.every((names) => names.includes(entry.key)));
    for (const entry of result) entry.schemas = this.schemasAt([...path, entry.key]);
    return result;
  }

  /** The values `propertyNames` allows, when it lists them. */
  propertyNameEnum(schema: JsonSchema): string[] {
    const names = this.resolve(schema.propertyNames);
    const values = names?.enum ?? (names?.const !== undefined ? [names.const] : []);
    return values.filter((v): v is string => typeof v === 'string');
  }

  resolve(ref: JsonSchemaRef | undefined): JsonSchema | undefined {
    if (ref === undefined || typeof ref === 'boolean') return undefined;
    if (ref.$ref === undefined) return ref;
    return this.lookup(ref.$ref);
  }

  /** A schema with its reference, allOf, anyOf, oneOf and if/then/else branches, flattened. */
  expand(ref: JsonSchemaRef | undefined, seen = new Set<JsonSchema>()): JsonSchema[] {
    const schema = this.resolve(ref);
    if (!schema || seen.has(schema)) return [];
    seen.add(schema);
    const result = [schema];
    if (typeof ref === 'object' && ref.$ref !== undefined && ref !== schema) {
      // A `$ref` with siblings (titles, descriptions) keeps them: the siblings apply too.
      result.unshift(ref);
    }
    for (const branch of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
      result.push(...this.expand(branch, seen));
    }
    result.push(...this.expand(schema.then, seen), ...this.expand(schema.else, seen));
    return result;
  }

  private propertySchemas(schema: JsonSchema, key: string): JsonSchemaRef[] {
    const direct = schema.properties?.[key];
    if (direct !== undefined) return [direct];
    const patterned = Object.entries(schema.patternProperties ?? {})
      .filter(([pattern]) => safeRegExp(pattern)?.test(key))
      .map(([, s]) => s);
    if (patterned.length > 0) return patterned;
    return schema.additionalProperties !== undefined ? [schema.additionalProperties] : [];
  }

  private itemSchemas(schema: JsonSchema, index: number): JsonSchemaRef[] {
    if (Array.isArray(schema.items)) {
      const tuple = schema.items[index];
      if (tuple !== undefined) return [tuple];
      return schema.additionalItems !== undefined ? [schema.additionalItems] : [];
    }
    return schema.items !== undefined ? [schema.items] : [];
  }

  private lookup(ref: string): JsonSchema | undefined {
    if (this.refCache.has(ref)) return this.refCache.get(ref);
    let target: unknown;
    if (ref === '#' || ref === '') target = this.root;
    else if (ref.startsWith('#/')) {
      target = this.root;
      // A local reference is a URI fragment holding a JSON pointer.
      for (const token of pointerTokens(decodeURIComponent(ref.slice(1)))) {
        target = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[token] : undefined;
      }
    }
    const schema = typeof target === 'object' && target !== null ? (target as JsonSchema) : undefined;
    this.refCache.set(ref, schema);
    return schema;
  }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

const navigators = new WeakMap<JsonSchema, SchemaNavigator>();

/** One navigator per schema object, so reference lookups are cached across requests. */
export function navigatorFor(schema: JsonSchema): SchemaNavigator {
  let navigator = navigators.get(schema);
  if (!navigator) navigators.set(schema, (navigator = new SchemaNavigator(schema)));
  return navigator;
}
