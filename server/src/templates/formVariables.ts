// Form variables as the template features see them: the declared key (and the JSON node to
// navigate to and rename), plus the facts hover and completion show.
import type { JSONPath, Node } from 'jsonc-parser';
import { nodeAt, type ManifestDocument } from '../manifestDocument';

export interface FormVariable {
  readonly key: string;
  /** The string node of the `key` value: the declaration for navigation and rename. */
  readonly keyNode: Node;
  /** The array element (the whole `{ ... }`), for removal. */
  readonly entry: Node;
  /** The `formVariables` (or approval group) array that declares it. */
  readonly list: Node;
  readonly name?: string;
  readonly type?: string;
  readonly description?: string;
  readonly isSecret: boolean;
  readonly isOptional: boolean;
  readonly defaultValue?: unknown;
}

export function formVariablesAt(doc: ManifestDocument, listPath: JSONPath): FormVariable[] {
  const list = nodeAt(doc, listPath);
  return list ? formVariablesIn(list) : [];
}

export function formVariablesIn(list: Node): FormVariable[] {
  if (list.type !== 'array') return [];
  const variables: FormVariable[] = [];
  for (const entry of list.children ?? []) {
    if (entry.type !== 'object') continue;
    const property = (name: string) => entry.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1];
    const keyNode = property('key');
    if (keyNode?.type !== 'string' || typeof keyNode.value !== 'string') continue;
    const text = (name: string) => {
      const value = property(name)?.value;
      return typeof value === 'string' ? value : undefined;
    };
    const defaultNode = property('defaultValue');
    variables.push({
      key: keyNode.value,
      keyNode,
      entry,
      list,
      name: text('name'),
      type: text('type'),
      description: text('description'),
      isSecret: property('isSecret')?.value === true,
      isOptional: property('isOptional')?.value === true,
      defaultValue: defaultNode ? defaultNode.value : undefined,
    });
  }
  return variables;
}

/** The form variable whose `key` value is exactly this node. */
export function isKeyNodeOf(variable: FormVariable, node: Node): boolean {
  return variable.keyNode.offset === node.offset;
}
