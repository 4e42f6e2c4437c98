// LaunchDarkly as a VS Code authentication provider, so that the sign-in follows VS Code's conventions
// (the Accounts menu lists it; another extension may ask for the session, and VS Code asks the user
// before handing it over). The session is the one sign-in of LaunchDarklySession: the token stays in
// its SecretStorage entry, and signing out through the Accounts menu removes it there.
import * as vscode from 'vscode';
import { instanceLabel } from '../../../server/src/launchdarkly/instances';
import type { LaunchDarklySession } from './session';

export const AUTH_PROVIDER_ID = 'ldManifest.launchDarkly';

export class LaunchDarklyAuthProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private last: vscode.AuthenticationSession | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: LaunchDarklySession) {
    this.subscription = session.onDidChange(() => void this.announce());
    // What is signed in at start: a sign-out before any other change is then announced as a removal.
    void this.current().then((current) => (this.last ??= current));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    const current = await this.current();
    return current ? [current] : [];
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    if (!(await this.session.signIn())) throw new Error('Not signed in to LaunchDarkly.');
    const current = await this.current();
    if (!current) throw new Error('Not signed in to LaunchDarkly.');
    return current;
  }

  async removeSession(): Promise<void> {
    await this.session.signOut();
  }

  private async current(): Promise<vscode.AuthenticationSession | undefined> {
    const base = this.session.baseUri();
    const token = base.ok ? await this.session.token() : undefined;
    if (!base.ok || !token) return undefined;
    const label = instanceLabel(base.baseUri);
    return { id: base.baseUri, accessToken: token, account: { id: base.baseUri, label: `LaunchDarkly ${label}` }, scopes: [] };
  }

  /** Tells VS Code what changed since the last announcement. */
  private async announce(): Promise<void> {
    const now = await this.current();
    const before = this.last;
    this.last = now;
    const same = before?.id === now?.id && before?.accessToken === now?.accessToken;
    if (same) return;
    this.changed.fire({
      added: now && before?.id !== now.id ? [now] : [],
      removed: before && before.id !== now?.id ? [before] : [],
      changed: now && before?.id === now.id ? [now] : [],
    });
  }
}
