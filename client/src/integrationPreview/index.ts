// *Preview Integration*: the command (also the editor title button and the code lens the server puts
// above a manifest) that opens, beside the manifest, the integration as LaunchDarkly's users will see it,
// and keeps each open preview following its manifest's edits. One preview per manifest; the command on
// a manifest that has one brings it forward.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID, PREVIEW_INTEGRATION_COMMAND } from '../../../server/src/protocol';
import { IntegrationPreviewPanel } from './previewPanel';

export interface PreviewIntegrationArgs {
  readonly uri?: string;
}

/** What the command resolves with once the preview shows (tests read it), or undefined when it could not be made. */
export interface PreviewShown {
  readonly title: string;
  readonly version: number;
}

export function registerIntegrationPreview(clientOf: () => Promise<BaseLanguageClient>): vscode.Disposable[] {
  const panels = new Map<string, IntegrationPreviewPanel>();

  const open = async (args: PreviewIntegrationArgs = {}): Promise<PreviewShown | undefined> => {
    const active = vscode.window.activeTextEditor?.document;
    const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : active?.languageId === LANGUAGE_ID ? active.uri : undefined;
    if (!uri) {
      void vscode.window.showErrorMessage('Open a LaunchDarkly integration manifest first.');
      return undefined;
    }
    const key = uri.toString();
    const known = panels.get(key);
    if (known) {
      known.reveal();
      const answer = await known.showPage();
      return answer?.ok ? { title: answer.title, version: answer.version } : undefined;
    }
    const panel = new IntegrationPreviewPanel(uri, clientOf, () => panels.delete(key));
    panels.set(key, panel);
    const answer = await panel.showPage();
    if (!answer?.ok) {
      panel.dispose();
      return undefined;
    }
    return { title: answer.title, version: answer.version };
  };

  return [
    vscode.commands.registerCommand(PREVIEW_INTEGRATION_COMMAND, open),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) panels.get(event.document.uri.toString())?.documentChanged();
    }),
    { dispose: () => [...panels.values()].forEach((panel) => panel.dispose()) },
  ];
}
