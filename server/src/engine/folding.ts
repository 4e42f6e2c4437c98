// Folding ranges for objects and arrays, computed from the token stream rather than the parse tree so
// that a document that does not parse still folds everywhere its brackets pair up.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { ManifestDocument } from './manifestDocument';

interface OpenBracket {
  readonly closer: SyntaxKind.CloseBraceToken | SyntaxKind.CloseBracketToken;
  readonly line: number;
}

/**
 * One range per object or array whose closing bracket is at least two lines below its opening one,
 * from the line of the opening bracket to the line before the closing one (so the closing bracket
 * stays visible), as VS Code's JSON does. Of several ranges starting on one line only the innermost
 * (the first to close) is kept: an editor can fold only one range per start line.
 */
export function foldingRanges(doc: ManifestDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const open: OpenBracket[] = [];
  const startLines = new Set<number>();
  const scanner = createScanner(doc.text.getText(), true);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const line = doc.text.positionAt(scanner.getTokenOffset()).line;
    if (token === SyntaxKind.OpenBraceToken) open.push({ closer: SyntaxKind.CloseBraceToken, line });
    else if (token === SyntaxKind.OpenBracketToken) open.push({ closer: SyntaxKind.CloseBracketToken, line });
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      // A stray or mismatched closer (a typing slip) is ignored, so it cannot unbalance the rest.
      if (open.at(-1)?.closer !== token) continue;
      const startLine = open.pop()!.line;
      if (line > startLine + 1 && !startLines.has(startLine)) {
        ranges.push({ startLine, endLine: line - 1 });
        startLines.add(startLine);
      }
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
