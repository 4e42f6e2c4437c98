// The `ldManifest.request.*` settings, read fresh on every run so a change applies at once.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_SECONDS } from '../../../server/src/request/send';

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
    timeoutMs: Math.max(1, config.get<number>('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    maxBodyBytes: Math.max(1, config.get<number>('maxResponseBytes') ?? DEFAULT_MAX_RESPONSE_BYTES),
    caFile: caFile ? resolveAgainstWorkspace(caFile, scope) : undefined,
    featureStoreKey: key || undefined,
  };
}

/** The extra CA's PEM text; throws with a message naming the file when it cannot be read. */
export async function readCaFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`the CA file of ldManifest.request.caFile (${file}) cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

function resolveAgainstWorkspace(file: string, scope: vscode.Uri): string {
  if (path.isAbsolute(file)) return file;
  const folder = vscode.workspace.getWorkspaceFolder(scope);
  return folder ? path.join(folder.uri.fsPath, file) : file;
}
