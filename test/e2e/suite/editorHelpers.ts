// The e2e helpers that need nothing but the VS Code API: shared by the desktop suite (through
// helpers.ts) and the browser suite (test/e2e/web/), which runs in a web worker without Node modules.
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

export { waitFor };

/** An assertion without node:assert (absent in a browser worker). */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export const EXTENSION_ID = 'ld-manifest-tools.launchdarkly-manifest-tools';
export const LANGUAGE_ID = 'launchdarkly-manifest';
export const SOURCE = 'ld-manifest';

export interface ExtensionApi {
  ready(): Promise<void>;
  /** Where the extension runs: `desktop` (Node extension host) or `browser` (web worker host). */
  readonly platform: 'desktop' | 'browser';
}

/** The extension under test, activated, with its language server started. */
export async function activatedExtension(): Promise<vscode.Extension<ExtensionApi>> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  check(extension, `${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await api.ready();
  return extension;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'the test needs a workspace folder');
  return folder.uri;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}


export async function openFixture(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relative));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The document at `uri` once it has the manifest language (it may be switched after opening). */
export function manifestDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const find = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === LANGUAGE_ID);
  return waitFor(`${vscode.workspace.asRelativePath(uri)} to have language ${LANGUAGE_ID}`, find, {
    events: [vscode.workspace.onDidOpenTextDocument],
  });
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Our diagnostics for `uri` once there is at least one (or once `accept` says they are complete). */
export function diagnosticsFor(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `diagnostics with source ${SOURCE} for ${vscode.workspace.asRelativePath(uri)}`,
    () => {
      const diagnostics = ourDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    { events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>] },
  );
}


export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.source}/${codeOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`)
    .join('\n');
}

/** Position of the first occurrence of `needle` (after `after`, if given), plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0, after?: string): vscode.Position {
  const text = document.getText();
  const from = after === undefined ? 0 : text.indexOf(after);
  check(from >= 0, `"${after}" not found in ${document.uri.path}`);
  const offset = text.indexOf(needle, from);
  check(offset >= 0, `"${needle}" not found in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}


export async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** Completion labels once the providers return something (the server may still be starting). */
export function completionLabelsEventually(uri: vscode.Uri, position: vscode.Position, what: string): Promise<string[]> {
  return waitFor(what, async () => {
    const labels = await completionLabels(uri, position);
    return labels.length > 0 ? labels : undefined;
  });
}

export function unquote(label: string): string {
  return label.replace(/^"(.*)"$/, '$1');
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
