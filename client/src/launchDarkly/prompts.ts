// The questions of "Create configuration": project and environment (fetched from LaunchDarkly), the
// config values per form variable in manifest order and by type (pick lists for enums and booleans,
// several picks for a multiselect, secrets masked, optional ones prefilled with their default,
// generated and unused ones never asked), then name, tags and on/off. Undefined: cancelled.
import * as vscode from 'vscode';
import type { LaunchDarklyClient } from '../../../server/src/launchdarkly/apiClient';
import type { StoreVariable } from '../../../server/src/launchdarkly/storeCapability';
import { answerShape, nextVariable } from './askOrder';

export interface Placement {
  readonly projectKey: string;
  readonly environmentKey: string;
}

export interface Details {
  readonly name: string;
  readonly tags: readonly string[];
  readonly on: boolean;
}

/** A project and environment picked from what the token can see; a string says why not. */
export async function pickPlacement(client: LaunchDarklyClient): Promise<Placement | string | undefined> {
  const projects = await client.listProjects();
  if (!projects.ok) return projects.failure.message;
  const project = await vscode.window.showQuickPick(
    projects.value.map((p) => ({ label: p.name, description: p.key, project: p })),
    { title: 'Create in which project?', ignoreFocusOut: true },
  );
  if (!project) return undefined;
  let environments = project.project.environments;
  if (!environments) {
    const listed = await client.listEnvironments(project.project.key);
    if (!listed.ok) return listed.failure.message;
    environments = listed.value;
  }
  const environment = await vscode.window.showQuickPick(
    environments.map((e) => ({ label: e.name, description: e.key, key: e.key })),
    { title: `Create in which environment of ${project.project.name}?`, ignoreFocusOut: true },
  );
  return environment && { projectKey: project.project.key, environmentKey: environment.key };
}

/** The config values, asked one by one; `dependsOn` is decided on the answers so far. */
export async function askConfigValues(variables: readonly StoreVariable[]): Promise<Record<string, unknown> | undefined> {
  const answers = new Map<string, unknown>();
  const askable = variables.filter((v) => v.type !== 'generated' && !v.isHidden).length;
  for (let variable = nextVariable(variables, answers); variable; variable = nextVariable(variables, answers)) {
    const answer = await askOne(variable, `${variable.name} (${answers.size + 1}/${askable})`);
    if (answer === undefined) return undefined;
    answers.set(variable.key, answer);
  }
  // Empty optional answers are left out: the server applies the default.
  return Object.fromEntries([...answers].filter(([key, value]) => !(value === '' && variables.find((v) => v.key === key)?.isOptional)));
}

/** One variable's value, asked by its type; undefined when cancelled. */
export async function askOne(variable: StoreVariable, title: string): Promise<unknown> {
  const shape = answerShape(variable);
  const fallback = variable.defaultValue === undefined ? undefined : String(variable.defaultValue);
  if (shape.kind === 'pickMany') {
    const picked = await vscode.window.showQuickPick(shape.choices.map((label) => ({ label })), { title, placeHolder: variable.description, canPickMany: true, ignoreFocusOut: true });
    return picked?.map((p) => p.label);
  }
  if (shape.kind === 'pick') {
    const items = shape.choices.map((label) => ({ label, description: label === fallback ? 'default' : undefined }));
    items.sort((a, b) => Number(b.label === fallback) - Number(a.label === fallback));
    return (await vscode.window.showQuickPick(items, { title, placeHolder: variable.description ?? variable.key, ignoreFocusOut: true }))?.label;
  }
  return vscode.window.showInputBox({
    title,
    prompt: variable.description,
    value: variable.isSecret ? undefined : fallback,
    placeHolder: variable.placeholder,
    password: variable.isSecret,
    ignoreFocusOut: true,
    validateInput: (text) => (text === '' && !variable.isOptional ? `${variable.name} is required` : undefined),
  });
}

export async function askDetails(integrationKey: string): Promise<Details | undefined> {
  const name = await vscode.window.showInputBox({ title: 'Name of the configuration', value: integrationKey, ignoreFocusOut: true });
  if (name === undefined) return undefined;
  const tags = await vscode.window.showInputBox({ title: 'Tags (comma-separated, may be empty)', ignoreFocusOut: true });
  if (tags === undefined) return undefined;
  const on = await vscode.window.showQuickPick(['Off', 'On'], { title: 'Turn it on now?', ignoreFocusOut: true });
  if (on === undefined) return undefined;
  return { name, tags: tags.split(',').map((t) => t.trim()).filter((t) => t !== ''), on: on === 'On' };
}
