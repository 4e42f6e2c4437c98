// The `ldManifest.request.*` settings, read fresh on every run so a change applies at once.
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { caProblem, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS } from '../../../server/src/request/send';

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

/** The extra CA's PEM text; throws with a message naming the file when it cannot be read. */
export async function readCaFile(file: string): Promise<string> {
  let pem: string;
  try {
    const info = await stat(file);
    // A CA bundle is a few hundred KB at most; a FIFO or a device is never read.
    if (!info.isFile() || info.size > 4 * 1024 * 1024) throw new Error('it is not a regular file of at most 4 MB');
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`the CA file of ldManifest.request.caFile (${file}) cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const problem = caProblem(pem);
  if (problem) throw new Error(`the CA file of ldManifest.request.caFile (${file}) is not usable: ${problem}`);
  return pem;
}

function resolveAgainstWorkspace(file: string, scope: vscode.Uri): string {
  if (path.isAbsolute(file)) return file;
  const folder = vscode.workspace.getWorkspaceFolder(scope);
  return folder ? path.join(folder.uri.fsPath, file) : file;
}
