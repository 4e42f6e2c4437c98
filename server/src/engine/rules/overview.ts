// LaunchDarkly's CI requires `overview` to end in a period (the integrations page shows it as a
// sentence).
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeRange, type ManifestDocument } from '../manifestDocument';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { valueOf } from '../jsonTree';

export function overviewDiagnostics(doc: ManifestDocument): Diagnostic[] {
  const node = valueOf(doc.root, 'overview');
  if (node?.type !== 'string' || (node.value as string).endsWith('.')) return [];
  return [makeDiagnostic('overview-full-stop', nodeRange(doc, node), '"overview" must end with a full stop ("."); LaunchDarkly\'s CI rejects it otherwise.')];
}
