// Shared by the integration preview tests: a manifest in an in-memory workspace, previewed through the
// language service (so its problems come from the same analysis as the editor's).
import { LanguageService } from '../../server/src/engine/languageService';
import type { IntegrationPreview, IntegrationPreviewOptions } from '../../server/src/engine/integrationPreview/model';
import type { ManifestDocument } from '../../server/src/engine/manifestDocument';
import { memoryHost } from '../support/memoryHost';
import { manifestText } from '../support/manifests';

export const PREVIEW_URI = 'file:///ws/integrations/acme/manifest.json';
export const PLAIN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="2" height="2" fill="#123456"/></svg>';

/** Files beside the manifest by relative path; both icons are plain SVGs unless given. */
/** The preview and the snapshot it was made from (`doc.text.getText(range)` reads an element's text). */
export function previewOf(manifest: unknown, files: Record<string, string> = {}, options: IntegrationPreviewOptions = {}): { preview: IntegrationPreview; doc: ManifestDocument } {
  const all: Record<string, string> = { 'assets/images/square.svg': PLAIN_SVG, 'assets/images/horizontal.svg': PLAIN_SVG, ...files };
  const host = memoryHost(Object.fromEntries(Object.entries(all).map(([path, text]) => [new URL(path, PREVIEW_URI).href, text])));
  const service = new LanguageService(host);
  const text = typeof manifest === 'string' ? manifest : manifestText(manifest);
  const doc = service.snapshot(PREVIEW_URI, text);
  return { preview: service.integrationPreview(doc, options), doc };
}
