// Answers the worker server's file requests (protocol.ts: ReadWorkspaceFileRequest,
// ListWorkspaceFolderRequest) through vscode.workspace.fs, which reaches github.dev's virtual file
// system and vscode.dev's local folders alike. The bounds are the Node host's: only regular files
// inside a workspace folder, at most MAX_FILE_BYTES, nothing under `.git`; a symbolic link is not
// followed (the browser cannot tell where it leads), and a path with `.` or `..` segments is refused.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ListWorkspaceFolderRequest, ReadWorkspaceFileRequest, type WorkspaceFileResult, type WorkspaceFolderResult } from '../../../server/src/protocol';

/** Icons, templates, samples, schemas and sibling manifests: generous for a manifest, bounded for anything else. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_FOLDER_ENTRIES = 5000;

export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [client.onRequest(ReadWorkspaceFileRequest, ({ uri }) => readWorkspaceFile(uri)), client.onRequest(ListWorkspaceFolderRequest, ({ uri }) => listWorkspaceFolder(uri))];
}

/** The URI when it names something inside a workspace folder (not under `.git`), else why not. */
function placed(text: string): { uri: vscode.Uri } | WorkspaceFileResult {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text, true);
  } catch {
    return { kind: 'missing' };
  }
  const segments = uri.path.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return { kind: 'outside' };
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return { kind: 'outside' };
  const below = uri.path.slice(folder.uri.path.length).split('/');
  if (below.includes('.git')) return { kind: 'unreadable', reason: 'it is inside a .git folder, which is never read' };
  return { uri };
}

export async function readWorkspaceFile(text: string): Promise<WorkspaceFileResult> {
  const where = placed(text);
  if (!('uri' in where)) return where;
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(where.uri);
  } catch (error) {
    return notThere(error);
  }
  if ((stat.type & vscode.FileType.SymbolicLink) !== 0) return { kind: 'unreadable', reason: 'it is a symbolic link, which is not followed here' };
  if ((stat.type & vscode.FileType.File) === 0) return { kind: 'unreadable', reason: (stat.type & vscode.FileType.Directory) !== 0 ? 'it is a folder' : 'it is not a regular file' };
  if (stat.size > MAX_FILE_BYTES) return { kind: 'unreadable', reason: `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(where.uri);
  } catch (error) {
    return notThere(error);
  }
  // The size may have grown between the two calls.
  if (bytes.length > MAX_FILE_BYTES) return { kind: 'unreadable', reason: `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes) };
}

export async function listWorkspaceFolder(text: string): Promise<WorkspaceFolderResult> {
  const where = placed(text);
  if (!('uri' in where)) return { listed: false };
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(where.uri);
  } catch {
    return { listed: false };
  }
  const folders: string[] = [];
  const files: string[] = [];
  for (const [name, type] of entries.slice(0, MAX_FOLDER_ENTRIES)) {
    // As on Node, a symbolic link is neither a folder nor a file of the listing.
    if (type === vscode.FileType.Directory) folders.push(name);
    else if (type === vscode.FileType.File) files.push(name);
  }
  return { listed: true, folders, files };
}

function notThere(error: unknown): WorkspaceFileResult {
  if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) return { kind: 'missing' };
  return { kind: 'unreadable', reason: `the editor could not read it (${error instanceof Error ? error.message : String(error)})` };
}
