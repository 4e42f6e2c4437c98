// All template diagnostics: syntax, references and scopes, helpers, unused featureStore variables,
// secrets in URLs, rendered URLs, and the form variable keys named by hmacSignature and dependsOn.
import type { Node } from 'jsonc-parser';
import { DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { nodeRange, rangeOf, type ManifestDocument } from '../manifestDocument';
import { NameIndex } from '../nearestName';
import { resolveReference, siteSpan, templateSites, type TemplateSite } from './analysis';
import type { FormVariable } from './formVariables';
import { helpers } from './helpers';
import { keyReferences } from './keyReferences';
import type { Span } from './parseTemplate';
import { isJsonField, isUrlField } from './templatedStrings';
import { checkRenderedUrl } from './urlCheck';
import { goRendererProblems } from './goRenderer';
import { FEATURE_STORE_KEY } from './scopes';
import type { TemplateCode } from './codes';
import { excerpt } from '../excerpt';
import { append } from '../append';
import { jsonBodyDiagnostics } from '../bodies/jsonBodies';

/** What the quick fixes need, carried in `diagnostic.data`. */
export interface UnknownNameData {
  readonly name: string;
  readonly suggestion?: string;
  /** JSON path of the `formVariables` array where the name could be declared. */
  readonly declareIn?: (string | number)[];
}

/** What the `equal` → `equalWithElse` fix needs: the ranges of both `equal`s of the block. */
export interface EqualElseData {
  readonly equalRenames: readonly Range[];
}

/** The helpers' names, indexed once for every unknown helper of every document. */
const helperNames = new NameIndex(helpers.keys());

export function templateDiagnostics(doc: ManifestDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const sites = templateSites(doc);
  for (const site of sites) append(diagnostics, siteDiagnostics(doc, site));
  append(diagnostics, unusedFeatureStoreVariables(doc, sites));
  append(diagnostics, keyReferenceDiagnostics(doc));
  append(diagnostics, jsonBodyDiagnostics(doc));
  return diagnostics;
}

function siteDiagnostics(doc: ManifestDocument, site: TemplateSite): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (code: TemplateCode, span: Span, message: string, data?: unknown) => {
    const { start, end } = siteSpan(site, span);
    out.push(makeDiagnostic(code, rangeOf(doc, start, end - start), message, data === undefined ? {} : { data }));
  };
  if (!site.parsed.ok) {
    at('template-syntax', site.parsed.error.span, site.parsed.error.message);
    return out;
  }
  const model = site.model;
  if (!model) return out;
  // Handlebars renders a `}}` outside an expression as text, so it is not a parse error, but it is
  // almost always a brace lost from `{{`: a warning that says so, and no further URL complaint about
  // the same typo (one problem, one diagnostic).
  let strayBraces = false;
  if (!isJsonField(site.string.field)) {
    for (const content of model.content) {
      const stray = content.text.indexOf('}}');
      if (stray < 0) continue;
      strayBraces = true;
      at(
        'template-stray-braces',
        { start: content.span.start + stray, end: content.span.start + stray + 2 },
        'Stray `}}` with no matching `{{`: Handlebars keeps it as literal text. If a variable was meant, open it with `{{`.',
      );
    }
  }
  for (const reference of model.references) {
    const resolution = resolveReference(site, reference);
    switch (resolution.kind) {
      case 'unknown': {
        const suggestion = resolution.candidates.nearest(resolution.name);
        const grouped = reference.parts.length > 1 && resolution.span !== reference.partSpans[0];
        const data: UnknownNameData = { name: resolution.name, suggestion, declareIn: grouped ? undefined : (site.scope.variablesPath as (string | number)[] | undefined) };
        const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
        at('template-unknown-variable', resolution.span, `Unknown variable \`${excerpt(resolution.name)}\` in ${site.scope.label}.${hint}`, data);
        break;
      }
      case 'hidden':
        at('template-out-of-scope', resolution.span, resolution.reason, { name: resolution.name } satisfies UnknownNameData);
        break;
      case 'featureStoreKeyOutside':
        at('template-feature-store-key', resolution.span, `\`${FEATURE_STORE_KEY}\` exists only in the featureStore capability's templates.`);
        break;
      case 'variable':
        if (isUrlField(site.string.field) && resolution.variable.isSecret) {
          at('template-secret-in-url', resolution.span, `\`${resolution.variable.key}\` is secret: URLs end up in logs and browser history. Send it in a header instead.`);
        }
        break;
    }
  }
  const goProblems = goRendererProblems(site.decoded.value, site.parsed.lines);
  // `{{#*inline}}` and `{{*decorator}}` are what the Go renderer check says, not unknown helpers.
  const goReported = new Set(goProblems.map((p) => p.span.start));
  for (const call of model.helperCalls) {
    if (goReported.has(call.span.start)) continue;
    const helper = helpers.get(call.name);
    if (!helper) {
      const suggestion = helperNames.nearest(call.name);
      const what = call.name.startsWith('>') ? 'Partials are not available in manifest templates.' : `Unknown helper \`${excerpt(call.name)}\`.`;
      at('template-unknown-helper', call.nameSpan, what + (suggestion ? ` Did you mean \`${suggestion}\`?` : ''), suggestion ? ({ name: call.name, suggestion } satisfies UnknownNameData) : undefined);
    } else if (call.argumentCount < helper.minArgs || call.argumentCount > helper.maxArgs) {
      const expected = helper.minArgs === helper.maxArgs ? `${helper.minArgs}` : `${helper.minArgs} to ${helper.maxArgs}`;
      at('template-helper-arity', call.nameSpan, `\`${call.name}\` takes ${expected} argument${helper.maxArgs === 1 ? '' : 's'}, not ${call.argumentCount}.`);
    }
  }
  for (const problem of goProblems) {
    const renames = problem.renames?.map((span) => {
      const { start, end } = siteSpan(site, span);
      return rangeOf(doc, start, end - start);
    });
    at(problem.code, problem.span, problem.message, renames ? ({ equalRenames: renames } satisfies EqualElseData) : undefined);
  }
  if (!strayBraces && (site.string.field === 'url' || site.string.field === 'urlTemplate')) {
    const problem = checkRenderedUrl(site);
    if (problem) at('template-invalid-url', problem.span, problem.message);
  }
  return out;
}

/** featureStore form variables no template, hmacSignature or dependsOn of the capability uses. */
function unusedFeatureStoreVariables(doc: ManifestDocument, sites: readonly TemplateSite[]): Diagnostic[] {
  const storeSites = sites.filter((s) => s.scope.featureStore);
  if (storeSites.length === 0) return [];
  const used = new Set<FormVariable['keyNode']['offset']>();
  let unparsed = false;
  for (const site of storeSites) {
    if (!site.model) unparsed = true;
    for (const reference of site.model?.references ?? []) {
      const resolution = resolveReference(site, reference);
      if (resolution.kind === 'variable') used.add(resolution.variable.keyNode.offset);
    }
  }
  // A template that does not parse may well use the variable: say nothing rather than something wrong.
  if (unparsed) return [];
  for (const reference of keyReferences(doc)) {
    const named = typeof reference.node.value === 'string' ? reference.table.get(reference.node.value) : undefined;
    if (named) used.add(named.keyNode.offset);
  }
  return storeSites[0].scope.variables
    .filter((v) => !used.has(v.keyNode.offset))
    .map((v) =>
      makeDiagnostic('template-unused-variable', nodeRange(doc, v.keyNode), `Form variable \`${v.key}\` is not used by any template of the featureStore capability.`, {
        tags: [DiagnosticTag.Unnecessary],
        data: { name: v.key },
      }),
    );
}

function keyReferenceDiagnostics(doc: ManifestDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const reference of keyReferences(doc)) {
    const name = reference.node.value;
    if (typeof name !== 'string') continue;
    const variable = reference.table.get(name);
    const field = reference.kind === 'hmac' ? '`hmacSecretFormVariableKey`' : '`dependsOn` `variableKey`';
    if (!variable) {
      const suggestion = reference.names.nearest(name);
      const where = `\`${reference.listPath.join('.')}\``;
      out.push(
        makeDiagnostic('form-variable-key-unknown', innerRange(doc, reference.node), `${field} names \`${excerpt(name)}\`, which is not declared in ${where}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`, {
          data: { name, suggestion } satisfies UnknownNameData,
        }),
      );
    } else if (reference.kind === 'hmac' && (!variable.isSecret || (variable.type !== undefined && variable.type !== 'string'))) {
      out.push(makeDiagnostic('hmac-secret-not-secret', innerRange(doc, reference.node), `The HMAC secret must be a secret string form variable; \`${name}\` is ${variable.isSecret ? `of type \`${variable.type}\`` : 'not `isSecret: true`'}.`));
    }
  }
  return out;
}

/** A string node's range without its quotes: what a replacement of the name rewrites. */
export function innerRange(doc: ManifestDocument, node: Node) {
  return rangeOf(doc, node.offset + 1, Math.max(0, node.length - 2));
}
