// Go to definition, find references and document highlights for form variables, from a template
// reference, a declared key or an hmacSignature/dependsOn key.
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import { rangeOf, type ManifestDocument } from '../manifestDocument';
import { innerSpan, occurrencesOf, targetAt, variableOf, type DocSpan } from './locate';

const rangeOfSpan = (doc: ManifestDocument, span: DocSpan) => rangeOf(doc, span.start, span.end - span.start);

export function templateDefinition(doc: ManifestDocument, position: Position): Location[] {
  const target = targetAt(doc, position);
  if (!target || target.kind === 'declaration') return [];
  const variable = variableOf(target);
  return variable ? [{ uri: doc.uri, range: rangeOfSpan(doc, innerSpan(variable.keyNode)) }] : [];
}

export function templateReferences(doc: ManifestDocument, position: Position, includeDeclaration: boolean): Location[] {
  const variable = variableOf(targetAt(doc, position));
  if (!variable) return [];
  return occurrencesOf(doc, variable)
    .filter((o) => includeDeclaration || o.kind !== 'declaration')
    .map((o) => ({ uri: doc.uri, range: rangeOfSpan(doc, o.span) }));
}

export function templateHighlights(doc: ManifestDocument, position: Position): DocumentHighlight[] {
  const variable = variableOf(targetAt(doc, position));
  if (!variable) return [];
  return occurrencesOf(doc, variable).map((o) => ({
    range: rangeOfSpan(doc, o.span),
    kind: o.kind === 'declaration' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
