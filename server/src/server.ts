// Wires the pure language services to an LSP connection. Nothing here decides what a manifest
// means: each handler parses (or reuses the parse of) the document and calls one service.
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fromTextDocument, type ManifestDocument } from './manifestDocument';
import { lintManifest } from './lint';
import { resolveSchemaContext, type SchemaContext, type SchemaSetting } from './schema/schemaContext';
import { completion } from './completion';
import { hover } from './hover';
import { formatDocument } from './formatting';
import { foldingRanges } from './folding';
import { selectionRanges } from './selectionRanges';
import { documentSymbols } from './documentSymbols';

const SCHEMA_STATUS_NOTIFICATION = 'ldManifest/schemaStatus';
/** How long typing must pause before a changed document is checked again. */
const CHANGE_DEBOUNCE_MS = 120;

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
/** Parses by URI with the version they were made from (the TextDocument itself is updated in place). */
const parsed = new Map<string, { version: number; doc: ManifestDocument }>();
const pendingChecks = new Map<string, NodeJS.Timeout>();
let canPullConfiguration = false;

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['"', ':'] },
      hoverProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      documentSymbolProvider: true,
    },
    serverInfo: { name: 'ld-manifest-language-server' },
  };
});

/** The parse of an open document, made once per version. */
function manifestOf(uri: string): ManifestDocument | undefined {
  const text = documents.get(uri);
  if (!text) return undefined;
  const cached = parsed.get(uri);
  if (cached?.version === text.version) return cached.doc;
  const doc = fromTextDocument(text);
  parsed.set(uri, { version: text.version, doc });
  return doc;
}

async function schemaSettingFor(uri: string): Promise<SchemaSetting> {
  if (!canPullConfiguration) return 'auto';
  const value: unknown = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'ldManifest.schema' });
  return value === 'bundled' || value === 'workspace' ? value : 'auto';
}

async function schemaFor(uri: string): Promise<SchemaContext> {
  const path = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  return resolveSchemaContext(path, await schemaSettingFor(uri));
}

async function check(uri: string): Promise<void> {
  const doc = manifestOf(uri);
  if (!doc) return;
  const schema = await schemaFor(uri);
  if (manifestOf(uri) !== doc) return; // changed while the settings were read: a newer check follows
  const diagnostics = lintManifest(doc, { schema });
  await connection.sendDiagnostics({ uri, version: parsed.get(uri)?.version, diagnostics });
  const origin = schema.origin;
  await connection.sendNotification(SCHEMA_STATUS_NOTIFICATION, {
    uri,
    origin: origin.kind,
    path: origin.kind === 'bundled' ? undefined : origin.path,
    fallbackReason: schema.fallbackReason,
  });
}

function scheduleCheck(uri: string, delay: number): void {
  clearTimeout(pendingChecks.get(uri));
  pendingChecks.set(
    uri,
    setTimeout(() => {
      pendingChecks.delete(uri);
      check(uri).catch((error: unknown) => reportFailure('checking', uri, error));
    }, delay),
  );
}

function reportFailure(what: string, uri: string, error: unknown): void {
  connection.console.error(`${what} ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** Runs a service so that no document can take the server down: a failure is logged, not thrown. */
function guarded<P extends { textDocument: { uri: string } }, R>(
  what: string,
  fallback: R,
  service: (doc: ManifestDocument, params: P) => R | Promise<R>,
): (params: P) => Promise<R> {
  return async (params) => {
    const doc = manifestOf(params.textDocument.uri);
    if (!doc) return fallback;
    try {
      return await service(doc, params);
    } catch (error) {
      reportFailure(what, params.textDocument.uri, error);
      return fallback;
    }
  };
}

// TextDocuments reports an opened document's content as a change too; that first "change" must
// not push the immediate check of a newly opened document back by the typing delay.
const justOpened = new Set<string>();
documents.onDidOpen((event) => {
  justOpened.add(event.document.uri);
  scheduleCheck(event.document.uri, 0);
});
documents.onDidChangeContent((event) => {
  if (justOpened.delete(event.document.uri)) return;
  scheduleCheck(event.document.uri, CHANGE_DEBOUNCE_MS);
});
documents.onDidClose((event) => {
  justOpened.delete(event.document.uri);
  clearTimeout(pendingChecks.get(event.document.uri));
  pendingChecks.delete(event.document.uri);
  parsed.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});
connection.onDidChangeConfiguration(() => {
  for (const document of documents.all()) scheduleCheck(document.uri, 0);
});
connection.onDidChangeWatchedFiles(() => {
  for (const document of documents.all()) scheduleCheck(document.uri, 0);
});

connection.onCompletion(
  guarded('completion', null, async (doc, params) => completion(doc, params.position, (await schemaFor(doc.uri)).schema)),
);
connection.onHover(guarded('hover', null, async (doc, params) => hover(doc, params.position, (await schemaFor(doc.uri)).schema)));
connection.onDocumentFormatting(guarded('formatting', [], (doc, params) => formatDocument(doc, params.options)));
connection.onDocumentRangeFormatting(guarded('formatting', [], (doc, params) => formatDocument(doc, params.options, params.range)));
connection.onFoldingRanges(guarded('folding', [], (doc) => foldingRanges(doc)));
connection.onSelectionRanges(guarded('selection ranges', [], (doc, params) => selectionRanges(doc, params.positions)));
connection.onDocumentSymbol(guarded('document symbols', [], (doc) => documentSymbols(doc)));

documents.listen(connection);
connection.listen();
