// Which quick fixes `ld-manifest lint --fix` applies: for each problem, the engine's preferred fix
// when it is the only one (what VS Code's "Auto Fix" applies without asking). A problem with no
// preferred fix, or several, needs a person; so does one the configuration ignores. Fixes whose edits
// overlap are not applied in the same pass: the first (in document order) goes in, the others are
// recomputed on the fixed text in the next pass.
import type { TextEdit } from 'vscode-languageserver-types';
import type { ManifestDocument } from '../../engine/manifestDocument';
import type { LintedProblem } from '../lintRun';
import type { QuickFix } from '../quickFixes';

export interface ChosenFix {
  readonly problem: LintedProblem;
  readonly fix: QuickFix;
}

export function unambiguousFix(problem: LintedProblem): QuickFix | undefined {
  if (problem.ignoredBecause !== undefined) return undefined;
  const preferred = problem.fixes.filter((fix) => fix.preferred);
  return preferred.length === 1 ? preferred[0] : undefined;
}

export function chooseFixes(doc: ManifestDocument, problems: readonly LintedProblem[]): ChosenFix[] {
  const taken: { start: number; end: number }[] = [];
  const chosen: ChosenFix[] = [];
  for (const problem of problems) {
    const fix = unambiguousFix(problem);
    if (!fix) continue;
    const spans = fix.edits.map((edit) => spanOf(doc, edit));
    if (spans.some((span) => taken.some((other) => overlaps(span, other)))) continue;
    taken.push(...spans);
    chosen.push({ problem, fix });
  }
  return chosen;
}

function spanOf(doc: ManifestDocument, edit: TextEdit): { start: number; end: number } {
  return { start: doc.text.offsetAt(edit.range.start), end: doc.text.offsetAt(edit.range.end) };
}

/** Two spans conflict when they share text, or are insertions at one place (their order would be a guess). */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}
