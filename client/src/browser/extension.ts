// The browser entry (package.json `browser`): the extension in the web worker extension host of
// vscode.dev and github.dev.
import type * as vscode from 'vscode';
import { activateWith, deactivateClient, type ExtensionApi } from '../activate';
import { browserPlatform } from './browserPlatform';

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  return activateWith(context, browserPlatform);
}

export const deactivate = deactivateClient;
