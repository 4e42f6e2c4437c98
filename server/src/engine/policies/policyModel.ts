// LaunchDarkly's policy language as a manifest's `defaultPolicy` uses it (facts: rendering.md,
// "Policies"): resource specifiers `type/name;tag,tag` scoped with `:`, where each type may appear, and
// the actions known per resource type. The action lists grow with LaunchDarkly, so an unknown action
// is a warning with a suggestion, never an error.

/** Where each resource type may appear: the type of the segment before it (undefined: top level). */
export const RESOURCE_PARENTS: ReadonlyMap<string, readonly (string | undefined)[]> = new Map<string, (string | undefined)[]>([
  ['acct', [undefined]],
  ['proj', [undefined]],
  ['env', ['proj']],
  ['flag', ['env']],
  ['segment', ['env']],
  ['destination', ['env']],
  ['holdout', ['env']],
  ['metric', ['proj']],
  ['aiconfig', ['proj']],
  ['layer', ['proj']],
  ['view', ['proj']],
  ['release-policy', ['proj']],
  ['member', [undefined]],
  ['token', ['member']],
  ['service-token', [undefined]],
  ['role', [undefined]],
  ['webhook', [undefined]],
  ['integration', [undefined]],
  ['code-reference-repository', [undefined]],
  ['relay-proxy-config', [undefined]],
  ['application', [undefined]],
]);

const APPROVAL_ACTIONS = ['createApprovalRequest', 'updateApprovalRequest', 'deleteApprovalRequest', 'reviewApprovalRequest', 'applyApprovalRequest'];

/** LaunchDarkly's action reference for flags, with the ones added since and seen in real manifests. */
const FLAG_ACTIONS = [
  'createFlag', 'cloneFlag', 'deleteFlag', 'updateOn', 'updateIncludeInSnippet', 'updateName', 'updateDescription',
  'updateClientSideFlagAvailability', 'updateTemporary', 'updateTags', 'updatePrerequisites', 'updateTargets', 'updateRules',
  'updateFallthrough', 'updateOffVariation', 'updateMaintainer', 'updateFlagVariations', 'updateFlagDefaultVariations',
  'updateAttachedMetrics', 'updateFlagCustomProperties', 'createExperiment', 'deleteExperiment', 'deleteExperimentResults',
  'updateExperimentActive', 'updateExperimentBaseline', 'updateAttachedGoals', 'deleteFlagAttachedGoalResults',
  'copyFlagConfigFrom', 'copyFlagConfigTo', 'updateFlagSalt', 'updateTrackEvents', 'updateFlagFallthroughTrackEvents',
  'updateGlobalArchived', 'updateExpiringRules', 'updateExpiringTargets', 'updateFeatureWorkflows', 'updateScheduledChanges',
  'updateTriggers', ...APPROVAL_ACTIONS, 'bypassRequiredApproval', 'stopMeasuredRolloutOnFlagFallthrough',
  'stopMeasuredRolloutOnFlagRule', 'updateReleasePhaseStatus', 'updateVariationJsonSchema', 'updateFlagConfigMigrationSettings',
  'createTriggers', 'deleteTriggers', 'updateMeasuredRolloutConfiguration', 'updateRulesWithMeasuredRollout',
  'updateFallthroughWithMeasuredRollout', 'updateDeprecated', 'addReleasePipeline', 'removeReleasePipeline',
  'replaceReleasePipeline', 'createFlagLink', 'updateFlagLink', 'deleteFlagLink', 'manageFlagFollowers', 'updateFlagRuleDescription',
];

const SEGMENT_ACTIONS = [
  'createSegment', 'deleteSegment', 'updateName', 'updateDescription', 'updateTags', 'updateIncluded', 'updateExcluded',
  'updateRules', 'updateExpiringRules', 'updateExpiringTargets', 'updateScheduledChanges', ...APPROVAL_ACTIONS,
];

/** Resource types whose actions are known; for the others, any action name is taken as it is. */
export const ACTIONS_BY_TYPE: ReadonlyMap<string, readonly string[]> = new Map([
  ['flag', FLAG_ACTIONS],
  ['segment', SEGMENT_ACTIONS],
]);

export interface ResourceSegment {
  readonly type: string;
  readonly name: string;
  readonly tags: readonly string[];
  /** Where the segment starts in the specifier. */
  readonly start: number;
  readonly end: number;
}

export type ParsedResource =
  | { readonly ok: true; readonly segments: readonly ResourceSegment[] }
  | { readonly ok: false; readonly start: number; readonly end: number; readonly message: string; readonly suggestion?: { readonly text: string; readonly replacement: string } };

const NAME = /^[A-Za-z0-9._*-]+$/;
const TAG = /^[A-Za-z0-9._*:-]+$/;

/** Parses and checks a resource specifier: grammar, known types, and where each type may appear. */
export function parseResource(specifier: string, nearestType: (type: string) => string | undefined): ParsedResource {
  if (specifier === '*') return { ok: true, segments: [] };
  const segments: ResourceSegment[] = [];
  let start = 0;
  for (const part of specifier.split(':')) {
    const end = start + part.length;
    const fail = (message: string, suggestion?: { text: string; replacement: string }): ParsedResource => ({ ok: false, start, end: Math.max(end, start + 1), message, suggestion });
    const slash = part.indexOf('/');
    if (slash <= 0) return fail(`\`${part || '(empty)'}\` is not a resource: write it as type/name, e.g. \`flag/*\``);
    const type = part.slice(0, slash);
    const [name = '', tagText] = part.slice(slash + 1).split(';');
    if (!RESOURCE_PARENTS.has(type)) {
      const suggestion = nearestType(type);
      return fail(`\`${type}\` is not a resource type${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`, suggestion ? { text: type, replacement: suggestion } : undefined);
    }
    if (!NAME.test(name)) return fail(`\`${type}/${name}\` has no valid name: a key, or a glob such as \`*\``);
    const tags = tagText === undefined ? [] : tagText.split(',');
    if (tags.some((tag) => !TAG.test(tag))) return fail(`\`${part}\` has an empty or invalid tag after \`;\``);
    const parent = segments.at(-1)?.type;
    const allowed = RESOURCE_PARENTS.get(type)!;
    if (!allowed.includes(parent)) {
      const where = allowed[0] === undefined ? 'only at the top level' : `only under \`${allowed[0]}/…\``;
      return fail(`\`${type}\` resources go ${where}${allowed[0] === 'env' ? ', as in `proj/*:env/*:' + type + '/*`' : ''}`);
    }
    segments.push({ type, name, tags, start, end });
    start = end + 1;
  }
  return { ok: true, segments };
}

/** A `*` glob of an action, as LaunchDarkly matches them (`update*`). */
export function actionMatches(pattern: string, action: string): boolean {
  if (!pattern.includes('*')) return pattern === action;
  const parts = pattern.split('*');
  // Linear: each literal part found in order.
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i === 0) {
      if (!action.startsWith(part)) return false;
      at = part.length;
      continue;
    }
    if (i === parts.length - 1) return action.length - part.length >= at && action.endsWith(part);
    const found = action.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return true;
}
