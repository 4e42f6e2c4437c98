// One pass over a document: every templated string decoded, parsed and modelled, with its scope.
// Cached per ManifestDocument (they are immutable snapshots) so that hover, highlights and semantic
// tokens on the same version share the work.
import type { ManifestDocument } from '../manifestDocument';
import { decodeJsonString, documentSpan, type DecodedString } from '../jsonStringMap';
import { parseTemplate, type ParsedTemplate, type Span } from './parseTemplate';
import { FEATURE_STORE_KEY, scopeOf, type BuiltinName, type TemplateScope } from './scopes';
import { findTemplatedStrings, type TemplatedString } from './templatedStrings';
import { modelOf, type TemplateModel, type TemplateReference } from './templateModel';
import type { FormVariable } from './formVariables';

export interface TemplateSite {
  readonly string: TemplatedString;
  readonly decoded: DecodedString;
  readonly parsed: ParsedTemplate;
  /** Undefined when the template does not parse. */
  readonly model: TemplateModel | undefined;
  readonly scope: TemplateScope;
}

export type Resolution =
  | { readonly kind: 'variable'; readonly variable: FormVariable; readonly span: Span }
  | { readonly kind: 'builtin'; readonly builtin: BuiltinName; readonly span: Span }
  | { readonly kind: 'group'; readonly description: string; readonly span: Span }
  | { readonly kind: 'featureStoreKeyOutside'; readonly span: Span }
  | { readonly kind: 'hidden'; readonly name: string; readonly reason: string; readonly span: Span }
  | { readonly kind: 'unknown'; readonly name: string; readonly candidates: readonly string[]; readonly span: Span }
  | { readonly kind: 'relative' };

const cache = new WeakMap<ManifestDocument, readonly TemplateSite[]>();

export function templateSites(doc: ManifestDocument): readonly TemplateSite[] {
  let sites = cache.get(doc);
  if (!sites) {
    const text = doc.text.getText();
    sites = findTemplatedStrings(doc).map((string) => {
      const decoded = decodeJsonString(text.slice(string.node.offset, string.node.offset + string.node.length), string.node.offset);
      const parsed = parseTemplate(decoded.value);
      const model = parsed.ok ? modelOf(parsed.ast, parsed.lines) : undefined;
      return { string, decoded, parsed, model, scope: scopeOf(doc, string) };
    });
    cache.set(doc, sites);
  }
  return sites;
}

export function resolveReference(site: TemplateSite, reference: TemplateReference): Resolution {
  if (reference.relative) return { kind: 'relative' };
  const { scope } = site;
  const [root, second] = reference.parts;
  const rootSpan = reference.partSpans[0];
  const variable = scope.variables.find((v) => v.key === root);
  if (variable) return { kind: 'variable', variable, span: rootSpan };
  const builtin = scope.builtins.find((b) => b.name === root && (b.open || reference.parts.length === 1));
  if (builtin) return { kind: 'builtin', builtin, span: rootSpan };
  const group = scope.groups.find((g) => g.root === root);
  if (group) {
    if (second === undefined) return { kind: 'group', description: group.description, span: rootSpan };
    const member = group.variables.find((v) => v.key === second);
    const span = reference.partSpans[1];
    if (member) return { kind: 'variable', variable: member, span };
    return { kind: 'unknown', name: second, candidates: group.variables.map((v) => v.key), span };
  }
  if (root === FEATURE_STORE_KEY && !scope.featureStore) return { kind: 'featureStoreKeyOutside', span: rootSpan };
  const reason = scope.hidden.get(root);
  if (reason) return { kind: 'hidden', name: root, reason, span: rootSpan };
  return { kind: 'unknown', name: root, candidates: namesInScope(scope), span: rootSpan };
}

export function namesInScope(scope: TemplateScope): string[] {
  return [...scope.variables.map((v) => v.key), ...scope.builtins.map((b) => b.name), ...scope.groups.map((g) => g.root)];
}

/** The document offsets of a span of a site's template text. */
export function siteSpan(site: TemplateSite, span: Span): { start: number; end: number } {
  return documentSpan(site.decoded, span.start, span.end);
}
