// The language server: adapts the protocol to the language service and decides nothing about
// manifests. It owns settings (pulled per document), scheduling (push with a typing delay for
// clients without pull diagnostics), pull diagnostics with result ids, cancellation, and the
// registration of the file watching the engine's reads depend on. The same server runs as a Node
// process (node/serverMain.ts) and as a browser worker (browser/workerServer.ts); what differs (how
// files are read, how to yield) comes in a ServerPlatform.
import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ManifestDocument } from '../engine/manifestDocument';
import { LanguageService, type DocumentSettings } from '../engine/languageService';
import { templateTokenLegend } from '../engine/templates';
import { COMMANDS, SchemaStatusNotification, type SchemaStatusParams } from '../protocol';
import { readSettings, type ServerSettings } from './settings';
import { registerRequestHandlers } from './requestHandlers';
import { integrationPreviewLenses, registerIntegrationPreviewHandler } from './integrationPreviewHandler';
import { storeLenses } from '../launchdarkly/storeLenses';
import type { ServerPlatform } from './serverPlatform';

/** How long typing must pause before a push client's changed document is checked again. */
const CHANGE_DEBOUNCE_MS = 120;
/** Documents larger than this are checked in steps, with other messages let in between. */
const INTERLEAVE_ABOVE_CHARACTERS = 100_000;
/** What the engine reads beside manifests: a change to one of these may change a document's problems. */
const WATCHED_GLOBS = ['**/manifest.json', '**/manifest.schema.json', '**/*.svg', '**/*.hbs', '**/sample-responses/*.json', '**/sample-requests/*.json'];

/** How many times diagnostics wait for files a host reads late (through the client) before answering. */
const MAX_READ_ROUNDS = 8;

export function startLanguageServer(connection: Connection, platform: ServerPlatform): void {
  const documents = new TextDocuments(TextDocument);
  const service = new LanguageService(platform.host);

  /** Snapshots by URI, each of the version it was made from (the open TextDocument is updated in place). */
  const snapshots = new Map<string, ManifestDocument>();
  /** The settings, read once and kept until the configuration changes. */
  let settings: Promise<ServerSettings> | undefined;
  /** The last diagnostics answered or pushed per URI, with the result id a pull client echoes back. */
  const lastReports = new Map<string, { resultId: string; text: string; diagnostics: Diagnostic[] }>();
  const lastStatus = new Map<string, string>();
  const pendingPushes = new Map<string, ReturnType<typeof setTimeout>>();
  const reportedSettingProblems = new Set<string>();
  let nextResultId = 1;
  let pullDiagnostics = false;
  let canPullConfiguration = false;
  let canRegisterWatchers = false;
  let canRefreshDiagnostics = false;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    canPullConfiguration = capabilities.workspace?.configuration === true;
    canRegisterWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canRefreshDiagnostics = capabilities.workspace?.diagnostics?.refreshSupport === true;
    platform.allowWorkspace(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'ld-manifest', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
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
        codeLensProvider: { resolveProvider: false },
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: {
          legend: { tokenTypes: [...templateTokenLegend.tokenTypes], tokenModifiers: [...templateTokenLegend.tokenModifiers] },
          full: true,
        },
      },
      serverInfo: { name: 'ld-manifest-language-server' },
    };
  });

  connection.onInitialized(() => {
    // Clients other than VS Code learn here which files to report; VS Code does too.
    if (canRegisterWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    }
  });

  /** The snapshot of an open document, made once per version. */
  function snapshotOf(uri: string): ManifestDocument | undefined {
    const text = documents.get(uri);
    if (!text) return undefined;
    const known = snapshots.get(uri);
    if (known?.text.version === text.version) return known;
    if (!rooted.has(uri)) {
      rooted.add(uri);
      platform.allowDocument(uri);
    }
    const doc = service.snapshot(uri, text.getText(), text.version);
    snapshots.set(uri, doc);
    return doc;
  }

  /** Documents whose repository is already allowed: found once per document, not once per version. */
  const rooted = new Set<string>();

  function settingsOf(): Promise<ServerSettings> {
    if (!settings) {
      const reading = readSettings(connection, canPullConfiguration);
      settings = reading;
      // A failed read is not kept: the next request asks again.
      reading.catch(() => {
        if (settings === reading) settings = undefined;
      });
    }
    return settings;
  }

  function engineSettings(settings: ServerSettings): DocumentSettings {
    return { schema: settings.schema, severity: settings.severity.overrides };
  }

  /** Lets queued messages (an edit, a cancellation) in before long work, so they can supersede it. */
  const yieldToQueue = () => platform.yieldToQueue();

  class Superseded extends Error {}

  /**
   * The diagnostics of the current version of a document. Throws Superseded when the request was
   * cancelled or the document changed while settings were read: the newer version gets its own answer.
   */
  async function currentDiagnostics(uri: string, token?: CancellationToken): Promise<{ doc: ManifestDocument; diagnostics: Diagnostic[] } | undefined> {
    const doc = snapshotOf(uri);
    if (!doc) return undefined;
    const settings = await settingsOf();
    reportSettingProblems(settings);
    const engine = engineSettings(settings);
    // A typical manifest is checked in about a millisecond: only a large one is worth interleaving.
    const interleave = doc.text.getText().length > INTERLEAVE_ABOVE_CHARACTERS;
    for (let round = 1; ; round++) {
      const steps = service.diagnosticsInSteps(doc, engine);
      await yieldToQueue();
      let diagnostics: Diagnostic[];
      for (;;) {
        if (token?.isCancellationRequested || snapshotOf(uri) !== doc) throw new Superseded();
        const step = steps.next();
        if (step.done) {
          diagnostics = step.value;
          break;
        }
        if (interleave) await yieldToQueue();
      }
      // A host that reads through the client answers a first read "missing" and fetches the file: the
      // check is made again once what it asked for has arrived, so a file that exists is never reported
      // missing on its way. The Node host reads at once and never waits here.
      if (round < MAX_READ_ROUNDS && (await platform.readsArrived())) continue;
      sendSchemaStatus(uri, engine);
      return { doc, diagnostics };
    }
  }

  /** A result id that changes only when the diagnostics do, so that an unchanged document costs nothing to send. */
  function reportFor(uri: string, diagnostics: Diagnostic[]): { resultId: string; changed: boolean } {
    const last = lastReports.get(uri);
    // The same snapshot answers with the same (memoized) list: no need to compare its text.
    if (last?.diagnostics === diagnostics) return { resultId: last.resultId, changed: false };
    const text = JSON.stringify(diagnostics);
    if (last && last.text === text) {
      lastReports.set(uri, { ...last, diagnostics });
      return { resultId: last.resultId, changed: false };
    }
    const resultId = String(nextResultId++);
    lastReports.set(uri, { resultId, text, diagnostics });
    return { resultId, changed: true };
  }

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    try {
      const result = await currentDiagnostics(uri, token);
      if (!result) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const { resultId, changed } = reportFor(uri, result.diagnostics);
      if (!changed && params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: result.diagnostics };
    } catch (error) {
      if (error instanceof Superseded) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; diagnostics are computed for the new version.', { retriggerRequest: true });
      reportFailure('diagnostics', uri, error);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });

  async function push(uri: string): Promise<void> {
    try {
      const result = await currentDiagnostics(uri);
      if (result && reportFor(uri, result.diagnostics).changed) {
        await connection.sendDiagnostics({ uri, version: result.doc.text.version, diagnostics: result.diagnostics });
      }
    } catch (error) {
      if (!(error instanceof Superseded)) reportFailure('checking', uri, error);
    }
  }

  function schedulePush(uri: string, delay: number): void {
    if (pullDiagnostics) return;
    clearTimeout(pendingPushes.get(uri));
    pendingPushes.set(
      uri,
      setTimeout(() => {
        pendingPushes.delete(uri);
        void push(uri);
      }, delay),
    );
  }

  /** Documents whose problems may have changed without an edit (settings, files on disk). */
  function recheck(uris: Iterable<string>): void {
    if (pullDiagnostics) {
      // A pull client that cannot be asked to refresh sees the change at its next pull (the next edit).
      if (canRefreshDiagnostics) void connection.languages.diagnostics.refresh();
      return;
    }
    for (const uri of uris) if (documents.get(uri)) schedulePush(uri, 0);
  }

  function sendSchemaStatus(uri: string, settings: DocumentSettings): void {
    const status = service.schemaStatus(uri, settings);
    const params: SchemaStatusParams = { uri, origin: status.origin, schemaUri: status.uri, fallbackReason: status.fallbackReason };
    const text = JSON.stringify(params);
    if (lastStatus.get(uri) === text) return;
    lastStatus.set(uri, text);
    void connection.sendNotification(SchemaStatusNotification, params);
  }

  /** A mistake in `ldManifest.severity` is shown once, not ignored: a misspelt code would leave a rule on. */
  function reportSettingProblems(settings: ServerSettings): void {
    for (const problem of settings.severity.problems) {
      if (reportedSettingProblems.has(problem.message)) continue;
      reportedSettingProblems.add(problem.message);
      void connection.window.showWarningMessage(problem.message);
    }
  }

  function reportFailure(what: string, uri: string, error: unknown): void {
    connection.console.error(`${what} ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  /**
   * Runs a feature on the current snapshot. A request cancelled, or superseded by an edit, before the
   * work starts answers "cancelled"; a failing feature is logged and answers its empty result, so no
   * document can take the server down.
   */
  function handler<P extends { textDocument: { uri: string } }, R>(
    what: string,
    fallback: R,
    feature: (doc: ManifestDocument, params: P, settings: DocumentSettings) => R,
    needsSettings = false,
  ): (params: P, token: CancellationToken) => Promise<R> {
    return async (params, token) => {
      const uri = params.textDocument.uri;
      const doc = snapshotOf(uri);
      if (!doc) return fallback;
      const settings = needsSettings ? engineSettings(await settingsOf()) : { schema: 'auto' as const };
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      if (snapshotOf(uri) !== doc) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed.');
      try {
        return feature(doc, params, settings);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        reportFailure(what, uri, error);
        return fallback;
      }
    };
  }

  // TextDocuments reports an opened document's content as a change too; that first "change" must not
  // push the immediate check of a newly opened document back by the typing delay.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    schedulePush(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    if (justOpened.delete(event.document.uri)) return;
    schedulePush(event.document.uri, CHANGE_DEBOUNCE_MS);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    justOpened.delete(uri);
    clearTimeout(pendingPushes.get(uri));
    pendingPushes.delete(uri);
    snapshots.delete(uri);
    rooted.delete(uri);
    lastReports.delete(uri);
    lastStatus.delete(uri);
    service.forget(uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration(() => {
    settings = undefined;
    reportedSettingProblems.clear();
    service.settingsChanged();
    recheck(documents.keys());
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const affected = new Set<string>();
    for (const change of changes) {
      platform.invalidate(change.uri);
      for (const uri of service.fileChanged(change.uri)) affected.add(uri);
    }
    if (affected.size > 0) recheck(affected);
  });
  // Files a late-reading host fetched outside a check (for a hover, a completion): the documents that
  // wanted them are checked again, as for a change on disk.
  platform.onReadsArrived((uris) => {
    const affected = new Set<string>();
    for (const uri of uris) for (const document of service.fileChanged(uri)) affected.add(document);
    if (affected.size > 0) recheck(affected);
  });

  connection.onCompletion(handler('completion', null, (doc, { position }, settings) => service.completion(doc, position, settings), true));
  connection.onHover(handler('hover', null, (doc, { position }, settings) => service.hover(doc, position, settings), true));
  connection.onDefinition(handler('definition', [], (doc, { position }) => service.definition(doc, position)));
  connection.onReferences(handler('references', [], (doc, { position, context }) => service.references(doc, position, context.includeDeclaration)));
  connection.onDocumentHighlight(handler('highlights', [], (doc, { position }) => service.highlights(doc, position)));
  connection.onPrepareRename(
    handler('rename', null, (doc, { position }) => {
      const result = service.prepareRename(doc, position);
      if (result && 'error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return result ?? null;
    }),
  );
  connection.onRenameRequest(
    handler('rename', null, (doc, { position, newName }) => {
      const result = service.rename(doc, position, newName);
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return result;
    }),
  );
  connection.onCodeAction(handler('code actions', [], (doc, { range, context }) => service.codeActions(doc, range, context.diagnostics)));
  connection.onCodeLens(
    handler('code lenses', [], (doc) => [
      ...service.requestLenses(doc).flatMap(({ range, kind }) => {
        const args = [{ uri: doc.uri, kind }];
        const test = kind === 'validation' ? { title: 'Test validation request', command: COMMANDS.testValidation } : { title: 'Test feature store request', command: COMMANDS.testFeatureStore };
        return [
          { range, command: { ...test, arguments: args } },
          { range, command: { title: 'Preview request', command: COMMANDS.preview, arguments: args } },
          { range, command: { title: 'Copy as curl', command: COMMANDS.copyCurl, arguments: args } },
        ];
      }),
      ...integrationPreviewLenses(doc),
      ...storeLenses(doc),
      ...service.templatePreviewLenses(doc).map(({ range, template }) => ({
        range,
        command: { title: template ? 'Preview rendered body' : 'Preview rendered templates', command: COMMANDS.previewTemplates, arguments: [{ uri: doc.uri, ...(template ? { template } : {}) }] },
      })),
    ]),
  );
  connection.onDocumentLinks(handler('document links', [], (doc) => service.documentLinks(doc)));
  connection.languages.semanticTokens.on(handler('semantic tokens', { data: [] }, (doc) => service.semanticTokens(doc)));
  connection.onDocumentFormatting(handler('formatting', [], (doc, params) => service.format(doc, params.options)));
  connection.onDocumentRangeFormatting(handler('formatting', [], (doc, params) => service.format(doc, params.options, params.range)));
  connection.onFoldingRanges(handler('folding', [], (doc) => service.foldingRanges(doc)));
  connection.onSelectionRanges(handler('selection ranges', [], (doc, params) => service.selectionRanges(doc, params.positions)));
  connection.onDocumentSymbol(handler('document symbols', [], (doc) => service.documentSymbols(doc)));
  registerRequestHandlers(connection, snapshotOf, (doc, template) => service.templatePreviews(doc, { template }));
  registerIntegrationPreviewHandler(connection, snapshotOf, service);

  documents.listen(connection);
  connection.listen();
}
