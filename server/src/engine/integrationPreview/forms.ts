// The configuration forms as LaunchDarkly shows them: the top-level form variables (the integration's
// configuration), each capability's own (a featureStore's delivery configuration), and approval's
// per-environment settings and request form. Each field says how it is drawn, what it holds now (the
// author's toggled value, else its default) and whether `dependsOn` and `isHidden` show it for those
// values; a `dependsOn` entry names the form it reads by `variableLocation`.
import type { JSONPath, Node } from 'jsonc-parser';
import type { ManifestDocument } from '../manifestDocument';
import { isTrue, itemsOf, stringAt, valueAt, valueOf } from '../jsonTree';
import { formVariableScopes } from '../rules/formVariableScopes';
import { formVariablesAt, type FormVariable } from '../templates/formVariables';
import { describeDependsOn, dependsOnShows, dependsOnWhyHidden, entryHolds, type DependsOn, type DependsOnLookup } from '../dependsOn';
import { dependsOnEntries } from '../dependsOnEntries';
import { SECRET_MASK } from '../secretMask';
import { ownValue } from '../ownRecord';
import { markdownParts } from './markdownLinks';
import type { Locations } from './locations';
import type { FieldControl, FieldModel, FormModel, FormValues } from './model';

/** The most fields a form shows (a real one has at most a dozen); the rest are counted. */
export const MAX_FIELDS_PER_FORM = 200;
/** The most options a select or multiselect lists. */
const MAX_OPTIONS = 100;

const CONTROLS: Readonly<Record<string, FieldControl>> = {
  string: 'text',
  uri: 'url',
  boolean: 'checkbox',
  enum: 'select',
  dynamicEnum: 'dynamicSelect',
  multiselect: 'multiselect',
  environmentSelector: 'environment',
  generated: 'generated',
  oauth: 'oauth',
  publicKey: 'publicKey',
};

type FieldValue = string | boolean | readonly string[];

interface FormSource {
  readonly id: string;
  readonly path: JSONPath;
  readonly array: Node;
  readonly variables: readonly FormVariable[];
}

export function formModels(doc: ManifestDocument, values: FormValues, locations: Locations): FormModel[] {
  const sources: FormSource[] = formVariableScopes(doc.root).map((scope) => ({
    id: scope.path.join('.'),
    path: scope.path,
    array: scope.array,
    variables: formVariablesAt(doc, scope.path),
  }));
  const current = currentValues(sources, values);
  return sources.map((source) => formModel(source, current, locations));
}

/** Each form's values by key: the author's toggled value when it has the field's type, else the default. */
function currentValues(sources: readonly FormSource[], values: FormValues): Map<string, Map<string, FieldValue>> {
  const forms = new Map<string, Map<string, FieldValue>>();
  for (const source of sources) {
    const given = objectAt(values, source.id);
    const table = new Map<string, FieldValue>();
    for (const variable of source.variables) {
      if (table.has(variable.key)) continue; // the first declaration of a key wins, as in the templates
      const toggled = given === undefined ? undefined : coerce(variable, ownValue(given, variable.key));
      table.set(variable.key, toggled ?? defaultOf(variable));
    }
    forms.set(source.id, table);
  }
  return forms;
}

function formModel(source: FormSource, current: Map<string, Map<string, FieldValue>>, locations: Locations): FormModel {
  const byEntry = new Map(source.variables.map((variable) => [variable.entry, variable]));
  const fields: FieldModel[] = [];
  let omitted = 0;
  itemsOf(source.array).forEach((entry, index) => {
    const variable = byEntry.get(entry);
    if (!variable) return;
    if (fields.length >= MAX_FIELDS_PER_FORM) omitted++;
    else fields.push(fieldModel(variable, source, current, locations.at(entry, [...source.path, index])));
  });
  const { title, explanation } = describeForm(source.path);
  return { id: source.id, title, explanation, fields, omitted, at: locations.at(source.array, source.path) };
}

function fieldModel(variable: FormVariable, source: FormSource, current: Map<string, Map<string, FieldValue>>, at: FieldModel['at']): FieldModel {
  const entry = variable.entry;
  const type = variable.type ?? 'string';
  const control: FieldControl = type === 'string' && variable.isSecret ? 'secret' : (CONTROLS[type] ?? 'unknown');
  const dependsOn = dependsOnEntries(entry);
  const lookup = lookupFor(source, current);
  const isHidden = isTrue(entry, 'isHidden');
  const shownByEntries = dependsOnShows(dependsOn, lookup);
  const revealed = dependsOn.some((e) => lookup.decidable(e) && e.action === 'showField' && entryHolds(e, lookup));
  const shown = shownByEntries && (!isHidden || revealed);
  const value = current.get(source.id)?.get(variable.key) ?? defaultOf(variable);
  return {
    key: variable.key,
    name: variable.name ?? variable.key,
    type,
    control,
    description: markdownParts(variable.description ?? ''),
    ...(variable.placeholder !== undefined ? { placeholder: variable.placeholder } : {}),
    ...defaultText(variable, entry),
    required: !variable.isOptional,
    isSecret: variable.isSecret,
    isHidden,
    disableAfterSaving: isTrue(entry, 'disableAfterSaving'),
    hideEmpty: isTrue(entry, 'hideEmpty'),
    options: optionsOf(variable, entry),
    ...(type === 'dynamicEnum' ? { optionsFrom: stringAt(valueAt(entry, 'dynamicOptions', 'endpoint'), 'url') ?? '(no dynamicOptions endpoint)' } : {}),
    value: variable.isSecret && typeof value === 'string' && value !== '' ? SECRET_MASK : value,
    dependsOn: dependsOn.map((e) => ({
      ...e,
      holds: lookup.decidable(e) && entryHolds(e, lookup),
      description: lookup.decidable(e) ? describeDependsOn(e) : `${describeDependsOn(e)} (no such form in this manifest: not applied)`,
    })),
    shown,
    ...(shown ? {} : { hiddenBecause: shownByEntries ? 'isHidden: LaunchDarkly does not show it; its default applies' : dependsOnWhyHidden(dependsOn, lookup) }),
    at,
  };
}

/** Which form a `variableLocation` names, from a field of `source`, and the value it holds there. */
function lookupFor(source: FormSource, current: Map<string, Map<string, FieldValue>>): DependsOnLookup {
  const formOf = (entry: DependsOn): Map<string, FieldValue> | undefined => {
    const location = entry.variableLocation;
    // `formVariables` is the field's own list when that is a `formVariables` list (a featureStore's own).
    if (location === 'formVariables') return current.get(source.path[source.path.length - 1] === 'formVariables' ? source.id : 'formVariables');
    if (location === 'approvalFormVariables' || location === 'environmentFormVariables') return current.get(`capabilities.approval.${location}`);
    return undefined;
  };
  return { decidable: (entry) => formOf(entry)?.has(entry.variableKey) === true, valueOf: (entry) => formOf(entry)?.get(entry.variableKey) };
}

/** The values toggled in one form, when `values` has an object there (it comes from the editor). */
function objectAt(values: FormValues, id: string): Readonly<Record<string, unknown>> | undefined {
  const given: unknown = typeof values === 'object' && values !== null ? ownValue(values, id) : undefined;
  return typeof given === 'object' && given !== null && !Array.isArray(given) ? (given as Record<string, unknown>) : undefined;
}

function defaultOf(variable: FormVariable): FieldValue {
  if (variable.type === 'boolean') return variable.defaultValue === true || variable.defaultValue === 'true';
  if (variable.type === 'multiselect') return multiselectDefaults(variable.entry);
  const value = variable.defaultValue;
  return value === undefined || value === null || typeof value === 'object' ? '' : String(value);
}

/** A toggled value of the field's shape, or undefined (ignored) when it has another. */
function coerce(variable: FormVariable, value: unknown): FieldValue | undefined {
  if (variable.type === 'boolean') return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined;
  if (variable.type === 'multiselect') return Array.isArray(value) && value.length <= MAX_OPTIONS && value.every((v) => typeof v === 'string') ? value : undefined;
  return typeof value === 'string' ? value : undefined;
}

function defaultText(variable: FormVariable, entry: Node): { defaultText?: string } {
  if (variable.type === 'multiselect') {
    const chosen = multiselectDefaults(entry);
    return chosen.length > 0 ? { defaultText: chosen.join(', ') } : {};
  }
  if (variable.defaultValue === undefined) return {};
  if (variable.isSecret) return { defaultText: SECRET_MASK };
  const value = variable.defaultValue;
  return { defaultText: typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value) };
}

function multiselectDefaults(entry: Node): string[] {
  return itemsOf(valueOf(entry, 'multiselectDefaultOptions'))
    .slice(0, MAX_OPTIONS)
    .flatMap((item) => (item.type === 'string' ? [String(item.value)] : []));
}

function optionsOf(variable: FormVariable, entry: Node): { label: string; value: string }[] {
  if (variable.type === 'multiselect') {
    return itemsOf(valueOf(entry, 'multiselectOptions'))
      .slice(0, MAX_OPTIONS)
      .flatMap((option) => {
        const value = stringAt(option, 'value');
        return value === undefined ? [] : [{ label: stringAt(option, 'label') ?? value, value }];
      });
  }
  return (variable.allowedValues ?? []).slice(0, MAX_OPTIONS).map((value) => ({ label: value, value }));
}

function describeForm(path: JSONPath): { title: string; explanation: string } {
  const list = String(path[path.length - 1]);
  const capability = path.length > 1 ? String(path[1]) : undefined;
  if (capability === undefined) return { title: 'Integration configuration', explanation: 'What an admin fills in to add the integration in LaunchDarkly.' };
  if (list === 'environmentFormVariables') return { title: 'Approval settings', explanation: 'What an admin fills in to use this integration for approvals in an environment.' };
  if (list === 'approvalFormVariables') return { title: 'Approval request form', explanation: 'What a member fills in when they request an approval.' };
  if (capability === 'featureStore') return { title: 'Feature store configuration', explanation: 'What an admin fills in to deliver flags to the store, per environment.' };
  return { title: `${capability} configuration`, explanation: `The form of the ${capability} capability's own form variables.` };
}
