// The REST routes of store configurations, exactly as LaunchDarkly's API names them
// (../shared/docs/launchdarkly-api.md): featureStore "integration delivery configurations" under
// `integration-capabilities/featureStore`, bigSegmentStore "persistent store integrations" under
// `integration-capabilities/big-segment-store`. Every key is one path segment, percent-encoded, so a
// key cannot step into another route. Pure.

/** The manifest capability a configuration belongs to. */
export type StoreKind = 'featureStore' | 'bigSegmentStore';

export const STORE_KINDS: readonly StoreKind[] = ['featureStore', 'bigSegmentStore'];

const COLLECTION: Readonly<Record<StoreKind, string>> = {
  featureStore: '/api/v2/integration-capabilities/featureStore',
  bigSegmentStore: '/api/v2/integration-capabilities/big-segment-store',
};

/** What LaunchDarkly calls each kind, for messages. */
export const KIND_LABEL: Readonly<Record<StoreKind, string>> = {
  featureStore: 'delivery configuration',
  bigSegmentStore: 'persistent store integration',
};

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Route {
  readonly method: HttpMethod;
  /** Path (and query) relative to the instance's base URL. */
  readonly path: string;
  /** The routes under integration-capabilities are beta: they need `LD-API-Version: beta`. */
  readonly beta: boolean;
}

/** Where one configuration lives. */
export interface ConfigurationRef {
  readonly kind: StoreKind;
  readonly projectKey: string;
  readonly environmentKey: string;
  readonly integrationKey: string;
  readonly id: string;
}

export type Placement = Omit<ConfigurationRef, 'id'>;

function segments(...parts: readonly string[]): string {
  return parts.map((part) => `/${encodeURIComponent(part)}`).join('');
}

export const routes = {
  listProjects: (): Route => ({ method: 'GET', path: '/api/v2/projects?expand=environments', beta: false }),
  listEnvironments: (projectKey: string): Route => ({ method: 'GET', path: `/api/v2/projects${segments(projectKey)}/environments`, beta: false }),
  listAll: (kind: StoreKind): Route => ({ method: 'GET', path: COLLECTION[kind], beta: true }),
  /** Only delivery configurations can be listed per environment. */
  listByEnvironment: (projectKey: string, environmentKey: string): Route => ({
    method: 'GET',
    path: `${COLLECTION.featureStore}${segments(projectKey, environmentKey)}`,
    beta: true,
  }),
  create: (at: Placement): Route => ({ method: 'POST', path: `${COLLECTION[at.kind]}${segments(at.projectKey, at.environmentKey, at.integrationKey)}`, beta: true }),
  get: (ref: ConfigurationRef): Route => ({ method: 'GET', path: configurationPath(ref), beta: true }),
  update: (ref: ConfigurationRef): Route => ({ method: 'PATCH', path: configurationPath(ref), beta: true }),
  delete: (ref: ConfigurationRef): Route => ({ method: 'DELETE', path: configurationPath(ref), beta: true }),
  validate: (ref: ConfigurationRef & { readonly kind: 'featureStore' }): Route => ({ method: 'POST', path: `${configurationPath(ref)}/validate`, beta: true }),
};

function configurationPath(ref: ConfigurationRef): string {
  return `${COLLECTION[ref.kind]}${segments(ref.projectKey, ref.environmentKey, ref.integrationKey, ref.id)}`;
}
