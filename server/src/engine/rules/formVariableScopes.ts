// Where form variables live, and whether LaunchDarkly's CI checks them there. Its repository rules run
// on top-level `formVariables`; approval's `environmentFormVariables` are the same kind of
// configuration form and are held to them too. Live manifests break them elsewhere, so there they are
// only advice: the featureStore's own variables (akamai `network`, vercel `teamId`) and approval's
// per-request `approvalFormVariables` (servicenow-c0 `assignmentGroup`, optional without a default).
import type { JSONPath, Node } from 'jsonc-parser';
import { itemsOf, propertiesOf, valueOf } from '../jsonTree';

export interface FormVariableScope {
  readonly array: Node;
  readonly path: JSONPath;
  /** True where LaunchDarkly's CI applies its form variable rules (their diagnostics are errors). */
  readonly enforcedByCi: boolean;
  readonly variables: Node[];
}

/** Approval's lists, and whether the CI rules are enforced on each. */
const APPROVAL_LISTS: ReadonlyArray<[string, boolean]> = [
  ['environmentFormVariables', true],
  ['approvalFormVariables', false],
];

export function formVariableScopes(root: Node | undefined): FormVariableScope[] {
  const scopes: FormVariableScope[] = [];
  const add = (array: Node | undefined, path: JSONPath, enforcedByCi: boolean) => {
    if (array?.type === 'array') scopes.push({ array, path, enforcedByCi, variables: itemsOf(array).filter((v) => v.type === 'object') });
  };
  add(valueOf(root, 'formVariables'), ['formVariables'], true);
  for (const capability of propertiesOf(valueOf(root, 'capabilities'))) {
    const name = String(capability.children?.[0]?.value);
    const body = capability.children?.[1];
    add(valueOf(body, 'formVariables'), ['capabilities', name, 'formVariables'], false);
    if (name === 'approval') for (const [list, enforced] of APPROVAL_LISTS) add(valueOf(body, list), ['capabilities', name, list], enforced);
  }
  return scopes;
}
