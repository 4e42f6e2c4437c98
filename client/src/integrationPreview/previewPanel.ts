// One manifest's *Preview Integration* webview: the page the language server renders from the current
// text (unsaved edits included), updated as the author types (debounced), toggles form values, picks a
// sample event, jumps to the manifest and copies the Markdown for a pull request. Nothing is loaded into
// the webview from anywhere (`localResourceRoots` is empty; the page is inline, its icons `data:` images)
// and nothing is sent anywhere, so it works in Restricted Mode.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { IntegrationPreviewRequest, type IntegrationPreviewParams, type IntegrationPreviewResult } from '../../../server/src/protocol';
import { parseRange, readMessage, type PreviewMessage } from './messages';
import { WEBVIEW_SCRIPT } from './webviewScript';

export const PREVIEW_VIEW_TYPE = 'ldManifest.integrationPreview';
/** How long typing must pause before the preview follows. */
const TYPING_DELAY_MS = 300;
/** How often an answer older than the document is asked again, before the next edit asks anyway. */
const MAX_STALE_RETRIES = 3;

type FormValues = Record<string, Record<string, string | boolean | readonly string[]>>;

export class IntegrationPreviewPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private values: FormValues = {};
  private event: string | undefined;
  /** Set once the page's script said it is ready for updates. */
  private ready = false;
  /** An update is due (asked for while the page was loading, or hidden). */
  private dirty = false;
  /**
   * The page as set is what is shown: no update since. A hidden webview forgets what it was sent and
   * starts again from the page when shown, and its script's "ready" then asks for an update.
   */
  private pageCurrent = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Each request's number: an answer to an older one than the last shown is dropped. */
  private requested = 0;
  private shown = 0;
  private staleRetries = 0;

  constructor(
    readonly uri: vscode.Uri,
    private readonly clientOf: () => Promise<BaseLanguageClient>,
    private readonly onDisposed: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Integration Preview',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
    );
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((data: unknown) => {
        const message = readMessage(data);
        if (message) void this.received(message);
      }),
    );
  }

  /** Renders the whole page; resolves with the answer (undefined when the request itself failed). */
  async showPage(): Promise<IntegrationPreviewResult | undefined> {
    const nonce = makeNonce();
    const answer = await this.ask({ format: 'page', page: { nonce, cspSource: this.panel.webview.cspSource, script: WEBVIEW_SCRIPT } });
    if (answer?.ok) {
      this.ready = false;
      this.dirty = false;
      this.pageCurrent = true;
      this.panel.title = `Preview: ${answer.title}`;
      this.panel.webview.html = answer.text;
    }
    return answer;
  }

  /** The manifest changed: follow once typing pauses. */
  documentChanged(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), TYPING_DELAY_MS);
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.splice(0).forEach((s) => s.dispose());
    this.panel.dispose();
    this.onDisposed();
  }

  private async update(): Promise<void> {
    if (!this.ready || !this.panel.visible) {
      this.dirty = true;
      return;
    }
    const answer = await this.ask({ format: 'body' });
    if (!answer?.ok) return; // the last preview stays; the next edit tries again
    this.panel.title = `Preview: ${answer.title}`;
    void this.panel.webview.postMessage({ type: 'update', body: answer.text, version: answer.version });
    this.pageCurrent = false;
    // The server may not have had the last edit yet: ask again shortly, a few times at most.
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
    if (document && answer.version < document.version && this.staleRetries++ < MAX_STALE_RETRIES) this.documentChanged();
    else this.staleRetries = 0;
  }

  private async received(message: PreviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.dirty || !this.pageCurrent) {
          this.dirty = false;
          await this.update();
        }
        return;
      case 'value':
        (this.values[message.form] ??= {})[message.key] = message.value;
        return this.update();
      case 'event':
        this.event = message.event === '' ? undefined : message.event;
        return this.update();
      case 'reveal':
        return this.revealInManifest(message.range);
      case 'copy':
        return this.copyMarkdown();
    }
  }

  private async revealInManifest(text: string): Promise<void> {
    const range = parseRange(text);
    if (!range) return;
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.uri.toString());
    const document = visible?.document ?? (await vscode.workspace.openTextDocument(this.uri));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async copyMarkdown(): Promise<void> {
    const answer = await this.ask({ format: 'markdown' });
    if (!answer?.ok) return;
    await vscode.env.clipboard.writeText(answer.text);
    void vscode.window.showInformationMessage('The integration preview is on the clipboard, as Markdown for the pull request.');
  }

  /** Asks the server for the preview with the current values and event; undefined for an answer overtaken by a newer one. */
  private async ask(params: Pick<IntegrationPreviewParams, 'format' | 'page'>): Promise<IntegrationPreviewResult | undefined> {
    const number = ++this.requested;
    let answer: IntegrationPreviewResult;
    try {
      const client = await this.clientOf();
      answer = await client.sendRequest(IntegrationPreviewRequest, { uri: this.uri.toString(), values: this.values, ...(this.event ? { event: this.event } : {}), ...params });
    } catch (error) {
      answer = { ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
    if (params.format === 'markdown' || params.format === 'page') {
      if (!answer.ok) void vscode.window.showErrorMessage(`The integration preview could not be made: ${answer.problem}`);
      return answer;
    }
    if (number < this.shown) return undefined;
    this.shown = number;
    return answer;
  }
}

/** A fresh nonce for each page: 16 random bytes, hexadecimal. */
function makeNonce(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
