// The request commands: test (send and judge), preview, copy as curl, forget values.
import * as vscode from 'vscode';
import { nodeAt, parseManifest, type ManifestDocument } from '../../../server/src/manifestDocument';
import { reportText, requestText } from '../../../server/src/request/report';
import { requestSpec, type RequestKind } from '../../../server/src/request/requestSpec';
import { requestVariables } from '../../../server/src/request/requestVariables';
import { writeValidationSample } from '../../../server/src/request/sampleResponse';
import { curlFor, prepareRequest, sendPrepared, type PreparedRequest } from '../../../server/src/request/testRequest';
import { FEATURE_STORE_KEY } from '../../../server/src/request/values';
import { isPassing } from '../../../server/src/request/verdict';
import type { RequestCommandArgs, RequestCommandResult } from './commandIds';
import { readCaFile, requestSettings } from './settings';
import { askForValues, type ValueStore } from './valueStore';

const LANGUAGE_ID = 'launchdarkly-manifest';
const UNTRUSTED =
  'Sending requests is disabled in Restricted Mode: the request carries your settings and secrets to the service. Trust the workspace to test it; Preview and Copy as curl still work.';

export class RequestCommands {
  constructor(
    private readonly store: ValueStore,
    private readonly output: vscode.OutputChannel,
  ) {}

  async test(kind: RequestKind, args: RequestCommandArgs = {}): Promise<RequestCommandResult> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage(UNTRUSTED);
      return { sent: false, passed: false, report: UNTRUSTED };
    }
    const document = await this.manifest(args);
    if (!document) return { sent: false, passed: false, report: 'no manifest' };
    const prepared = await this.prepare(document, kind, args, false);
    if (!prepared) return { sent: false, passed: false, report: 'not prepared' };
    if (typeof prepared === 'string') return { sent: false, passed: false, report: prepared };
    if (kind === 'featureStore' && !(await this.confirmWrite(prepared, args))) return { sent: false, passed: false, report: 'not confirmed' };

    const settings = requestSettings(document.uri);
    let extraCa: string | undefined;
    try {
      extraCa = settings.caFile ? await readCaFile(settings.caFile) : undefined;
    } catch (error) {
      void vscode.window.showErrorMessage((error as Error).message);
      return { sent: false, passed: false, report: (error as Error).message };
    }
    const run = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sending ${prepared.display.method} ${new URL(prepared.display.url).origin}…`, cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return sendPrepared(prepared, { timeoutMs: settings.timeoutMs, maxBodyBytes: settings.maxBodyBytes, extraCa, signal: abort.signal });
      },
    );
    const report = reportText(run, vscode.workspace.asRelativePath(document.uri));
    this.output.appendLine(report);
    let samplePath: string | undefined;
    if (kind === 'validation' && run.reading.json !== undefined && document.uri.scheme === 'file') {
      samplePath = writeValidationSample(document.uri.fsPath, run.reading.json, prepared.resolved.secretValues);
      this.output.appendLine(`Saved the response as ${samplePath} (secrets masked) for the parser's pointer checks.\n`);
    }
    const passed = isPassing(run.reading.verdict);
    const show = passed ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
    void show(run.reading.verdict.summary, 'Show details').then((choice) => choice && this.output.show(true));
    return { sent: true, passed, verdict: { kind: run.reading.verdict.kind, summary: run.reading.verdict.summary }, report, samplePath };
  }

  async preview(args: RequestCommandArgs = {}): Promise<string | undefined> {
    const document = await this.manifest(args);
    const prepared = document && (await this.prepare(document, args.kind ?? 'validation', args, true));
    if (!prepared || typeof prepared === 'string') return undefined;
    const text = `# ${prepared.spec.path} — not sent; secrets shown as ••••\n${requestText(prepared.display)}\n`;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' }), { preview: true });
    return text;
  }

  async copyCurl(args: RequestCommandArgs = {}): Promise<string | undefined> {
    const document = await this.manifest(args);
    const prepared = document && (await this.prepare(document, args.kind ?? 'validation', args, true));
    if (!prepared || typeof prepared === 'string') return undefined;
    const curl = curlFor(prepared);
    await vscode.env.clipboard.writeText(curl);
    void vscode.window.showInformationMessage('Copied as curl. Secrets are read from shell variables (see the first line); set them before running it.');
    return curl;
  }

  async forget(args: RequestCommandArgs = {}): Promise<void> {
    const document = await this.manifest(args);
    if (!document) return;
    const doc = parsed(document);
    const declared = requestVariables(nodeAt(doc, ['capabilities', 'featureStore', 'formVariables']));
    const count = await this.store.forget(document.uri, declared);
    void vscode.window.showInformationMessage(`Forgot ${count} remembered value${count === 1 ? '' : 's'} for ${vscode.workspace.asRelativePath(document.uri)}.`);
  }

  private async manifest(args: RequestCommandArgs): Promise<vscode.TextDocument | undefined> {
    if (args.uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === LANGUAGE_ID) return active;
    void vscode.window.showErrorMessage('Open a LaunchDarkly integration manifest first.');
    return undefined;
  }

  /** The rendered request, or a string saying why not (already shown), or undefined when cancelled. */
  private async prepare(document: vscode.TextDocument, kind: RequestKind, args: RequestCommandArgs, secretsNotNeeded: boolean): Promise<PreparedRequest | string | undefined> {
    const doc = parsed(document);
    const found = requestSpec(doc, kind);
    if (!found.ok) return this.refuse(`Cannot test: ${found.problem}.`);
    if (found.spec.templateErrors.length > 0) {
      this.output.appendLine(`Not sent: ${found.spec.path} has template errors:\n${found.spec.templateErrors.map((e) => `  ${e}`).join('\n')}\n`);
      return this.refuse(`Not sent: ${found.spec.path} has ${found.spec.templateErrors.length} template error(s): ${found.spec.templateErrors.join('; ')}`, true);
    }
    const asked = found.spec.variables.filter((v) => !(secretsNotNeeded && v.isSecret));
    const values = args.values ? { ...args.values } : await askForValues(this.store, document.uri, asked);
    if (!values) return undefined;
    if (values[FEATURE_STORE_KEY] === undefined) {
      values[FEATURE_STORE_KEY] = await this.store.featureStoreKey(document.uri, requestSettings(document.uri).featureStoreKey);
    }
    const result = prepareRequest(doc, kind, values, { secretsNotNeeded });
    if (!result.ok) return this.refuse(`Not sent: ${result.problems.join('; ')}`, result.stage === 'render');
    return result.prepared;
  }

  private refuse(message: string, details = false): string {
    if (details) void vscode.window.showErrorMessage(message, 'Show details').then((choice) => choice && this.output.show(true));
    else void vscode.window.showErrorMessage(message);
    return message;
  }

  private async confirmWrite(prepared: PreparedRequest, args: RequestCommandArgs): Promise<boolean> {
    if (args.confirmWrite !== undefined) return args.confirmWrite;
    const choice = await vscode.window.showWarningMessage(
      `This WRITES a sample flag payload to the store: ${prepared.display.method} ${prepared.display.url}`,
      { modal: true, detail: 'It is what LaunchDarkly sends when flags change. Use a test store or a sample _featureStoreKey.' },
      'Send',
    );
    return choice === 'Send';
  }
}

/** The editor's text as the server modules take it, unsaved edits included. */
function parsed(document: vscode.TextDocument): ManifestDocument {
  return parseManifest(document.uri.toString(), document.getText(), document.version);
}
