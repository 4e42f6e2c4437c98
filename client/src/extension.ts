// The VS Code side: recognises manifests, starts the language server when the first one opens, and
// owns the commands and the schema status item. Every language feature lives in the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID, adoptIfManifest } from './manifestDetection';
import { SCHEMA_STATUS_NOTIFICATION, SchemaStatusItem, type SchemaStatus } from './schemaStatus';
import { registerRequestFeatures } from './request';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ ready: () => Promise<void> }> {
  const status = new SchemaStatusItem();
  context.subscriptions.push(status, vscode.window.onDidChangeActiveTextEditor(() => status.render()));
  context.subscriptions.push(...registerRequestFeatures(context));

  let starting: Promise<void> | undefined;
  const ensureStarted = (): Promise<void> => (starting ??= startClient(context, status));

  const onDocument = async (document: vscode.TextDocument) => {
    await adoptIfManifest(document);
    if (document.languageId === LANGUAGE_ID) await ensureStarted();
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(onDocument));
  await Promise.all(vscode.workspace.textDocuments.map(onDocument));

  context.subscriptions.push(
    vscode.commands.registerCommand('ldManifest.restartServer', async () => {
      await ensureStarted();
      await client?.restart();
    }),
    vscode.commands.registerCommand('ldManifest.showSchemaInUse', async () => {
      const active = status.statusFor(vscode.window.activeTextEditor?.document.uri);
      const target = active?.path && !active.fallbackReason
        ? vscode.Uri.file(active.path)
        : vscode.Uri.joinPath(context.extensionUri, 'schemas', 'manifest.schema.json');
      await vscode.window.showTextDocument(target, { preview: true });
      if (active?.fallbackReason) void vscode.window.showWarningMessage(`Workspace schema not used: ${active.fallbackReason}`);
    }),
  );
  // Tests (and other extensions) can wait for the server through the exported API.
  return { ready: ensureStarted };
}

async function startClient(context: vscode.ExtensionContext, status: SchemaStatusItem): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: {
      configurationSection: 'ldManifest',
      // What the rules read beside a manifest: icons, templates, sample responses, other manifests.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{manifest.json,manifest.schema.json,*.svg,*.hbs,sample-responses/*.json}'),
    },
  };
  client = new LanguageClient('ldManifest', 'LaunchDarkly Manifest Language Server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  let warned = false;
  context.subscriptions.push(
    client.onNotification(SCHEMA_STATUS_NOTIFICATION, (s: SchemaStatus) => {
      status.update(s);
      // Once per session: the status item and a diagnostic keep saying it after that.
      if (s.fallbackReason && !warned) {
        warned = true;
        void vscode.window.showWarningMessage(`LaunchDarkly manifests are checked against the bundled schema: ${s.fallbackReason}`);
      }
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
