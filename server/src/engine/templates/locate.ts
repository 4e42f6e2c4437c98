// What is under the cursor, for hover, navigation and rename: a reference in a template, a helper
// name, a form variable's declared key, or a key named by hmacSignature/dependsOn. And, for a form
// variable, every place that names it.
import type { JSONPath, Node } from 'jsonc-parser';
import type { Position } from 'vscode-languageserver-types';
import { memo, offsetAt, type ManifestDocument } from '../manifestDocument';
import { leafAt } from '../jsonTree';
import { resolveReference, siteFor, siteSpan, templateSites, type Resolution, type TemplateSite } from './analysis';
import { formVariablesAt, type FormVariable } from './formVariables';
import { metadataKeys } from './scopes';
import { keyReferenceAt, keyReferences, type KeyReference } from './keyReferences';
import { templatedStringAt } from './templatedStrings';
import type { HelperCall, TemplateReference } from './templateModel';

/** A span of the document: [start, end) offsets. */
export interface DocSpan {
  readonly start: number;
  readonly end: number;
}

export type Target =
  | { readonly kind: 'reference'; readonly site: TemplateSite; readonly reference: TemplateReference; readonly resolution: Resolution; readonly span: DocSpan }
  | { readonly kind: 'helper'; readonly site: TemplateSite; readonly call: HelperCall; readonly span: DocSpan }
  | { readonly kind: 'declaration'; readonly variable: FormVariable; readonly span: DocSpan }
  | { readonly kind: 'keyReference'; readonly keyReference: KeyReference; readonly variable: FormVariable | undefined; readonly span: DocSpan };

/** The template site whose string contains the document offset (between its quotes). */
export function siteAt(doc: ManifestDocument, offset: number): TemplateSite | undefined {
  const value = stringValueAt(doc, offset);
  const string = value && templatedStringAt(value.node, value.path);
  return string && siteFor(doc, string);
}

/**
 * The string value (not a key) whose quotes enclose `offset`, strictly: on the opening quote the
 * cursor is not in the string yet. Found by descending the tree, not by listing strings.
 */
export function stringValueAt(doc: ManifestDocument, offset: number): { node: Node; path: JSONPath } | undefined {
  const leaf = leafAt(doc.root, offset);
  const inside = leaf && !leaf.isKey && leaf.node.type === 'string' && offset > leaf.node.offset && offset < leaf.node.offset + leaf.node.length;
  return inside ? leaf : undefined;
}

export function targetAt(doc: ManifestDocument, position: Position): Target | undefined {
  const offset = offsetAt(doc, position);
  const within = (span: DocSpan) => offset >= span.start && offset <= span.end;
  const site = siteAt(doc, offset);
  if (site?.model) {
    for (const reference of site.model.references) {
      const resolution = resolveReference(site, reference);
      // The segment the resolution is about (the key of `metadata.key`), else the segment under the cursor.
      const spans = 'span' in resolution ? [resolution.span, ...reference.partSpans] : reference.partSpans;
      for (const span of spans) {
        const doc = siteSpan(site, span);
        if (within(doc)) return { kind: 'reference', site, reference, resolution, span: doc };
      }
    }
    for (const call of site.model.helperCalls) {
      const span = siteSpan(site, call.nameSpan);
      if (within(span)) return { kind: 'helper', site, call, span };
    }
    return undefined;
  }
  // Not in a template: a declared key, or a key named by hmacSignature/dependsOn, found from the
  // node under the cursor rather than by listing every declaration of the document.
  const leaf = leafAt(doc.root, offset);
  if (!leaf || leaf.node.type !== 'string' || !within(innerSpan(leaf.node))) return undefined;
  const span = innerSpan(leaf.node);
  const variable = declarationAt(doc, leaf.node, leaf.path, leaf.isKey);
  if (variable) return { kind: 'declaration', variable, span };
  const keyReference = leaf.isKey ? undefined : keyReferenceAt(doc, leaf.node, leaf.path);
  if (keyReference) {
    return { kind: 'keyReference', keyReference, variable: typeof keyReference.node.value === 'string' ? keyReference.table.get(keyReference.node.value) : undefined, span };
  }
  return undefined;
}

const DECLARING_LISTS = [
  ['formVariables'],
  ['capabilities', 'featureStore', 'formVariables'],
  ['capabilities', 'approval', 'environmentFormVariables'],
  ['capabilities', 'approval', 'approvalFormVariables'],
];

/** The variable whose declaration is `node`: the `key` value of a form variable, or a flagLink metadata key. */
function declarationAt(doc: ManifestDocument, node: Node, path: JSONPath, isKey: boolean): FormVariable | undefined {
  if (isKey) {
    const metadata = ['capabilities', 'flagLink', 'metadata'];
    return sameList(path, metadata) ? metadataKeys(doc).find((v) => v.keyNode === node) : undefined;
  }
  if (path[path.length - 1] !== 'key' || typeof path[path.length - 2] !== 'number') return undefined;
  const list = DECLARING_LISTS.find((candidate) => sameList(path.slice(0, -2), candidate));
  return list && formVariablesAt(doc, list).find((v) => v.keyNode === node);
}

function sameList(path: JSONPath, list: readonly string[]): boolean {
  return path.length === list.length && list.every((segment, i) => path[i] === segment);
}

/** The variable a target stands for, when it stands for one. */
export function variableOf(target: Target | undefined): FormVariable | undefined {
  if (!target) return undefined;
  if (target.kind === 'declaration' || target.kind === 'keyReference') return target.variable;
  if (target.kind === 'reference' && target.resolution.kind === 'variable') return target.resolution.variable;
  return undefined;
}

export interface Occurrence {
  readonly span: DocSpan;
  readonly kind: 'declaration' | 'template' | 'keyReference';
}

/** Every place that names `variable`: its key, template references, hmac/dependsOn keys. */
export function occurrencesOf(doc: ManifestDocument, variable: FormVariable): Occurrence[] {
  const same = (v: FormVariable) => v.keyNode.offset === variable.keyNode.offset;
  const found: Occurrence[] = [{ span: innerSpan(variable.keyNode), kind: 'declaration' }];
  for (const site of templateSites(doc)) {
    for (const reference of site.model?.references ?? []) {
      const resolution = resolveReference(site, reference);
      if (resolution.kind === 'variable' && same(resolution.variable)) found.push({ span: siteSpan(site, resolution.span), kind: 'template' });
    }
  }
  for (const keyReference of keyReferences(doc)) {
    const named = typeof keyReference.node.value === 'string' ? keyReference.table.get(keyReference.node.value) : undefined;
    if (named && same(named)) found.push({ span: innerSpan(keyReference.node), kind: 'keyReference' });
  }
  return found;
}

/** Every declared form variable (and flagLink metadata key) a template or key can name. */
export function declaredVariables(doc: ManifestDocument): readonly FormVariable[] {
  return memo(doc, 'declaredVariables', () => {
    return [...DECLARING_LISTS.flatMap((path) => formVariablesAt(doc, path)), ...metadataKeys(doc)];
  });
}

export function innerSpan(node: Node): DocSpan {
  return { start: node.offset + 1, end: node.offset + Math.max(1, node.length - 1) };
}
