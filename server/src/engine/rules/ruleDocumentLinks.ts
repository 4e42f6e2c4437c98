// The file paths in a manifest as links: icons and auditLogEventsHook templates open on click.
import type { DocumentLink } from 'vscode-languageserver-types';
import { rangeOf, type ManifestDocument } from '../manifestDocument';
import { auditLogTemplateReferences } from './auditLogTemplates/templateFiles';
import { besideManifest, type RuleEnvironment } from './environment';
import { iconReferences } from './icons';

export function ruleDocumentLinks(doc: ManifestDocument, env: RuleEnvironment): DocumentLink[] {
  const references = [
    ...iconReferences(doc).map((icon) => ({ ...icon, what: `${icon.name} icon` })),
    ...auditLogTemplateReferences(doc).map((template) => ({ ...template, what: `${template.kind} template` })),
  ];
  return references.flatMap(({ node, relativePath, what }) => {
    const target = besideManifest(env, relativePath);
    if (target === undefined || env.read(target).kind !== 'text') return []; // a file not read has a diagnostic instead
    // The link covers the path between the quotes.
    return [{ range: rangeOf(doc, node.offset + 1, Math.max(0, node.length - 2)), target, tooltip: `Open the ${what}` }];
  });
}
