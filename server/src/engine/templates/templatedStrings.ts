// Where templates live in a manifest. Field paths come from the framework's schemas
// (definitions.json `endpoint`, `jsonBody`, `payloadPrefix`; approval's parser `urlTemplate`;
// syncedSegment `jsonResponseBody`; flagLink `uiBlocks`) and were checked against the 129 real manifests.
import type { JSONPath, Node } from 'jsonc-parser';
import type { ManifestDocument } from '../manifestDocument';
import { discoverStrings } from './discovery';

export type TemplateField =
  | 'url' // an endpoint's url
  | 'header' // an endpoint header's value
  | 'payload' // featureStore payloadPrefix / payloadSuffix
  | 'jsonBody' // approval requests' and buttonAction's jsonBody
  | 'responseBody' // syncedSegment jsonResponseBody
  | 'urlTemplate' // approval parser urlTemplate
  | 'uiText' // flagLink uiBlocks texts
  | 'uiUrl'; // flagLink uiBlocks urls

export interface TemplatedString {
  /** The string node holding the template. */
  readonly node: Node;
  readonly path: JSONPath;
  readonly field: TemplateField;
  /** The capability the template belongs to (`featureStore`, `approval`...); undefined at top level. */
  readonly capability: string | undefined;
}

/** Fields whose rendered text is a URL: checked for scheme and for secrets. */
export function isUrlField(field: TemplateField): boolean {
  return field === 'url' || field === 'urlTemplate';
}

/** Fields holding JSON text, where a `}}` closing two objects is ordinary text. */
export function isJsonField(field: TemplateField): boolean {
  return field === 'payload' || field === 'jsonBody' || field === 'responseBody';
}

/** Every templated string, in document order. */
export function findTemplatedStrings(doc: ManifestDocument): readonly TemplatedString[] {
  return discoverStrings(doc).templated;
}

/** The templated string a string value is, by its path, or undefined. */
export function templatedStringAt(node: Node, path: JSONPath): TemplatedString | undefined {
  const field = fieldAt(path);
  return field ? { node, path, field, capability: path[0] === 'capabilities' && typeof path[1] === 'string' ? path[1] : undefined } : undefined;
}

function fieldAt(path: JSONPath): TemplateField | undefined {
  const n = path.length;
  const last = path[n - 1];
  const at = (fromEnd: number) => path[n - 1 - fromEnd];
  // Endpoints appear in every capability and in dynamicOptions of form variables.
  if (last === 'url' && at(1) === 'endpoint') return 'url';
  if (last === 'value' && typeof at(1) === 'number' && at(2) === 'headers' && at(3) === 'endpoint') return 'header';
  if (path[0] !== 'capabilities') return undefined;
  const capability = path[1];
  if (capability === 'featureStore' && n === 4 && path[2] === 'featureStoreRequest' && (last === 'payloadPrefix' || last === 'payloadSuffix')) {
    return 'payload';
  }
  if (last === 'jsonBody') return 'jsonBody';
  if (capability === 'approval' && last === 'urlTemplate' && at(1) === 'parser') return 'urlTemplate';
  if (capability === 'syncedSegment' && n === 3 && last === 'jsonResponseBody') return 'responseBody';
  if (capability === 'flagLink' && path[2] === 'uiBlocks') return flagLinkField(path.slice(3));
  return undefined;
}

function flagLinkField(rest: JSONPath): TemplateField | undefined {
  const key = rest.join('.').replace(/\.\d+\./g, '.#.');
  if (key === 'name' || key === 'description') return 'uiText';
  if (key === 'image.sourceUrl') return 'uiUrl';
  if (key === 'title.elements.#.text' || key === 'context.elements.#.text') return 'uiText';
  if (key === 'title.elements.#.url' || key === 'context.elements.#.url') return 'uiUrl';
  return undefined;
}
