// Two form variables with one key in the same list: the configuration stores values by key, so the
// second silently overwrites the first.
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeRange, type ManifestDocument } from '../manifestDocument';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { formVariableScopes } from './formVariableScopes';
import { valueOf } from '../jsonTree';
import { excerpt } from '../excerpt';

export function duplicateFormVariableKeyDiagnostics(doc: ManifestDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const scope of formVariableScopes(doc.root)) {
    const seen = new Map<string, number>();
    scope.variables.forEach((variable, index) => {
      const key = valueOf(variable, 'key');
      if (key?.type !== 'string') return;
      const first = seen.get(key.value as string);
      if (first === undefined) {
        seen.set(key.value as string, index);
        return;
      }
      diagnostics.push(
        makeDiagnostic(
          'form-variable-duplicate-key',
          nodeRange(doc, key),
          `The form variable key "${excerpt(String(key.value))}" is already used by variable ${first + 1} of "${scope.path.join('.')}"; keys must be unique in one list.`,
        ),
      );
    });
  }
  return diagnostics;
}
