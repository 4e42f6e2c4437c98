// Endpoint rules the schema cannot express: a featureStore store request must write the flag payload
// (GET and DELETE carry no body), and a header set twice in one endpoint is sent twice or overwritten
// depending on the HTTP client (header names compare without case).
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeRange, type ManifestDocument } from '../manifestDocument';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { itemsOf, propertiesOf, stringAt, valueAt, valueOf } from '../jsonTree';
import { excerpt } from '../excerpt';

const READ_METHODS = new Set(['GET', 'DELETE']);

export function endpointDiagnostics(doc: ManifestDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const method = valueAt(doc.root, 'capabilities', 'featureStore', 'featureStoreRequest', 'endpoint', 'method');
  if (method?.type === 'string' && READ_METHODS.has(method.value as string)) {
    diagnostics.push(
      makeDiagnostic(
        'feature-store-read-method',
        nodeRange(doc, method),
        `The store request sends the flag payload to the store, so it must write it (PUT, POST or PATCH); ${excerpt(String(method.value))} sends no body.`,
      ),
    );
  }
  for (const endpoint of endpoints(doc.root)) {
    const seen = new Map<string, string>();
    for (const header of itemsOf(valueOf(endpoint, 'headers'))) {
      const nameNode = valueOf(header, 'name');
      const name = stringAt(header, 'name');
      if (!nameNode || name === undefined) continue;
      const first = seen.get(name.toLowerCase());
      if (first === undefined) seen.set(name.toLowerCase(), name);
      else {
        diagnostics.push(
          makeDiagnostic('endpoint-duplicate-header', nodeRange(doc, nameNode), `This endpoint already sets the header "${first}" (header names ignore case).`),
        );
      }
    }
  }
  return diagnostics;
}

/** Every object that is the value of an `endpoint` key (capabilities and dynamic options alike). */
function endpoints(node: Node | undefined): Node[] {
  if (!node) return [];
  if (node.type === 'array') return itemsOf(node).flatMap((item) => endpoints(item));
  if (node.type !== 'object') return [];
  return propertiesOf(node).flatMap((property) => {
    const key = String(property.children?.[0]?.value);
    const value = property.children?.[1];
    const found = key === 'endpoint' && value?.type === 'object' ? [value] : [];
    return [...found, ...endpoints(value)];
  });
}
