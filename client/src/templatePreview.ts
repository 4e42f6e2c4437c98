// "Preview Rendered Templates": what each template and JSON body of the manifest renders for a
// sample, as Markdown in an editor beside the manifest (ready to paste into a pull request). The
// language server renders; this side asks and shows. Nothing is sent anywhere: it works in Restricted Mode.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { COMMANDS, LANGUAGE_ID, TemplatePreviewRequest } from '../../server/src/protocol';

export interface TemplatePreviewArgs {
  readonly uri?: string;
  readonly template?: string;
}

export function registerTemplatePreview(clientOf: () => Promise<LanguageClient>): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.previewTemplates, async (args: TemplatePreviewArgs = {}): Promise<string | undefined> => {
    const uri = args.uri ?? (vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID ? vscode.window.activeTextEditor.document.uri.toString() : undefined);
    if (!uri) {
      void vscode.window.showErrorMessage('Open a LaunchDarkly integration manifest first.');
      return undefined;
    }
    let answer;
    try {
      answer = await (await clientOf()).sendRequest(TemplatePreviewRequest, { uri, ...(args.template ? { template: args.template } : {}) });
    } catch (error) {
      void vscode.window.showErrorMessage(`The templates were not rendered: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    if (!answer.ok) {
      void vscode.window.showErrorMessage(`The templates were not rendered: ${answer.problem}`);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ content: answer.markdown, language: 'markdown' });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return answer.markdown;
  });
}
