// Shared by the "editing" scenario's tests (templates, pointers): edits through the VS Code API and
// their undoing. A test edits the open document (never the file on disk) and reverts it afterwards;
// the revert waits until the server has published the diagnostics of the pristine text again, so
// the next test starts from the state the fixture describes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, ourDiagnostics, waitFor } from './helpers';

/** Waits for one of our diagnostics with `code` that satisfies `accept` (for instance: covers a given text). */
export function diagnosticWith(
  document: vscode.TextDocument,
  code: string,
  accept: (diagnostic: vscode.Diagnostic) => boolean = () => true,
): Promise<vscode.Diagnostic> {
  return waitFor(
    `a ${code} diagnostic in ${vscode.workspace.asRelativePath(document.uri)}`,
    () => ourDiagnostics(document.uri).find((d) => codeOf(d) === code && accept(d)),
    { events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>] },
  );
}

/** Waits until our diagnostics of `document` satisfy `accept` (after an edit: until the server rechecked). */
export function diagnosticsUntil(
  document: vscode.TextDocument,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    what,
    () => {
      const diagnostics = ourDiagnostics(document.uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    { events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>] },
  );
}

/** The quick fix titled `title` for the problems in `range`, once the code-action API offers it. */
export function quickFix(document: vscode.TextDocument, range: vscode.Range, title: string): Promise<vscode.CodeAction> {
  return waitFor(`the quick fix "${title}"`, async () => {
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = (actions ?? []).find((a): a is vscode.CodeAction => a.title === title && !('command' in a && typeof a.command === 'string'));
    // Thrown, not returned: waitFor reports the last error when it times out.
    if (!fix) throw new Error(`offered: ${(actions ?? []).map((a) => a.title).join(' | ') || 'nothing'}`);
    return fix;
  });
}

/** The titles of every quick fix the code-action API offers for `range` right now. */
export async function quickFixTitles(document: vscode.TextDocument, range: vscode.Range): Promise<string[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).map((a) => a.title);
}

export async function applyEdit(edit: vscode.WorkspaceEdit | undefined): Promise<void> {
  assert.ok(edit, 'no workspace edit to apply');
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'VS Code did not apply the workspace edit');
}

/** Inserts `text` at `position` of the open document (what typing does). */
export async function insert(document: vscode.TextDocument, position: vscode.Position, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, position, text);
  await applyEdit(edit);
}

/** Our diagnostics as text (code, range, message): comparable across checks of the same text. */
export function diagnosticsSnapshot(uri: vscode.Uri): string {
  return describeDiagnostics([...ourDiagnostics(uri)].sort((a, b) => a.range.start.compareTo(b.range.start) || codeOf(a).localeCompare(codeOf(b))));
}

/**
 * Reverts an edited document to its file (the file on disk is never written) and waits until the
 * server's diagnostics are those of the pristine text again (`pristine`, a `diagnosticsSnapshot`).
 */
export async function revert(document: vscode.TextDocument, pristine: string): Promise<void> {
  if (document.isDirty) {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(`${vscode.workspace.asRelativePath(document.uri)} to be reverted`, () => !document.isDirty, {
      events: [vscode.workspace.onDidChangeTextDocument as vscode.Event<unknown>],
    });
  }
  await waitFor(
    `the diagnostics of the reverted ${vscode.workspace.asRelativePath(document.uri)} (expected:\n${pristine}\n)`,
    () => diagnosticsSnapshot(document.uri) === pristine,
    { events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>] },
  );
}

/** A range from the first occurrence of `needle` (after `after`), `delta` characters in, `length` long. */
export function rangeOf(document: vscode.TextDocument, needle: string, delta: number, length: number, after?: string): vscode.Range {
  const text = document.getText();
  const from = after === undefined ? 0 : text.indexOf(after);
  assert.ok(from >= 0, `"${after}" not found in ${document.uri.path}`);
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `"${needle}" not found in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(offset + delta), document.positionAt(offset + delta + length));
}

export function showRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Occurrences of `needle` in `text`. */
export function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
