// The servers' addresses as the browser tests read them: through the editor's file system, from the
// file run-web-tests.sh had servers.ts write into the workspace.
import * as vscode from 'vscode';
import { workspaceRoot } from '../suite/editorHelpers';
import type { WebTestServers } from './serverAddresses';

export async function readServers(): Promise<WebTestServers> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), '.e2e', 'endpoints.json'));
  return JSON.parse(new TextDecoder().decode(bytes)) as WebTestServers;
}
