// A form variable's `dependsOn` entries read from the tree: those with a key, an action LaunchDarkly
// knows and conditions with an operator and a value; an incomplete entry (the author is typing) is
// left out rather than guessed. The store capability and the integration preview read them alike.
import type { Node } from 'jsonc-parser';
import type { DependsOn } from './dependsOn';
import { itemsOf, stringAt, valueOf } from './jsonTree';

/** The `dependsOn` entries of a form variable's object node. */
export function dependsOnEntries(variable: Node): DependsOn[] {
  return itemsOf(valueOf(variable, 'dependsOn')).flatMap(readEntry);
}

function readEntry(entry: Node): DependsOn[] {
  const variableKey = stringAt(entry, 'variableKey');
  const action = stringAt(entry, 'action');
  if (variableKey === undefined || (action !== 'showField' && action !== 'hideField')) return [];
  const conditions = itemsOf(valueOf(entry, 'conditions')).flatMap((c) => {
    const operator = stringAt(c, 'operator');
    const value = stringAt(c, 'value');
    return operator !== undefined && value !== undefined ? [{ operator, value }] : [];
  });
  return [{ variableKey, variableLocation: stringAt(entry, 'variableLocation') ?? 'formVariables', action, conditions }];
}
