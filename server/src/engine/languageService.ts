// The language service: the one facade the LSP server, the CLI and the tests talk to. It composes the
// features and holds their policies (which feature answers hover and completion first, one problem
// one diagnostic, how many diagnostics a document gets, which code actions apply), and it keeps, per
// document URI, what the document depends on outside itself (the schema in force, the files its
// rules read) so that a changed file re-checks exactly the documents that read it.
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  Location,
  Position,
  Range,
  SelectionRange,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { memo, nodeAt, propertyKeyNode, nodeRange, parseManifest, rangeOf, type ManifestDocument } from './manifestDocument';
import { makeDiagnostic } from './diagnostics/makeDiagnostic';
import { excerpt } from './excerpt';
import type { EngineHost } from './host';
import { lintInSteps } from './lint';
import { runToEnd } from './steps';
import { REQUEST_PROPERTY, type RequestKind } from './storeRequests';
import { capDiagnostics, MAX_DIAGNOSTICS } from './diagnostics/capDiagnostics';
import { applySeverity, type SeverityOverrides } from './diagnostics/severityConfig';
import { resolveSchemaContext, type SchemaContext, type SchemaSetting } from './schema/schemaContext';
import { hostEnvironment, integrationsFolderOf, oauthKeyTable, type OauthKeyTable, type RuleEnvironment } from './rules/environment';
import { baseName } from './uris';
import { completion } from './completion';
import { segmentHover } from './syncedSegments/segmentHover';
import { isTemplateFileUri, templateFileContext, type TemplateFileContext } from './templateFiles/templateFileContext';
import { templatePreviewAnchors, templatePreviews, type PreviewOptions, type TemplatePreview } from './preview/templatePreviews';
import { integrationPreview } from './integrationPreview/integrationPreview';
import type { IntegrationPreview, IntegrationPreviewOptions } from './integrationPreview/model';
import { templateFileCompletion, templateFileDefinition, templateFileDiagnostics, templateFileHover } from './templateFiles/templateFileFeatures';
import { policyCompletion } from './policies/policyCompletion';
import { hover } from './hover';
import { formatDocument } from './formatting';
import { foldingRanges } from './folding';
import { selectionRanges } from './selectionRanges';
import { documentSymbols } from './documentSymbols';
import { schemaCodeActions } from './schemaCodeActions';
import { pointerCompletion, pointerHover, ruleCodeActions, ruleDocumentLinks } from './rules';
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
} from './templates';

export interface DocumentSettings {
  readonly schema: SchemaSetting;
  readonly severity?: SeverityOverrides;
  /** How many diagnostics a document shows (MAX_DIAGNOSTICS unless said); the CLI lists them all. */
  readonly maxDiagnostics?: number;
}

export const DEFAULT_SETTINGS: DocumentSettings = { schema: 'auto' };

/** Where a snapshot's analysis keeps the diagnostics last computed for it, under whatever settings. */
const LAST_DIAGNOSTICS = 'diagnostics:last';

/** Which schema checks a document, for the status item and "Show Schema in Use". */
export interface SchemaStatus {
  readonly origin: 'bundled' | 'workspace' | 'file';
  readonly uri?: string;
  readonly fallbackReason?: string;
}

/** A request a code lens offers to test, above the key of its property. */
export interface RequestLens {
  readonly range: Range;
  readonly kind: RequestKind;
}

export type RenameResult = WorkspaceEdit | { readonly error: string };

/** What one document reads outside itself, under one schema setting. */
interface DocumentContext {
  readonly id: number;
  readonly setting: SchemaSetting;
  readonly schema: SchemaContext;
  readonly environment: RuleEnvironment;
  /** URIs whose change changes this context, and folders any change below which does. */
  readonly files: Set<string>;
  readonly folders: Set<string>;
}

export class LanguageService {
  private readonly contexts = new Map<string, DocumentContext>();
  private readonly oauthTables = new Map<string, OauthKeyTable>();
  private nextContextId = 1;

  /**
   * `fixedSchema`: one schema for every document, whatever the setting (the CLI's `--schema FILE`).
   */
  constructor(
    private readonly host: EngineHost,
    private readonly fixedSchema?: SchemaContext,
  ) {}

  /** A snapshot of a text: the unit every other call takes. */
  snapshot(uri: string, text: string, version = 0): ManifestDocument {
    return parseManifest(uri, text, version);
  }

  /** Every problem of the snapshot under the settings, at most MAX_DIAGNOSTICS of them; computed once. */
  diagnostics(doc: ManifestDocument, settings: DocumentSettings = DEFAULT_SETTINGS): Diagnostic[] {
    return runToEnd(this.diagnosticsInSteps(doc, settings));
  }

  /** The same, in steps between which a server can answer other requests or give up. */
  *diagnosticsInSteps(doc: ManifestDocument, settings: DocumentSettings = DEFAULT_SETTINGS): Generator<void, Diagnostic[]> {
    const context = this.contextOf(doc.uri, settings.schema);
    const max = settings.maxDiagnostics ?? MAX_DIAGNOSTICS;
    const key = `diagnostics:${context.id}:${severityKey(settings.severity)}:${max}`;
    if (doc.analysis.has(key)) return doc.analysis.get(key) as Diagnostic[];
    let result: Diagnostic[];
    try {
      const found = isTemplateFileUri(doc.uri)
        ? templateFileDiagnostics(doc.text, this.templateContextOf(doc))
        : yield* lintInSteps(doc, { schema: context.schema, environment: context.environment, severity: settings.severity });
      result = capDiagnostics(settings.severity && isTemplateFileUri(doc.uri) ? applySeverity(found, settings.severity) : found, max);
    } catch (error) {
      // A bug must cost one document its analysis, not the server or the rest of a lint run.
      const reason = error instanceof Error ? error.message : String(error);
      result = [makeDiagnostic('analysis-failed', rangeOf(doc, 0, 0), `This manifest could not be analysed: ${excerpt(reason)}. Other features keep working; please report it.`)];
    }
    doc.analysis.set(key, result);
    doc.analysis.set(LAST_DIAGNOSTICS, result);
    return result;
  }

  schemaStatus(uri: string, settings: DocumentSettings = DEFAULT_SETTINGS): SchemaStatus {
    const { schema } = this.contextOf(uri, settings.schema);
    return { origin: schema.origin.kind, uri: schema.origin.kind === 'bundled' ? undefined : schema.origin.uri, fallbackReason: schema.fallbackReason };
  }

  /** Pointer completion inside parser pointers, template completion inside `{{`, policy actions and resources, else the schema's. */
  completion(doc: ManifestDocument, position: Position, settings: DocumentSettings = DEFAULT_SETTINGS): CompletionList {
    if (isTemplateFileUri(doc.uri)) return { isIncomplete: false, items: templateFileCompletion(doc.text, position, this.templateContextOf(doc)) };
    const context = this.contextOf(doc.uri, settings.schema);
    const special = pointerCompletion(doc, position, context.environment) ?? templateCompletion(doc, position) ?? policyCompletion(doc, position);
    if (special) return { isIncomplete: false, items: special };
    return completion(doc, position, context.schema.schema);
  }

  /** The most specific hover wins: a pointer's value, a template variable, else the schema's text. */
  hover(doc: ManifestDocument, position: Position, settings: DocumentSettings = DEFAULT_SETTINGS): Hover | null {
    if (isTemplateFileUri(doc.uri)) return templateFileHover(doc.text, position, this.templateContextOf(doc));
    const context = this.contextOf(doc.uri, settings.schema);
    return pointerHover(doc, position, context.environment) ?? templateHover(doc, position) ?? segmentHover(doc, position, context.environment) ?? hover(doc, position, context.schema.schema);
  }

  definition(doc: ManifestDocument, position: Position): Location[] {
    if (isTemplateFileUri(doc.uri)) return templateFileDefinition(doc.text, position, this.templateContextOf(doc));
    return templateDefinition(doc, position);
  }

  references(doc: ManifestDocument, position: Position, includeDeclaration: boolean): Location[] {
    if (isTemplateFileUri(doc.uri)) return [];
    return templateReferences(doc, position, includeDeclaration);
  }

  highlights(doc: ManifestDocument, position: Position): DocumentHighlight[] {
    if (isTemplateFileUri(doc.uri)) return [];
    return templateHighlights(doc, position);
  }

  prepareRename(doc: ManifestDocument, position: Position): { range: Range; placeholder: string } | { error: string } | undefined {
    if (isTemplateFileUri(doc.uri)) return undefined;
    return prepareTemplateRename(doc, position);
  }

  rename(doc: ManifestDocument, position: Position, newName: string): RenameResult {
    return templateRename(doc, position, newName);
  }

  /** The quick fixes for the diagnostics the editor passes back, from every feature that made them. */
  codeActions(doc: ManifestDocument, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
    return [...schemaCodeActions(doc, diagnostics), ...templateCodeActions(doc, range, diagnostics), ...ruleCodeActions(doc, range, diagnostics)];
  }

  documentLinks(doc: ManifestDocument): DocumentLink[] {
    if (isTemplateFileUri(doc.uri)) return [];
    return ruleDocumentLinks(doc, this.contextOf(doc.uri, this.contexts.get(doc.uri)?.setting ?? 'auto').environment);
  }

  semanticTokens(doc: ManifestDocument): { data: number[] } {
    if (isTemplateFileUri(doc.uri)) return { data: [] };
    return templateSemanticTokens(doc);
  }

  format(doc: ManifestDocument, options: FormattingOptions, range?: Range): TextEdit[] {
    if (isTemplateFileUri(doc.uri)) return [];
    return formatDocument(doc, options, range);
  }

  foldingRanges(doc: ManifestDocument): FoldingRange[] {
    if (isTemplateFileUri(doc.uri)) return [];
    return foldingRanges(doc);
  }

  selectionRanges(doc: ManifestDocument, positions: Position[]): SelectionRange[] {
    if (isTemplateFileUri(doc.uri)) return [];
    return selectionRanges(doc, positions);
  }

  documentSymbols(doc: ManifestDocument): DocumentSymbol[] {
    if (isTemplateFileUri(doc.uri)) return [];
    return documentSymbols(doc);
  }

  /** The featureStore requests that can be tested, each on the key of its property. */
  requestLenses(doc: ManifestDocument): RequestLens[] {
    if (isTemplateFileUri(doc.uri)) return [];
    const lenses: RequestLens[] = [];
    for (const kind of ['validation', 'featureStore'] as const) {
      const value = nodeAt(doc, ['capabilities', 'featureStore', REQUEST_PROPERTY[kind]]);
      const key = value && propertyKeyNode(value);
      if (key) lenses.push({ range: nodeRange(doc, key), kind });
    }
    return lenses;
  }

  /** What each template and JSON body of the manifest renders for a sample (the preview command, `ld-manifest render`). */
  templatePreviews(doc: ManifestDocument, options: PreviewOptions = {}): TemplatePreview[] {
    if (isTemplateFileUri(doc.uri)) return [];
    return templatePreviews(doc, this.contextOf(doc.uri, this.contexts.get(doc.uri)?.setting ?? 'auto').environment, options);
  }

  /**
   * What LaunchDarkly's users would see of the integration (the card, the forms with `dependsOn`
   * applied to `options.values`, the renderings), with the document's problems on the elements they
   * affect: under `settings`, or else those last computed for this version (the editor's, with its
   * severities), or else under the schema setting in force.
   */
  integrationPreview(doc: ManifestDocument, options: IntegrationPreviewOptions = {}, settings?: DocumentSettings): IntegrationPreview {
    const setting = settings?.schema ?? this.contexts.get(doc.uri)?.setting ?? 'auto';
    // Without settings, the problems the editor was last given for this version (its severities and cap).
    const known = settings ? undefined : (doc.analysis.get(LAST_DIAGNOSTICS) as Diagnostic[] | undefined);
    const diagnostics = known ?? this.diagnostics(doc, settings ?? { schema: setting });
    return integrationPreview(doc, this.contextOf(doc.uri, setting).environment, diagnostics, options);
  }

  /** Where a "Preview rendered templates" lens goes: a capability's `templates` key and each JSON body's key. */
  templatePreviewLenses(doc: ManifestDocument): { range: Range; template?: string }[] {
    if (isTemplateFileUri(doc.uri)) return [];
    return templatePreviewAnchors(doc).map(({ node, template }) => ({ range: nodeRange(doc, node), ...(template ? { template } : {}) }));
  }

  /**
   * What a template file opened on its own sees, from the manifest that names it. Read through the
   * document's recording host: a change of that manifest re-checks the template.
   */
  private templateContextOf(doc: ManifestDocument): TemplateFileContext | undefined {
    const { id, environment } = this.contextOf(doc.uri, 'auto');
    // Once per version and context: completion and hover on every keystroke reuse it, and a change of
    // the manifest (a new context) finds it again.
    return memo(doc, `templateFileContext:${id}`, () =>
      templateFileContext({ readFile: (file) => environment.read(file), listFolders: () => undefined, listFiles: () => undefined }, doc.uri),
    );
  }

  /**
   * A file changed, was created or was deleted: forget what depended on it. Returns the URIs of the
   * documents whose diagnostics may change (the caller re-checks those, and only those).
   */
  fileChanged(uri: string): string[] {
    const affected: string[] = [];
    for (const [documentUri, context] of this.contexts) {
      if (context.files.has(uri) || [...context.folders].some((folder) => changesListing(folder, uri))) {
        this.contexts.delete(documentUri);
        affected.push(documentUri);
      }
    }
    for (const folder of this.oauthTables.keys()) if (changesListing(folder, uri)) this.oauthTables.delete(folder);
    return affected;
  }

  /** Settings changed: every context is rebuilt on next use. */
  settingsChanged(): void {
    this.contexts.clear();
  }

  /** A document closed: its context goes. */
  forget(uri: string): void {
    this.contexts.delete(uri);
  }

  private contextOf(uri: string, setting: SchemaSetting): DocumentContext {
    const known = this.contexts.get(uri);
    if (known && known.setting === setting) return known;
    const files = new Set<string>();
    const folders = new Set<string>();
    // Every read goes through this host, so the context knows what it depends on.
    const recording: EngineHost = {
      readFile: (file) => {
        files.add(file);
        return this.host.readFile(file);
      },
      listFolders: (folder) => {
        folders.add(folder);
        return this.host.listFolders(folder);
      },
      listFiles: (folder) => {
        folders.add(folder);
        return this.host.listFiles(folder);
      },
    };
    // The recording host sees every schema file probed on the way up, so they are dependencies too.
    const schema = this.fixedSchema ?? resolveSchemaContext(recording, uri, setting);
    const integrations = integrationsFolderOf(uri);
    const siblings = integrations === undefined
      ? undefined
      : () => {
          folders.add(integrations);
          let table = this.oauthTables.get(integrations);
          if (!table) this.oauthTables.set(integrations, (table = oauthKeyTable(this.host, integrations, baseName(uri))));
          return table;
        };
    const context: DocumentContext = {
      id: this.nextContextId++,
      setting,
      schema,
      environment: hostEnvironment(recording, uri, siblings),
      files,
      folders,
    };
    this.contexts.set(uri, context);
    return context;
  }
}

/**
 * Whether a change at `uri` changes what was read of `folder`: a folder appearing or going in it, or
 * a manifest of one of its folders (`<folder>/<key>/manifest.json`). An icon of a sibling does not.
 */
function changesListing(folder: string, uri: string): boolean {
  if (!uri.startsWith(folder)) return false;
  const segments = uri.slice(folder.length).split('/').filter((s) => s !== '');
  // The folder itself (created, deleted, or first listed by a host that reads late) changes its listing too.
  return segments.length <= 1 || (segments.length === 2 && segments[1] === 'manifest.json');
}

function severityKey(overrides: SeverityOverrides | undefined): string {
  return overrides ? JSON.stringify([...overrides]) : '';
}
