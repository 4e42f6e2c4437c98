// The project's own schema (schemas/manifest.schema.json): it compiles in ajv strict mode with the
// editor vocabulary, its shape suits the server's schema walk, its snippets produce valid manifests,
// and it gives the same verdicts as upstream's bundled schema on the real manifests and on hundreds of
// systematic mutations of them. The corpus is read in place from ../shared/corpus, never copied.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv, { type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone';
import { manifestBasics } from '../support/manifests';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Snippet {
  label: string;
  description: string;
  body: Json;
}

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

const root = findRoot(__dirname);
const SCHEMA_ID = 'https://ld-manifest-tools.dev/schemas/manifest.schema.json';
const corpusDir = join(root, '..', 'shared', 'corpus', 'integration-framework');
const hasCorpus = existsSync(join(corpusDir, 'manifest.schema.json')) && existsSync(join(corpusDir, 'integrations'));
const CORPUS_SKIP = `corpus not found at ${corpusDir}`;

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

const schemaText = readFileSync(join(root, 'schemas/manifest.schema.json'), 'utf8');
const vocabulary = (readJson(join(root, 'schemas/vocabulary.json')) as { keywords: string[] }).keywords;
const freshSchema = (): JsonObject => JSON.parse(schemaText) as JsonObject;

interface Compiled {
  validate: ValidateFunction;
  warnings: string[];
}

/** Our schema, compiled the way scripts/build.mjs does (plus the options given), warnings collected. */
function compileOurs(options: Options = {}): Compiled {
  const warnings: string[] = [];
  const logger = {
    log: () => undefined,
    warn: (...args: unknown[]) => void warnings.push(args.join(' ')),
    error: (...args: unknown[]) => void warnings.push(args.join(' ')),
  };
  const ajv = new Ajv({ ...options, logger });
  ajv.addVocabulary(vocabulary);
  addFormats(ajv);
  const validate = ajv.compile(freshSchema());
  return { validate, warnings };
}

function removeNestedIds(value: Json, isRoot: boolean): void {
  if (Array.isArray(value)) {
    for (const item of value) removeNestedIds(item, false);
  } else if (isObject(value)) {
    if (!isRoot && typeof value.$id === 'string') delete value.$id;
    for (const key of Object.keys(value)) removeNestedIds(value[key] ?? null, false);
  }
}

let upstreamCache: ValidateFunction | undefined;
/** Upstream's bundled schema: nested `$id`s removed (ajv 8 rejects the repeats), strict mode off. */
function compileUpstream(): ValidateFunction {
  if (upstreamCache) return upstreamCache;
  const schema = readJson(join(corpusDir, 'manifest.schema.json'));
  removeNestedIds(schema, true);
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema as JsonObject);
  upstreamCache = validate;
  return upstreamCache;
}

let oursCache: ValidateFunction | undefined;
function ours(): ValidateFunction {
  oursCache ??= compileOurs().validate;
  return oursCache;
}

function corpusManifests(): { key: string; manifest: JsonObject }[] {
  const dir = join(corpusDir, 'integrations');
  return readdirSync(dir)
    .filter((key) => existsSync(join(dir, key, 'manifest.json')))
    .sort()
    .map((key) => ({ key, manifest: readJson(join(dir, key, 'manifest.json')) as JsonObject }));
}

function errorsText(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`).join('; ');
}

// ------------------------------------------------------------------ schema walking helpers

/** Every schema node with its JSON pointer, following every keyword that holds subschemas. */
function* schemaNodes(node: Json, pointer = ''): Generator<{ node: JsonObject; pointer: string }> {
  if (!isObject(node)) return;
  yield { node, pointer };
  for (const key of ['items', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not', 'contains']) {
    const child = node[key];
    if (isObject(child)) yield* schemaNodes(child, `${pointer}/${key}`);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[key];
    if (Array.isArray(list)) for (const [i, child] of list.entries()) yield* schemaNodes(child, `${pointer}/${key}/${i}`);
  }
  for (const key of ['properties', 'definitions', 'patternProperties']) {
    const map = node[key];
    if (isObject(map)) for (const [name, child] of Object.entries(map)) yield* schemaNodes(child, `${pointer}/${key}/${name}`);
  }
}

function at(schema: JsonObject, pointer: string): JsonObject {
  let node: Json = schema;
  for (const part of pointer.split('/').slice(1)) {
    assert.ok(isObject(node) || Array.isArray(node), `no schema at ${pointer}`);
    node = Array.isArray(node) ? (node[Number(part)] ?? null) : (node[part] ?? null);
  }
  assert.ok(isObject(node), `no schema object at ${pointer}`);
  return node;
}

// ------------------------------------------------------------------ snippets

/**
 * What a snippet body inserts when every placeholder keeps its default: `${1:text}` becomes `text`,
 * `${1|a,b|}` becomes `a`, and `$1`/`${1}` repeat tab stop 1's default. Keys are snippet text too.
 */
function expandSnippet(body: Json): Json {
  const defaults = new Map<string, string>();
  const collect = (value: Json): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(/\$\{(\d+):([^}]*)\}/g)) defaults.set(m[1] ?? '', m[2] ?? '');
      for (const m of value.matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)) defaults.set(m[1] ?? '', (m[2] ?? '').split(',')[0] ?? '');
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        collect(k);
        collect(v);
      }
    }
  };
  collect(body);
  const text = (value: string): string =>
    value
      .replace(/\$\{(\d+):([^}]*)\}/g, (_m, _n: string, d: string) => d)
      .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, _n: string, c: string) => c.split(',')[0] ?? '')
      .replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a: string | undefined, b: string | undefined) => defaults.get(a ?? b ?? '') ?? '');
  const expand = (value: Json): Json => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(expand);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), expand(v)]));
    return value;
  };
  return expand(body);
}

function snippetsAt(schema: JsonObject, pointer: string): Snippet[] {
  const snippets = at(schema, pointer).defaultSnippets;
  assert.ok(Array.isArray(snippets) && snippets.length > 0, `no defaultSnippets at ${pointer}`);
  return snippets as unknown as Snippet[];
}

/** A small manifest written for these tests, valid under both schemas. */
function baseManifest(): JsonObject {
  return {
    ...manifestBasics(),
    formVariables: [{ key: 'apiToken', name: 'API token', type: 'string', description: 'Your API token.', isSecret: true }],
    capabilities: {},
  };
}

/**
 * A manifest with every capability and nearly every optional key, including the ones no real
 * manifest uses (externalConfigurationPages, isTimestamp, notResources, ...), so that mutations
 * reach every part of the schema.
 */
function maximalManifest(schema: JsonObject): JsonObject {
  const snippet = (pointer: string): Json => expandSnippet((snippetsAt(schema, pointer)[0] as Snippet).body);
  const endpoint = (): JsonObject => ({
    url: 'https://{{domain}}.example.com/api',
    method: 'POST',
    headers: [{ name: 'Authorization', value: 'Bearer {{apiToken}}' }],
    hmacSignature: { headerName: 'X-Signature', hmacSecretFormVariableKey: 'secret' },
  });
  const formVariable = (key: string): JsonObject => ({
    key,
    name: 'Project',
    type: 'dynamicEnum',
    description: 'Pick a [project](https://example.com/projects).',
    placeholder: 'my-project',
    isSecret: false,
    isHidden: false,
    isOptional: true,
    defaultValue: 'default',
    allowedValues: ['a', 'b'],
    dynamicOptions: {
      endpoint: endpoint(),
      parser: { optionsPath: '/projects', optionsItems: { label: '/name', value: '/id' } },
    },
    dependsOn: [
      {
        variableKey: 'mode',
        variableLocation: 'formVariables',
        conditions: [{ operator: 'equalTo', value: 'custom' }],
        action: 'showField',
      },
    ],
    multiselectOptions: [{ label: 'Production', value: 'production' }],
    multiselectDefaultOptions: ['production'],
    disableAfterSaving: true,
    hideEmpty: true,
  });
  const approvalParser = (): JsonObject => ({
    approvalId: '/id',
    statusValue: '/state',
    statusDisplay: '/label',
    approvalMatcher: '^approved$',
    rejectionMatcher: '^rejected$',
    urlTemplate: 'https://example.com/approvals/{{approvalId}}',
  });
  const approvalRequest = (): JsonObject => ({ endpoint: endpoint(), jsonBody: '{"a": 1}', parser: approvalParser() });
  const flagLink = snippet('/properties/capabilities/properties/flagLink') as JsonObject;
  const uiBlocks = flagLink.uiBlocks as JsonObject;
  uiBlocks.image = { sourceUrl: '{{metadata.message}}', isIcon: true, isAvatar: false };
  uiBlocks.name = '{{metadata.message}}';
  uiBlocks.context = { elements: [{ text: 'at', isTimestamp: true, url: '{{deepLink}}', isBold: false }] };
  (uiBlocks.title as JsonObject).linkToReference = true;
  const audit = snippet('/properties/capabilities/properties/auditLogEventsHook') as JsonObject;
  audit.templates = { flag: 'f.hbs', project: 'p.hbs', environment: 'e.hbs', default: 'd.hbs', validation: 'v.hbs', member: 'm.hbs' };
  audit.defaultPolicy = [
    { effect: 'deny', actions: ['*'], notActions: ['deleteFlag'], resources: ['proj/*'], notResources: ['proj/test'] },
  ];
  audit.includeErrorResponseBody = true;
  audit.deliveryMethod = 'custom';
  audit.useStandardWebhookPayload = false;
  const trigger = snippet('/properties/capabilities/properties/trigger') as JsonObject;
  Object.assign(trigger, { auth: 'sharedSecret', defaultEventName: 'An alert', testEventNameRegexp: '.*test.*' });
  (trigger.parser as JsonObject).value = '/value';
  const featureStore = snippet('/properties/capabilities/properties/featureStore') as JsonObject;
  Object.assign(featureStore.featureStoreRequest as JsonObject, { payloadPrefix: 'LD-Env-{{envId}}', payloadSuffix: '' });
  return {
    ...baseManifest(),
    details: 'Example details: install the Example app first, then connect it to LaunchDarkly here.',
    links: {
      site: 'https://example.com',
      launchdarklyDocs: 'https://docs.launchdarkly.com/integrations/example',
      privacyPolicy: 'https://example.com/privacy',
      supportWebsite: 'https://support.example.com',
    },
    categories: ['monitoring', 'notifications', 'ai'],
    formVariables: [formVariable('project')],
    legacy: { kind: 'webhooks' },
    otherCapabilities: ['codeRefs', 'sso'],
    requiresOAuth: true,
    hideOnIntegrationsPage: false,
    oauthIntegrationKey: 'example-oauth',
    allowIntegrationConfigurations: true,
    capabilities: {
      auditLogEventsHook: audit,
      buttonAction: {
        actionRequest: { endpoint: endpoint() },
        requestBodyTemplates: [{ key: 'rollback', jsonBody: '{}', requiredContext: ['flagKey'] }],
      },
      reservedCustomProperties: [{ name: 'Issues', key: 'example.issues', description: 'Linked issues.' }],
      trigger,
      approval: {
        name: 'Example approvals',
        environmentFormVariables: [formVariable('envVar')],
        approvalFormVariables: [formVariable('approvalVar')],
        allowAdditionalApprovalFormVariables: true,
        allowApprovalIntegrationConfigurations: true,
        creationRequest: approvalRequest(),
        statusRequest: approvalRequest(),
        postApplyRequest: approvalRequest(),
        deletionRequest: approvalRequest(),
        memberListRequest: {
          endpoint: endpoint(),
          jsonBody: '{}',
          parser: { memberArrayPath: '/users', memberItems: { email: '/email', memberId: '/id' } },
        },
      },
      featureStore,
      flagLink,
      hideConfiguration: false,
      externalConfigurationURL: 'https://example.com/setup',
      externalConfigurationPages: { createUrl: 'https://example.com/new', editUrl: 'https://example.com/edit' },
      syncedSegment: {
        jsonResponseBody: '{"ok": true}',
        requestParser: {
          environmentIdPath: '/env',
          contextKindPath: '/kind',
          cohortIdPath: '/cohort/id',
          cohortNamePath: '/cohort/name',
          cohortUrlPath: '/cohort/url',
          memberArrayPath: '/members',
          addMemberArrayPath: '/added',
          removeMemberArrayPath: '/removed',
          arrayInclusion: { path: '/action', matcher: '^enter$' },
          memberArrayParser: { memberIdPath: '/id', booleanMembershipPath: '/in', cohortNamePath: '/n', cohortIdPath: '/i' },
        },
      },
      bigSegmentStore: { dbStyle: 'redis' },
      flagImport: { includeErrorResponseBody: true, templates: { splitDetails: 'a', splitOverview: 'b', statsig: 'c' } },
      eventsHook: {
        endpoint: endpoint(),
        templates: { measuredRolloutRegressionDetected: 'a', measuredRolloutReverted: 'b', errorMonitoringNewIssueFound: 'c' },
        includeErrorResponseBody: false,
      },
      flagCleanup: { formVariables: [formVariable('cleanup')] },
      internalConfigurationURL: '/settings/integrations/example/new',
    },
  };
}

// ------------------------------------------------------------------ mutations

interface Mutation {
  name: string;
  manifest: JsonObject;
}

const LONG_LENGTHS = [2, 3, 4, 5, 9, 10, 14, 15, 20, 21, 49, 50, 51, 64, 65, 100, 101, 250, 251, 2048, 2049];

function setAt(rootValue: JsonObject, path: (string | number)[], update: (parent: JsonObject | Json[], key: string | number) => void): JsonObject {
  const copy = clone(rootValue);
  let node: Json = copy;
  for (const part of path.slice(0, -1)) node = (Array.isArray(node) ? node[part as number] : (node as JsonObject)[part as string]) ?? null;
  update(node as JsonObject | Json[], path[path.length - 1] as string | number);
  return copy;
}

function replaceAt(rootValue: JsonObject, path: (string | number)[], value: Json): JsonObject {
  return setAt(rootValue, path, (parent, key) => {
    if (Array.isArray(parent)) parent[key as number] = value;
    else parent[key as string] = value;
  });
}

/** Alternative values for a value of each JSON type: wrong types, boundary lengths, broken patterns. */
function replacements(value: Json): [string, Json][] {
  const wrongTypes: [string, Json][] = [
    ['null', null],
    ['number', 42],
  ];
  if (typeof value === 'string') {
    return [
      ...wrongTypes,
      ['boolean', true],
      ['empty string', ''],
      ['inner space', `${value} x`],
      ['leading space', ` ${value}`],
      ['line break', `${value}\nmore`],
      ['ftp URL', 'ftp://example.com/x'],
      ['upper-case HTTPS URL', 'HTTPS://example.com'],
      ['http URL', 'http://example.com/x'],
      ['PNG path', 'assets/images/square.png'],
      ['SVG path', 'assets/images/square.svg'],
      ['unknown enum value', 'NOT_AN_ENUM_VALUE'],
      ['lower-case method', 'post'],
      ['two-part version', '1.0'],
      ['pre-release version', '1.0.0-beta.1'],
      ['leading-zero version', '01.0.0'],
      ['email', 'someone@example.com'],
      ['not an email', 'someone-at-example'],
      ['form variable type url', 'url'],
      ['relative path with query', 'settings/integrations?x=1'],
      ['absolute path', '/settings/integrations/x'],
      ['path with space', '/settings/x y'],
      ...LONG_LENGTHS.map((n): [string, Json] => [`${n} characters`, 'a'.repeat(n)]),
    ];
  }
  if (typeof value === 'boolean') return [...wrongTypes, ['negated', !value], ['string', String(value)], ['object', {}]];
  if (typeof value === 'number') return [...wrongTypes, ['string', String(value)]];
  if (Array.isArray(value)) {
    const first = value[0];
    const out: [string, Json][] = [...wrongTypes, ['string', 'x'], ['object', {}], ['empty array', []]];
    if (first !== undefined) {
      out.push(['duplicate first item', [...value, clone(first)]]);
      out.push(['four items', [...value, ...value, ...value, ...value].slice(0, 4).map((v) => clone(v))]);
      out.push(['number item', [...value, 7]]);
      if (typeof first === 'string') out.push(['four distinct items', ['ai', 'data', 'import', 'migration']]);
    }
    return out;
  }
  if (isObject(value)) return [...wrongTypes, ['string', 'x'], ['array', []], ['empty object', {}]];
  return [['string', 'x'], ['object', {}]];
}

/**
 * Systematic mutations of a manifest: every key dropped, renamed (singular/plural, so parser.errors
 * becomes error) and joined by an unknown key; every value replaced by each of `replacements`. Each
 * (location pattern, mutation) pair is kept for its first `perPattern` occurrences across manifests.
 */
function mutate(manifest: JsonObject, source: string, seen: Map<string, number>, perPattern: number, out: Mutation[]): void {
  const keep = (pattern: string): boolean => {
    const count = seen.get(pattern) ?? 0;
    if (count >= perPattern) return false;
    seen.set(pattern, count + 1);
    return true;
  };
  const visit = (value: Json, path: (string | number)[], pattern: string): void => {
    if (path.length > 0) {
      for (const [label, replacement] of replacements(value)) {
        if (keep(`${pattern} := ${label}`)) out.push({ name: `${source}: ${pattern} := ${label}`, manifest: replaceAt(manifest, path, replacement) });
      }
    }
    if (isObject(value)) {
      if (keep(`${pattern} + unknown key`)) {
        out.push({ name: `${source}: ${pattern} + unknown key`, manifest: setAt(manifest, [...path, 'unexpectedKey'], (p, k) => ((p as JsonObject)[k as string] = 'x')) });
      }
      for (const key of Object.keys(value)) {
        const childPattern = `${pattern}/${/^\w+$/.test(key) ? key : '<key>'}`;
        if (keep(`${childPattern} dropped`)) {
          out.push({ name: `${source}: ${childPattern} dropped`, manifest: setAt(manifest, [...path, key], (p, k) => delete (p as JsonObject)[k as string]) });
        }
        const renamed = key.endsWith('s') ? key.slice(0, -1) : `${key}s`;
        if (keep(`${childPattern} renamed ${renamed}`)) {
          out.push({
            name: `${source}: ${childPattern} renamed to ${renamed}`,
            manifest: setAt(manifest, path.length === 0 ? [key] : [...path, key], (p, k) => {
              const parent = p as JsonObject;
              parent[renamed] = parent[k as string] ?? null;
              delete parent[k as string];
            }),
          });
        }
        visit(value[key] ?? null, [...path, key], childPattern);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i], `${pattern}/*`));
    }
  };
  visit(manifest, [], '');
}

function buildMutations(corpus: { key: string; manifest: JsonObject }[], schema: JsonObject): Mutation[] {
  const out: Mutation[] = [];
  const seen = new Map<string, number>();
  mutate(maximalManifest(schema), 'maximal', seen, 2, out);
  for (const { key, manifest } of corpus) mutate(manifest, key, seen, 2, out);
  // The cases the format notes call out, on real manifests.
  for (const { key, manifest } of corpus) {
    const store = (manifest.capabilities as JsonObject | undefined)?.featureStore;
    const validation = isObject(store) ? store.validationRequest : undefined;
    if (isObject(validation) && isObject(validation.parser)) {
      const parser = validation.parser;
      out.push({
        name: `${key}: featureStore parser with "error" instead of "errors"`,
        manifest: replaceAt(manifest, ['capabilities', 'featureStore', 'validationRequest', 'parser'], { success: parser.success ?? '/ok', error: '/errors' }),
      });
      out.push({
        name: `${key}: featureStore parser with "errors"`,
        manifest: replaceAt(manifest, ['capabilities', 'featureStore', 'validationRequest', 'parser'], { success: parser.success ?? '/ok', errors: '/errors' }),
      });
    }
    if (isObject(store)) {
      out.push({ name: `${key}: featureStore formVariables moved to the top level`, manifest: (() => {
        const m = clone(manifest);
        const fs = (m.capabilities as JsonObject).featureStore as JsonObject;
        m.formVariables = fs.formVariables ?? [];
        delete fs.formVariables;
        return m;
      })() });
    }
  }
  return out;
}

// ------------------------------------------------------------------ tests

test('the schema compiles in ajv strict mode with the editor vocabulary, and as standalone code', () => {
  // Every strict option on (strictTypes, strictTuples, strictRequired too), not only the defaults.
  const strict = compileOurs({ strict: true, allErrors: true });
  assert.deepEqual(strict.warnings, []);
  // The options scripts/build.mjs uses: default strictness logs what it does not reject; nothing is logged.
  const ajv = new Ajv({ allErrors: true, code: { source: true }, logger: false });
  ajv.addVocabulary(vocabulary);
  addFormats(ajv);
  const compiled = ajv.compile(freshSchema());
  const code = standaloneCode(ajv, compiled);
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', code)(module, module.exports, createRequire(join(root, 'package.json')));
  const standalone = module.exports as (data: unknown) => boolean;
  assert.equal(typeof standalone, 'function');
  const manifest = maximalManifest(freshSchema());
  assert.equal(standalone(manifest), true, errorsText(compiled));
  assert.equal(standalone({ ...manifest, unexpected: 1 }), false);
  // Without the vocabulary, strict mode must reject the editor annotations: the vocabulary matters.
  assert.throws(() => new Ajv().compile(freshSchema()), /unknown keyword/);
});

test('the schema has the shape the server walks: one $id, local $refs, titled and restricted properties', () => {
  const schema = freshSchema();
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(schema.$id, SCHEMA_ID);
  const definitions = schema.definitions as JsonObject;
  const referenced = new Set<string>();
  const unrestricted: string[] = [];
  for (const { node, pointer } of schemaNodes(schema)) {
    if (pointer !== '') assert.equal(node.$id, undefined, `nested $id at ${pointer}`);
    if (node.$ref !== undefined) {
      assert.match(String(node.$ref), /^#\/definitions\/\w+$/, `$ref at ${pointer}`);
      const name = String(node.$ref).slice('#/definitions/'.length);
      assert.ok(isObject(definitions[name]), `${pointer}: $ref to missing ${name}`);
      referenced.add(name);
    }
    const properties = node.properties;
    if (isObject(properties)) {
      const names = (node.propertyNames as JsonObject | undefined)?.enum;
      if (names === undefined) unrestricted.push(pointer);
      else assert.deepEqual([...(names as string[])].sort(), Object.keys(properties).sort(), `propertyNames vs properties at ${pointer}`);
      for (const [key, property] of Object.entries(properties)) {
        assert.ok(isObject(property), `${pointer}/properties/${key} is not a schema object`);
        for (const annotation of ['title', 'description', 'markdownDescription']) {
          assert.equal(typeof property[annotation], 'string', `${annotation} missing at ${pointer}/properties/${key}`);
        }
      }
    }
    if (Array.isArray(node.enum)) {
      for (const annotation of ['enumDescriptions', 'markdownEnumDescriptions']) {
        const list = node[annotation];
        if (list !== undefined) assert.equal((list as Json[]).length, node.enum.length, `${annotation} length at ${pointer}`);
      }
    }
  }
  // Upstream restricts the keys of every object but buttonAction's request body templates.
  assert.deepEqual(unrestricted, ['/properties/capabilities/properties/buttonAction/properties/requestBodyTemplates/items']);
  assert.deepEqual(Object.keys(definitions).filter((name) => !referenced.has(name)), [], 'unused definitions');
  // Shared structures are defined once: the endpoint shape appears only in its definition.
  const endpointShapes = [...schemaNodes(schema)].filter(({ node }) => isObject(node.properties) && 'hmacSignature' in node.properties);
  assert.deepEqual(endpointShapes.map((n) => n.pointer), ['/definitions/endpoint']);
  // Enums an author picks from carry descriptions.
  for (const pointer of [
    '/properties/categories/items',
    '/definitions/formVariable/properties/type',
    '/definitions/endpoint/properties/method',
    '/properties/otherCapabilities/items',
  ]) {
    assert.ok(Array.isArray(at(schema, pointer).enumDescriptions), `no enumDescriptions at ${pointer}`);
  }
  // Every capability upstream allows is here.
  assert.deepEqual(
    [...((at(schema, '/properties/capabilities').propertyNames as JsonObject).enum as string[])].sort(),
    [
      'approval', 'auditLogEventsHook', 'bigSegmentStore', 'buttonAction', 'eventsHook', 'externalConfigurationPages',
      'externalConfigurationURL', 'featureStore', 'flagCleanup', 'flagImport', 'flagLink', 'hideConfiguration',
      'internalConfigurationURL', 'reservedCustomProperties', 'syncedSegment', 'trigger',
    ],
  );
  // The featureStore parser documents the pointer semantics and the rejected "error" spelling.
  const parser = at(schema, '/properties/capabilities/properties/featureStore/properties/validationRequest/properties/parser');
  assert.match(String(parser.markdownDescription), /RFC 6901/);
  assert.match(String(parser.markdownDescription), /"error"/);
  const storeVariables = at(schema, '/properties/capabilities/properties/featureStore/properties/formVariables');
  assert.match(String(storeVariables.markdownDescription), /own/);
});

test('defaultSnippets sit where they are inserted and expand to valid manifests', () => {
  const schema = freshSchema();
  const validate = ours();
  const upstream = hasCorpus ? compileUpstream() : undefined;
  const check = (label: string, manifest: JsonObject): void => {
    assert.equal(validate(manifest), true, `${label}: ${errorsText(validate)}`);
    if (upstream) assert.equal(upstream(manifest), true, `${label} (upstream): ${errorsText(upstream)}`);
  };
  const withCapability = (name: string, body: Json): JsonObject => ({ ...baseManifest(), capabilities: { [name]: body } });
  let count = 0;
  for (const { pointer } of schemaNodes(schema)) {
    const snippets = at(schema, pointer).defaultSnippets;
    if (snippets === undefined) continue;
    for (const snippet of snippets as unknown as Snippet[]) {
      count++;
      assert.equal(typeof snippet.label, 'string');
      assert.equal(typeof snippet.description, 'string');
      // Editors JSON-escape body strings before reading them as snippets, so a backslash would double.
      assert.doesNotMatch(JSON.stringify(snippet.body), /\\\\/, `backslash in snippet at ${pointer}`);
    }
  }
  assert.ok(count >= 8, `only ${count} snippets`);
  const capability = (name: string): Json => expandSnippet((snippetsAt(schema, `/properties/capabilities/properties/${name}`)[0] as Snippet).body);
  for (const name of ['featureStore', 'auditLogEventsHook', 'trigger', 'flagLink']) check(`${name} snippet`, withCapability(name, capability(name)));

  const store = capability('featureStore') as JsonObject;
  const variables = store.formVariables as JsonObject[];
  assert.equal(variables.length, 1);
  assert.deepEqual([variables[0]?.type, variables[0]?.isSecret], ['string', true]);
  const validation = store.validationRequest as JsonObject;
  assert.ok(isObject(validation.endpoint) && isObject(validation.parser));
  const storeEndpoint = (store.featureStoreRequest as JsonObject).endpoint as JsonObject;
  assert.match(String(storeEndpoint.url), /\{\{_featureStoreKey\}\}/);
  assert.ok(Array.isArray(storeEndpoint.headers) && storeEndpoint.headers.length > 0);
  // Mirrored tab stops: the header uses the key the author types for the secret variable.
  assert.equal(((storeEndpoint.headers as JsonObject[])[0] as JsonObject).value, `Bearer {{${String(variables[0]?.key)}}}`);

  const endpoint = expandSnippet((snippetsAt(schema, '/definitions/endpoint')[0] as Snippet).body);
  const header = expandSnippet((snippetsAt(schema, '/definitions/header')[0] as Snippet).body);
  const formVariable = expandSnippet((snippetsAt(schema, '/definitions/formVariable')[0] as Snippet).body);
  const hook: JsonObject = { endpoint, templates: { default: 'templates/default.json.hbs' } };
  check('endpoint snippet', withCapability('auditLogEventsHook', hook));
  check('header snippet', withCapability('auditLogEventsHook', { ...hook, endpoint: { ...(endpoint as JsonObject), headers: [header] } }));
  check('form variable snippet', { ...baseManifest(), formVariables: [formVariable] });
  check('manifest snippet', expandSnippet((schema.defaultSnippets as unknown as Snippet[])[0]?.body ?? null) as JsonObject);
  check('maximal manifest', maximalManifest(schema));
});

test('verdicts the format notes call for', () => {
  const validate = ours();
  const valid = baseManifest();
  assert.equal(validate(valid), true, errorsText(validate));
  const cases: [string, JsonObject, boolean][] = [
    ['4 categories', { ...valid, categories: ['ai', 'data', 'import', 'migration'] }, false],
    ['no category', { ...valid, categories: [] }, false],
    ['duplicate category', { ...valid, categories: ['ai', 'ai'] }, false],
    ['icon not svg', { ...valid, icons: { square: 'a.png', horizontal: 'b.svg' } }, false],
    ['link without http', { ...valid, links: { site: 'example.com', privacyPolicy: 'https://example.com/p' } }, false],
    ['upper-case HTTPS link', { ...valid, links: { site: 'HTTPS://example.com', privacyPolicy: 'https://example.com/p' } }, true],
    ['version 1.0', { ...valid, version: '1.0' }, false],
    ['form variable type url', { ...valid, formVariables: [{ key: 'u', name: 'U', type: 'url', description: 'd' }] }, false],
    ['form variable type uri', { ...valid, formVariables: [{ key: 'u', name: 'U', type: 'uri', description: 'd' }] }, true],
    ['boolean defaultValue', { ...valid, formVariables: [{ key: 'b', name: 'B', type: 'boolean', description: 'd', defaultValue: true }] }, true],
    ['number defaultValue', { ...valid, formVariables: [{ key: 'b', name: 'B', type: 'string', description: 'd', defaultValue: 3 }] }, false],
    ['header name with a space', { ...valid, capabilities: { auditLogEventsHook: { templates: {}, endpoint: { url: 'u', method: 'POST', headers: [{ name: 'X Y', value: 'v' }] } } } }, false],
    ['method in lower case', { ...valid, capabilities: { auditLogEventsHook: { templates: {}, endpoint: { url: 'u', method: 'post' } } } }, false],
    // Upstream gives approval requests object keywords but no type: a non-object passes, as there.
    ['approval creationRequest not an object', { ...valid, capabilities: { approval: { creationRequest: 'x', statusRequest: 1, postApplyRequest: [], deletionRequest: null } } }, true],
    ['approval statusRequest without parser', { ...valid, capabilities: { approval: { creationRequest: { endpoint: { url: 'u', method: 'GET' } }, statusRequest: { endpoint: { url: 'u', method: 'GET' } }, postApplyRequest: 'x', deletionRequest: 'x' } } }, false],
    ['eventsHook triggers (listed upstream without a schema)', { ...valid, capabilities: { eventsHook: { endpoint: { url: 'u', method: 'POST' }, templates: {}, triggers: [1, 'any'] } } }, true],
  ];
  const store = (parser: JsonObject): JsonObject => ({
    ...valid,
    capabilities: {
      featureStore: {
        formVariables: [],
        validationRequest: { endpoint: { url: 'https://x', method: 'GET' }, parser },
        featureStoreRequest: { endpoint: { url: 'https://x/{{_featureStoreKey}}', method: 'PUT' } },
      },
    },
  });
  cases.push(['featureStore parser "errors"', store({ success: '/ok', errors: '/errors' }), true]);
  cases.push(['featureStore parser "error"', store({ success: '/ok', error: '/errors' }), false]);
  for (const [label, manifest, expected] of cases) assert.equal(validate(manifest), expected, label);
  // An unknown key fails propertyNames at the object that holds it (the server maps it to the key).
  assert.equal(validate(store({ success: '/ok', error: '/errors' })), false);
  assert.ok(
    (validate.errors ?? []).some((e) => e.keyword === 'propertyNames' && e.instancePath === '/capabilities/featureStore/validationRequest/parser'),
    errorsText(validate),
  );
});

test('every corpus manifest is valid', (t: TestContext) => {
  if (!hasCorpus) return t.skip(CORPUS_SKIP);
  const validate = compileOurs({ allErrors: true }).validate;
  const corpus = corpusManifests();
  assert.equal(corpus.length, 129);
  const invalid = corpus.filter(({ manifest }) => !validate(manifest)).map(({ key }) => `${key}: ${errorsText(validate)}`);
  assert.deepEqual(invalid, []);
  t.diagnostic(`${corpus.length} manifests valid`);
});

/**
 * Structure: with our `$ref`s inlined and annotations dropped, our schema is upstream's bundled one,
 * up to the strict-mode fixes: `anyOf` for the union type, `if: object / then` for the untyped object
 * nodes, no-op array keywords left out, and a key upstream allows without a schema listed with none.
 */
test('structural parity with upstream: the same constraints at every location', (t: TestContext) => {
  if (!hasCorpus) return t.skip(CORPUS_SKIP);
  const annotations = new Set([
    '$id', '#id', '$schema', '$comment', 'title', 'description', 'markdownDescription', 'defaultSnippets',
    'enumDescriptions', 'markdownEnumDescriptions', 'errorMessage', 'deprecationMessage', 'default', 'examples', 'definitions',
  ]);
  const schema = freshSchema();
  const definitions = schema.definitions as JsonObject;
  const inline = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(inline);
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    if (typeof node.$ref === 'string') Object.assign(out, inline(definitions[node.$ref.slice('#/definitions/'.length)] ?? null));
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref') continue;
      out[key] = (key === 'properties' || key === 'definitions') && isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inline(v)]))
        : inline(value);
    }
    return out;
  };
  const normalize = (input: Json, isOurs: boolean): Json => {
    if (Array.isArray(input)) return input.map((v) => normalize(v, isOurs));
    if (!isObject(input)) return input;
    let node = input;
    if (isOurs && isObject(node.if) && JSON.stringify(node.if) === '{"type":"object"}' && isObject(node.then)) {
      const { if: _if, then, ...outer } = node;
      const { type: _type, ...inner } = then as JsonObject;
      node = { ...outer, ...inner };
    }
    if (isOurs && JSON.stringify(node.anyOf) === '[{"type":"boolean"},{"type":"string"}]') {
      const { anyOf: _anyOf, ...rest } = node;
      node = { ...rest, type: ['boolean', 'string'] };
    }
    if (!isOurs && node.type === 'array') {
      const { minProperties: _a, minLength: _b, maxLength: _c, ...rest } = node;
      node = rest;
    }
    const out: JsonObject = {};
    for (const key of Object.keys(node).sort()) {
      if (annotations.has(key)) continue;
      const value = node[key] ?? null;
      if (key === 'properties' && isObject(value)) {
        const properties: JsonObject = {};
        for (const name of Object.keys(value).sort()) {
          const property = normalize(value[name] ?? null, isOurs);
          if (JSON.stringify(property) !== '{}') properties[name] = property;
        }
        out[key] = properties;
      } else if ((key === 'enum' || key === 'required') && Array.isArray(value)) {
        out[key] = [...(value as string[])].sort();
      } else {
        out[key] = normalize(value, isOurs);
      }
    }
    return out;
  };
  const upstream = readJson(join(corpusDir, 'manifest.schema.json'));
  const differences: string[] = [];
  const compare = (a: Json | undefined, b: Json | undefined, pointer: string): void => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (isObject(a ?? null) && isObject(b ?? null)) {
      const x = a as JsonObject;
      const y = b as JsonObject;
      for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) compare(x[key], y[key], `${pointer}/${key}`);
      return;
    }
    differences.push(`${pointer}: ours ${JSON.stringify(a)?.slice(0, 120)} upstream ${JSON.stringify(b)?.slice(0, 120)}`);
  };
  const mine = normalize(inline(schema), true);
  compare(mine, normalize(upstream, false), '');
  assert.deepEqual(differences, []);
  // The comparison sees constraints: a changed bound would show up.
  const changed = freshSchema();
  ((changed.properties as JsonObject).name as JsonObject).maxLength = 101;
  const differencesBefore = differences.length;
  compare(normalize(inline(changed), true), normalize(upstream, false), '');
  assert.equal(differences.length, differencesBefore + 1);
});

const parityCases = hasCorpus ? buildMutations(corpusManifests(), freshSchema()) : [];

test(`behavioural parity with upstream over ${parityCases.length} mutated manifests`, (t: TestContext) => {
  if (!hasCorpus) return t.skip(CORPUS_SKIP);
  const upstream = compileUpstream();
  const validate = ours();
  let valid = 0;
  let invalid = 0;
  const disagreements: string[] = [];
  for (const { name, manifest } of parityCases) {
    const verdict = validate(manifest);
    const upstreamVerdict = upstream(manifest);
    if (verdict !== upstreamVerdict) disagreements.push(`${name}: ours ${verdict}, upstream ${upstreamVerdict}`);
    if (upstreamVerdict) valid++;
    else invalid++;
  }
  t.diagnostic(`${parityCases.length} mutations: ${invalid} invalid and ${valid} valid under both schemas, ${disagreements.length} disagreements`);
  assert.deepEqual(disagreements.slice(0, 20), []);
  // The mutations exercise both verdicts in quantity, and the named ones are among them.
  assert.ok(parityCases.length >= 1000 && invalid >= 500 && valid >= 200, `${parityCases.length} cases, ${invalid} invalid, ${valid} valid`);
  for (const needle of [
    'featureStore parser with "error" instead of "errors"',
    '/categories := four distinct items',
    '/categories := empty array',
    '/categories := duplicate first item',
    '/version := two-part version',
    '/icons/square := PNG path',
    '/links/site := ftp URL',
    '/headers/*/name := inner space',
    '/formVariables/*/key dropped',
    '/featureStoreRequest/endpoint/url dropped',
    '/capabilities + unknown key',
    '/formVariables/*/type := form variable type url',
    '/name := 101 characters',
  ]) {
    assert.ok(parityCases.some((c) => c.name.includes(needle)), `no mutation "${needle}"`);
  }
});
