// Shared by the integration preview tests: a manifest in an in-memory workspace, previewed through the
// language service (so its problems come from the same analysis as the editor's).
import { LanguageService } from '../../server/src/engine/languageService';
import type { IntegrationPreview, IntegrationPreviewOptions } from '../../server/src/engine/integrationPreview/model';
import { memoryHost } from '../support/memoryHost';
import { manifestText } from '../support/manifests';

export const PREVIEW_URI = 'file:///ws/integrations/acme/manifest.json';
export const PLAIN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="2" height="2" fill="#123456"/></svg>';

/** Files beside the manifest by relative path; both icons are plain SVGs unless given. */
export function previewOf(manifest: unknown, files: Record<string, string> = {}, options: IntegrationPreviewOptions = {}): { preview: IntegrationPreview; text: string } {
  const all: Record<string, string> = { 'assets/images/square.svg': PLAIN_SVG, 'assets/images/horizontal.svg': PLAIN_SVG, ...files };
  const host = memoryHost(Object.fromEntries(Object.entries(all).map(([path, text]) => [new URL(path, PREVIEW_URI).href, text])));
  const service = new LanguageService(host);
  const text = typeof manifest === 'string' ? manifest : manifestText(manifest);
  return { preview: service.integrationPreview(service.snapshot(PREVIEW_URI, text), options), text };
}

/** The text a range covers. */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}
