// A template file (`integrations/<key>/templates/flag.json.hbs`) opened on its own: which manifest
// names it, under which capability and name, and what its templates can see there. Found by reading
// the `manifest.json` files of the folders above it (at most MAX_FOLDERS_UP), through the host, so
// that the file's checks depend on the manifest like any other read.
import type { EngineHost } from '../host';
import { parseManifest, type ManifestDocument } from '../manifestDocument';
import { templateFileReferences } from '../rules/templateFileReferences';
import { parentFolder, resolveBeside } from '../uris';
import { sampleEventFor, type TemplateKind } from '../rules/auditLogTemplates/sampleEvents';
import { isJsonTemplate, sampleFormValues } from '../rules/auditLogTemplates/templateContext';
import { formVariablesAt, type FormVariable } from '../templates/formVariables';
import { isTrue } from '../jsonTree';

const MAX_FOLDERS_UP = 3;
const AUDIT_KINDS = new Set(['flag', 'project', 'environment', 'default', 'validation', 'member']);

/** A part of the context whose shape is not known: any path below it is accepted. */
export const OPEN = Symbol('open');

export interface TemplateFileContext {
  readonly manifestUri: string;
  readonly manifest: ManifestDocument;
  readonly capability: string;
  /** The template's name in the capability's `templates` (its event kind for auditLogEventsHook). */
  readonly name: string;
  readonly json: boolean;
  /** The form variables the template sees as `formVariables.*`. */
  readonly formVariables: readonly FormVariable[];
  /** What the template can reference, as a sample (OPEN where the shape is not known), or undefined when nothing is known. */
  readonly known: Record<string, unknown> | undefined;
}

/** Whether a document is a Handlebars template file rather than a manifest. */
export function isTemplateFileUri(uri: string): boolean {
  return /\.(hbs|handlebars)$/i.test(uri.split(/[?#]/)[0]!);
}

export function templateFileContext(host: EngineHost, fileUri: string): TemplateFileContext | undefined {
  let folder = parentFolder(fileUri);
  for (let up = 0; folder !== undefined && up < MAX_FOLDERS_UP; up++, folder = parentFolder(folder)) {
    const manifestUri = resolveBeside(folder, 'manifest.json');
    if (manifestUri === undefined) return undefined;
    const read = host.readFile(manifestUri);
    if (read.kind !== 'text') continue;
    const manifest = parseManifest(manifestUri, read.text);
    const found = namingReference(manifest, manifestUri, fileUri);
    if (found) return { manifestUri, manifest, ...found, ...knownContext(manifest, found.capability, found.name) };
  }
  return undefined;
}

function namingReference(manifest: ManifestDocument, manifestUri: string, fileUri: string): { capability: string; name: string; json: boolean } | undefined {
  const reference = templateFileReferences(manifest).find((r) => resolveBeside(manifestUri, r.relativePath) === fileUri);
  return reference && { capability: reference.capability, name: reference.name, json: isJsonTemplate(reference.relativePath) };
}

function knownContext(manifest: ManifestDocument, capability: string, name: string): Pick<TemplateFileContext, 'formVariables' | 'known'> {
  const formVariables = formVariablesAt(manifest, ['formVariables']);
  const formValues = sampleFormValues(manifest.root);
  if (capability === 'auditLogEventsHook' && AUDIT_KINDS.has(name)) {
    const known: Record<string, unknown> = { ...sampleEventFor(name as TemplateKind), formVariables: formValues };
    if (isTrue(manifest.root, 'requiresOAuth')) known.oauth = OPEN;
    return { formVariables, known };
  }
  if (capability === 'eventsHook') {
    // Seen in the one real manifest (rendering.md); the rest of the event is not documented.
    return { formVariables, known: { formVariables: formValues, timestamp: OPEN, link: 'https://app.launchdarkly.com/…', templateVariables: OPEN } };
  }
  return { formVariables, known: undefined };
}
