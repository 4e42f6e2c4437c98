// The quick fixes the engine offers for one diagnostic, as plain edits of the manifest's own text:
// the same code actions the editor shows in its light bulb (LanguageService.codeActions).
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { LanguageService } from '../engine/languageService';
import type { ManifestDocument } from '../engine/manifestDocument';

export interface QuickFix {
  readonly title: string;
  /** The editor's preferred fix for the diagnostic (what "Fix all" and auto-fix on save apply). */
  readonly preferred: boolean;
  /** Edits of this manifest only; a fix that would touch another file is not offered here. */
  readonly edits: readonly TextEdit[];
}

export function quickFixesFor(service: LanguageService, doc: ManifestDocument, diagnostic: Diagnostic): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const action of service.codeActions(doc, diagnostic.range, [diagnostic])) {
    // An action also answers the other diagnostics it was asked about; only those made for this one count.
    if (action.diagnostics && !action.diagnostics.includes(diagnostic)) continue;
    const changes = action.edit?.changes;
    if (!changes || Object.keys(changes).some((uri) => uri !== doc.uri)) continue;
    const edits = changes[doc.uri];
    if (!edits || edits.length === 0) continue;
    fixes.push({ title: action.title, preferred: action.isPreferred === true, edits });
  }
  return fixes;
}
