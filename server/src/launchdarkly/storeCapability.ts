// Which store capability a manifest declares, under which integration key, and the form variables
// that make up a configuration's `config`: a featureStore's own
// (`capabilities.featureStore.formVariables`), a bigSegmentStore's the top-level `formVariables`
// (../shared/docs/launchdarkly-api.md). Reads the engine's snapshot; pure.
import type { JSONPath, Node } from 'jsonc-parser';
import { nodeAt, type ManifestDocument } from '../engine/manifestDocument';
import { itemsOf, stringAt, valueOf } from '../engine/jsonTree';
import { formVariablesIn } from '../engine/templates/formVariables';
import type { DependsOn } from '../engine/dependsOn';
import { dependsOnEntries } from '../engine/dependsOnEntries';
import { requestVariables, type RequestVariable } from '../request/requestVariables';
import { STORE_KINDS, type StoreKind } from './routes';

export type { DependsOn, DependsOnCondition } from '../engine/dependsOn';

/**
 * A form variable as a configuration's value needs it: what the request prompts read (key, name,
 * type, description, placeholder, isSecret, isOptional, allowedValues), plus what decides whether and
 * how it is asked and sent.
 */
export interface StoreVariable extends Omit<RequestVariable, 'defaultValue'> {
  /** Of any JSON type (a multiselect's list too). */
  readonly defaultValue?: unknown;
  /** Not shown in LaunchDarkly's form unless `dependsOn` shows it; its default still applies. */
  readonly isHidden: boolean;
  /** The `value`s of `multiselectOptions`. */
  readonly multiselectValues?: readonly string[];
  readonly dependsOn: readonly DependsOn[];
}

export interface StoreCapability {
  readonly kind: StoreKind;
  /** `integrations/<key>/manifest.json`: the folder's name. */
  readonly integrationKey: string;
  /** Where the variables are declared, for messages. */
  readonly variablesPath: string;
  readonly variables: readonly StoreVariable[];
}

export type CapabilityResult = { readonly ok: true; readonly capability: StoreCapability } | { readonly ok: false; readonly problem: string };

const VARIABLES_PATH: Readonly<Record<StoreKind, JSONPath>> = {
  featureStore: ['capabilities', 'featureStore', 'formVariables'],
  bigSegmentStore: ['formVariables'],
};

/** The manifest's store capability (`wanted` picks one when it declares both). */
export function storeCapability(doc: ManifestDocument, wanted?: StoreKind): CapabilityResult {
  if (!doc.root) return { ok: false, problem: 'the manifest is empty' };
  if (doc.syntaxErrors.length > 0) return { ok: false, problem: 'the manifest is not valid JSON; fix its syntax errors first' };
  const declared = STORE_KINDS.filter((kind) => nodeAt(doc, ['capabilities', kind])?.type === 'object');
  if (declared.length === 0) return { ok: false, problem: 'the manifest has no `capabilities.featureStore` or `capabilities.bigSegmentStore`' };
  if (wanted !== undefined && !declared.includes(wanted)) return { ok: false, problem: `the manifest has no \`capabilities.${wanted}\`` };
  if (wanted === undefined && declared.length > 1) return { ok: false, problem: 'the manifest declares both featureStore and bigSegmentStore; say which one' };
  const kind = wanted ?? declared[0]!;
  const integrationKey = integrationKeyOf(doc.uri);
  if (integrationKey === undefined) return { ok: false, problem: 'the manifest must be integrations/<key>/manifest.json: its folder names the integration' };
  const list = nodeAt(doc, VARIABLES_PATH[kind]);
  return { ok: true, capability: { kind, integrationKey, variablesPath: VARIABLES_PATH[kind].join('.'), variables: list ? storeVariablesIn(list) : [] } };
}

/** The folder name of `…/<key>/manifest.json`, when it looks like an integration key. */
export function integrationKeyOf(uri: string): string | undefined {
  const parts = uri.split(/[/\\]/);
  const folder = parts.length >= 2 ? safeDecode(parts[parts.length - 2]!) : undefined;
  return folder !== undefined && /^[a-z0-9][a-z0-9._-]*$/i.test(folder) ? folder : undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function storeVariablesIn(list: Node): StoreVariable[] {
  // The prompts' reading of each variable, plus what a configuration needs beyond it, entry by entry.
  const declared = formVariablesIn(list);
  return requestVariables(list).map((common, index) => {
    const { entry, defaultValue } = declared[index]!;
    const multiselect = valueOf(entry, 'multiselectOptions');
    return {
      ...common,
      defaultValue,
      isHidden: valueOf(entry, 'isHidden')?.value === true,
      multiselectValues: multiselect ? itemsOf(multiselect).flatMap((item) => stringAt(item, 'value') ?? []) : undefined,
      dependsOn: dependsOnEntries(entry),
    };
  });
}
