// Which JSON documents are integration manifests. The file pattern `**/integrations/*/manifest.json`
// is declared in package.json; any other `manifest.json` is recognised by its content.
import * as vscode from 'vscode';

export const LANGUAGE_ID = 'launchdarkly-manifest';

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
export async function adoptIfManifest(document: vscode.TextDocument): Promise<void> {
  if (document.languageId !== 'json' || !isManifestFileName(document.uri)) return;
  if (!vscode.workspace.getConfiguration('ldManifest', document.uri).get<boolean>('detectByContent', true)) return;
  if (looksLikeIntegrationManifest(document.getText())) {
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  }
}
