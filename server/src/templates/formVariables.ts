// Form variables as the template features see them: the declared key (and the JSON node to
// navigate to and rename), plus the facts hover and completion show.
import type { JSONPath, Node } from 'jsonc-parser';
import { nodeAt, type ManifestDocument } from '../manifestDocument';
import { isTrue, itemsOf, stringAt, valueOf } from '../jsonTree';

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
  readonly placeholder?: string;
  /** `allowedValues`, each as text. */
  readonly allowedValues?: readonly string[];
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
    const keyNode = valueOf(entry, 'key');
    if (keyNode?.type !== 'string' || typeof keyNode.value !== 'string') continue;
    const allowed = valueOf(entry, 'allowedValues');
    variables.push({
      key: keyNode.value,
      keyNode,
      entry,
      list,
      name: stringAt(entry, 'name'),
      type: stringAt(entry, 'type'),
      description: stringAt(entry, 'description'),
      placeholder: stringAt(entry, 'placeholder'),
      allowedValues: allowed?.type === 'array' ? itemsOf(allowed).map((item) => String(item.value)) : undefined,
      isSecret: isTrue(entry, 'isSecret'),
      isOptional: isTrue(entry, 'isOptional'),
      defaultValue: valueOf(entry, 'defaultValue')?.value,
    });
  }
  return variables;
}

/** The form variable whose `key` value is exactly this node. */
export function isKeyNodeOf(variable: FormVariable, node: Node): boolean {
  return variable.keyNode.offset === node.offset;
}
