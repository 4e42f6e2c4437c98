// The `ldManifest.request.*` settings, read fresh on every run so a change applies at once.
import * as vscode from 'vscode';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS } from '../../../server/src/request/sendTypes';

export interface RequestSettings {
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly caFile: string | undefined;
  readonly featureStoreKey: string | undefined;
}

export function requestSettings(scope: vscode.Uri): RequestSettings {
  const config = vscode.workspace.getConfiguration('ldManifest.request', scope);
  const caFile = config.get<string>('caFile')?.trim();
  const key = config.get<string>('featureStoreKey')?.trim();
  return {
    timeoutMs: Math.min(MAX_TIMEOUT_SECONDS, Math.max(1, config.get<number>('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS)) * 1000,
    maxBodyBytes: Math.max(1, config.get<number>('maxResponseBytes') ?? DEFAULT_MAX_RESPONSE_BYTES),
    caFile: caFile ? resolveAgainstWorkspace(caFile, scope) : undefined,
    featureStoreKey: key || undefined,
  };
}

/** A relative path is the workspace folder's; kept as text (the desktop reads it by path, the browser not at all). */
function resolveAgainstWorkspace(file: string, scope: vscode.Uri): string {
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return file;
  const folder = vscode.workspace.getWorkspaceFolder(scope);
  return folder ? vscode.Uri.joinPath(folder.uri, file).fsPath : file;
}
