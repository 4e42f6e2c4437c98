// Hover on a syncedSegment's `requestParser` key: what LaunchDarkly would extract from each sample
// request (or from a request made from the parser), the same runs the warnings and the preview use.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { nodeRange, offsetAt, type ManifestDocument } from '../manifestDocument';
import type { RuleEnvironment } from '../rules/environment';
import { segmentSamples } from './segmentSamples';

const MAX_LISTED = 5;

export function segmentHover(doc: ManifestDocument, position: Position, env: RuleEnvironment): Hover | null {
  const offset = offsetAt(doc, position);
  const samples = segmentSamples(doc, env);
  if (!samples || offset < samples.keyNode.offset || offset > samples.keyNode.offset + samples.keyNode.length) return null;
  const lines = ['**What LaunchDarkly would extract** (as its validation server applies this parser):', ''];
  const list = (ids: readonly string[]) => (ids.length === 0 ? 'none' : ids.slice(0, MAX_LISTED).map((id) => `\`${id}\``).join(', ') + (ids.length > MAX_LISTED ? ` and ${ids.length - MAX_LISTED} more` : ''));
  for (const run of samples.runs) {
    const source = run.file ?? 'a request made from the parser (add `sample-requests/*.json` beside the manifest to try real ones)';
    if (!run.result.ok) {
      lines.push(`- ${source}: not readable: ${run.result.problems.join('; ')}`);
      continue;
    }
    const e = run.result.extraction;
    lines.push(`- ${source}: environment \`${e.environmentId}\`, ${e.contextKind} cohort \`${e.cohortId}\` (${e.cohortName}); added ${list(e.added)}; removed ${list(e.removed)}`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: nodeRange(doc, samples.keyNode) };
}
