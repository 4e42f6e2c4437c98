// Completion in policy statements: inside an `actions` / `notActions` string, the actions of the
// statement's resource types (flag actions when the resources say nothing yet); inside a `resources` /
// `notResources` string, the resource types that may come next (`proj/*:` → `env/*`, `metric/*`…)
// and, at the start, the specifiers real manifests use.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { offsetAt, type ManifestDocument } from '../manifestDocument';
import { innerRange } from '../templates/diagnostics';
import { stringValueAt } from '../templates/locate';
import { ACTIONS_BY_TYPE, RESOURCE_PARENTS } from './policyModel';
import { knownActions, statementResourceTypes } from './policyDiagnostics';

const COMMON_RESOURCES = ['proj/*:env/*:flag/*', 'proj/*:env/production:flag/*', 'proj/*:env/*:segment/*', 'proj/*:env/*', 'proj/*'];

export function policyCompletion(doc: ManifestDocument, position: Position): CompletionItem[] | undefined {
  const offset = offsetAt(doc, position);
  const value = stringValueAt(doc, offset);
  if (!value) return undefined;
  const { node, path } = value;
  const field = path[path.length - 2];
  if (path[0] !== 'capabilities' || path[2] !== 'defaultPolicy' || typeof path[3] !== 'number' || typeof path[path.length - 1] !== 'number') return undefined;
  // Replace the whole string's content: what was typed filters the list in the editor.
  const range = innerRange(doc, node);
  const statement = node.parent?.parent?.parent;
  if (field === 'actions' || field === 'notActions') {
    const types = statement ? statementResourceTypes(statement) : undefined;
    const actions = knownActions(types) ?? ACTIONS_BY_TYPE.get('flag')!;
    return ['*', ...actions].map((action, i) => ({ label: action, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(4, '0'), textEdit: { range, newText: action } }));
  }
  if (field === 'resources' || field === 'notResources') {
    const typed = doc.text.getText().slice(node.offset + 1, offset);
    const done = typed.includes(':') ? typed.slice(0, typed.lastIndexOf(':') + 1) : '';
    const parent = done === '' ? undefined : done.slice(0, -1).split(':').at(-1)?.split('/')[0];
    const next = [...RESOURCE_PARENTS].filter(([, parents]) => parents.includes(parent)).map(([type]) => `${done}${type}/*`);
    const items = done === '' ? [...COMMON_RESOURCES, ...next.filter((n) => !COMMON_RESOURCES.includes(n))] : next;
    return items.map((text, i) => ({ label: text, kind: CompletionItemKind.Value, sortText: String(i).padStart(4, '0'), textEdit: { range, newText: text } }));
  }
  return undefined;
}
