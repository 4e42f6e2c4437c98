// Entry point of the request features: extension.ts calls registerRequestFeatures with a way to get
// the started language client. The code lenses that run these commands come from the server.
import * as vscode from 'vscode';
import { COMMANDS, type RequestCommandArgs } from './commandIds';
import { RequestCommands, type ClientProvider } from './commands';
import { ValueStore } from './valueStore';
import type { ClientPlatform } from '../platform';

export { COMMANDS, type RequestCommandArgs, type RequestCommandResult } from './commandIds';

export function registerRequestFeatures(context: vscode.ExtensionContext, platform: ClientPlatform, clientOf: ClientProvider): vscode.Disposable[] {
  const output = vscode.window.createOutputChannel('LaunchDarkly Manifest: Requests');
  const commands = new RequestCommands(new ValueStore(context), output, clientOf, platform);
  // A lens or a palette call passes an argument object; a context-menu call passes the editor's URI.
  const normalise = (arg: unknown): RequestCommandArgs => (arg instanceof vscode.Uri ? { uri: arg.toString() } : ((arg as RequestCommandArgs | undefined) ?? {}));
  return [
    output,
    vscode.commands.registerCommand(COMMANDS.testValidation, (arg?: unknown) => commands.test('validation', normalise(arg))),
    vscode.commands.registerCommand(COMMANDS.testFeatureStore, (arg?: unknown) => commands.test('featureStore', normalise(arg))),
    vscode.commands.registerCommand(COMMANDS.preview, (arg?: unknown) => commands.preview(normalise(arg))),
    vscode.commands.registerCommand(COMMANDS.copyCurl, (arg?: unknown) => commands.copyCurl(normalise(arg))),
    vscode.commands.registerCommand(COMMANDS.forgetValues, (arg?: unknown) => commands.forget(normalise(arg))),
  ];
}
