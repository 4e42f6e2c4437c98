// Policy statements of a manifest (`capabilities.<capability>.defaultPolicy`), checked as LaunchDarkly
// reads them: the statement's shape (an effect, resources or notResources, actions or notActions),
// each resource specifier against the grammar and where each type may appear, each action against the
// actions of its resource type (a warning with did-you-mean: the lists grow), and a policy made only of
// deny statements, which selects nothing.
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { memo, nodeRange, stringValueRange, type ManifestDocument } from '../manifestDocument';
import { itemsOf, propertiesOf, stringOf, valueOf } from '../jsonTree';
import { nearestName } from '../nearestName';
import { excerpt } from '../excerpt';
import { ACTIONS_BY_TYPE, actionMatches, parseResource, RESOURCE_PARENTS } from './policyModel';

/** What the quick fix of a policy diagnostic needs. */
export interface PolicySuggestionData {
  readonly policyReplacement: string;
}

export interface PolicyStatement {
  readonly node: Node;
  readonly resources: readonly Node[];
  /** The resource types of the statement's resources (the last segment of each), when all parse. */
  readonly resourceTypes: readonly string[] | undefined;
}

/** Every policy list of the manifest: `defaultPolicy` of any capability. */
export function policyLists(doc: ManifestDocument): Node[] {
  const lists: Node[] = [];
  for (const capability of propertiesOf(valueOf(doc.root, 'capabilities'))) {
    const list = valueOf(capability.children?.[1], 'defaultPolicy');
    if (list?.type === 'array') lists.push(list);
  }
  return lists;
}

const types = [...RESOURCE_PARENTS.keys()];
const nearestType = (type: string) => nearestName(type, types);

/** The resource types a statement's resources end in (`proj/*:env/*:flag/*` → flag); undefined if any does not parse. */
export function statementResourceTypes(statement: Node): string[] | undefined {
  const resources = [...itemsOf(valueOf(statement, 'resources')), ...itemsOf(valueOf(statement, 'notResources'))];
  const result: string[] = [];
  for (const resource of resources) {
    const text = stringOf(resource);
    if (text === undefined) return undefined;
    const parsed = parseResource(text, nearestType);
    if (!parsed.ok) return undefined;
    result.push(parsed.segments.at(-1)?.type ?? '*');
  }
  return result;
}

export function policyDiagnostics(doc: ManifestDocument): Diagnostic[] {
  return memo(doc, 'policyDiagnostics', () => {
    const out: Diagnostic[] = [];
    for (const list of policyLists(doc)) {
      const statements = itemsOf(list).filter((s) => s.type === 'object');
      for (const statement of statements) checkStatement(doc, statement, out);
      if (statements.length > 0 && statements.every((s) => stringOf(valueOf(s, 'effect')) === 'deny')) {
        out.push(makeDiagnostic('policy-deny-only', nodeRange(doc, list.parent?.children?.[0] ?? list), 'Every statement of this policy denies: a policy that allows nothing selects no events. Add an `allow` statement, and keep the `deny` ones to exclude.'));
      }
    }
    return out;
  });
}

function checkStatement(doc: ManifestDocument, statement: Node, out: Diagnostic[]): void {
  const has = (key: string) => valueOf(statement, key) !== undefined;
  const shape = (message: string) => out.push(makeDiagnostic('policy-statement-invalid', nodeRange(doc, statement), message));
  if (!has('effect')) shape('A policy statement needs an `effect`: `allow` or `deny`.');
  if (has('resources') && has('notResources')) shape('A policy statement has `resources` or `notResources`, not both.');
  else if (!has('resources') && !has('notResources')) shape('A policy statement needs `resources` (or `notResources`), e.g. `["proj/*:env/*:flag/*"]`.');
  if (has('actions') && has('notActions')) shape('A policy statement has `actions` or `notActions`, not both.');
  else if (!has('actions') && !has('notActions')) shape('A policy statement needs `actions` (or `notActions`), e.g. `["*"]` or `["updateOn"]`.');

  for (const resource of [...itemsOf(valueOf(statement, 'resources')), ...itemsOf(valueOf(statement, 'notResources'))]) {
    const text = stringOf(resource);
    if (text === undefined) continue; // the schema says it must be a string
    const parsed = parseResource(text, nearestType);
    if (parsed.ok) continue;
    const span = stringValueRange(doc, resource, parsed.start, parsed.end);
    // The fix rewrites the failing segment (the diagnostic's range) with the suggested type.
    const segment = text.slice(parsed.start, parsed.end);
    const data = parsed.suggestion ? { policyReplacement: segment.replace(parsed.suggestion.text, parsed.suggestion.replacement) } : undefined;
    out.push(makeDiagnostic('policy-invalid-resource', span, `${parsed.message}.`, data ? { data: data satisfies PolicySuggestionData } : {}));
  }

  const resourceTypes = statementResourceTypes(statement);
  const known = knownActions(resourceTypes);
  if (!known) return;
  for (const action of [...itemsOf(valueOf(statement, 'actions')), ...itemsOf(valueOf(statement, 'notActions'))]) {
    const name = stringOf(action);
    if (name === undefined || name === '*' || known.some((k) => actionMatches(name, k))) continue;
    const suggestion = nearestName(name, known);
    const what = [...new Set(resourceTypes)].join(' and ');
    out.push(
      makeDiagnostic('policy-unknown-action', stringValueRange(doc, action, 0, name.length), `\`${excerpt(name)}\` is not a known ${what} action${suggestion ? `; did you mean \`${suggestion}\`?` : ''} (actions are case-sensitive; a newer one may be missing from this list).`, suggestion ? { data: { policyReplacement: suggestion } satisfies PolicySuggestionData } : {}),
    );
  }
}

/** The actions every resource type of the statement allows, when each type has a known list. */
export function knownActions(resourceTypes: readonly string[] | undefined): string[] | undefined {
  if (!resourceTypes || resourceTypes.length === 0) return undefined;
  const lists = resourceTypes.map((type) => ACTIONS_BY_TYPE.get(type));
  if (lists.some((list) => list === undefined)) return undefined;
  return [...new Set(lists.flatMap((list) => list!))];
}
