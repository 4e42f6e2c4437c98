// The desktop entry (package.json `main`): the extension in VS Code's Node extension host.
import type * as vscode from 'vscode';
import { activateWith, deactivateClient, type ExtensionApi } from './activate';
import { desktopPlatform } from './desktop/desktopPlatform';

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  return activateWith(context, desktopPlatform);
}

export const deactivate = deactivateClient;
