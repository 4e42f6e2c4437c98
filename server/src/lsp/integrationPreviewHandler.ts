// *Preview Integration* on the server side: the request that renders the integration preview of an
// open manifest's current snapshot (the page, its body, or the Markdown for a pull request), and the
// code lens that opens it. Every answer says `ok` or why not; a failure is logged and becomes a message,
// never a raw error.
import type { CodeLens, Connection } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { nodeRange, type ManifestDocument } from '../engine/manifestDocument';
import { renderPreviewBody, renderPreviewPage } from '../engine/integrationPreview/render/htmlPage';
import { previewMarkdownReport } from '../engine/integrationPreview/render/markdownReport';
import type { FormValues } from '../engine/integrationPreview/model';
import { isTemplateFileUri } from '../engine/templateFiles/templateFileContext';
import { IntegrationPreviewRequest, PREVIEW_INTEGRATION_COMMAND, type IntegrationPreviewParams, type IntegrationPreviewResult } from '../protocol';

const NOT_OPEN = 'the manifest is not open in the language server (open it as a LaunchDarkly Integration Manifest)';
/** The largest script a page inlines: the client's is a few kilobytes. */
const MAX_SCRIPT_CHARACTERS = 100_000;

export function registerIntegrationPreviewHandler(connection: Connection, snapshotOf: (uri: string) => ManifestDocument | undefined, service: LanguageService): void {
  connection.onRequest(IntegrationPreviewRequest, (params): IntegrationPreviewResult => {
    try {
      return answer(params, snapshotOf, service);
    } catch (error) {
      connection.console.error(`the integration preview failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { ok: false, problem: `the language server could not make the preview: ${error instanceof Error ? error.message : String(error)}` };
    }
  });
}

function answer(params: IntegrationPreviewParams, snapshotOf: (uri: string) => ManifestDocument | undefined, service: LanguageService): IntegrationPreviewResult {
  const uri = (params as { uri?: unknown } | null)?.uri;
  if (typeof uri !== 'string') return { ok: false, problem: 'the request names no manifest (`uri` is missing)' };
  const doc = snapshotOf(uri);
  if (!doc) return { ok: false, problem: NOT_OPEN };
  if (isTemplateFileUri(doc.uri)) return { ok: false, problem: 'a template file has no integration preview: open its manifest' };
  const values = typeof params.values === 'object' && params.values !== null ? (params.values as FormValues) : {};
  const preview = service.integrationPreview(doc, { ...(typeof params.event === 'string' ? { event: params.event } : {}), values });
  const title = preview.card.name?.text ?? preview.manifest;
  const base = { ok: true as const, version: doc.text.version, title };
  if (params.format === 'markdown') return { ...base, text: previewMarkdownReport(preview) };
  if (params.format === 'body') return { ...base, text: renderPreviewBody(preview, { interactive: true }) };
  const page = params.page;
  if (params.format !== 'page' || typeof page?.nonce !== 'string' || typeof page.cspSource !== 'string' || typeof page.script !== 'string' || page.script.length > MAX_SCRIPT_CHARACTERS) {
    return { ok: false, problem: "`format` must be 'page' (with the webview's nonce, cspSource and script), 'body' or 'markdown'" };
  }
  return { ...base, text: renderPreviewPage(preview, { standalone: false, nonce: page.nonce, cspSource: page.cspSource, script: page.script }) };
}

/** The "Preview integration" lens, above the manifest's first key (its `name`, usually). */
export function integrationPreviewLenses(doc: ManifestDocument): CodeLens[] {
  if (isTemplateFileUri(doc.uri) || doc.root?.type !== 'object') return [];
  const first = doc.root.children?.[0]?.children?.[0];
  if (!first) return [];
  return [{ range: nodeRange(doc, first), command: { title: 'Preview integration', command: PREVIEW_INTEGRATION_COMMAND, arguments: [{ uri: doc.uri }] } }];
}
