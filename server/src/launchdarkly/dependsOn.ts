// Whether a form variable is in use, by its `dependsOn` entries: a variable with `showField` entries
// is used only while one of them holds, and one whose `hideField` entry holds is not used. An entry
// holds when all its conditions hold. Only entries about the same list (`variableLocation`
// `formVariables`) can be decided for a store configuration; entries about approval or environment
// form variables are left out. Pure.
import type { DependsOn, DependsOnCondition, StoreVariable } from './storeCapability';

/** A config value as the conditions compare it (they are written as text in the manifest). */
export type ValueLookup = (key: string) => unknown;

export function isInUse(variable: StoreVariable, valueOf: ValueLookup): boolean {
  const decidable = variable.dependsOn.filter((entry) => entry.variableLocation === 'formVariables');
  const shows = decidable.filter((entry) => entry.action === 'showField');
  if (shows.length > 0 && !shows.some((entry) => holds(entry, valueOf))) return false;
  return !decidable.some((entry) => entry.action === 'hideField' && holds(entry, valueOf));
}

/** Why a variable is not in use, for messages: its first entry that decides so. */
export function whyNotInUse(variable: StoreVariable, valueOf: ValueLookup): string {
  const deciding =
    variable.dependsOn.find((entry) => entry.variableLocation === 'formVariables' && entry.action === 'hideField' && holds(entry, valueOf)) ??
    variable.dependsOn.find((entry) => entry.variableLocation === 'formVariables' && entry.action === 'showField');
  if (!deciding) return 'its dependsOn hides it';
  const conditions = deciding.conditions.map((c) => `${c.operator} '${c.value}'`).join(' and ');
  return `its dependsOn ${deciding.action === 'hideField' ? 'hides it when' : 'shows it only when'} '${deciding.variableKey}' is ${conditions}`;
}

function holds(entry: DependsOn, valueOf: ValueLookup): boolean {
  const value = valueOf(entry.variableKey);
  return entry.conditions.every((condition) => conditionHolds(condition, value));
}

function conditionHolds(condition: DependsOnCondition, value: unknown): boolean {
  if (Array.isArray(value)) {
    // A multiselect: `contains` asks for one of its values; other operators compare the list as text.
    if (condition.operator === 'contains') return value.map(String).includes(condition.value);
    return conditionHolds(condition, value.map(String).join(','));
  }
  const text = value === undefined || value === null ? '' : String(value);
  const target = condition.value;
  switch (condition.operator) {
    case 'equalTo':
      return text === target;
    case 'notEqual':
      return text !== target;
    case 'contains':
      return text.includes(target);
    case 'startsWith':
      return text.startsWith(target);
    case 'endsWith':
      return text.endsWith(target);
    default:
      return compareNumbers(condition.operator, text, target);
  }
}

function compareNumbers(operator: string, text: string, target: string): boolean {
  const a = Number(text);
  const b = Number(target);
  if (text.trim() === '' || !Number.isFinite(a) || !Number.isFinite(b)) return false;
  if (operator === 'lessThan') return a < b;
  if (operator === 'lessThanOrEqualTo') return a <= b;
  if (operator === 'greaterThan') return a > b;
  if (operator === 'greaterThanOrEqualTo') return a >= b;
  return false;
}
