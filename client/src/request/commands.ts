// The request commands: test (send and judge), preview, copy as curl, forget values. What the manifest
// says (the variables a request uses, the rendered request, the verdict) comes from the language
// server through the requests of server/src/protocol.ts; this side asks for values, keeps them, sends
// the request (the server never reaches the network) and shows the results.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, RequestParam, RequestType } from 'vscode-languageclient';
import {
  FEATURE_STORE_KEY,
  JudgeResponseRequest,
  LANGUAGE_ID,
  PrepareRequestRequest,
  RequestPlanRequest,
  RequestVariablesRequest,
  type HttpRequestData,
  type JudgeResponseResult,
  type PrepareRequestResult,
  type RequestKind,
} from '../../../server/src/protocol';
import type { SendOutcome } from '../../../server/src/request/sendTypes';
import { adoptIfManifest } from '../manifestDetection';
import type { RequestCommandArgs, RequestCommandResult } from './commandIds';
import { outcomeData } from './outcomeData';
import type { ClientPlatform } from '../platform';
import { requestSettings } from './settings';
import { askForValues, type ValueStore } from './valueStore';

/** The running language client; started on first use. */
export type ClientProvider = () => Promise<LanguageClient>;

type Prepared = Extract<PrepareRequestResult, { ok: true }>;

const UNTRUSTED =
  'Sending requests is disabled in Restricted Mode: the request carries your settings and secrets to the service. Trust the workspace to test it; Preview and Copy as curl still work.';

export class RequestCommands {
  constructor(
    private readonly store: ValueStore,
    private readonly output: vscode.OutputChannel,
    private readonly clientOf: ClientProvider,
    private readonly platform: ClientPlatform,
  ) {}

  async test(kind: RequestKind, args: RequestCommandArgs = {}): Promise<RequestCommandResult> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage(UNTRUSTED);
      return { sent: false, passed: false, report: UNTRUSTED };
    }
    let document: vscode.TextDocument | undefined;
    let prepared: Prepared | string | undefined;
    try {
      document = await this.manifest(args);
      if (!document) return { sent: false, passed: false, report: 'no manifest' };
      prepared = await this.prepare(document, kind, args, false);
    } catch (error) {
      return { sent: false, passed: false, report: this.refuse(`Not sent: ${messageOf(error)}`) };
    }
    if (!prepared) return { sent: false, passed: false, report: 'not prepared' };
    if (typeof prepared === 'string') return { sent: false, passed: false, report: prepared };
    const { id, request } = prepared;
    if (id === undefined || request === undefined) return { sent: false, passed: false, report: this.refuse('Not sent: the language server prepared no request to send.') };
    if (kind === 'featureStore' && !(await this.confirmWrite(prepared.display, args))) return { sent: false, passed: false, report: 'not confirmed' };

    const settings = requestSettings(document.uri);
    let extraCa: string | undefined;
    try {
      extraCa = await this.platform.readExtraCa(document.uri);
    } catch (error) {
      return { sent: false, passed: false, report: this.refuse(messageOf(error)) };
    }
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sending ${prepared.display.method} ${originOf(prepared.display)}…`, cancellable: true },
      (_progress, token): Promise<SendOutcome> => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return this.platform.send(request, { timeoutMs: settings.timeoutMs, maxBodyBytes: settings.maxBodyBytes, extraCa, signal: abort.signal });
      },
    );

    let judged: JudgeResponseResult;
    try {
      judged = await this.ask(JudgeResponseRequest, { id, label: vscode.workspace.asRelativePath(document.uri), outcome: outcomeData(outcome) });
    } catch (error) {
      judged = { ok: false, problem: messageOf(error) };
    }
    if (!judged.ok) {
      const report = this.refuse(`Sent, but the answer could not be judged: ${judged.problem}`);
      return { sent: true, passed: false, report };
    }
    const { verdict, report, sample } = judged;
    this.output.appendLine(report);
    let samplePath: string | undefined;
    if (sample && vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) !== false) {
      try {
        await saveBeside(document.uri, sample.path, sample.text);
        samplePath = sample.path;
        this.output.appendLine(`Saved the response as ${sample.path} (secrets masked) for the parser's pointer checks.\n`);
      } catch (error) {
        this.output.appendLine(`The response was not saved as ${sample.path}: ${messageOf(error)}\n`);
      }
    }
    const advice = this.platform.networkAdvice(outcome);
    if (advice) {
      this.output.appendLine(`${advice}\n`);
      void vscode.window.showErrorMessage(`${verdict.summary} ${advice}`, 'Copy as curl', 'Show details').then((choice) => {
        if (choice === 'Copy as curl') void this.copyCurl({ ...args, uri: document.uri.toString() });
        else if (choice) this.output.show(true);
      });
    } else {
      const show = verdict.passed ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
      void show(verdict.summary, 'Show details').then((choice) => choice && this.output.show(true));
    }
    return { sent: true, passed: verdict.passed, verdict: { kind: verdict.kind, summary: verdict.summary }, report, samplePath, ...(advice ? { advice } : {}) };
  }

  async preview(args: RequestCommandArgs = {}): Promise<string | undefined> {
    const prepared = await this.prepareToShow(args);
    if (!prepared) return undefined;
    const text = `# ${prepared.path} — not sent; secrets shown as ••••\n${prepared.displayText}\n`;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' }), { preview: true });
    return text;
  }

  async copyCurl(args: RequestCommandArgs = {}): Promise<string | undefined> {
    const prepared = await this.prepareToShow(args);
    if (!prepared) return undefined;
    await vscode.env.clipboard.writeText(prepared.curl);
    void vscode.window.showInformationMessage('Copied as curl. Secrets are read from shell variables (see the first line); set them before running it.');
    return prepared.curl;
  }

  /** How many values were forgotten (undefined when none could be). */
  async forget(args: RequestCommandArgs = {}): Promise<number | undefined> {
    try {
      const document = await this.manifest(args);
      if (!document) return undefined;
      // The secrets are found by the keys the manifest declares; the other values by their prefix.
      let declared: readonly { key: string; isSecret: boolean }[] = [];
      let unknownSecrets = '';
      try {
        const answer = await this.ask(RequestVariablesRequest, { uri: document.uri.toString() });
        if (answer.ok) declared = answer.variables;
        else unknownSecrets = answer.problem;
      } catch (error) {
        unknownSecrets = messageOf(error);
      }
      const count = await this.store.forget(document.uri, declared);
      const forgot = `Forgot ${count} remembered value${count === 1 ? '' : 's'} for ${vscode.workspace.asRelativePath(document.uri)}.`;
      if (unknownSecrets) void vscode.window.showWarningMessage(`${forgot} Remembered secrets were kept: ${unknownSecrets}.`);
      else void vscode.window.showInformationMessage(forgot);
      return count;
    } catch (error) {
      this.refuse(`Values not forgotten: ${messageOf(error)}`);
      return undefined;
    }
  }

  /** Preview and curl: the request rendered without the secrets' values, or undefined (already said why). */
  private async prepareToShow(args: RequestCommandArgs): Promise<Prepared | undefined> {
    try {
      const document = await this.manifest(args);
      const prepared = document && (await this.prepare(document, args.kind ?? 'validation', args, true));
      return prepared && typeof prepared !== 'string' ? prepared : undefined;
    } catch (error) {
      this.refuse(`Not rendered: ${messageOf(error)}`);
      return undefined;
    }
  }

  /** The manifest the command is about: the argument's, else the active editor's (in the manifest language). */
  private async manifest(args: RequestCommandArgs): Promise<vscode.TextDocument | undefined> {
    const given = args.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : vscode.window.activeTextEditor?.document;
    const document = given && (await adoptIfManifest(given));
    if (document?.languageId === LANGUAGE_ID) return document;
    void vscode.window.showErrorMessage(
      args.uri && document ? `${vscode.workspace.asRelativePath(document.uri)} is not a LaunchDarkly integration manifest.` : 'Open a LaunchDarkly integration manifest first.',
    );
    return undefined;
  }

  /** The rendered request, or a string saying why not (already shown), or undefined when cancelled. */
  private async prepare(document: vscode.TextDocument, kind: RequestKind, args: RequestCommandArgs, secretsNotNeeded: boolean): Promise<Prepared | string | undefined> {
    const uri = document.uri.toString();
    const plan = await this.ask(RequestPlanRequest, { uri, kind });
    if (!plan.ok) return this.refuse(`Cannot test: ${plan.problem}.`);
    if (plan.templateErrors.length > 0) {
      this.output.appendLine(`Not sent: ${plan.path} has template errors:\n${plan.templateErrors.map((e) => `  ${e}`).join('\n')}\n`);
      return this.refuse(`Not sent: ${plan.path} has ${plan.templateErrors.length} template error(s): ${plan.templateErrors.join('; ')}`, true);
    }
    const asked = plan.variables.filter((v) => !(secretsNotNeeded && v.isSecret));
    const values = args.values ? { ...args.values } : await askForValues(this.store, document.uri, asked);
    if (!values) return undefined;
    if (values[FEATURE_STORE_KEY] === undefined) {
      values[FEATURE_STORE_KEY] = await this.store.featureStoreKey(document.uri, requestSettings(document.uri).featureStoreKey);
    }
    const result = await this.ask(PrepareRequestRequest, { uri, kind, values, secretsNotNeeded });
    if (!result.ok) return this.refuse(`Not sent: ${result.problems.join('; ')}`, result.stage === 'render');
    return result;
  }

  /** One request to the language server; throws an Error that says what failed. */
  private async ask<P, R>(type: RequestType<P, R, void>, params: RequestParam<P>): Promise<R> {
    let client: LanguageClient;
    try {
      client = await this.clientOf();
    } catch (error) {
      throw new Error(`the language server did not start (${messageOf(error)})`, { cause: error });
    }
    try {
      return await client.sendRequest(type, params);
    } catch (error) {
      throw new Error(`the language server did not answer (${messageOf(error)})`, { cause: error });
    }
  }

  private refuse(message: string, details = false): string {
    if (details) void vscode.window.showErrorMessage(message, 'Show details').then((choice) => choice && this.output.show(true));
    else void vscode.window.showErrorMessage(message);
    return message;
  }

  private async confirmWrite(display: HttpRequestData, args: RequestCommandArgs): Promise<boolean> {
    if (args.confirmWrite !== undefined) return args.confirmWrite;
    const choice = await vscode.window.showWarningMessage(
      `This WRITES a sample flag payload to the store: ${display.method} ${display.url}`,
      { modal: true, detail: 'It is what LaunchDarkly sends when flags change. Use a test store or a sample _featureStoreKey.' },
      'Send',
    );
    return choice === 'Send';
  }
}

/**
 * Writes `text` at `relative` (`/`-separated) beside the manifest, making folders on the way. A folder
 * or file on the way that is a symbolic link is refused: it could point out of the workspace.
 */
async function saveBeside(manifest: vscode.Uri, relative: string, text: string): Promise<void> {
  const parts = relative.split('/');
  let at = vscode.Uri.joinPath(manifest, '..');
  for (const part of parts) {
    at = vscode.Uri.joinPath(at, part);
    const stat = await statOrUndefined(at);
    if (stat && (stat.type & vscode.FileType.SymbolicLink) !== 0) throw new Error(`${vscode.workspace.asRelativePath(at)} is a symbolic link; the sample is only written to a real folder`);
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(at, '..'));
  await vscode.workspace.fs.writeFile(at, new TextEncoder().encode(text));
}

async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

function originOf(request: HttpRequestData): string {
  try {
    return new URL(request.url).origin;
  } catch {
    return request.url;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
