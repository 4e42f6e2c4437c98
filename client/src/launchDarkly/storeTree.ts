// The store configurations view: for the manifest in the active editor, its configurations in every
// project and environment the token can see, each with its name, on/off, version, tags and, for a
// persistent store, its sync status (icon and tooltip). Refreshed on demand, when the manifest changes,
// and every minute while the view is visible; after a rate limit the next periodic refresh is skipped.
import * as vscode from 'vscode';
import type { StoreConfiguration } from '../../../server/src/launchdarkly/responses';
import { LAUNCHDARKLY_COMMANDS, type StorePlanResult } from '../../../server/src/protocol';
import { configurationDescription, configurationIcon, configurationLabel, configurationTooltip } from './configText';
import type { LaunchDarklySession } from './session';

export type StorePlan = Extract<StorePlanResult, { ok: true }>;

export type StoreNode =
  | { readonly kind: 'configuration'; readonly configuration: StoreConfiguration; readonly manifest: vscode.Uri; readonly plan: StorePlan }
  | { readonly kind: 'message'; readonly text: string; readonly command?: vscode.Command };

/** What the view asks the language server for. */
export type PlanOf = (manifest: vscode.Uri) => Promise<StorePlanResult>;

const PERIOD_MS = 60_000;

export class StoreTree implements vscode.TreeDataProvider<StoreNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private manifest: vscode.Uri | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private rateLimited = false;
  /** The root load in flight: the view and the refresh command share it instead of asking twice. */
  private loading: Promise<StoreNode[]> | undefined;
  /** The configurations last shown, for commands run from the palette. */
  shown: readonly Extract<StoreNode, { kind: 'configuration' }>[] = [];

  constructor(
    private readonly session: LaunchDarklySession,
    private readonly planOf: PlanOf,
  ) {}

  dispose(): void {
    this.watch(false);
    this.changed.dispose();
  }

  /** Shows `manifest`'s configurations (the current manifest's when not given). */
  refresh(manifest?: vscode.Uri): void {
    if (manifest) this.manifest = manifest;
    // A load started before this refresh may answer for another manifest or sign-in: not shared.
    this.loading = undefined;
    this.changed.fire();
  }

  currentManifest(): vscode.Uri | undefined {
    return this.manifest;
  }

  /** Periodic refresh while the view is visible. */
  watch(visible: boolean): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = visible
      ? setInterval(() => {
          if (this.rateLimited) this.rateLimited = false;
          else this.refresh();
        }, PERIOD_MS)
      : undefined;
  }

  getTreeItem(node: StoreNode): vscode.TreeItem {
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.text);
      item.command = node.command;
      return item;
    }
    const c = node.configuration;
    const item = new vscode.TreeItem(configurationLabel(c));
    item.description = configurationDescription(c);
    item.tooltip = new vscode.MarkdownString(configurationTooltip(c));
    item.iconPath = new vscode.ThemeIcon(configurationIcon(c));
    item.contextValue = `ldStoreConfiguration.${node.plan.kind}`;
    item.id = `${node.plan.kind}/${c.id}`;
    return item;
  }

  getChildren(parent?: StoreNode): Promise<StoreNode[]> {
    if (parent) return Promise.resolve([]);
    if (!this.loading) {
      const loading = this.load();
      this.loading = loading;
      const done = () => {
        if (this.loading === loading) this.loading = undefined;
      };
      loading.then(done, done);
    }
    return this.loading;
  }

  /** What the view shows now, loaded afresh (or joining the load in flight): its nodes and their items. */
  async shownNow(): Promise<{ node: StoreNode; item: vscode.TreeItem }[]> {
    return (await this.getChildren()).map((node) => ({ node, item: this.getTreeItem(node) }));
  }

  private async load(): Promise<StoreNode[]> {
    this.shown = [];
    const manifest = this.manifest;
    if (!manifest) return [message('Open a manifest with a featureStore or bigSegmentStore capability.')];
    if (!vscode.workspace.isTrusted) return [message('Trust the workspace to talk to LaunchDarkly.')];
    let plan: StorePlanResult;
    try {
      plan = await this.planOf(manifest);
    } catch (error) {
      return [message(`The language server did not answer: ${error instanceof Error ? error.message : String(error)}`)];
    }
    if (!plan.ok) return [message(`${vscode.workspace.asRelativePath(manifest)}: ${plan.problem}`)];
    const session = await this.session.client({ maxRetries: 1, onRateLimit: () => (this.rateLimited = true) });
    if (typeof session === 'string') return [message(`${session} Sign in…`, { title: 'Sign In', command: LAUNCHDARKLY_COMMANDS.signIn })];
    const listed = await session.client.listConfigurations(plan.kind, { integrationKey: plan.integrationKey });
    if (!listed.ok) {
      if (listed.failure.kind === 'rate-limited') this.rateLimited = true;
      return [message(listed.failure.message)];
    }
    if (listed.value.length === 0) {
      return [message(`No configurations of '${plan.integrationKey}' yet: create one…`, { title: 'Create', command: LAUNCHDARKLY_COMMANDS.create, arguments: [{ uri: manifest.toString() }] })];
    }
    this.shown = listed.value.map((configuration) => ({ kind: 'configuration', configuration, manifest, plan }));
    return [...this.shown];
  }
}

function message(text: string, command?: vscode.Command): StoreNode {
  return { kind: 'message', text, command };
}
