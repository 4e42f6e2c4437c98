// Which config value to ask for next, in manifest order: never a generated variable (LaunchDarkly makes
// it), never a hidden one (its default applies), never one that `dependsOn` leaves unused given the
// answers so far (or the defaults of what is not answered yet). No vscode import: unit-tested.
import { isInUse } from '../../../server/src/launchdarkly/dependsOn';
import type { StoreVariable } from '../../../server/src/launchdarkly/storeCapability';

export function nextVariable(variables: readonly StoreVariable[], answers: ReadonlyMap<string, unknown>): StoreVariable | undefined {
  const valueOf = (key: string) => (answers.has(key) ? answers.get(key) : variables.find((v) => v.key === key)?.defaultValue);
  return variables.find((v) => v.type !== 'generated' && !v.isHidden && !answers.has(v.key) && isInUse(v, valueOf));
}

/** How a variable is answered: picked from a list, several picked, or typed. */
export type AnswerShape = { readonly kind: 'pick'; readonly choices: readonly string[] } | { readonly kind: 'pickMany'; readonly choices: readonly string[] } | { readonly kind: 'text' };

export function answerShape(variable: StoreVariable): AnswerShape {
  if (variable.type === 'multiselect' && variable.multiselectValues?.length) return { kind: 'pickMany', choices: variable.multiselectValues };
  if (variable.allowedValues?.length) return { kind: 'pick', choices: variable.allowedValues };
  if (variable.type === 'boolean') return { kind: 'pick', choices: ['true', 'false'] };
  return { kind: 'text' };
}
