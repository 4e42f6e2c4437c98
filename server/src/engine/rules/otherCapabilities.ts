// LaunchDarkly's CI: a manifest without `capabilities` must say what it does in `otherCapabilities`.
// A manifest whose only content is its top-level form variables (aiconfig-test-run: a configuration
// that LaunchDarkly itself reads) passes the live repository too, so form variables count as a
// capability here.
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeRange, rangeOf, type ManifestDocument } from '../manifestDocument';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { itemsOf, keyOf, valueOf } from '../jsonTree';

export function otherCapabilitiesDiagnostics(doc: ManifestDocument): Diagnostic[] {
  const root = doc.root;
  if (root?.type !== 'object' || valueOf(root, 'capabilities')) return [];
  if (itemsOf(valueOf(root, 'formVariables')).length > 0) return [];
  const other = valueOf(root, 'otherCapabilities');
  if (other?.type === 'array' && itemsOf(other).length > 0) return [];
  const at = keyOf(root, 'otherCapabilities') ?? keyOf(root, 'name');
  return [
    makeDiagnostic(
      'capabilities-missing',
      at ? nodeRange(doc, at) : rangeOf(doc, root.offset, 1),
      'A manifest without "capabilities" needs a non-empty "otherCapabilities" (for example ["external"]) so that LaunchDarkly knows what the integration does.',
    ),
  ];
}
