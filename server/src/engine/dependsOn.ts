// What a form variable's `dependsOn` decides, as LaunchDarkly's configuration form applies it: a field
// with `showField` entries is shown only while one of them holds, and one whose `hideField` entry holds
// is hidden; an entry holds when all its conditions hold. The conditions compare the depended-on
// value as text (a multiselect's list: `contains` asks for one of its values). A leaf module with no
// import: the store configuration prompts of the VS Code client use it too, without the engine.

/** One condition of `dependsOn`: compared with the depended-on variable's value as text. */
export interface DependsOnCondition {
  readonly operator: string;
  readonly value: string;
}

export interface DependsOn {
  readonly variableKey: string;
  /** `formVariables`, `approvalFormVariables` or `environmentFormVariables`: which form holds the variable. */
  readonly variableLocation: string;
  readonly action: 'showField' | 'hideField';
  readonly conditions: readonly DependsOnCondition[];
}

/**
 * How the entries of one variable are decided: which entries can be (a store configuration knows only
 * its own list), and the current value of the variable an entry names.
 */
export interface DependsOnLookup {
  decidable(entry: DependsOn): boolean;
  valueOf(entry: DependsOn): unknown;
}

/** Whether the field is shown (in use) under the decidable entries. */
export function dependsOnShows(entries: readonly DependsOn[], lookup: DependsOnLookup): boolean {
  const decidable = entries.filter((entry) => lookup.decidable(entry));
  const shows = decidable.filter((entry) => entry.action === 'showField');
  if (shows.length > 0 && !shows.some((entry) => entryHolds(entry, lookup))) return false;
  return !decidable.some((entry) => entry.action === 'hideField' && entryHolds(entry, lookup));
}

/** Why a field is hidden, for messages: its first decidable entry that decides so. */
export function dependsOnWhyHidden(entries: readonly DependsOn[], lookup: DependsOnLookup): string {
  const deciding =
    entries.find((entry) => lookup.decidable(entry) && entry.action === 'hideField' && entryHolds(entry, lookup)) ??
    entries.find((entry) => lookup.decidable(entry) && entry.action === 'showField');
  return deciding ? `its dependsOn ${describeDependsOn(deciding)}` : 'its dependsOn hides it';
}

/** "shows it only when 'useProxy' is equalTo 'true'", "hides it when 'mode' is notEqual 'x' and …". */
export function describeDependsOn(entry: DependsOn): string {
  const conditions = entry.conditions.map((c) => `${c.operator} '${c.value}'`).join(' and ');
  return `${entry.action === 'hideField' ? 'hides it when' : 'shows it only when'} '${entry.variableKey}' is ${conditions}`;
}

export function entryHolds(entry: DependsOn, lookup: DependsOnLookup): boolean {
  const value = lookup.valueOf(entry);
  return entry.conditions.every((condition) => conditionHolds(condition, value));
}

export function conditionHolds(condition: DependsOnCondition, value: unknown): boolean {
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
