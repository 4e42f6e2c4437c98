// Shared by the e2e tests: find the installed extension, open fixtures and wait for the language
// server without fixed sleeps (every wait is an event or a poll with a deadline).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'ld-manifest-tools.launchdarkly-manifest-tools';
export const LANGUAGE_ID = 'launchdarkly-manifest';
export const SOURCE = 'ld-manifest';
/** The repository root, seen from the bundle at out/test/e2e/suite/*.js. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export interface ExtensionApi {
  ready(): Promise<void>;
}

/** The extension under test, activated, with its language server started. */
export async function activatedExtension(): Promise<vscode.Extension<ExtensionApi>> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await api.ready();
  return extension;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test needs a workspace folder');
  return folder.uri;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/** Resolves with probe()'s first truthy result; probes now, on every given event, and every pollMs. */
export function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: { events?: vscode.Event<unknown>[]; timeoutMs?: number; pollMs?: number } = {},
): Promise<T> {
  const { events = [], timeoutMs = 20_000, pollMs = 250 } = options;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let lastError: unknown;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (result: { value: T } | { error: Error }) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearInterval(poller);
      subscriptions.forEach((s) => s.dispose());
      if ('value' in result) resolve(result.value);
      else reject(result.error);
    };
    const check = async () => {
      if (settled) return;
      try {
        const value = await probe();
        if (value) finish({ value });
      } catch (error) {
        lastError = error;
      }
    };
    const deadline = setTimeout(() => {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      finish({ error: new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`) });
    }, timeoutMs);
    const poller = setInterval(() => void check(), pollMs);
    for (const event of events) subscriptions.push(event(() => void check()));
    void check();
  });
}

export async function openFixture(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relative));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The document at `uri` once it has the manifest language (it may be switched after opening). */
export function manifestDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const find = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === LANGUAGE_ID);
  return waitFor(`${vscode.workspace.asRelativePath(uri)} to have language ${LANGUAGE_ID}`, find, {
    events: [vscode.workspace.onDidOpenTextDocument],
  });
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Our diagnostics for `uri` once there is at least one (or once `accept` says they are complete). */
export function diagnosticsFor(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `diagnostics with source ${SOURCE} for ${vscode.workspace.asRelativePath(uri)}`,
    () => {
      const diagnostics = ourDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    { events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>] },
  );
}

/** Schema and JSON syntax problems: what these tests are about (other rules have their own tests). */
export function isSchemaOrSyntax(diagnostic: vscode.Diagnostic): boolean {
  return /^(schema|json)-/.test(codeOf(diagnostic));
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.source}/${codeOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`)
    .join('\n');
}

/** Position of the first occurrence of `needle` (after `after`, if given), plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0, after?: string): vscode.Position {
  const text = document.getText();
  const from = after === undefined ? 0 : text.indexOf(after);
  assert.ok(from >= 0, `"${after}" not found in ${document.uri.path}`);
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `"${needle}" not found in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

/** The position on the first empty line after the line containing `anchor`. */
export function blankLineAfter(document: vscode.TextDocument, anchor: string): vscode.Position {
  const start = positionOf(document, anchor).line;
  for (let line = start + 1; line < document.lineCount; line++) {
    if (document.lineAt(line).isEmptyOrWhitespace) return new vscode.Position(line, document.lineAt(line).text.length);
  }
  throw new Error(`no blank line after "${anchor}"`);
}

export async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** Completion labels once the providers return something (the server may still be starting). */
export function completionLabelsEventually(uri: vscode.Uri, position: vscode.Position, what: string): Promise<string[]> {
  return waitFor(what, async () => {
    const labels = await completionLabels(uri, position);
    return labels.length > 0 ? labels : undefined;
  });
}

export function unquote(label: string): string {
  return label.replace(/^"(.*)"$/, '$1');
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** The bundled schema of the installed extension: what hover and completion texts come from. */
export function bundledSchema(extension: vscode.Extension<unknown>): JsonSchema {
  return JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'schemas', 'manifest.schema.json'), 'utf8')) as JsonSchema;
}

export interface JsonSchema {
  $ref?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  [key: string]: unknown;
}

/** Follows local `$ref`s (`#/definitions/x`, `#/$defs/x`) in `root`. */
export function deref(root: JsonSchema, schema: JsonSchema | undefined, depth = 0): JsonSchema | undefined {
  if (!schema?.$ref || depth > 20) return schema;
  assert.ok(schema.$ref.startsWith('#'), `non-local $ref ${schema.$ref}`);
  let target: unknown = root;
  for (const raw of schema.$ref.slice(1).split('/').filter(Boolean)) {
    target = (target as Record<string, unknown> | undefined)?.[decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return deref(root, target as JsonSchema | undefined, depth + 1);
}

/** The sub-schemas for the property at `keys` (looking through $ref and allOf/anyOf/oneOf). */
export function propertySchemas(root: JsonSchema, keys: string[]): JsonSchema[] {
  let current: JsonSchema[] = [root];
  for (const key of keys) {
    const next: JsonSchema[] = [];
    const visit = (schema: JsonSchema | undefined) => {
      const s = deref(root, schema);
      if (!s) return;
      if (s.properties?.[key]) next.push(deref(root, s.properties[key])!);
      for (const branch of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) visit(branch);
    };
    current.forEach(visit);
    current = next;
  }
  return current;
}

export function descriptionOf(root: JsonSchema, keys: string[]): string {
  const schema = propertySchemas(root, keys).find((s) => s.markdownDescription ?? s.description);
  assert.ok(schema, `the bundled schema has no description for ${keys.join('.')}`);
  return (schema.markdownDescription ?? schema.description)!;
}

export function enumOf(root: JsonSchema, keys: string[]): string[] {
  const schema = propertySchemas(root, keys).find((s) => Array.isArray(s.enum));
  assert.ok(schema?.enum, `the bundled schema has no enum for ${keys.join('.')}`);
  return schema.enum.map(String);
}
