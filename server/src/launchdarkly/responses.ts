// What LaunchDarkly's answers mean, read defensively: a field of the wrong type is reported, never
// trusted, and fields this product does not use are ignored (the API adds fields over time). Pure.
import type { StoreKind } from './routes';

/** One store configuration, as both kinds share it (`status` only for persistent stores). */
export interface StoreConfiguration {
  readonly id: string;
  readonly integrationKey: string;
  readonly projectKey: string;
  readonly environmentKey: string;
  readonly name: string;
  readonly on: boolean;
  readonly tags: readonly string[];
  readonly version: number;
  readonly config: Readonly<Record<string, unknown>>;
  readonly status?: PersistentStoreStatus;
}

/** A persistent store's `_status`: whether LaunchDarkly can sync segments into it. */
export interface PersistentStoreStatus {
  readonly available?: boolean;
  readonly potentiallyStale?: boolean;
  /** Epoch milliseconds. */
  readonly lastSync?: number;
  readonly lastError?: number;
  readonly errors: readonly { readonly statusCode?: number; readonly message?: string; readonly timestamp?: number }[];
}

/** What LaunchDarkly got when it sent the manifest's validation request. */
export interface ValidationResult {
  readonly statusCode?: number;
  readonly error?: string;
  /** Epoch milliseconds. */
  readonly timestamp?: number;
  readonly responseBody?: string;
}

export interface Project {
  readonly key: string;
  readonly name: string;
  /** With `expand=environments`. */
  readonly environments?: readonly Environment[];
}

export interface Environment {
  readonly key: string;
  readonly name: string;
}

/** LaunchDarkly's error body. */
export interface ApiErrorBody {
  readonly code?: string;
  readonly message?: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function optional<T>(value: unknown, test: (v: unknown) => v is T): T | undefined {
  return test(value) ? value : undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

export function parseConfiguration(value: unknown, kind: StoreKind): Parsed<StoreConfiguration> {
  if (!isObject(value)) return { ok: false, problem: 'a configuration is not a JSON object' };
  const id = value._id;
  if (!isString(id) || id === '') return { ok: false, problem: 'a configuration has no `_id`' };
  const wrong = (['integrationKey', 'projectKey', 'environmentKey'] as const).find((key) => !isString(value[key]));
  if (wrong) return { ok: false, problem: `configuration ${id} has no \`${wrong}\` string` };
  if (!isObject(value.config)) return { ok: false, problem: `configuration ${id} has no \`config\` object` };
  const tags = Array.isArray(value.tags) ? value.tags.filter(isString) : [];
  const status = kind === 'bigSegmentStore' && isObject(value._status) ? parseStatus(value._status) : undefined;
  return {
    ok: true,
    value: {
      id,
      integrationKey: value.integrationKey as string,
      projectKey: value.projectKey as string,
      environmentKey: value.environmentKey as string,
      name: optional(value.name, isString) ?? '',
      on: value.on === true,
      tags,
      version: optional(value.version, isNumber) ?? 0,
      config: value.config,
      ...(status ? { status } : {}),
    },
  };
}

function parseStatus(value: Json): PersistentStoreStatus {
  const errors = Array.isArray(value.errors) ? value.errors.filter(isObject) : [];
  return {
    available: optional(value.available, isBoolean),
    potentiallyStale: optional(value.potentiallyStale, isBoolean),
    lastSync: optional(value.lastSync, isNumber),
    lastError: optional(value.lastError, isNumber),
    errors: errors.map((e) => ({ statusCode: optional(e.statusCode, isNumber), message: optional(e.message, isString), timestamp: optional(e.timestamp, isNumber) })),
  };
}

/** `{ items: [...] }`, each item a configuration. */
export function parseConfigurationList(value: unknown, kind: StoreKind): Parsed<StoreConfiguration[]> {
  return parseItems(value, (item) => parseConfiguration(item, kind));
}

export function parseValidationResult(value: unknown): Parsed<ValidationResult> {
  if (!isObject(value)) return { ok: false, problem: 'the validation result is not a JSON object' };
  return {
    ok: true,
    value: {
      statusCode: optional(value.statusCode, isNumber),
      error: optional(value.error, isString),
      timestamp: optional(value.timestamp, isNumber),
      responseBody: optional(value.responseBody, isString),
    },
  };
}

/** LaunchDarkly's validation passed: the partner answered 2xx and LaunchDarkly reported no error. */
export function validationSucceeded(result: ValidationResult): boolean {
  return result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300 && !result.error;
}

export function parseProjects(value: unknown): Parsed<Project[]> {
  return parseItems(value, (item) => {
    const base = parseKeyed(item, 'project');
    if (!base.ok) return base;
    const environments = isObject(item) && isObject(item.environments) ? parseEnvironments(item.environments) : undefined;
    if (environments && !environments.ok) return environments;
    return { ok: true, value: { ...base.value, ...(environments ? { environments: environments.value } : {}) } };
  });
}

export function parseEnvironments(value: unknown): Parsed<Environment[]> {
  return parseItems(value, (item) => parseKeyed(item, 'environment'));
}

function parseKeyed(item: unknown, what: string): Parsed<{ key: string; name: string }> {
  if (!isObject(item) || !isString(item.key)) return { ok: false, problem: `a ${what} has no \`key\`` };
  return { ok: true, value: { key: item.key, name: optional(item.name, isString) ?? item.key } };
}

function parseItems<T>(value: unknown, parseItem: (item: unknown) => Parsed<T>): Parsed<T[]> {
  if (!isObject(value) || !Array.isArray(value.items)) return { ok: false, problem: 'the answer has no `items` array' };
  const out: T[] = [];
  for (const item of value.items) {
    const parsed = parseItem(item);
    if (!parsed.ok) return parsed;
    out.push(parsed.value);
  }
  return { ok: true, value: out };
}

/** The `code` and `message` of an error body, when it is LaunchDarkly's JSON. */
export function parseErrorBody(text: string): ApiErrorBody {
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) return {};
    return { code: optional(value.code, isString), message: optional(value.message, isString) };
  } catch {
    return {};
  }
}
