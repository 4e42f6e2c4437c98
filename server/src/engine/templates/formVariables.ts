// Form variables as the template features see them: the declared key (and the JSON node to
// navigate to and rename), plus the facts hover and completion show.
import type { JSONPath, Node } from 'jsonc-parser';
import { memo, nodeAt, type ManifestDocument } from '../manifestDocument';
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

/** The form variables declared at `listPath`, read once per snapshot and list. */
export function formVariablesAt(doc: ManifestDocument, listPath: JSONPath): readonly FormVariable[] {
  return memo(doc, `formVariables:${JSON.stringify(listPath)}`, () => {
    const list = nodeAt(doc, listPath);
    return list ? formVariablesIn(list) : [];
  });
}

/** The same variables by key (the first declaration of a key wins, as in `find`). */
export function formVariableTable(doc: ManifestDocument, listPath: JSONPath): ReadonlyMap<string, FormVariable> {
  return memo(doc, `formVariableTable:${JSON.stringify(listPath)}`, () => tableOf(formVariablesAt(doc, listPath)));
}

export function tableOf(variables: readonly FormVariable[]): ReadonlyMap<string, FormVariable> {
  const table = new Map<string, FormVariable>();
  for (const variable of variables) if (!table.has(variable.key)) table.set(variable.key, variable);
  return table;
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
