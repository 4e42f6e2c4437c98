// Every template file a manifest names: the entries of each capability's `templates` map whose value
// is a non-empty string (auditLogEventsHook, eventsHook, flagImport…). One walk, read by the rules, the
// preview and the template-file documents alike.
import type { Node } from 'jsonc-parser';
import { memo, type ManifestDocument } from '../manifestDocument';
import { propertiesOf, valueOf } from '../jsonTree';

export interface TemplateFileReference {
  readonly capability: string;
  /** The entry's key: an event kind for auditLogEventsHook, a template name elsewhere. */
  readonly name: string;
  /** The string value naming the file. */
  readonly node: Node;
  readonly relativePath: string;
}

export function templateFileReferences(doc: ManifestDocument): readonly TemplateFileReference[] {
  return memo(doc, 'templateFileReferences', () => {
    const out: TemplateFileReference[] = [];
    for (const capability of propertiesOf(valueOf(doc.root, 'capabilities'))) {
      const capabilityName = String(capability.children?.[0]?.value);
      for (const property of propertiesOf(valueOf(capability.children?.[1], 'templates'))) {
        const node = property.children?.[1];
        if (node?.type === 'string' && typeof node.value === 'string' && node.value !== '') {
          out.push({ capability: capabilityName, name: String(property.children?.[0]?.value), node, relativePath: node.value });
        }
      }
    }
    return out;
  });
}
