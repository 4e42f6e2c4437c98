// A strict stand-in for LaunchDarkly's REST API around store configurations, started by the tests on
// 127.0.0.1 and written from the contract (../shared/docs/launchdarkly-api.md): the exact paths and
// methods (405 for another method on a known path, 404 elsewhere), `Authorization` holding a known
// token as is (401 otherwise, a `Bearer ` prefix included), `LD-API-Version: beta` on the
// integration-capabilities routes (403 otherwise), JSON bodies with no unknown field (400), config
// checked against the integration's form variables, 409 for a second configuration in an environment,
// JSON Patch with 422 when it cannot apply, 204 on delete, error bodies `{ code, message, id }`, and
// 429s with Retry-After or X-Ratelimit-Reset (epoch ms) when told to. Its `validate` sends the
// manifest's validation request, as LaunchDarkly would, with the saved config.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { configProblem, variablesOf } from './configRules';
import { Configurations, type Integration } from './configurations';

export interface StandInProject {
  readonly key: string;
  readonly name: string;
  readonly environments: readonly { readonly key: string; readonly name: string }[];
}

export interface StandInOptions {
  /** Tokens that may read; `writers` may also create, update, delete and validate. */
  readonly readers: readonly string[];
  readonly writers: readonly string[];
  readonly projects: readonly StandInProject[];
  /** By integration key: its kind and manifest (parsed JSON). */
  readonly integrations: Readonly<Record<string, Integration>>;
  /**
   * Answer browsers as LaunchDarkly's API does for calls with a token: a preflight (OPTIONS) is
   * allowed, and every answer allows the caller's origin. Off by default: the desktop never needs it.
   */
  readonly cors?: boolean;
}

/** What a browser may send and read across origins, when `cors` is on. */
const CORS_ALLOWED = {
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
  'access-control-allow-headers': 'Authorization, Content-Type, LD-API-Version',
  'access-control-expose-headers': 'Retry-After, X-Ratelimit-Reset, X-Ratelimit-Global-Remaining, X-Ratelimit-Route-Remaining',
  'access-control-max-age': '600',
};

export interface ReceivedCall {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export type RateLimitAnswer = { readonly retryAfterSeconds: number } | { readonly resetInMs: number } | Record<string, never>;

export interface StandIn {
  readonly origin: string;
  readonly received: ReceivedCall[];
  readonly store: Configurations;
  /** The next `count` calls are answered 429 with the given header. */
  rateLimitNext(count: number, answer: RateLimitAnswer): void;
  close(): Promise<void>;
}

const BETA_PREFIX = '/api/v2/integration-capabilities/';
const COLLECTIONS = { featureStore: 'featureStore', 'big-segment-store': 'bigSegmentStore' } as const;
const CREATE_FIELDS = new Set(['config', 'on', 'tags', 'name']);

class ApiError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
  ) {}
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const received: ReceivedCall[] = [];
  const limits: RateLimitAnswer[] = [];
  const store = new Configurations(options.integrations);
  let errorIds = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(call);
      const cors: Record<string, string> = options.cors ? { ...CORS_ALLOWED, 'access-control-allow-origin': req.headers.origin ?? '*', vary: 'Origin' } : {};
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...cors, ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      if (options.cors && call.method === 'OPTIONS' && req.headers['access-control-request-method']) return send(204);
      const limit = limits.shift();
      if (limit) return send(429, { code: 'rate_limited', message: 'You have been rate limited.', id: `e${++errorIds}` }, rateLimitHeaders(limit));
      handle(call, options, store).then(
        (answer) => send(answer.status, answer.body),
        (error: unknown) => {
          if (error instanceof ApiError) send(error.status, { code: error.code, message: error.message, id: `e${++errorIds}` });
          else send(500, { code: 'internal', message: String(error), id: `e${++errorIds}` });
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    store,
    rateLimitNext: (count, answer) => {
      for (let i = 0; i < count; i++) limits.push(answer);
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function rateLimitHeaders(answer: RateLimitAnswer): Record<string, string> {
  const headers: Record<string, string> = { 'x-ratelimit-global-remaining': '0', 'x-ratelimit-route-remaining': '0' };
  if ('retryAfterSeconds' in answer) headers['retry-after'] = String(answer.retryAfterSeconds);
  if ('resetInMs' in answer) headers['x-ratelimit-reset'] = String(Date.now() + answer.resetInMs);
  return headers;
}

interface Answer {
  readonly status: number;
  readonly body?: unknown;
}

async function handle(call: ReceivedCall, options: StandInOptions, store: Configurations): Promise<Answer> {
  const url = new URL(call.url, 'http://stand-in');
  const token = call.headers.authorization;
  const canWrite = token !== undefined && options.writers.includes(token);
  if (token === undefined || !(canWrite || options.readers.includes(token))) throw new ApiError(401, 'unauthorized', 'Invalid account ID header');
  if (url.pathname.startsWith(BETA_PREFIX) && call.headers['ld-api-version'] !== 'beta') {
    throw new ApiError(403, 'forbidden', 'This is a beta resource: pass the header LD-API-Version: beta');
  }
  const parts = url.pathname.split('/').slice(1).map(decodeURIComponent);
  const requireWrite = () => {
    if (!canWrite) throw new ApiError(403, 'forbidden', 'Access to the requested resource was denied');
  };
  const query = [...url.searchParams.keys()];
  if (parts[0] !== 'api' || parts[1] !== 'v2') throw new ApiError(404, 'not_found', 'Invalid resource identifier');
  if (parts[2] === 'projects') {
    const expand = parts.length === 3 ? ['expand'] : [];
    if (query.some((q) => !expand.includes(q))) throw new ApiError(400, 'invalid_request', `unknown query parameter '${query[0]}'`);
    return projectRoutes(call, parts.slice(3), options, url.searchParams.get('expand') === 'environments');
  }
  if (query.length > 0) throw new ApiError(400, 'invalid_request', `unknown query parameter '${query[0]}'`);
  const kind = parts[2] === 'integration-capabilities' ? COLLECTIONS[parts[3] as keyof typeof COLLECTIONS] : undefined;
  if (!kind) throw new ApiError(404, 'not_found', 'Invalid resource identifier');
  const [projectKey, environmentKey, integrationKey, id, action, ...extra] = parts.slice(4);
  const depth = parts.length - 4;
  const allow = (...methods: string[]) => {
    if (!methods.includes(call.method)) throw new ApiError(405, 'method_not_allowed', `${call.method} is not allowed here`);
  };
  if (extra.length > 0 || depth === 1 || (depth === 2 && kind !== 'featureStore') || (action !== undefined && (action !== 'validate' || kind !== 'featureStore'))) {
    throw new ApiError(404, 'not_found', 'Invalid resource identifier');
  }
  if (depth === 0) {
    allow('GET');
    return { status: 200, body: store.collection(kind) };
  }
  const environment = findEnvironment(options, projectKey!, environmentKey!);
  if (depth === 2) {
    allow('GET');
    return { status: 200, body: store.collection(kind, projectKey, environmentKey) };
  }
  const integration = options.integrations[integrationKey!];
  if (!integration || integration.kind !== kind) throw new ApiError(404, 'not_found', `Unknown integration key '${integrationKey}'`);
  if (depth === 3) {
    allow('POST');
    requireWrite();
    const body = jsonBody(call, true) as Record<string, unknown>;
    checkCreateBody(body, integration);
    const existing = store.find(kind, projectKey!, environmentKey!, integrationKey!);
    if (existing) throw new ApiError(409, 'conflict', 'An integration configuration already exists for this environment');
    return { status: 201, body: store.create(kind, projectKey!, environmentKey!, integrationKey!, body, environment.id) };
  }
  const found = store.get(id!);
  if (!found || found.kind !== kind || found.projectKey !== projectKey || found.environmentKey !== environmentKey || found.integrationKey !== integrationKey) {
    throw new ApiError(404, 'not_found', 'Integration configuration not found');
  }
  if (action === 'validate') {
    allow('POST');
    requireWrite();
    if (call.body.length > 0) throw new ApiError(400, 'invalid_request', 'validate takes no body');
    return { status: 200, body: await store.validate(found) };
  }
  allow('GET', 'PATCH', 'DELETE');
  if (call.method === 'GET') return { status: 200, body: store.representation(found) };
  requireWrite();
  if (call.method === 'DELETE') {
    store.delete(found.id);
    return { status: 204 };
  }
  const patched = store.patch(found, jsonBody(call, false), (config) => configProblem(config, variablesOf(integration), true));
  if (!patched.ok) throw new ApiError(patched.status, patched.status === 422 ? 'unprocessable_entity' : 'invalid_request', patched.message);
  return { status: 200, body: patched.representation };
}

function projectRoutes(call: ReceivedCall, rest: string[], options: StandInOptions, expand: boolean): Answer {
  if (call.method !== 'GET') throw new ApiError(405, 'method_not_allowed', `${call.method} is not allowed here`);
  const environmentsOf = (p: StandInProject) => ({ items: p.environments.map((e) => ({ key: e.key, name: e.name, _id: environmentId(p.key, e.key) })), totalCount: p.environments.length });
  if (rest.length === 0) {
    const items = options.projects.map((p) => ({ key: p.key, name: p.name, _id: `project-${p.key}`, ...(expand ? { environments: environmentsOf(p) } : {}) }));
    return { status: 200, body: { items, totalCount: items.length } };
  }
  const project = options.projects.find((p) => p.key === rest[0]);
  if (rest.length !== 2 || rest[1] !== 'environments') throw new ApiError(404, 'not_found', 'Invalid resource identifier');
  if (!project) throw new ApiError(404, 'not_found', 'Unknown project key');
  return { status: 200, body: environmentsOf(project) };
}

function findEnvironment(options: StandInOptions, projectKey: string, environmentKey: string): { id: string } {
  const project = options.projects.find((p) => p.key === projectKey);
  if (!project) throw new ApiError(404, 'not_found', 'Unknown project key');
  if (!project.environments.some((e) => e.key === environmentKey)) throw new ApiError(404, 'not_found', 'Unknown environment key');
  return { id: environmentId(projectKey, environmentKey) };
}

function environmentId(projectKey: string, environmentKey: string): string {
  return `env-${projectKey}-${environmentKey}`;
}

function jsonBody(call: ReceivedCall, object: boolean): unknown {
  if (!/^application\/json\b/.test(call.headers['content-type'] ?? '')) throw new ApiError(400, 'invalid_request', 'Content-Type must be application/json');
  let body: unknown;
  try {
    body = JSON.parse(call.body);
  } catch {
    throw new ApiError(400, 'invalid_request', 'The body is not valid JSON');
  }
  if (object && (body === null || typeof body !== 'object' || Array.isArray(body))) throw new ApiError(400, 'invalid_request', 'The body must be a JSON object');
  return body;
}

function checkCreateBody(body: Record<string, unknown>, integration: Integration): void {
  const unknown = Object.keys(body).find((k) => !CREATE_FIELDS.has(k));
  if (unknown) throw new ApiError(400, 'invalid_request', `Unknown field '${unknown}'`);
  const config = body.config;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new ApiError(400, 'invalid_request', 'config is required and must be an object');
  if ('on' in body && typeof body.on !== 'boolean') throw new ApiError(400, 'invalid_request', 'on must be a boolean');
  if ('name' in body && typeof body.name !== 'string') throw new ApiError(400, 'invalid_request', 'name must be a string');
  if ('tags' in body && !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string'))) throw new ApiError(400, 'invalid_request', 'tags must be an array of strings');
  const problem = configProblem(config as Record<string, unknown>, variablesOf(integration));
  if (problem) throw new ApiError(400, 'invalid_request', problem);
}
