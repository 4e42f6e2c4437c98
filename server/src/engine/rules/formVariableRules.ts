// The form variable rules of LaunchDarkly's repository tests (see docs: "Form variables"). They are
// errors where its CI applies them (top-level and approval variables) and warnings inside other
// capabilities, where it does not and live manifests break them (akamai `network`, vercel `teamId`).
import type { Node } from 'jsonc-parser';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { nodeRange, type ManifestDocument } from '../manifestDocument';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import type { RuleCode } from './codes';
import { formVariableScopes, type FormVariableScope } from './formVariableScopes';
import { isTrue, keyOf, stringAt, valueOf } from '../jsonTree';
import { excerpt } from '../excerpt';

/** The JSON type a defaultValue must have, by variable type; types not listed are not checked. */
const DEFAULT_VALUE_TYPES: Record<string, 'string' | 'boolean'> = {
  string: 'string',
  uri: 'string',
  enum: 'string',
  dynamicEnum: 'string',
  boolean: 'boolean',
};
/** Types whose empty value means something ("all", "none"), so that optional needs no default. */
const OPTIONAL_WITHOUT_DEFAULT = new Set(['multiselect', 'environmentSelector']);
const NOT_ON_MULTISELECT = ['defaultValue', 'dynamicOptions', 'allowedValues', 'isSecret'];
const NOT_ON_ENVIRONMENT_SELECTOR = ['defaultValue', 'dynamicOptions', 'allowedValues', 'isSecret', 'multiselectOptions', 'multiselectDefaultOptions'];

type Report = (code: RuleCode, node: Node, message: string) => void;

export function formVariableRuleDiagnostics(doc: ManifestDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const scope of formVariableScopes(doc.root)) {
    const report: Report = (code, node, message) =>
      diagnostics.push(
        makeDiagnostic(code, nodeRange(doc, node), scope.enforcedByCi ? message : `${message} ${scopeNote(scope)}`, scope.enforcedByCi ? {} : { severity: DiagnosticSeverity.Warning }),
      );
    for (const variable of scope.variables) checkVariable(variable, report);
  }
  return diagnostics;
}

function scopeNote(scope: FormVariableScope): string {
  return `(LaunchDarkly's CI does not check "${scope.path.join('.')}", but the same rule applies to the form it shows.)`;
}

function checkVariable(variable: Node, report: Report): void {
  const type = stringAt(variable, 'type');
  const key = stringAt(variable, 'key') ?? '(no key)';
  const at = (name: string) => keyOf(variable, name) ?? variable;
  const has = (name: string) => valueOf(variable, name) !== undefined;

  if (type === 'multiselect' || type === 'environmentSelector') {
    checkSelector(variable, type, key, report);
  } else if (has('defaultValue')) {
    const defaultValue = valueOf(variable, 'defaultValue')!;
    if (!isTrue(variable, 'isOptional')) {
      report(
        'form-variable-default-not-optional',
        at('defaultValue'),
        `"${excerpt(key)}" has a "defaultValue" but is not "isOptional": true. A default only applies to an optional variable; use "placeholder" to suggest a value for a required one.`,
      );
    }
    const expected = type ? DEFAULT_VALUE_TYPES[type] : undefined;
    if (expected && defaultValue.type !== expected) {
      report('form-variable-default-type', defaultValue, `"${excerpt(key)}" is of type ${type}, so its "defaultValue" must be a ${expected}, not a ${defaultValue.type}.`);
    }
  }
  if (isTrue(variable, 'isOptional') && !has('defaultValue') && !(type && OPTIONAL_WITHOUT_DEFAULT.has(type))) {
    report('form-variable-optional-no-default', at('isOptional'), `"${excerpt(key)}" is optional, so it needs a "defaultValue" (used when the field is left empty).`);
  }
  if (isTrue(variable, 'isSecret') && type !== 'string' && type !== 'multiselect' && type !== 'environmentSelector') {
    report('form-variable-secret-not-string', at('isSecret'), `Only string variables can be secret; "${excerpt(key)}" is of type ${type ?? 'unknown'}.`);
  }
  if (type === 'dynamicEnum' && !has('dynamicOptions')) {
    report('form-variable-dynamic-options', at('type'), `"${excerpt(key)}" is a dynamicEnum, so it needs "dynamicOptions" (the request that lists its options).`);
  }
  if (has('dynamicOptions') && type !== 'dynamicEnum' && type !== 'multiselect' && type !== 'environmentSelector') {
    report('form-variable-dynamic-options', at('dynamicOptions'), `"dynamicOptions" only applies to a dynamicEnum; "${excerpt(key)}" is of type ${type ?? 'unknown'}.`);
  }
}

function checkSelector(variable: Node, type: string, key: string, report: Report): void {
  const forbidden = type === 'multiselect' ? NOT_ON_MULTISELECT : NOT_ON_ENVIRONMENT_SELECTOR;
  for (const name of forbidden) {
    const keyNode = keyOf(variable, name);
    if (keyNode) report('form-variable-multiselect', keyNode, `A ${type} variable takes no "${name}" ("${excerpt(key)}").`);
  }
  if (type !== 'multiselect') return;
  const options = valueOf(variable, 'multiselectOptions');
  if (options?.type !== 'array' || !options.children?.length) {
    report('form-variable-multiselect', options ?? keyOf(variable, 'type') ?? variable, `The multiselect "${excerpt(key)}" needs a non-empty "multiselectOptions" list.`);
    return;
  }
  const values = new Set(options.children.map((option) => stringAt(option, 'value')));
  for (const chosen of valueOf(variable, 'multiselectDefaultOptions')?.children ?? []) {
    if (chosen.type === 'string' && !values.has(chosen.value as string)) {
      report('form-variable-multiselect', chosen, `"${excerpt(String(chosen.value))}" is not the value of any of the multiselectOptions of "${excerpt(key)}".`);
    }
  }
}
