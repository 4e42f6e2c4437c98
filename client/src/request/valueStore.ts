// The values a request needs, asked for in manifest order and remembered per manifest and variable:
// secrets in VS Code's SecretStorage (the OS keychain), everything else in workspace state. The next
// run offers the remembered value; "Forget values" removes them.
import * as vscode from 'vscode';
import { sampleFeatureStoreKey } from '../../../server/src/request/sampleKey';
import { FEATURE_STORE_KEY, type RequestVariableInfo } from '../../../server/src/protocol';

/** What storing a value needs to know of its variable. */
type StoredVariable = Pick<RequestVariableInfo, 'key' | 'isSecret'>;

export class ValueStore {
  constructor(private readonly context: vscode.ExtensionContext) {}

  private key(manifest: vscode.Uri, variable: string): string {
    return `ldManifest.request/${manifest.toString()}/${variable}`;
  }

  async get(manifest: vscode.Uri, variable: StoredVariable): Promise<string | undefined> {
    const key = this.key(manifest, variable.key);
    return variable.isSecret ? this.context.secrets.get(key) : this.context.workspaceState.get<string>(key);
  }

  async set(manifest: vscode.Uri, variable: StoredVariable, value: string): Promise<void> {
    const key = this.key(manifest, variable.key);
    if (variable.isSecret) await this.context.secrets.store(key, value);
    else await this.context.workspaceState.update(key, value);
  }

  /** Removes every remembered value of the manifest (secrets by the keys the manifest declares). */
  async forget(manifest: vscode.Uri, declared: readonly StoredVariable[]): Promise<number> {
    const prefix = this.key(manifest, '');
    let count = 0;
    for (const key of this.context.workspaceState.keys().filter((k) => k.startsWith(prefix))) {
      await this.context.workspaceState.update(key, undefined);
      count++;
    }
    for (const variable of declared.filter((v) => v.isSecret)) {
      const key = this.key(manifest, variable.key);
      if ((await this.context.secrets.get(key)) !== undefined) count++;
      await this.context.secrets.delete(key);
    }
    return count;
  }

  /** The `_featureStoreKey`: the setting, else a sample key generated once per manifest and kept. */
  async featureStoreKey(manifest: vscode.Uri, fromSetting: string | undefined): Promise<string> {
    if (fromSetting) return fromSetting;
    const key = this.key(manifest, FEATURE_STORE_KEY);
    let sample = this.context.workspaceState.get<string>(key);
    if (!sample) {
      sample = sampleFeatureStoreKey();
      await this.context.workspaceState.update(key, sample);
    }
    return sample;
  }
}

/** Asks for each variable; undefined when the author cancels. Remembered values are offered first. */
export async function askForValues(store: ValueStore, manifest: vscode.Uri, variables: readonly RequestVariableInfo[]): Promise<Record<string, string> | undefined> {
  const values: Record<string, string> = {};
  for (const [index, variable] of variables.entries()) {
    const remembered = await store.get(manifest, variable);
    const title = `${variable.name} (${index + 1}/${variables.length})`;
    const answer = await ask(variable, remembered, title);
    if (answer === undefined) return undefined;
    // Defined, not assigned: a manifest may name a variable `__proto__`.
    Object.defineProperty(values, variable.key, { value: answer, enumerable: true, writable: true, configurable: true });
    await store.set(manifest, variable, answer);
  }
  return values;
}

async function ask(variable: RequestVariableInfo, remembered: string | undefined, title: string): Promise<string | undefined> {
  const choices = variable.choices?.length ? variable.choices : undefined;
  const fallback = remembered ?? (variable.defaultValue === undefined ? undefined : String(variable.defaultValue));
  if (choices) {
    const items = choices.map((label) => ({ label, description: label === fallback ? (remembered !== undefined ? 'last used' : 'default') : undefined }));
    items.sort((a, b) => Number(b.label === fallback) - Number(a.label === fallback));
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: variable.description ?? variable.key, ignoreFocusOut: true });
    return picked?.label;
  }
  return vscode.window.showInputBox({
    title,
    prompt: variable.description,
    value: fallback,
    placeHolder: variable.placeholder,
    password: variable.isSecret,
    ignoreFocusOut: true,
    validateInput: (text) => (text === '' && !variable.isOptional ? `${variable.name} is required` : undefined),
  });
}
