// `icons` names SVG files beside the manifest; LaunchDarkly's CI checks they exist. The schema only
// checks that the names end in ".svg", so a PNG renamed to .svg passes it: look inside too.
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeRange, type ManifestDocument } from '../manifestDocument';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { besideManifest, whyNotRead, type RuleEnvironment } from './environment';
import { excerpt } from '../excerpt';
import { propertiesOf, valueOf } from '../jsonTree';

export interface IconReference {
  readonly name: string;
  readonly node: Node;
  readonly relativePath: string;
}

export function iconReferences(doc: ManifestDocument): IconReference[] {
  return propertiesOf(valueOf(doc.root, 'icons')).flatMap((property) => {
    const node = property.children?.[1];
    return node?.type === 'string' && node.value ? [{ name: String(property.children?.[0]?.value), node, relativePath: node.value as string }] : [];
  });
}

export function iconDiagnostics(doc: ManifestDocument, env: RuleEnvironment): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const icon of iconReferences(doc)) {
    const path = besideManifest(env, icon.relativePath);
    if (path === undefined) return []; // an unsaved manifest has no folder to look in
    const read = env.read(path);
    if (read.kind !== 'text') {
      diagnostics.push(makeDiagnostic('icon-missing', nodeRange(doc, icon.node), `The ${icon.name} icon "${excerpt(icon.relativePath)}" ${whyNotRead(read)}.`));
      continue;
    }
    if (!looksLikeSvg(read.text)) {
      diagnostics.push(
        makeDiagnostic('icon-not-svg', nodeRange(doc, icon.node), `The ${icon.name} icon "${icon.relativePath}" is not an SVG image (no <svg> element in it).`),
      );
    }
  }
  return diagnostics;
}

/** An SVG document has an `<svg` element; a PNG or JPEG read as text does not. */
export function looksLikeSvg(content: string): boolean {
  return /<svg[\s>]/i.test(content);
}
