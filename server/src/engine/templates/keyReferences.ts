// Form variable keys named outside templates: `hmacSignature.hmacSecretFormVariableKey` and
// `dependsOn[].variableKey`. They take part in diagnostics, completion, navigation and rename.
import type { JSONPath, Node } from 'jsonc-parser';
import { memo, nodeAt, type ManifestDocument } from '../manifestDocument';
import { discoverStrings } from './discovery';
import { formVariablesAt, formVariableTable, type FormVariable } from './formVariables';
import { NameIndex } from '../nearestName';

export interface KeyReference {
  /** The string value node naming the key. */
  readonly node: Node;
  readonly kind: 'hmac' | 'dependsOn';
  /** The variables the key may name. */
  readonly candidates: readonly FormVariable[];
  /** The same by key. */
  readonly table: ReadonlyMap<string, FormVariable>;
  /** Their keys, for "did you mean". */
  readonly names: NameIndex;
  /** Where they are declared, for messages. */
  readonly listPath: JSONPath;
}

export function keyReferences(doc: ManifestDocument): readonly KeyReference[] {
  return discoverStrings(doc).keyReferences;
}

/** The key reference a string value is, by its path, or undefined. */
export function keyReferenceAt(doc: ManifestDocument, node: Node, path: JSONPath): KeyReference | undefined {
  const n = path.length;
  if (path[n - 1] === 'hmacSecretFormVariableKey' && path[n - 2] === 'hmacSignature') {
    // featureStore endpoints sign with the capability's own variables; every other endpoint with the top-level ones.
    const listPath = path[0] === 'capabilities' && path[1] === 'featureStore' ? ['capabilities', 'featureStore', 'formVariables'] : ['formVariables'];
    return { node, kind: 'hmac', ...candidatesAt(doc, listPath), listPath };
  }
  if (path[n - 1] === 'variableKey' && typeof path[n - 2] === 'number' && path[n - 3] === 'dependsOn' && typeof path[n - 4] === 'number') {
    const ownerList = path.slice(0, n - 4);
    const location = nodeAt(doc, [...path.slice(0, n - 1), 'variableLocation'])?.value;
    const listPath = dependsOnList(ownerList, location);
    return { node, kind: 'dependsOn', ...candidatesAt(doc, listPath), listPath };
  }
  return undefined;
}

function candidatesAt(doc: ManifestDocument, listPath: JSONPath): Pick<KeyReference, 'candidates' | 'table' | 'names'> {
  return memo(doc, `keyCandidates:${JSON.stringify(listPath)}`, () => {
    const candidates = formVariablesAt(doc, listPath);
    return { candidates, table: formVariableTable(doc, listPath), names: new NameIndex(candidates.map((v) => v.key)) };
  });
}

function dependsOnList(ownerList: JSONPath, location: unknown): JSONPath {
  if (location === 'approvalFormVariables' || location === 'environmentFormVariables') return ['capabilities', 'approval', location];
  // `formVariables` (or no location): the list the dependent variable itself lives in when that is a
  // `formVariables` list (top level or a capability's), else the top-level one.
  if (location === 'formVariables') return ownerList[ownerList.length - 1] === 'formVariables' ? ownerList : ['formVariables'];
  return ownerList;
}
