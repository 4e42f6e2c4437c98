// Of the manifests linted, those a change touches: the manifest itself changed, or a file it read did
// (an icon, an audit log template, a sample response, the schema in force, a sibling manifest for the
// oauthIntegrationKey rule). What a manifest read is what the engine recorded while linting it, the
// same record that tells the editor which documents to check again when a file changes.
import { pathToFileURL } from 'node:url';
import type { LintedManifest, Linter } from './lintRun';

export function selectChanged(linter: Linter, manifests: readonly LintedManifest[], changedPaths: readonly string[]): LintedManifest[] {
  const changed = new Set(changedPaths);
  const readers = new Set<string>();
  // fileChanged also forgets those documents' cached context; the run needs it no more.
  for (const path of changedPaths) for (const uri of linter.service.fileChanged(pathToFileURL(path).href)) readers.add(uri);
  return manifests.filter((m) => changed.has(m.absolute) || readers.has(m.uri));
}
