// Wires the pure language services to an LSP connection. Nothing here decides what a manifest
// means: each handler takes the (cached) parse of the document and calls one or more services.
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  ProposedFeatures,
  ResponseError,
  ErrorCodes,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fromTextDocument, type ManifestDocument } from './manifestDocument';
import { lintManifest, detachedEnvironment } from './lint';
import { resolveSchemaContext, type SchemaContext } from './schema/schemaContext';
import { completion } from './completion';
import { hover } from './hover';
import { formatDocument } from './formatting';
import { foldingRanges } from './folding';
import { selectionRanges } from './selectionRanges';
import { documentSymbols } from './documentSymbols';
import { schemaCodeActions } from './schemaCodeActions';
import { nodeRuleEnvironment, pointerCompletion, pointerHover, ruleCodeActions, ruleDocumentLinks, type RuleEnvironment } from './rules';
import {
  prepareTemplateRename,
  templateCodeActions,
  templateCompletion,
  templateDefinition,
  templateHighlights,
  templateHover,
  templateReferences,
  templateRename,
  templateSemanticTokens,
  templateTokenLegend,
} from './templates';
import { readSettings, type ServerSettings } from './lsp/settings';

const SCHEMA_STATUS_NOTIFICATION = 'ldManifest/schemaStatus';
/** How long typing must pause before a changed document is checked again. */
const CHANGE_DEBOUNCE_MS = 120;

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
/** Parses by URI with the version they were made from (the TextDocument itself is updated in place). */
const parsed = new Map<string, { version: number; doc: ManifestDocument }>();
/** Rule environments by URI: they cache what they read of the workspace until files change. */
const environments = new Map<string, RuleEnvironment>();
const pendingChecks = new Map<string, NodeJS.Timeout>();
interface DocumentContext {
  readonly settings: ServerSettings;
  readonly schema: SchemaContext;
}
const contexts = new Map<string, Promise<DocumentContext>>();
const reportedSettingProblems = new Set<string>();
let canPullConfiguration = false;

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['"', ':', '{', '/'] },
      hoverProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      documentLinkProvider: { resolveProvider: false },
      semanticTokensProvider: {
        legend: { tokenTypes: [...templateTokenLegend.tokenTypes], tokenModifiers: [...templateTokenLegend.tokenModifiers] },
        full: true,
      },
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

function filePathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function environmentOf(uri: string): RuleEnvironment {
  const path = filePathOf(uri);
  if (!path) return detachedEnvironment;
  let environment = environments.get(uri);
  if (!environment) environments.set(uri, (environment = nodeRuleEnvironment(path)));
  return environment;
}

/**
 * The settings and schema in force for a document, asked for once and kept until the configuration
 * or watched files change (or the document closes): completion and hover must not wait on a settings
 * round trip and a walk up the folders each time.
 */
function contextOf(uri: string): Promise<DocumentContext> {
  let context = contexts.get(uri);
  if (!context) {
    context = readSettings(connection, canPullConfiguration, uri).then((settings) => ({
      settings,
      schema: resolveSchemaContext(filePathOf(uri), settings.schema),
    }));
    contexts.set(uri, context);
    // A failed read is not kept: the next request asks again.
    context.catch(() => contexts.delete(uri));
  }
  return context;
}

async function check(uri: string): Promise<void> {
  const doc = manifestOf(uri);
  if (!doc) return;
  const { settings, schema } = await contextOf(uri);
  if (manifestOf(uri) !== doc) return; // changed while the settings were read: a newer check follows
  reportSettingProblems(settings);
  const diagnostics = lintManifest(doc, { schema, environment: environmentOf(uri), severity: settings.severity.overrides });
  await connection.sendDiagnostics({ uri, version: parsed.get(uri)?.version, diagnostics });
  const origin = schema.origin;
  await connection.sendNotification(SCHEMA_STATUS_NOTIFICATION, {
    uri,
    origin: origin.kind,
    path: origin.kind === 'bundled' ? undefined : origin.path,
    fallbackReason: schema.fallbackReason,
  });
}

/** A mistake in `ldManifest.severity` is shown once, not ignored: a misspelt code would leave a rule on. */
function reportSettingProblems(settings: ServerSettings): void {
  for (const problem of settings.severity.problems) {
    if (reportedSettingProblems.has(problem.message)) continue;
    reportedSettingProblems.add(problem.message);
    void connection.window.showWarningMessage(problem.message);
  }
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

function recheckAll(): void {
  for (const document of documents.all()) scheduleCheck(document.uri, 0);
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
      if (error instanceof ResponseError) throw error;
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
  const uri = event.document.uri;
  justOpened.delete(uri);
  clearTimeout(pendingChecks.get(uri));
  pendingChecks.delete(uri);
  parsed.delete(uri);
  environments.delete(uri);
  contexts.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});
connection.onDidChangeConfiguration(() => {
  contexts.clear();
  reportedSettingProblems.clear();
  recheckAll();
});
connection.onDidChangeWatchedFiles(() => {
  // Icons, templates, sample responses, schemas or other manifests changed on disk.
  environments.clear();
  contexts.clear();
  recheckAll();
});

connection.onCompletion(
  guarded('completion', null, async (doc, { position }) => {
    const special = pointerCompletion(doc, position, environmentOf(doc.uri)) ?? templateCompletion(doc, position);
    if (special) return { isIncomplete: false, items: special };
    return completion(doc, position, (await contextOf(doc.uri)).schema.schema);
  }),
);
connection.onHover(
  guarded('hover', null, async (doc, { position }) =>
    pointerHover(doc, position, environmentOf(doc.uri)) ?? templateHover(doc, position) ?? hover(doc, position, (await contextOf(doc.uri)).schema.schema),
  ),
);
connection.onDefinition(guarded('definition', [], (doc, { position }) => templateDefinition(doc, position)));
connection.onReferences(guarded('references', [], (doc, { position, context }) => templateReferences(doc, position, context.includeDeclaration)));
connection.onDocumentHighlight(guarded('highlights', [], (doc, { position }) => templateHighlights(doc, position)));
connection.onPrepareRename(
  guarded('rename', null, (doc, { position }) => {
    const result = prepareTemplateRename(doc, position);
    if (result && 'error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return result ?? null;
  }),
);
connection.onRenameRequest(
  guarded('rename', null, (doc, { position, newName }) => {
    const result = templateRename(doc, position, newName);
    if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return result;
  }),
);
connection.onCodeAction(
  guarded('code actions', [], (doc, { range, context }) => [
    ...schemaCodeActions(doc, context.diagnostics),
    ...templateCodeActions(doc, range, context.diagnostics),
    ...ruleCodeActions(doc, range, context.diagnostics),
  ]),
);
connection.onDocumentLinks(guarded('document links', [], (doc) => ruleDocumentLinks(doc, environmentOf(doc.uri))));
connection.languages.semanticTokens.on(guarded('semantic tokens', { data: [] }, (doc) => templateSemanticTokens(doc)));
connection.onDocumentFormatting(guarded('formatting', [], (doc, params) => formatDocument(doc, params.options)));
connection.onDocumentRangeFormatting(guarded('formatting', [], (doc, params) => formatDocument(doc, params.options, params.range)));
connection.onFoldingRanges(guarded('folding', [], (doc) => foldingRanges(doc)));
connection.onSelectionRanges(guarded('selection ranges', [], (doc, params) => selectionRanges(doc, params.positions)));
connection.onDocumentSymbol(guarded('document symbols', [], (doc) => documentSymbols(doc)));

documents.listen(connection);
connection.listen();
