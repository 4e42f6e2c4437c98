// The integration preview of one manifest snapshot: the card, the forms, the renderings, and the
// manifest's problems placed on the elements they affect. Built from the snapshot's memoized analysis
// (form variables, template references, renderings) and the diagnostics the caller already has, so a
// preview after a check costs the renderings and the icons, not a second analysis.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestDocument } from '../manifestDocument';
import type { RuleEnvironment } from '../rules/environment';
import { baseName } from '../uris';
import { severityName } from '../diagnostics/severityName';
import { cardModel } from './card';
import { formModels } from './forms';
import { Locations } from './locations';
import { isEventKind, renderingGroups } from './renderings';
import type { IntegrationPreview, IntegrationPreviewOptions, PreviewProblem, ProblemSeverity } from './model';

export function integrationPreview(doc: ManifestDocument, env: RuleEnvironment, diagnostics: readonly Diagnostic[], options: IntegrationPreviewOptions = {}): IntegrationPreview {
  const locations = new Locations(doc);
  const base = { manifest: options.label ?? baseName(doc.uri), version: doc.text.version };
  if (doc.root?.type !== 'object') {
    const reason = doc.tooDeep ? 'it nests too deep to be read' : doc.root ? 'it is not a JSON object' : 'it is empty or not JSON';
    const otherProblems = locations.attach(diagnostics);
    return { ...base, unreadable: `The manifest cannot be previewed: ${reason}.`, card: emptyCard, forms: [], renderings: [], omittedRenderings: 0, otherProblems, problemCounts: countOf(otherProblems) };
  }
  const card = cardModel(doc, env, locations);
  const forms = formModels(doc, options.values ?? {}, locations);
  const { groups, omitted } = renderingGroups(doc, env, isEventKind(options.event) ? options.event : undefined, locations);
  const otherProblems = locations.attach(diagnostics);
  return { ...base, card, forms, renderings: groups, omittedRenderings: omitted, otherProblems, problemCounts: countOf(diagnostics.map((d) => ({ severity: severityName(d.severity) }))) };
}

const emptyCard = { categories: [], links: [], icons: [], capabilities: [], requiresOAuth: false, hiddenOnIntegrationsPage: false };

function countOf(problems: readonly Pick<PreviewProblem, 'severity'>[]): Record<ProblemSeverity, number> {
  const counts: Record<ProblemSeverity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const problem of problems) counts[problem.severity]++;
  return counts;
}
