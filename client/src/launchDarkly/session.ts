// Signing in to a LaunchDarkly instance: the instance comes from the setting
// `ldManifest.launchDarkly.baseUri`, else the one picked at sign-in (commercial, EU, federal, other);
// the access token lives in VS Code's SecretStorage (the OS keychain), one per instance, and nowhere
// else: not in settings, state, logs or output. A token is kept only after LaunchDarkly accepted it.
import * as vscode from 'vscode';
import { version } from '../../../package.json';
import { LaunchDarklyClient, userAgent, type ApiClientOptions } from '../../../server/src/launchdarkly/apiClient';
import type { ClientPlatform } from '../platform';
import { INSTANCES, instanceLabel, resolveBaseUri, type BaseUriResult } from '../../../server/src/launchdarkly/instances';

const PICKED_INSTANCE = 'ldManifest.launchDarkly.instance';
const TOKEN_KEY = 'ldManifest.launchDarkly.token/';
/** The product name LaunchDarkly sees in User-Agent. */
const EDITOR_PRODUCT = 'launchdarkly-manifest-tools-vscode';
const TOKEN_SOURCE = "the token you signed in with ('LaunchDarkly Manifest: Sign In to LaunchDarkly')";

/** The test injection point: given, nothing is asked. */
export interface SignInArgs {
  readonly baseUri?: string;
  readonly token?: string;
}

export class LaunchDarklySession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly platform: ClientPlatform,
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** The instance in force: the setting's, else the one picked at sign-in, else commercial. */
  baseUri(): BaseUriResult {
    const setting = vscode.workspace.getConfiguration('ldManifest.launchDarkly').get<string>('baseUri')?.trim();
    return resolveBaseUri(setting || this.context.globalState.get<string>(PICKED_INSTANCE));
  }

  async token(): Promise<string | undefined> {
    const base = this.baseUri();
    return base.ok ? this.context.secrets.get(TOKEN_KEY + base.baseUri) : undefined;
  }

  /** A client for the signed-in instance, or why there is none. */
  async client(options: Partial<ApiClientOptions> = {}): Promise<{ client: LaunchDarklyClient; baseUri: string } | string> {
    const base = this.baseUri();
    if (!base.ok) return `ldManifest.launchDarkly.baseUri: ${base.problem}`;
    const token = await this.token();
    if (!token) return `Not signed in to LaunchDarkly (${instanceLabel(base.baseUri)}).`;
    return { client: clientFor(base.baseUri, token, this.platform, options), baseUri: base.baseUri };
  }

  /** True when signed in; a refused token is said and not kept. */
  async signIn(args: SignInArgs = {}): Promise<boolean> {
    const baseUri = args.baseUri !== undefined ? resolveBaseUri(args.baseUri) : await this.pickInstance();
    if (!baseUri) return false;
    if (!baseUri.ok) {
      void vscode.window.showErrorMessage(`Not signed in: ${baseUri.problem}`);
      return false;
    }
    const token =
      args.token ??
      (await vscode.window.showInputBox({
        title: `Sign in to LaunchDarkly (${instanceLabel(baseUri.baseUri)})`,
        prompt: 'A personal or service access token (api-…), whose role may read and write integrations. It is kept in the OS keychain.',
        password: true,
        ignoreFocusOut: true,
        validateInput: (text) => (text.trim() === '' ? 'The access token is required' : undefined),
      }));
    if (!token?.trim()) return false;
    const checked = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Checking the access token…' }, () =>
      clientFor(baseUri.baseUri, token.trim(), this.platform, { maxRetries: 1 }).listProjects(),
    );
    if (!checked.ok) {
      void vscode.window.showErrorMessage(`Not signed in: ${checked.failure.message}`);
      return false;
    }
    await this.context.globalState.update(PICKED_INSTANCE, baseUri.baseUri);
    await this.context.secrets.store(TOKEN_KEY + baseUri.baseUri, token.trim());
    this.changed.fire();
    void vscode.window.showInformationMessage(`Signed in to LaunchDarkly (${instanceLabel(baseUri.baseUri)}).`);
    return true;
  }

  async signOut(): Promise<void> {
    const base = this.baseUri();
    if (base.ok) await this.context.secrets.delete(TOKEN_KEY + base.baseUri);
    this.changed.fire();
    void vscode.window.showInformationMessage('Signed out of LaunchDarkly: the access token was removed from the keychain.');
  }

  /** The setting's instance when it is set, else a pick (undefined when cancelled). */
  private async pickInstance(): Promise<BaseUriResult | undefined> {
    const setting = vscode.workspace.getConfiguration('ldManifest.launchDarkly').get<string>('baseUri')?.trim();
    if (setting) return resolveBaseUri(setting);
    const items = [
      { label: 'Commercial', description: INSTANCES.commercial, value: INSTANCES.commercial },
      { label: 'EU', description: INSTANCES.eu, value: INSTANCES.eu },
      { label: 'Federal', description: INSTANCES.federal, value: INSTANCES.federal },
      { label: 'Other…', description: 'a custom base URL', value: '' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Sign in to which LaunchDarkly instance?', ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.value) return resolveBaseUri(picked.value);
    const typed = await vscode.window.showInputBox({
      title: 'LaunchDarkly base URL',
      placeHolder: 'https://…',
      ignoreFocusOut: true,
      validateInput: (text) => {
        const result = resolveBaseUri(text);
        return result.ok ? undefined : result.problem;
      },
    });
    return typed === undefined ? undefined : resolveBaseUri(typed);
  }
}

function clientFor(baseUri: string, token: string, platform: ClientPlatform, options: Partial<ApiClientOptions>): LaunchDarklyClient {
  // A browser sends its own User-Agent and lets no page set one.
  const agent = platform.name === 'desktop' ? { userAgent: userAgent(EDITOR_PRODUCT, version) } : {};
  return new LaunchDarklyClient({ baseUri, token, send: platform.send, ...agent, tokenSource: TOKEN_SOURCE, ...options });
}
