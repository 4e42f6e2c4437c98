// The VS Code side, the same on the desktop and in the browser: recognises manifests, starts the
// language server when the first one opens, and owns the commands and the schema status item. Every
// language feature lives in the server; what the request commands need of the manifest, they ask the
// server for (server/src/protocol.ts). What differs between the hosts comes in a ClientPlatform.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { ClientPlatform } from './platform';
import { LANGUAGE_ID, SchemaStatusNotification } from '../../server/src/protocol';
import { adoptIfManifest } from './manifestDetection';
import { SchemaStatusItem } from './schemaStatus';
import { registerRequestFeatures } from './request';
import { registerLaunchDarklyFeatures } from './launchDarkly';
import { registerTemplatePreview } from './templatePreview';
import { registerIntegrationPreview } from './integrationPreview';

let client: LanguageClient | undefined;

/** What the extension exports: tests (and other extensions) wait for the server through it. */
export interface ExtensionApi {
  readonly ready: () => Promise<void>;
  /** `desktop` or `browser`: the tests check that they run where they mean to. */
  readonly platform: ClientPlatform['name'];
}

export async function activateWith(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<ExtensionApi> {
  const status = new SchemaStatusItem();
  context.subscriptions.push(status, vscode.window.onDidChangeActiveTextEditor(() => status.render()));

  let starting: Promise<LanguageClient> | undefined;
  const ensureStarted = (): Promise<LanguageClient> => (starting ??= startClient(context, platform, status));
  context.subscriptions.push(...registerRequestFeatures(context, platform, ensureStarted));
  context.subscriptions.push(...registerLaunchDarklyFeatures(context, platform, ensureStarted));
  context.subscriptions.push(registerTemplatePreview(ensureStarted));
  context.subscriptions.push(...registerIntegrationPreview(ensureStarted));

  const onDocument = async (opened: vscode.TextDocument) => {
    const document = await adoptIfManifest(opened);
    // An integration's template file is served by the same server, even when no manifest is open.
    if (document.languageId === LANGUAGE_ID || (document.languageId === 'handlebars' && /\/integrations\/[^/]+\/.+\.(hbs|handlebars)$/i.test(document.uri.path))) await ensureStarted();
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(onDocument));
  await Promise.all(vscode.workspace.textDocuments.map(onDocument));

  context.subscriptions.push(
    vscode.commands.registerCommand('ldManifest.restartServer', async () => {
      const started = await ensureStarted();
      // stop and start (the Node client's restart is not in the browser's): a new process or worker.
      await started.stop();
      await started.start();
    }),
    vscode.commands.registerCommand('ldManifest.showSchemaInUse', async () => {
      const active = status.statusFor(vscode.window.activeTextEditor?.document.uri);
      const target = active?.schemaUri && !active.fallbackReason
        ? vscode.Uri.parse(active.schemaUri)
        : vscode.Uri.joinPath(context.extensionUri, 'schemas', 'manifest.schema.json');
      await vscode.window.showTextDocument(target, { preview: true });
      if (active?.fallbackReason) void vscode.window.showWarningMessage(`Workspace schema not used: ${active.fallbackReason}`);
    }),
  );
  // Tests (and other extensions) can wait for the server through the exported API.
  return { ready: async () => void (await ensureStarted()), platform: platform.name };
}

async function startClient(context: vscode.ExtensionContext, platform: ClientPlatform, status: SchemaStatusItem): Promise<LanguageClient> {
  const clientOptions: LanguageClientOptions = {
    // Template files of an integration are documents too: their problems, completion, hover and
    // definition come from the manifest that names them.
    documentSelector: [{ language: LANGUAGE_ID }, { language: 'handlebars', pattern: '**/integrations/*/**/*.{hbs,handlebars}' }],
    // The server registers the file watching its rules need itself (for every client, not only VS Code).
    synchronize: { configurationSection: 'ldManifest' },
    // Pull diagnostics for every manifest open in a tab, not only the visible ones, and after each edit.
    diagnosticPullOptions: { onChange: true, onSave: false, onTabs: true },
  };
  const started = await platform.createLanguageClient(context, clientOptions);
  client = started;
  context.subscriptions.push(started);
  let warned = false;
  // Registered before start, so that the status of the first check is not missed.
  context.subscriptions.push(
    started.onNotification(SchemaStatusNotification, (s) => {
      status.update(s);
      // Once per session: the status item and a diagnostic keep saying it after that.
      if (s.fallbackReason && !warned) {
        warned = true;
        void vscode.window.showWarningMessage(`LaunchDarkly manifests are checked against the bundled schema: ${s.fallbackReason}`);
      }
    }),
  );
  await started.start();
  return started;
}

export async function deactivateClient(): Promise<void> {
  await client?.stop();
}
