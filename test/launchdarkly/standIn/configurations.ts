// The stand-in's saved configurations and what LaunchDarkly does with them: the representation it
// answers with (`_links`, `_id`, keys, config, on, tags, name, version, `_access`, and `_status` for
// persistent stores), JSON Patch updates that bump the version, and validation, which sends the
// manifest's validationRequest with the saved config, as LaunchDarkly does, through the product's own
// rendering (server/src/request/testRequest.ts): what matters here is that a real request reaches the
// partner's server.
import { parseManifest } from '../../../server/src/engine/manifestDocument';
import { prepareRequest } from '../../../server/src/request/testRequest';
import { sendPrepared } from '../../../server/src/request/sendPrepared';
import { isPassing } from '../../../server/src/request/verdict';
import { applyPatch } from './applyPatch';
import { generatedValue, variablesOf } from './configRules';

export type Kind = 'featureStore' | 'bigSegmentStore';

export interface Integration {
  readonly kind: Kind;
  /** The manifest as parsed JSON. */
  readonly manifest: unknown;
}

export interface PersistentStatus {
  readonly available: boolean;
  readonly potentiallyStale: boolean;
  readonly lastSync?: number;
  readonly lastError?: number;
  readonly errors: readonly { readonly statusCode: number; readonly message: string; readonly timestamp: number }[];
}

export interface Saved {
  readonly id: string;
  readonly kind: Kind;
  readonly projectKey: string;
  readonly environmentKey: string;
  readonly integrationKey: string;
  readonly environmentId: string;
  config: Record<string, unknown>;
  on: boolean;
  tags: string[];
  name: string;
  version: number;
  status: PersistentStatus;
}

const PATHS: Readonly<Record<Kind, string>> = { featureStore: 'featureStore', bigSegmentStore: 'big-segment-store' };

export type PatchResult = { readonly ok: true; readonly representation: unknown } | { readonly ok: false; readonly status: 400 | 422; readonly message: string };

export class Configurations {
  private readonly saved = new Map<string, Saved>();
  private sequence = 0;

  constructor(private readonly integrations: Readonly<Record<string, Integration>>) {}

  all(): Saved[] {
    return [...this.saved.values()];
  }

  get(id: string): Saved | undefined {
    return this.saved.get(id);
  }

  find(kind: Kind, projectKey: string, environmentKey: string, integrationKey: string): Saved | undefined {
    return this.all().find((s) => s.kind === kind && s.projectKey === projectKey && s.environmentKey === environmentKey && s.integrationKey === integrationKey);
  }

  collection(kind: Kind, projectKey?: string, environmentKey?: string): unknown {
    const items = this.all().filter((s) => s.kind === kind && (projectKey === undefined || (s.projectKey === projectKey && s.environmentKey === environmentKey)));
    return { _links: { self: { href: `/api/v2/integration-capabilities/${PATHS[kind]}`, type: 'application/json' } }, items: items.map((s) => this.representation(s)) };
  }

  create(kind: Kind, projectKey: string, environmentKey: string, integrationKey: string, body: Record<string, unknown>, environmentId: string): unknown {
    const id = `${kind === 'featureStore' ? 'dc' : 'ps'}${(++this.sequence).toString().padStart(6, '0')}`;
    const config = { ...(body.config as Record<string, unknown>) };
    for (const variable of variablesOf(this.integrations[integrationKey]!)) if (variable.type === 'generated') config[variable.key] = generatedValue(variable.key, this.sequence);
    const saved: Saved = {
      id,
      kind,
      projectKey,
      environmentKey,
      integrationKey,
      environmentId,
      config,
      on: body.on === true,
      tags: (body.tags as string[] | undefined) ?? [],
      name: (body.name as string | undefined) ?? '',
      version: 1,
      status: { available: false, potentiallyStale: false, errors: [] },
    };
    this.saved.set(id, saved);
    return this.representation(saved);
  }

  /** What the tests set to see a persistent store's sync status come back. */
  setStatus(id: string, status: PersistentStatus): void {
    this.saved.get(id)!.status = status;
  }

  delete(id: string): void {
    this.saved.delete(id);
  }

  patch(saved: Saved, body: unknown, configProblem: (config: Record<string, unknown>) => string | undefined): PatchResult {
    const outcome = applyPatch(this.representation(saved) as Record<string, unknown>, body);
    if (!outcome.ok) return outcome;
    const next = outcome.document;
    if (typeof next.on !== 'boolean') return { ok: false, status: 400, message: 'on must be a boolean' };
    if (typeof next.name !== 'string') return { ok: false, status: 400, message: 'name must be a string' };
    if (!Array.isArray(next.tags) || !next.tags.every((t) => typeof t === 'string')) return { ok: false, status: 400, message: 'tags must be an array of strings' };
    if (next.config === null || typeof next.config !== 'object' || Array.isArray(next.config)) return { ok: false, status: 400, message: 'config must be an object' };
    const problem = configProblem(next.config as Record<string, unknown>);
    if (problem) return { ok: false, status: 400, message: problem };
    Object.assign(saved, { on: next.on, name: next.name, tags: next.tags, config: next.config, version: saved.version + 1 });
    return { ok: true, representation: this.representation(saved) };
  }

  /** LaunchDarkly sends the manifest's validation request with the saved config and reports the answer. */
  async validate(saved: Saved): Promise<unknown> {
    const manifest = this.integrations[saved.integrationKey]!.manifest;
    const doc = parseManifest(`file:///integrations/${saved.integrationKey}/manifest.json`, JSON.stringify(manifest));
    const given: Record<string, string> = { _featureStoreKey: `sdk-store-${saved.environmentId}`, envId: saved.environmentId };
    for (const [key, value] of Object.entries(saved.config)) given[key] = Array.isArray(value) ? value.join(',') : String(value);
    const timestamp = Date.now();
    const prepared = prepareRequest(doc, 'validation', given);
    if (!prepared.ok) return { statusCode: 0, error: prepared.problems.join('; '), timestamp, responseBody: '' };
    const run = await sendPrepared(prepared.prepared, { timeoutMs: 5000, maxBodyBytes: 64 * 1024 });
    if (run.outcome.kind === 'network-error') return { statusCode: 0, error: run.outcome.message, timestamp, responseBody: '' };
    const passed = isPassing(run.reading.verdict);
    return {
      statusCode: run.outcome.response.status,
      ...(passed ? {} : { error: run.reading.verdict.summary }),
      timestamp,
      responseBody: Buffer.from(run.outcome.response.body).toString('utf8'),
    };
  }

  representation(saved: Saved): unknown {
    const self = `/api/v2/integration-capabilities/${PATHS[saved.kind]}/${saved.projectKey}/${saved.environmentKey}/${saved.integrationKey}/${saved.id}`;
    return {
      _links: {
        self: { href: self, type: 'application/json' },
        parent: { href: `/api/v2/integration-capabilities/${PATHS[saved.kind]}`, type: 'application/json' },
        project: { href: `/api/v2/projects/${saved.projectKey}`, type: 'application/json' },
        environment: { href: `/api/v2/projects/${saved.projectKey}/environments/${saved.environmentKey}`, type: 'application/json' },
      },
      _id: saved.id,
      integrationKey: saved.integrationKey,
      projectKey: saved.projectKey,
      environmentKey: saved.environmentKey,
      config: structuredClone(saved.config),
      on: saved.on,
      tags: [...saved.tags],
      name: saved.name,
      version: saved.version,
      _access: { allowed: [], denied: [] },
      ...(saved.kind === 'bigSegmentStore' ? { _status: { ...saved.status } } : {}),
    };
  }
}
