// The template sites of a snapshot: every templated string decoded, parsed and modelled, with its
// scope. A part of the snapshot's analysis (built once, then read by diagnostics, hover, completion,
// navigation, rename and semantic tokens), and how a reference resolves in its scope.
import { memo, type ManifestDocument } from '../manifestDocument';
import { decodeJsonString, documentSpan, type DecodedString } from '../jsonStringMap';
import { parseTemplate, type LineIndex, type ParsedTemplate, type Span } from './parseTemplate';
import { FEATURE_STORE_KEY, scopeOf, type BuiltinName, type TemplateScope, type VariableGroup } from './scopes';
import { NameIndex } from '../nearestName';
import { findTemplatedStrings, isUrlField, type TemplatedString } from './templatedStrings';
import { modelOf, type TemplateModel, type TemplateReference } from './templateModel';
import { simpleTemplateModel } from './simpleTemplate';
import type { FormVariable } from './formVariables';
import { countWork } from '../workMeter';

export interface TemplateSite {
  readonly string: TemplatedString;
  /** The string's text with the document offset of each character; computed when first needed. */
  readonly decoded: DecodedString;
  /** Whether it parsed (Handlebars' tree is not kept: the model says what the features need). */
  readonly parsed: { readonly ok: true; readonly lines: LineIndex } | Extract<ParsedTemplate, { ok: false }>;
  /** Undefined when the template does not parse. */
  readonly model: TemplateModel | undefined;
  /** Handlebars' tree, kept only for URL fields (the URL check renders it with sample values). */
  readonly ast?: hbs.AST.Program;
  readonly scope: TemplateScope;
}

export type Resolution =
  | { readonly kind: 'variable'; readonly variable: FormVariable; readonly span: Span }
  | { readonly kind: 'builtin'; readonly builtin: BuiltinName; readonly span: Span }
  | { readonly kind: 'group'; readonly description: string; readonly span: Span }
  | { readonly kind: 'featureStoreKeyOutside'; readonly span: Span }
  | { readonly kind: 'hidden'; readonly name: string; readonly reason: string; readonly span: Span }
  | { readonly kind: 'unknown'; readonly name: string; readonly candidates: NameIndex; readonly span: Span }
  | { readonly kind: 'relative' };

/** Every template site of the snapshot, in document order, decoded, parsed and modelled once. */
export function templateSites(doc: ManifestDocument): readonly TemplateSite[] {
  return memo(doc, SITES, () => findTemplatedStrings(doc).map((string) => siteOf(doc, string)));
}

const SITES = 'templateSites';
/** Sites built per step when built in steps: small enough that a hover waits little. */
const SITES_PER_STEP = 250;

/** The same sites, built in steps (the language server answers other requests in between). */
export function* templateSitesInSteps(doc: ManifestDocument): Generator<void, readonly TemplateSite[]> {
  const sites: TemplateSite[] = [];
  for (const string of findTemplatedStrings(doc)) {
    // Another request may have needed them all meanwhile: then they exist already.
    if (doc.analysis.has(SITES)) return doc.analysis.get(SITES) as TemplateSite[];
    sites.push(siteOf(doc, string));
    if (sites.length % SITES_PER_STEP === 0) yield;
  }
  return memo(doc, SITES, () => sites);
}

function siteOf(doc: ManifestDocument, string: TemplatedString): TemplateSite {
  countWork();
  const { parsed, model, ast } = modelTemplate(String(string.node.value), isUrlField(string.field));
  // The tree's string value is the decoded text; the offset table is built only for the sites a
  // feature maps back to the document (a problem, the cursor, semantic tokens).
  let decoded: DecodedString | undefined;
  return {
    string,
    get decoded() {
      decoded ??= decodeJsonString(doc.text.getText().slice(string.node.offset, string.node.offset + string.node.length), string.node.offset);
      return decoded;
    },
    parsed,
    model,
    ast,
    scope: scopeOf(doc, string),
  };
}

/** A template's model: plain references without a parser, anything else through Handlebars. */
function modelTemplate(text: string, keepTree: boolean): Pick<TemplateSite, 'parsed' | 'model' | 'ast'> {
  // URL fields keep Handlebars' tree for the URL check.
  const simple = keepTree ? undefined : simpleTemplateModel(text);
  if (simple) return { parsed: { ok: true, lines: simple.lines }, model: simple.model };
  const full = parseTemplate(text);
  if (!full.ok) return { parsed: full, model: undefined };
  return { parsed: { ok: true, lines: full.lines }, model: modelOf(full.ast, full.lines), ast: keepTree ? full.ast : undefined };
}

/**
 * The site of one templated string: from the snapshot's sites when they are built, else built alone
 * (and kept), so that a hover or a completion never waits for every template of the document.
 */
export function siteFor(doc: ManifestDocument, string: TemplatedString): TemplateSite {
  if (doc.analysis.has(SITES)) {
    const site = siteAtOffset(doc, string.node.offset + 1);
    if (site) return site;
  }
  return memo(doc, `site:${string.node.offset}`, () => siteOf(doc, string));
}

/** The site whose string contains the document offset (between its quotes): a binary search. */
export function siteAtOffset(doc: ManifestDocument, offset: number): TemplateSite | undefined {
  const sites = templateSites(doc);
  let low = 0;
  let high = sites.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const node = sites[middle].string.node;
    if (offset <= node.offset) high = middle - 1;
    else if (offset >= node.offset + node.length) low = middle + 1;
    else return sites[middle];
  }
  return undefined;
}

export function resolveReference(site: TemplateSite, reference: TemplateReference): Resolution {
  if (reference.relative) return { kind: 'relative' };
  const { scope } = site;
  const [root, second] = reference.parts;
  const rootSpan = reference.partSpans[0];
  const variable = scope.table.get(root);
  if (variable) return { kind: 'variable', variable, span: rootSpan };
  const builtin = scope.builtins.find((b) => b.name === root && (b.open || reference.parts.length === 1));
  if (builtin) return { kind: 'builtin', builtin, span: rootSpan };
  const group = scope.groups.find((g) => g.root === root);
  if (group) {
    if (second === undefined) return { kind: 'group', description: group.description, span: rootSpan };
    const member = group.table.get(second);
    const span = reference.partSpans[1];
    if (member) return { kind: 'variable', variable: member, span };
    return { kind: 'unknown', name: second, candidates: indexOf(group, () => group.variables.map((v) => v.key)), span };
  }
  if (root === FEATURE_STORE_KEY && !scope.featureStore) return { kind: 'featureStoreKeyOutside', span: rootSpan };
  const reason = scope.hidden.get(root);
  if (reason) return { kind: 'hidden', name: root, reason, span: rootSpan };
  return { kind: 'unknown', name: root, candidates: indexOf(scope, () => namesInScope(scope)), span: rootSpan };
}

/** Name indexes per scope or group: built on the first unknown name, shared by every site of the scope. */
const nameIndexes = new WeakMap<object, NameIndex>();

function indexOf(owner: TemplateScope | VariableGroup, names: () => string[]): NameIndex {
  let index = nameIndexes.get(owner);
  if (!index) nameIndexes.set(owner, (index = new NameIndex(names())));
  return index;
}

export function namesInScope(scope: TemplateScope): string[] {
  return [...scope.variables.map((v) => v.key), ...scope.builtins.map((b) => b.name), ...scope.groups.map((g) => g.root)];
}

/** The document offsets of a span of a site's template text. */
export function siteSpan(site: TemplateSite, span: Span): { start: number; end: number } {
  return documentSpan(site.decoded, span.start, span.end);
}
