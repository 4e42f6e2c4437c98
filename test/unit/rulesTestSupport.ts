// Shared by the rules and pointer tests: an in-memory environment and a correct manifest that uses
// every feature the rules look at, so that "silent on a correct manifest" means something.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { parseManifest, type ManifestDocument } from '../../server/src/engine/manifestDocument';
import type { RuleEnvironment } from '../../server/src/engine/rules';
import { manifestText, validManifest } from '../support/manifests';

/** A manifest as the tests edit it: arbitrary nested JSON, reached into by path. */
 
export type EditableJson = Record<string, any>;

export const MANIFEST_URI = 'file:///ws/integrations/acme/manifest.json';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';

/** Files relative to the manifest folder. */
export function memoryEnvironment(files: Record<string, string>, extra: Partial<RuleEnvironment> = {}): RuleEnvironment {
  const absolute = new Map(Object.entries(files).map(([path, text]) => [new URL(path, MANIFEST_URI).href, text]));
  return {
    manifestUri: MANIFEST_URI,
    read: (uri) => {
      const text = absolute.get(uri);
      return text === undefined ? { kind: 'missing' } : { kind: 'text', text };
    },
    ...extra,
  };
}

export const correctFiles: Record<string, string> = {
  'assets/images/square.svg': SVG,
  'assets/images/horizontal.svg': SVG,
  'templates/flag.json.hbs': '{ "text": "{{{title.plainText}}}", "comment": "{{comment}}", "project": "{{project.key}}", "token": "{{formVariables.apiKey}}" }',
  'templates/default.txt.hbs': '{{{title.plainText}}}{{#if comment}}: {{comment}}{{/if}}',
  'templates/member.json.hbs': '{ "who": "{{member.email}}", "what": "{{{details.plainText}}}" }',
  'sample-responses/validationRequest.json': JSON.stringify({ ok: true, errors: [{ message: 'bad token' }], 'a/b': { '~x': 1 } }),
  'sample-responses/syncedSegment.json': JSON.stringify({
    environmentId: 'env',
    batch: [{ cohortId: 'c1', cohortName: 'Buyers', userId: 'u1', value: true }],
  }),
};

/** A manifest every rule is satisfied with: each capability the rules inspect, written correctly. */
export function correctManifest(): EditableJson {
  const manifest = validManifest() as EditableJson;
  manifest.formVariables = [
    { key: 'apiKey', name: 'API key', type: 'string', description: 'Key.', isSecret: true },
    { key: 'verbose', name: 'Verbose', type: 'boolean', description: 'More.', isOptional: true, defaultValue: false },
    {
      key: 'colors',
      name: 'Colors',
      type: 'multiselect',
      description: 'Pick.',
      isOptional: true,
      multiselectOptions: [{ label: 'Red', value: 'red' }],
      multiselectDefaultOptions: ['red'],
    },
    { key: 'scope', name: 'Scope', type: 'environmentSelector', description: 'Where.', isOptional: true },
    {
      key: 'team',
      name: 'Team',
      type: 'dynamicEnum',
      description: 'Team.',
      dynamicOptions: {
        endpoint: { url: 'https://api.acme.com/teams', method: 'GET', headers: [{ name: 'Authorization', value: '{{apiKey}}' }] },
        parser: { optionsPath: '/teams', optionsItems: { label: '/name', value: '/id' } },
      },
    },
  ];
  manifest.capabilities.featureStore.validationRequest.parser = { success: '/ok', errors: '/errors' };
  manifest.capabilities.auditLogEventsHook = {
    endpoint: { url: 'https://hooks.acme.com/{{apiKey}}', method: 'POST', headers: [{ name: 'Content-Type', value: 'application/json' }] },
    templates: { flag: 'templates/flag.json.hbs', default: 'templates/default.txt.hbs', validation: 'templates/default.txt.hbs', member: 'templates/member.json.hbs' },
  };
  manifest.capabilities.syncedSegment = {
    requestParser: {
      environmentIdPath: '/environmentId',
      cohortIdPath: '/batch/0/cohortId',
      cohortNamePath: '/batch/0/cohortName',
      memberArrayPath: '/batch',
      memberArrayParser: { memberIdPath: '/userId', booleanMembershipPath: '/value' },
    },
  };
  manifest.capabilities.trigger = { documentation: 'https://docs.acme.com', parser: { eventName: '/title', url: '/url' } };
  manifest.requiresOAuth = true;
  manifest.oauthIntegrationKey = 'acme';
  return manifest;
}

export function docOf(manifest: unknown): ManifestDocument {
  return parseManifest(MANIFEST_URI, manifestText(manifest));
}

export function edited(edit: (m: EditableJson) => void): ManifestDocument {
  const manifest = correctManifest();
  edit(manifest);
  return docOf(manifest);
}

export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** The document text after applying a code action's edits. */
export function applyAction(doc: ManifestDocument, action: CodeAction): string {
  const edits = action.edit?.changes?.[doc.uri] ?? [];
  return TextDocument.applyEdits(doc.text, edits);
}

/** A diagnostic's message as text (the LSP type also allows Markdown content). */
export function msg(diagnostic: Pick<Diagnostic, 'message'>): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
