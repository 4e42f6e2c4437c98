// The answers to the store requests of the editor (protocol.ts): the manifest's store capability, and
// config values checked against its form variables. Pure: the language server only registers them.
import type { ManifestDocument } from '../engine/manifestDocument';
import type { StoreConfigParams, StoreConfigResult, StorePlanResult } from '../protocol';
import { storeCapability } from './storeCapability';
import { buildConfig } from './storeConfig';

export function storePlan(doc: ManifestDocument): StorePlanResult {
  const found = storeCapability(doc);
  if (!found.ok) return { ok: false, problem: found.problem };
  const { kind, integrationKey, variables } = found.capability;
  return { ok: true, kind, integrationKey, variables };
}

export function storeConfig(doc: ManifestDocument, params: StoreConfigParams): StoreConfigResult {
  const found = storeCapability(doc);
  if (!found.ok) return { ok: false, problems: [found.problem] };
  const values = params.values !== null && typeof params.values === 'object' ? params.values : {};
  const current = params.current !== null && typeof params.current === 'object' ? params.current : undefined;
  const built = buildConfig(found.capability.variables, new Map(Object.entries(values)), { mode: params.mode === 'update' ? 'update' : 'create', current });
  return built.ok ? { ok: true, config: built.config } : { ok: false, problems: built.problems };
}
