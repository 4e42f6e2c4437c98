// Entry point of the request features: the lead calls registerRequestFeatures from extension.ts.
import * as vscode from 'vscode';
import { RequestCodeLensProvider } from './codeLens';
import { COMMANDS, type RequestCommandArgs } from './commandIds';
import { RequestCommands } from './commands';
import { ValueStore } from './valueStore';

export { COMMANDS, type RequestCommandArgs, type RequestCommandResult } from './commandIds';

export function registerRequestFeatures(context: vscode.ExtensionContext): vscode.Disposable[] {
  const output = vscode.window.createOutputChannel('LaunchDarkly Manifest: Requests');
  const commands = new RequestCommands(new ValueStore(context), output);
  // A lens or a palette call passes an argument object; a context-menu call passes the editor's URI.
  const normalise = (arg: unknown): RequestCommandArgs => (arg instanceof vscode.Uri ? { uri: arg.toString() } : ((arg as RequestCommandArgs | undefined) ?? {}));
  return [
    output,
    vscode.languages.registerCodeLensProvider({ language: 'launchdarkly-manifest' }, new RequestCodeLensProvider()),
    vscode.commands.registerCommand(COMMANDS.testValidation, (arg?: unknown) => commands.test('validation', normalise(arg))),
    vscode.commands.registerCommand(COMMANDS.testFeatureStore, (arg?: unknown) => commands.test('featureStore', normalise(arg))),
    vscode.commands.registerCommand(COMMANDS.preview, (arg?: unknown) => commands.preview(normalise(arg))),
    vscode.commands.registerCommand(COMMANDS.copyCurl, (arg?: unknown) => commands.copyCurl(normalise(arg))),
    vscode.commands.registerCommand(COMMANDS.forgetValues, (arg?: unknown) => commands.forget(normalise(arg))),
  ];
}
