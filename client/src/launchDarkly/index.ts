// Entry point of the LaunchDarkly features: sign in/out, the store configurations view, and its
// commands. extension.ts calls registerLaunchDarklyFeatures with a way to get the language client.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID, LAUNCHDARKLY_COMMANDS as IDS, STORE_VIEW_ID, StorePlanRequest } from '../../../server/src/protocol';
import type { ClientPlatform } from '../platform';
import { AUTH_PROVIDER_ID, LaunchDarklyAuthProvider } from './authProvider';
import { LaunchDarklySession, type SignInArgs } from './session';
import { StoreCommands, type CreateArgs } from './storeCommands';
import { StoreTree, type StoreNode } from './storeTree';

type ConfigurationNode = Extract<StoreNode, { kind: 'configuration' }>;

export function registerLaunchDarklyFeatures(context: vscode.ExtensionContext, platform: ClientPlatform, languageClient: () => Promise<LanguageClient>): vscode.Disposable[] {
  const output = vscode.window.createOutputChannel('LaunchDarkly Manifest: Store Configurations');
  const session = new LaunchDarklySession(context, platform);
  const auth = new LaunchDarklyAuthProvider(session);
  const planOf = (manifest: vscode.Uri) => languageClient().then((client) => client.sendRequest(StorePlanRequest, { uri: manifest.toString() }));
  const tree = new StoreTree(session, planOf);
  const store = new StoreCommands(session, tree, planOf, languageClient, output);
  const view = vscode.window.createTreeView(STORE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: false });
  const follow = (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.languageId === LANGUAGE_ID && editor.document.uri.toString() !== tree.currentManifest()?.toString()) tree.refresh(editor.document.uri);
  };
  follow(vscode.window.activeTextEditor);
  tree.watch(view.visible);
  /** A node from the view, or nothing from the palette (then the command asks which). */
  const nodeOf = (arg: unknown): ConfigurationNode | undefined => ((arg as StoreNode | undefined)?.kind === 'configuration' ? (arg as ConfigurationNode) : undefined);
  return [
    output,
    session,
    auth,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'LaunchDarkly', auth),
    tree,
    view,
    view.onDidChangeVisibility((e) => tree.watch(e.visible)),
    session.onDidChange(() => tree.refresh()),
    vscode.window.onDidChangeActiveTextEditor(follow),
    vscode.workspace.onDidGrantWorkspaceTrust(() => tree.refresh()),
    vscode.commands.registerCommand(IDS.signIn, guarded((args?: SignInArgs) => session.signIn(args))),
    vscode.commands.registerCommand(IDS.signOut, guarded(() => session.signOut())),
    vscode.commands.registerCommand(IDS.refresh, async (args?: { uri?: string }) => {
      tree.refresh(args?.uri ? vscode.Uri.parse(args.uri) : undefined);
      // From the code lens: bring the view into sight (VS Code makes a focus command for every view).
      if (args?.uri) await vscode.commands.executeCommand(`${STORE_VIEW_ID}.focus`);
      // What the view now shows (its nodes and tree items): the tests read it; VS Code ignores it.
      return tree.shownNow();
    }),
    vscode.commands.registerCommand(IDS.create, guarded((args?: CreateArgs) => store.create(args))),
    vscode.commands.registerCommand(IDS.validate, guarded((node?: unknown) => store.validate(nodeOf(node)))),
    vscode.commands.registerCommand(IDS.toggle, guarded((node?: unknown) => store.toggle(nodeOf(node)))),
    vscode.commands.registerCommand(IDS.rename, guarded((node?: unknown, name?: string) => store.rename(nodeOf(node), name))),
    vscode.commands.registerCommand(IDS.editValues, guarded((node?: unknown, values?: Record<string, unknown>) => store.editValues(nodeOf(node), values))),
    vscode.commands.registerCommand(IDS.delete, guarded((node?: unknown, confirmed?: boolean) => store.delete(nodeOf(node), confirmed))),
    vscode.commands.registerCommand(IDS.open, guarded((node?: unknown) => store.open(nodeOf(node)))),
    vscode.commands.registerCommand(IDS.copyCurl, guarded((node?: unknown) => store.copyCurl(nodeOf(node)))),
  ];
}

/** A command whose failure (the language server not answering, say) is shown, not thrown at VS Code. */
function guarded<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args) => {
    try {
      return await run(...args);
    } catch (error) {
      void vscode.window.showErrorMessage(`LaunchDarkly: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
}
