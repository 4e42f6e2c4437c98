// One walk over a snapshot's string values finds both the templated strings and the form variable
// keys named outside templates; both lists are parts of the snapshot's analysis.
import { forEachStringValue, memo, type ManifestDocument } from '../manifestDocument';
import { keyReferenceAt, type KeyReference } from './keyReferences';
import { templatedStringAt, type TemplatedString } from './templatedStrings';

export interface DiscoveredStrings {
  readonly templated: readonly TemplatedString[];
  readonly keyReferences: readonly KeyReference[];
}

export function discoverStrings(doc: ManifestDocument): DiscoveredStrings {
  return memo(doc, 'discoveredStrings', () => {
    const templated: TemplatedString[] = [];
    const keyReferences: KeyReference[] = [];
    forEachStringValue(doc, (node, path) => {
      const template = templatedStringAt(node, path);
      if (template) templated.push(template);
      const reference = keyReferenceAt(doc, node, path);
      if (reference) keyReferences.push(reference);
    });
    return { templated, keyReferences };
  });
}
