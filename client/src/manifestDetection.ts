// Which JSON documents are integration manifests. The file pattern `**/integrations/*/manifest.json`
// is declared in package.json; any other `manifest.json` is recognised by its content.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol';

export { LANGUAGE_ID };

/** Top-level keys that only an integration manifest has together. */
const SIGNATURE_KEYS = ['"capabilities"', '"otherCapabilities"', '"formVariables"', '"supportEmail"', '"categories"', '"icons"'];

export function looksLikeIntegrationManifest(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  const hits = SIGNATURE_KEYS.filter((key) => head.includes(key)).length;
  return hits >= 2 && head.includes('"overview"');
}

export function isManifestFileName(uri: vscode.Uri): boolean {
  return /(^|\/)manifest\.json$/i.test(uri.path);
}

/** Switches a plain JSON `manifest.json` to the manifest language when its content says it is one. */
export async function adoptIfManifest(document: vscode.TextDocument): Promise<vscode.TextDocument> {
  if (document.languageId !== 'json' || !isManifestFileName(document.uri)) return document;
  if (!vscode.workspace.getConfiguration('ldManifest', document.uri).get<boolean>('detectByContent', true)) return document;
  if (looksLikeIntegrationManifest(document.getText())) {
    return vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  }
  return document;
}
