// The form variables of the featureStore capability with everything a prompt needs (the template
// module's FormVariable has no placeholder or allowed values, so they are read here).
import type { Node } from 'jsonc-parser';

export interface RequestVariable {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly description?: string;
  readonly placeholder?: string;
  readonly isSecret: boolean;
  readonly isOptional: boolean;
  readonly defaultValue?: string | number | boolean;
  readonly allowedValues?: readonly string[];
}

export function requestVariables(list: Node | undefined): RequestVariable[] {
  if (list?.type !== 'array') return [];
  const variables: RequestVariable[] = [];
  for (const entry of list.children ?? []) {
    if (entry.type !== 'object') continue;
    const value = (name: string): unknown => entry.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1]?.value;
    const text = (name: string) => (typeof value(name) === 'string' ? (value(name) as string) : undefined);
    const key = text('key');
    if (key === undefined) continue;
    const allowedNode = entry.children?.find((p) => p.children?.[0]?.value === 'allowedValues')?.children?.[1];
    const allowedValues = allowedNode?.type === 'array' ? (allowedNode.children ?? []).map((c) => String(c.value)) : undefined;
    const defaultValue = value('defaultValue');
    variables.push({
      key,
      name: text('name') ?? key,
      type: text('type') ?? 'string',
      description: text('description'),
      placeholder: text('placeholder'),
      isSecret: value('isSecret') === true,
      isOptional: value('isOptional') === true,
      defaultValue: typeof defaultValue === 'string' || typeof defaultValue === 'number' || typeof defaultValue === 'boolean' ? defaultValue : undefined,
      allowedValues,
    });
  }
  return variables;
}

/** Variables answered by picking: enums, booleans and anything with `allowedValues`. */
export function choicesOf(variable: RequestVariable): readonly string[] | undefined {
  if (variable.allowedValues && variable.allowedValues.length > 0) return variable.allowedValues;
  if (variable.type === 'boolean') return ['true', 'false'];
  return undefined;
}
