// What a template may reference, by where it is rendered (facts file, "Templates"): featureStore sees
// only its own form variables; other capabilities see the top-level ones plus the values LaunchDarkly
// supplies for that capability.
import type { JSONPath, Node } from 'jsonc-parser';
import { memo, nodeAt, type ManifestDocument } from '../manifestDocument';
import { valueOf } from '../jsonTree';
import { formVariablesAt, formVariableTable, tableOf, type FormVariable } from './formVariables';
import type { TemplatedString } from './templatedStrings';

/** A name LaunchDarkly supplies when it renders the template. */
export interface BuiltinName {
  readonly name: string;
  readonly description: string;
  /** Any path below it is accepted (`context.*`): its shape is the event's, not the manifest's. */
  readonly open: boolean;
}

/** Variables referenced through a prefix: `environmentFormVariables.key`, `metadata.key`. */
export interface VariableGroup {
  readonly root: string;
  readonly description: string;
  readonly variables: readonly FormVariable[];
  /** The same variables by key. */
  readonly table: ReadonlyMap<string, FormVariable>;
}

/** Names that exist in the manifest but are not visible in a scope: the reason, by name. */
export interface HiddenNames {
  get(name: string): string | undefined;
}

export interface TemplateScope {
  /** Who renders it, for messages: "the featureStore capability". */
  readonly label: string;
  readonly featureStore: boolean;
  /** Form variables referenced by their bare key. */
  readonly variables: readonly FormVariable[];
  /** The same variables by key: a reference resolves in constant time. */
  readonly table: ReadonlyMap<string, FormVariable>;
  /** Where a missing variable would be declared. */
  readonly variablesPath: JSONPath | undefined;
  readonly groups: readonly VariableGroup[];
  readonly builtins: readonly BuiltinName[];
  /** Names that exist in the manifest but are not visible here, with the reason. */
  readonly hidden: HiddenNames;
}

export const FEATURE_STORE_KEY = '_featureStoreKey';

const FEATURE_STORE_KEY_DOC =
  'Provided by LaunchDarkly: a key unique to the LaunchDarkly environment this delivery configuration belongs to. Use it to name the item or key the flag data is stored under.';

const open = (name: string, description: string): BuiltinName => ({ name, description, open: true });
const exact = (name: string, description: string): BuiltinName => ({ name, description, open: false });

const OAUTH = open('oauth', 'OAuth values of the connected account (`oauth.accessToken`, `oauth.baseURI`...). Requires `requiresOAuth: true`.');
const CONTEXT = open('context', 'The event being delivered (its shape depends on the event kind).');

const APPROVAL_BUILTINS = [
  CONTEXT,
  open('member', 'The member who requested the change.'),
  open('flag', 'The flag being changed.'),
  open('project', 'The project of the flag.'),
  open('environment', 'The environment of the change, including its environment form variable values.'),
  open('details', 'The change details (`details.plainText`, `details.html`...).'),
  open('title', 'The approval request title (`title.plainText`...).'),
  open('timestamp', 'When the request was made (`timestamp.milliseconds`, `timestamp.simple`...).'),
  open('_links', 'Links to the approval in LaunchDarkly (`_links.approval.href`).'),
  open('creationResponseBody', 'The JSON body your service returned to the creation request.'),
  open('customProperties', 'Custom properties of the flag.'),
  // Not in the facts file's list, but used by real approval manifests (custom-approvals, servicenow-*).
  exact('approvalId', 'The ID of the approval request in LaunchDarkly.'),
  exact('approvalDescription', 'The description the requester wrote for the approval.'),
  exact('comment', 'The comment left with the review or the change.'),
];

const SYNCED_SEGMENT_BUILTINS = [
  open('requestBody', 'The JSON body of the incoming request.'),
  exact('statusCode', 'The HTTP status code of the response LaunchDarkly sends.'),
  exact('errorMessage', 'The error message, when processing failed.'),
  exact('projectKey', 'The LaunchDarkly project key.'),
  exact('environmentKey', 'The LaunchDarkly environment key.'),
  exact('segmentKey', 'The synced segment key.'),
  exact('segmentUrl', 'The URL of the segment in LaunchDarkly.'),
];

/**
 * The scope of a templated string. Scopes depend on the capability and field (and, for buttonAction
 * bodies, the action), not on the string: each is built once per snapshot and shared by its sites.
 */
export function scopeOf(doc: ManifestDocument, site: TemplatedString): TemplateScope {
  const perAction = site.capability === 'buttonAction' ? JSON.stringify(site.path.slice(0, -1)) : '';
  return memo(doc, `scope:${site.capability ?? ''}:${site.field}:${perAction}`, () => {
    const scope = buildScope(doc, site);
    return { ...scope, table: tableOf(scope.variables) };
  });
}

function buildScope(doc: ManifestDocument, site: TemplatedString): Omit<TemplateScope, 'table'> {
  const topLevel = (): readonly FormVariable[] => formVariablesAt(doc, ['formVariables']);
  const requiresOAuth = nodeAt(doc, ['requiresOAuth'])?.value === true;
  const oauth = requiresOAuth ? [OAUTH] : [];
  const hiddenOAuth = requiresOAuth ? [] : [['oauth', '`oauth.*` is available only when the manifest sets `"requiresOAuth": true`.'] as const];

  switch (site.capability) {
    case 'featureStore': {
      const variables = formVariablesAt(doc, ['capabilities', 'featureStore', 'formVariables']);
      const inPayload = site.field === 'payload';
      const builtins = [exact(FEATURE_STORE_KEY, FEATURE_STORE_KEY_DOC)];
      if (inPayload) builtins.push(exact('envId', 'Provided by LaunchDarkly: the ID of the LaunchDarkly environment whose flags are delivered.'));
      const topLevelKeys = formVariableTable(doc, ['formVariables']);
      const envId = inPayload ? undefined : '`envId` is available only in `payloadPrefix` and `payloadSuffix`.';
      // The reason is written when a reference needs it, not for every top-level variable up front.
      const hidden: HiddenNames = {
        get: (name) =>
          topLevelKeys.has(name)
            ? `\`${name}\` is a top-level form variable; featureStore templates see only the capability's own \`formVariables\`.`
            : name === 'envId'
              ? envId
              : undefined,
      };
      return {
        label: 'the featureStore capability',
        featureStore: true,
        variables,
        variablesPath: ['capabilities', 'featureStore', 'formVariables'],
        groups: [],
        builtins,
        hidden,
      };
    }
    case 'approval': {
      const group = (root: string, description: string): VariableGroup => {
        const variables = formVariablesAt(doc, ['capabilities', 'approval', root]);
        return { root, description, variables, table: tableOf(variables) };
      };
      return {
        label: 'the approval capability',
        featureStore: false,
        // custom-approvals references its top-level `baseURL` and `apiKey` from approval requests.
        variables: topLevel(),
        variablesPath: ['formVariables'],
        groups: [
          group('environmentFormVariables', 'Values of the approval environment form variables.'),
          group('approvalFormVariables', 'Values the requester filled in for this approval.'),
        ],
        builtins: [...APPROVAL_BUILTINS, ...oauth],
        hidden: new Map(hiddenOAuth),
      };
    }
    case 'syncedSegment':
      if (site.field === 'responseBody') {
        return { label: 'the syncedSegment response', featureStore: false, variables: [], variablesPath: undefined, groups: [], builtins: SYNCED_SEGMENT_BUILTINS, hidden: new Map() };
      }
      break;
    case 'flagLink':
      return {
        label: 'the flagLink capability',
        featureStore: false,
        variables: [],
        variablesPath: undefined,
        groups: [{ root: 'metadata', description: 'The flag link\'s metadata, as declared in `flagLink.metadata`.', variables: metadataKeys(doc), table: tableOf(metadataKeys(doc)) }],
        builtins: [exact('deepLink', 'The link back to the item in the linked service.')],
        hidden: new Map(),
      };
    case 'buttonAction':
      if (site.field === 'jsonBody') {
        return {
          label: 'this request body template',
          featureStore: false,
          variables: topLevel(),
          variablesPath: ['formVariables'],
          groups: [],
          builtins: requiredContext(doc, site.path),
          hidden: new Map(hiddenOAuth),
        };
      }
      break;
  }
  // auditLogEventsHook and every other endpoint: the top-level form variables and the event.
  return {
    label: site.capability ? `the ${site.capability} capability` : 'this manifest',
    featureStore: false,
    variables: topLevel(),
    variablesPath: ['formVariables'],
    groups: [],
    builtins: [CONTEXT, ...oauth],
    hidden: new Map(hiddenOAuth),
  };
}

/** flagLink `metadata` keys, shaped as variables so that navigation and rename treat them alike. */
export function metadataKeys(doc: ManifestDocument): readonly FormVariable[] {
  return memo(doc, 'metadataKeys', () => readMetadataKeys(doc));
}

function readMetadataKeys(doc: ManifestDocument): FormVariable[] {
  const metadata = nodeAt(doc, ['capabilities', 'flagLink', 'metadata']);
  if (metadata?.type !== 'object') return [];
  const keys: FormVariable[] = [];
  for (const property of metadata.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    const type = valueOf(value, 'type')?.value;
    keys.push({
      key: keyNode.value,
      keyNode,
      entry: property,
      list: metadata,
      type: typeof type === 'string' ? type : undefined,
      description: 'A metadata field of the flag link.',
      isSecret: false,
      isOptional: false,
    });
  }
  return keys;
}

/** buttonAction: each body template names the context roots it needs in `requiredContext`. */
function requiredContext(doc: ManifestDocument, bodyPath: JSONPath): BuiltinName[] {
  const list: Node | undefined = nodeAt(doc, [...bodyPath.slice(0, -1), 'requiredContext']);
  return (list?.children ?? [])
    .map((n) => n.value)
    .filter((v): v is string => typeof v === 'string')
    .map((name) => open(name, 'Context LaunchDarkly supplies to this request body (listed in `requiredContext`).'));
}
