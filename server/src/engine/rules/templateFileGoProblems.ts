// The Go renderer's limits (templates/goRenderer.ts) for a template file: reported on the manifest's
// reference to the file, with the line and column in the file.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { lineAndColumn } from '../jsonSyntaxError';
import { goRendererProblems } from '../templates/goRenderer';
import { LineIndex } from '../templates/parseTemplate';

export function templateFileGoDiagnostics(text: string, label: string, range: Range): Diagnostic[] {
  return goRendererProblems(text, new LineIndex(text)).map((problem) => {
    const at = lineAndColumn(text, problem.span.start);
    return makeDiagnostic(problem.code, range, `${label}, at line ${at.line}, column ${at.column} of the file: ${problem.message}`);
  });
}
