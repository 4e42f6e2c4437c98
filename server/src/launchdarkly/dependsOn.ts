// Whether a store configuration's form variable is in use, by its `dependsOn` entries (the semantics
// are the engine's, server/src/engine/dependsOn.ts, shared with the integration preview). Only entries
// about the same list (`variableLocation` `formVariables`) can be decided for a store configuration;
// entries about approval or environment form variables are left out. Pure.
import { dependsOnShows, dependsOnWhyHidden, type DependsOn, type DependsOnLookup } from '../engine/dependsOn';
import type { StoreVariable } from './storeCapability';

/** A config value as the conditions compare it (they are written as text in the manifest). */
export type ValueLookup = (key: string) => unknown;

export function isInUse(variable: StoreVariable, valueOf: ValueLookup): boolean {
  return dependsOnShows(variable.dependsOn, sameList(valueOf));
}

/** Why a variable is not in use, for messages: its first entry that decides so. */
export function whyNotInUse(variable: StoreVariable, valueOf: ValueLookup): string {
  return dependsOnWhyHidden(variable.dependsOn, sameList(valueOf));
}

function sameList(valueOf: ValueLookup): DependsOnLookup {
  return { decidable: (entry: DependsOn) => entry.variableLocation === 'formVariables', valueOf: (entry: DependsOn) => valueOf(entry.variableKey) };
}
