// LaunchDarkly's REST API around store configurations, over Node's own http/https through the same
// sender as the validation request (server/src/request/send.ts: verified TLS, one deadline per call,
// a bounded body, cancellation). Redirects are never followed: the API does not redirect, and the
// token must reach no other URL than the one the author chose. A 429 is waited out (Retry-After, or
// X-Ratelimit-Reset in epoch milliseconds) a few times at most, each wait reported through
// `onRateLimit`; every other failure becomes a message that says what to do, with the token masked.
// Engine-free (the editor's client bundles it): a terminal's caller folds it into one line and escapes
// control characters itself (LaunchDarkly's words are kept as sent, masked).
import { bodyText, type ReceivedResponse, type Send } from '../request/sendTypes';
import { SecretMasker } from '../request/secretMasker';
import { apiErrorMessage, type CallContext } from './apiErrors';
import { renderApiCall } from './apiRequest';
import { instanceLabel } from './instances';
import type { PatchOperation } from './jsonPatch';
import { MAX_RATE_LIMIT_RETRIES, MAX_RATE_LIMIT_WAIT_MS, rateLimitWaitMs } from './rateLimit';
import {
  parseConfiguration,
  parseConfigurationList,
  parseEnvironments,
  parseErrorBody,
  parseProjects,
  parseValidationResult,
  type ApiErrorBody,
  type Environment,
  type Parsed,
  type Project,
  type StoreConfiguration,
  type ValidationResult,
} from './responses';
import { KIND_LABEL, routes, type ConfigurationRef, type Placement, type Route, type StoreKind } from './routes';

export const DEFAULT_API_TIMEOUT_MS = 30_000;
/** A page of configurations or projects is a few hundred KB at most. */
export const MAX_API_BODY_BYTES = 8 * 1024 * 1024;

export interface ApiClientOptions {
  readonly baseUri: string;
  readonly token: string;
  /** The transport: Node's http/https, or the browser's fetch in the web extension. */
  readonly send: Send;
  /** Names the product and its version, e.g. `ld-manifest/0.1.0`; absent in a browser, which sends its own. */
  readonly userAgent?: string;
  /** How the author gives the token here, for the advice on a 401 (`LD_ACCESS_TOKEN`). */
  readonly tokenSource: string;
  /** Other values to mask in messages (secret config values), besides the token. */
  readonly secrets?: readonly string[];
  readonly timeoutMs?: number;
  readonly extraCa?: string;
  readonly signal?: AbortSignal;
  readonly maxRetries?: number;
  /** Called before each wait after a 429. */
  readonly onRateLimit?: (wait: RateLimitWait) => void;
}

export interface RateLimitWait {
  readonly waitMs: number;
  /** 1 for the first retry. */
  readonly retry: number;
  readonly maxRetries: number;
}

export type FailureKind = 'http' | 'network' | 'cancelled' | 'rate-limited' | 'redirect' | 'answer';

export interface ApiFailure {
  readonly kind: FailureKind;
  readonly status?: number;
  /** LaunchDarkly's error `code`, when it sent one. */
  readonly code?: string;
  /** The token masked; LaunchDarkly's words may hold control characters: escape them for a terminal. */
  readonly message: string;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ApiFailure };

/** The body of a create call. */
export interface NewConfiguration {
  readonly config: Readonly<Record<string, unknown>>;
  readonly name?: string;
  readonly tags?: readonly string[];
  readonly on?: boolean;
}

export interface ConfigurationFilter {
  readonly integrationKey: string;
  readonly projectKey?: string;
  readonly environmentKey?: string;
}

export function userAgent(product: string, version: string): string {
  return `${product}/${version}`;
}

export class LaunchDarklyClient {
  private readonly masker: SecretMasker;

  constructor(private readonly options: ApiClientOptions) {
    this.masker = new SecretMasker([options.token, ...(options.secrets ?? [])]);
  }

  listProjects(): Promise<ApiResult<Project[]>> {
    return this.call(routes.listProjects(), 'list the projects', (v) => parseProjects(v));
  }

  listEnvironments(projectKey: string): Promise<ApiResult<Environment[]>> {
    return this.call(routes.listEnvironments(projectKey), `list the environments of project '${projectKey}'`, (v) => parseEnvironments(v));
  }

  /** The integration's configurations of one kind, narrowed to a project and environment when given. */
  async listConfigurations(kind: StoreKind, filter: ConfigurationFilter): Promise<ApiResult<StoreConfiguration[]>> {
    const { projectKey, environmentKey, integrationKey } = filter;
    const route = kind === 'featureStore' && projectKey !== undefined && environmentKey !== undefined ? routes.listByEnvironment(projectKey, environmentKey) : routes.listAll(kind);
    const listed = await this.call(route, `list the ${KIND_LABEL[kind]}s`, (v) => parseConfigurationList(v, kind), { integrationKey });
    if (!listed.ok) return listed;
    const wanted = listed.value.filter(
      (c) => c.integrationKey === integrationKey && (projectKey === undefined || c.projectKey === projectKey) && (environmentKey === undefined || c.environmentKey === environmentKey),
    );
    return { ok: true, value: wanted };
  }

  getConfiguration(ref: ConfigurationRef): Promise<ApiResult<StoreConfiguration>> {
    return this.call(routes.get(ref), `read ${describeRef(ref)}`, (v) => parseConfiguration(v, ref.kind), ref);
  }

  createConfiguration(at: Placement, body: NewConfiguration, secretKeys: ReadonlySet<string>): Promise<ApiResult<StoreConfiguration>> {
    const action = `create a ${KIND_LABEL[at.kind]} of '${at.integrationKey}' in ${at.projectKey}/${at.environmentKey}`;
    return this.call(routes.create(at), action, (v) => parseConfiguration(v, at.kind), at, body, secretKeys);
  }

  updateConfiguration(ref: ConfigurationRef, patch: readonly PatchOperation[], secretKeys: ReadonlySet<string>): Promise<ApiResult<StoreConfiguration>> {
    return this.call(routes.update(ref), `update ${describeRef(ref)}`, (v) => parseConfiguration(v, ref.kind), ref, patch, secretKeys);
  }

  deleteConfiguration(ref: ConfigurationRef): Promise<ApiResult<null>> {
    return this.call(routes.delete(ref), `delete ${describeRef(ref)}`, () => ({ ok: true, value: null }), ref);
  }

  validateDeliveryConfiguration(ref: ConfigurationRef & { readonly kind: 'featureStore' }): Promise<ApiResult<ValidationResult>> {
    return this.call(routes.validate(ref), `validate ${describeRef(ref)}`, (v) => parseValidationResult(v), ref);
  }

  /** The call as curl, the token read from `$LD_ACCESS_TOKEN` and secrets from their own variables. */
  renderCall(route: Route, body?: unknown, secretKeys?: ReadonlySet<string>) {
    return renderApiCall({ baseUri: this.options.baseUri, route, token: this.options.token, userAgent: this.options.userAgent, body, secretKeys });
  }

  private async call<T>(
    route: Route,
    action: string,
    parse: (value: unknown) => Parsed<T>,
    about?: { readonly integrationKey: string },
    body?: unknown,
    secretKeys?: ReadonlySet<string>,
  ): Promise<ApiResult<T>> {
    const context: CallContext = { action, instance: instanceLabel(this.options.baseUri), tokenSource: this.options.tokenSource, integrationKey: about?.integrationKey };
    const request = this.renderCall(route, body, secretKeys).real;
    const maxRetries = this.options.maxRetries ?? MAX_RATE_LIMIT_RETRIES;
    for (let retry = 0; ; retry++) {
      const outcome = await this.options.send(request, {
        timeoutMs: this.options.timeoutMs ?? DEFAULT_API_TIMEOUT_MS,
        maxBodyBytes: MAX_API_BODY_BYTES,
        extraCa: this.options.extraCa,
        signal: this.options.signal,
        maxRedirects: 0,
      });
      if (outcome.kind === 'network-error') {
        const kind = outcome.error === 'cancelled' ? 'cancelled' : 'network';
        return this.failure(kind, `cannot ${action}: ${outcome.message} (${instanceLabel(this.options.baseUri)})`);
      }
      const response = outcome.response;
      if (response.status !== 429) return this.read(response, context, parse);
      const waitMs = rateLimitWaitMs(response.headers, Date.now());
      if (retry >= maxRetries || waitMs > MAX_RATE_LIMIT_WAIT_MS) {
        const why = retry >= maxRetries ? `still rate limited after ${maxRetries} retries` : `rate limited for ${Math.ceil(waitMs / 1000)} s, longer than this product waits`;
        return this.failure('rate-limited', `${apiErrorMessage(429, this.serviceWords(parseErrorBody(bodyText(response.body))), context)} (${why})`, 429);
      }
      this.options.onRateLimit?.({ waitMs, retry: retry + 1, maxRetries });
      if (!(await pause(waitMs, this.options.signal))) return this.failure('cancelled', `cannot ${action}: cancelled`);
    }
  }

  private read<T>(response: ReceivedResponse, context: CallContext, parse: (value: unknown) => Parsed<T>): ApiResult<T> {
    const text = bodyText(response.body);
    if (response.status >= 300 && response.status < 400) {
      const to = response.redirects[0]?.to ?? 'another URL';
      return this.failure('redirect', `cannot ${context.action}: the instance redirects to ${to}, where the token is not sent; check the base URI (${context.instance})`, response.status);
    }
    if (response.status >= 400) {
      const error = this.serviceWords(parseErrorBody(text));
      return { ok: false, failure: { kind: 'http', status: response.status, code: error.code, message: this.clean(apiErrorMessage(response.status, error, context)) } };
    }
    if (response.truncated) return this.failure('answer', `cannot ${context.action}: the answer is larger than ${MAX_API_BODY_BYTES} bytes`);
    let value: unknown = null;
    if (response.status !== 204 && text.trim() !== '') {
      try {
        value = JSON.parse(text);
      } catch {
        return this.failure('answer', `cannot ${context.action}: the answer (HTTP ${response.status}) is not JSON; check the base URI (${context.instance})`);
      }
    }
    const parsed = parse(value);
    return parsed.ok ? { ok: true, value: parsed.value } : this.failure('answer', `cannot ${context.action}: unexpected answer from LaunchDarkly: ${parsed.problem}`);
  }

  private failure(kind: FailureKind, message: string, status?: number): { ok: false; failure: ApiFailure } {
    return { ok: false, failure: { kind, message: this.clean(message), ...(status !== undefined ? { status } : {}) } };
  }

  /** The token (and the other secrets) masked. */
  private clean(text: string): string {
    return this.masker.mask(text);
  }

  /** LaunchDarkly's own words: withheld rather than masked when the token is too short to mask. */
  private serviceWords(body: ApiErrorBody): ApiErrorBody {
    const words = (text: string | undefined) => (text === undefined ? undefined : this.clean(this.masker.outside(text)));
    return { code: words(body.code), message: words(body.message) };
  }
}

export function describeRef(ref: ConfigurationRef): string {
  return `${KIND_LABEL[ref.kind]} ${ref.id} of '${ref.integrationKey}' in ${ref.projectKey}/${ref.environmentKey}`;
}

/** Waits `ms`, or less when `signal` aborts; true when the whole wait passed. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', onAbort);
  });
}
