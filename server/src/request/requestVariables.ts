// The form variables of the featureStore capability as a prompt needs them: the template module's
// reading of the list, with a name and type to show even where the manifest leaves them out.
import type { Node } from 'jsonc-parser';
import { formVariablesIn } from '../engine/templates/formVariables';
import type { RequestVariableInfo } from '../protocol';

/** The protocol's variable, without the choices the editor is offered (see `choicesOf`). */
export type RequestVariable = Omit<RequestVariableInfo, 'choices'>;

export function requestVariables(list: Node | undefined): RequestVariable[] {
  return (list ? formVariablesIn(list) : []).map((variable) => {
    const defaultValue = variable.defaultValue;
    return {
      key: variable.key,
      name: variable.name ?? variable.key,
      type: variable.type ?? 'string',
      description: variable.description,
      placeholder: variable.placeholder,
      isSecret: variable.isSecret,
      isOptional: variable.isOptional,
      defaultValue: typeof defaultValue === 'string' || typeof defaultValue === 'number' || typeof defaultValue === 'boolean' ? defaultValue : undefined,
      allowedValues: variable.allowedValues,
    };
  });
}

/** Variables answered by picking: enums, booleans and anything with `allowedValues`. */
export function choicesOf(variable: RequestVariable): readonly string[] | undefined {
  if (variable.allowedValues && variable.allowedValues.length > 0) return variable.allowedValues;
  if (variable.type === 'boolean') return ['true', 'false'];
  return undefined;
}
