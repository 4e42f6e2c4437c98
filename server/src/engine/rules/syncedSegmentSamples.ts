// The syncedSegment parser tried on the manifest's sample requests (syncedSegments/segmentSamples.ts):
// a sample it cannot read (a required path that selects nothing, an array that is not one) is a
// warning on `requestParser` naming the sample; an `arrayInclusion` matcher that matches the action in
// none of the samples means every one of them would remove its members. The body made from the
// parser when there is no sample raises nothing: it fails only where the parser is incoherent, which
// syncedSegmentPaths.ts reports.
import type { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { nodeRange, type ManifestDocument } from '../manifestDocument';
import { valueAt } from '../jsonTree';
import { segmentSamples } from '../syncedSegments/segmentSamples';
import type { RuleEnvironment } from './environment';
import { syncedSegmentPathDiagnostics } from './syncedSegmentPaths';

export function syncedSegmentSampleDiagnostics(doc: ManifestDocument, env: RuleEnvironment): Diagnostic[] {
  const samples = segmentSamples(doc, env);
  // An incoherent parser is one problem, which syncedSegmentPaths reports; the samples would only echo it.
  if (!samples || syncedSegmentPathDiagnostics(doc).length > 0) return [];
  const out: Diagnostic[] = [];
  const onKey = nodeRange(doc, samples.keyNode);
  for (const { file, reason } of samples.unreadable) out.push(makeDiagnostic('synced-segment-sample-fails', onKey, `The sample request ${file} ${reason}.`));
  for (const run of samples.runs) {
    // The body made from the parser fails only where the parser is incoherent, which syncedSegmentPaths reports.
    if (run.result.ok || run.file === undefined) continue;
    out.push(makeDiagnostic('synced-segment-sample-fails', onKey, `LaunchDarkly could not read the sample request ${run.file}: ${run.result.problems.join('; ')}.`));
  }
  const fromFiles = samples.runs.filter((r) => r.file !== undefined && r.result.ok);
  const matcher = valueAt(samples.parserNode, 'arrayInclusion', 'matcher');
  if (matcher && fromFiles.length > 0 && fromFiles.every((r) => r.result.ok && r.result.extraction.matcherMatched === false)) {
    out.push(makeDiagnostic('synced-segment-matcher-never-matches', nodeRange(doc, matcher), `This matcher matches the action in none of the ${fromFiles.length} sample request${fromFiles.length === 1 ? '' : 's'}: every one of them would remove its members.`));
  }
  return out;
}
