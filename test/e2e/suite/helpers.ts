// Shared by the e2e tests: find the installed extension, open fixtures and wait for the language
// server without fixed sleeps (every wait is an event or a poll with a deadline).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The repository root, seen from the bundle at out/test/e2e/suite/*.js. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export * from './editorHelpers';
import { codeOf, positionOf } from './editorHelpers';

/** Schema and JSON syntax problems: what these tests are about (other rules have their own tests). */
export function isSchemaOrSyntax(diagnostic: vscode.Diagnostic): boolean {
  return /^(schema|json)-/.test(codeOf(diagnostic));
}

/** The position on the first empty line after the line containing `anchor`. */
export function blankLineAfter(document: vscode.TextDocument, anchor: string): vscode.Position {
  const start = positionOf(document, anchor).line;
  for (let line = start + 1; line < document.lineCount; line++) {
    if (document.lineAt(line).isEmptyOrWhitespace) return new vscode.Position(line, document.lineAt(line).text.length);
  }
  throw new Error(`no blank line after "${anchor}"`);
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
