// The store configuration commands: create from the manifest, validate on LaunchDarkly's side, turn
// on/off, rename, change values (JSON Patch testing the version the view showed), delete (modal
// confirmation), open the integration's page, copy a call as curl. Each needs a trusted workspace
// and a sign-in; what the manifest means comes from the language server (StorePlan, StoreConfig).
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { describeRef, type LaunchDarklyClient } from '../../../server/src/launchdarkly/apiClient';
import { buildPatch, type ConfigurationChange } from '../../../server/src/launchdarkly/jsonPatch';
import { validationSucceeded, type ValidationResult } from '../../../server/src/launchdarkly/responses';
import { KIND_LABEL, routes, type ConfigurationRef } from '../../../server/src/launchdarkly/routes';
import { COMMANDS, LAUNCHDARKLY_COMMANDS, StoreConfigRequest, type StoreConfigParams, type StoreConfigResult } from '../../../server/src/protocol';
import { curlCommand } from '../../../server/src/request/curl';
import { SecretMasker } from '../../../server/src/request/secretMasker';
import { integrationPage } from './configText';
import { askConfigValues, askDetails, askOne, pickPlacement } from './prompts';
import type { LaunchDarklySession } from './session';
import type { PlanOf, StoreNode, StorePlan, StoreTree } from './storeTree';

type ConfigurationNode = Extract<StoreNode, { kind: 'configuration' }>;

/** The test injection point of Create: what is given is not asked. */
export interface CreateArgs {
  readonly uri?: string;
  readonly projectKey?: string;
  readonly environmentKey?: string;
  readonly values?: Readonly<Record<string, unknown>>;
  readonly name?: string;
  readonly tags?: readonly string[];
  readonly on?: boolean;
}

const UNTRUSTED = 'Talking to LaunchDarkly is disabled in Restricted Mode: it sends your access token and config values. Trust the workspace first.';

export class StoreCommands {
  constructor(
    private readonly session: LaunchDarklySession,
    private readonly tree: StoreTree,
    private readonly planOf: PlanOf,
    private readonly languageClient: () => Promise<LanguageClient>,
    private readonly output: vscode.OutputChannel,
  ) {}

  private check(params: StoreConfigParams): Promise<StoreConfigResult> {
    return this.languageClient().then((c) => c.sendRequest(StoreConfigRequest, params));
  }

  /**
   * A client when trusted and signed in; otherwise says why (with a Sign In button) and is undefined.
   * `secrets`: the secret config values the call is about, masked (besides the token) in what
   * LaunchDarkly's error messages say, as the CLI does.
   */
  private async client(secrets: readonly string[] = []): Promise<{ client: LaunchDarklyClient; baseUri: string } | undefined> {
    if (!vscode.workspace.isTrusted) return this.fail(UNTRUSTED);
    const session = await this.session.client({ secrets, onRateLimit: (wait) => void vscode.window.setStatusBarMessage(`LaunchDarkly is limiting the rate of calls: retrying in ${Math.ceil(wait.waitMs / 1000)} s`, wait.waitMs) });
    if (typeof session !== 'string') return session;
    const choice = await vscode.window.showErrorMessage(session, 'Sign In');
    if (choice) await vscode.commands.executeCommand(LAUNCHDARKLY_COMMANDS.signIn);
    return undefined;
  }

  async create(args: CreateArgs = {}): Promise<string | undefined> {
    const manifest = args.uri ? vscode.Uri.parse(args.uri) : this.tree.currentManifest() ?? vscode.window.activeTextEditor?.document.uri;
    if (!manifest) return this.fail('Open a manifest with a featureStore or bigSegmentStore capability first.');
    const plan = await this.planOf(manifest);
    if (!plan.ok) return this.fail(`Cannot create: ${plan.problem}.`);
    const session = await this.client();
    if (!session) return undefined;
    const placement = args.projectKey && args.environmentKey ? { projectKey: args.projectKey, environmentKey: args.environmentKey } : await pickPlacement(session.client);
    if (typeof placement === 'string') return this.fail(placement);
    const values = args.values ?? (placement && (await askConfigValues(plan.variables)));
    const details = values && (args.name !== undefined ? { name: args.name, tags: args.tags ?? [], on: args.on ?? false } : await askDetails(plan.integrationKey));
    if (!placement || !values || !details) return undefined;
    const checked = await this.check({ uri: manifest.toString(), values, mode: 'create' });
    if (!checked.ok) return this.fail(`Nothing was sent: ${checked.problems.join('; ')}`);
    const at = { kind: plan.kind, integrationKey: plan.integrationKey, ...placement };
    const sender = await this.client(secretValuesIn(plan, checked.config));
    if (!sender) return undefined;
    const created = await sender.client.createConfiguration(at, { config: checked.config, name: details.name, tags: details.tags, on: details.on }, secretKeysOf(plan));
    if (!created.ok) return this.fail(created.failure.message);
    this.tree.refresh(manifest);
    void vscode.window.showInformationMessage(`Created ${describeRef({ ...at, id: created.value.id })}.`);
    return created.value.id;
  }

  /** LaunchDarkly sends the manifest's validation request with the saved config; its answer goes to the output. */
  async validate(node?: ConfigurationNode): Promise<ValidationResult | undefined> {
    const target = node ?? (await this.pick('Validate which delivery configuration?', 'featureStore'));
    const session = target && (await this.client(secretValuesOf(target)));
    if (!target || !session) return undefined;
    const ref = { ...refOf(target), kind: 'featureStore' as const };
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'LaunchDarkly is validating…' }, () => session.client.validateDeliveryConfiguration(ref));
    if (!result.ok) return void this.fail(result.failure.message);
    const masker = new SecretMasker([(await this.session.token()) ?? '', ...secretValuesOf(target)]);
    const passed = validationSucceeded(result.value);
    this.output.appendLine(
      [
        `=== LaunchDarkly validated ${describeRef(ref)}: ${passed ? 'passed' : 'FAILED'}`,
        `Status code: ${result.value.statusCode ?? '(none)'}`,
        ...(result.value.error ? [`Error: ${masker.outside(result.value.error)}`] : []),
        `At: ${result.value.timestamp === undefined ? '(no timestamp)' : new Date(result.value.timestamp).toISOString()}`,
        'Response body:',
        masker.outside(result.value.responseBody ?? '') || '(empty)',
        '',
      ].join('\n'),
    );
    const show = passed ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
    void show(`LaunchDarkly's validation ${passed ? 'passed' : 'failed'} (status ${result.value.statusCode ?? 'none'}).`, 'Show details', 'Test Locally Too').then((choice) => {
      if (choice === 'Show details') this.output.show(true);
      if (choice === 'Test Locally Too') void vscode.commands.executeCommand(COMMANDS.testValidation, { uri: target.manifest.toString() });
    });
    return result.value;
  }

  async toggle(node?: ConfigurationNode): Promise<boolean> {
    const target = node ?? (await this.pick('Turn which configuration on or off?'));
    return target ? this.update(target, { on: !target.configuration.on }) : false;
  }

  async rename(node?: ConfigurationNode, name?: string): Promise<boolean> {
    const target = node ?? (await this.pick('Rename which configuration?'));
    const newName = target && (name ?? (await vscode.window.showInputBox({ title: 'New name', value: target.configuration.name, ignoreFocusOut: true })));
    return target && newName !== undefined ? this.update(target, { name: newName }) : false;
  }

  async editValues(node?: ConfigurationNode, values?: Readonly<Record<string, unknown>>): Promise<boolean> {
    const target = node ?? (await this.pick('Change the values of which configuration?'));
    if (!target) return false;
    let given = values;
    if (!given) {
      const variables = target.plan.variables.filter((v) => v.type !== 'generated');
      const picked = await vscode.window.showQuickPick(variables.map((v) => ({ label: v.name, description: v.key, variable: v })), { title: 'Change which value?', ignoreFocusOut: true });
      const answer = picked && (await askOne(picked.variable, picked.variable.name));
      if (!picked || answer === undefined) return false;
      given = { [picked.variable.key]: answer };
    }
    const checked = await this.check({ uri: target.manifest.toString(), values: given, mode: 'update', current: target.configuration.config });
    if (!checked.ok) return Boolean(this.fail(`Nothing was sent: ${checked.problems.join('; ')}`));
    return this.update(target, { config: checked.config });
  }

  async delete(node?: ConfigurationNode, confirmed?: boolean): Promise<boolean> {
    const target = node ?? (await this.pick('Delete which configuration?'));
    if (!target) return false;
    const subject = describeRef(refOf(target));
    const sure = confirmed ?? (await vscode.window.showWarningMessage(`Delete ${subject}?`, { modal: true, detail: 'LaunchDarkly stops using it at once. This cannot be undone.' }, 'Delete')) === 'Delete';
    const session = sure && (await this.client(secretValuesOf(target)));
    if (!session) return false;
    const deleted = await session.client.deleteConfiguration(refOf(target));
    if (!deleted.ok) return Boolean(this.fail(deleted.failure.message));
    this.tree.refresh();
    void vscode.window.showInformationMessage(`Deleted ${subject}.`);
    return true;
  }

  async open(node?: ConfigurationNode): Promise<void> {
    const target = node ?? (await this.pick('Open which configuration in LaunchDarkly?'));
    const base = this.session.baseUri();
    if (target && base.ok) await vscode.env.openExternal(vscode.Uri.parse(integrationPage(base.baseUri, target.plan.integrationKey)));
  }

  /** One call about the configuration as curl, the token read from $LD_ACCESS_TOKEN. */
  async copyCurl(node?: ConfigurationNode): Promise<string | undefined> {
    const target = node ?? (await this.pick('Copy a call about which configuration?'));
    const session = target && (await this.client());
    if (!target || !session) return undefined;
    const ref = refOf(target);
    const calls = [
      { label: 'Get', route: routes.get(ref), body: undefined },
      ...(ref.kind === 'featureStore' ? [{ label: 'Validate', route: routes.validate({ ...ref, kind: 'featureStore' }), body: undefined }] : []),
      { label: target.configuration.on ? 'Turn off' : 'Turn on', route: routes.update(ref), body: buildPatch({ on: !target.configuration.on }, target.configuration.version) },
      { label: 'Delete', route: routes.delete(ref), body: undefined },
    ];
    const picked = await vscode.window.showQuickPick(calls, { title: 'Copy which call as curl?' });
    if (!picked) return undefined;
    const curl = curlCommand(session.client.renderCall(picked.route, picked.body));
    await vscode.env.clipboard.writeText(curl);
    void vscode.window.showInformationMessage('Copied as curl. The token is read from $LD_ACCESS_TOKEN: set it before running it.');
    return curl;
  }

  private async update(target: ConfigurationNode, change: ConfigurationChange): Promise<boolean> {
    const session = await this.client([...secretValuesOf(target), ...(change.config ? secretValuesIn(target.plan, change.config) : [])]);
    if (!session) return false;
    const updated = await session.client.updateConfiguration(refOf(target), buildPatch(change, target.configuration.version), secretKeysOf(target.plan));
    this.tree.refresh();
    if (!updated.ok) return Boolean(this.fail(updated.failure.message));
    return true;
  }

  private async pick(title: string, kind?: StorePlan['kind']): Promise<ConfigurationNode | undefined> {
    const choices = this.tree.shown.filter((n) => kind === undefined || n.plan.kind === kind);
    if (choices.length === 0) return this.fail(`No ${kind ? KIND_LABEL[kind] : 'configuration'} is shown in the Store Configurations view.`);
    return (await vscode.window.showQuickPick(choices.map((node) => ({ label: node.configuration.name || node.configuration.id, description: describeRef(refOf(node)), node })), { title }))?.node;
  }

  private fail(message: string): undefined {
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}

function refOf(node: ConfigurationNode): ConfigurationRef {
  const c = node.configuration;
  return { kind: node.plan.kind, projectKey: c.projectKey, environmentKey: c.environmentKey, integrationKey: c.integrationKey, id: c.id };
}

function secretKeysOf(plan: StorePlan): Set<string> {
  return new Set(plan.variables.filter((v) => v.isSecret).map((v) => v.key));
}

/** Secret values LaunchDarkly echoed in the config: masked in what the validation shows. */
function secretValuesOf(node: ConfigurationNode): string[] {
  return secretValuesIn(node.plan, node.configuration.config);
}

/** The secret values in a config (given, or echoed by LaunchDarkly). */
function secretValuesIn(plan: StorePlan, config: Readonly<Record<string, unknown>>): string[] {
  return [...secretKeysOf(plan)].flatMap((key) => {
    const value = Object.prototype.hasOwnProperty.call(config, key) ? config[key] : undefined;
    return typeof value === 'string' && value !== '' ? [value] : [];
  });
}
