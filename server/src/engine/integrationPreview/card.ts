// The integration's card, as LaunchDarkly's integrations page shows it: the icons, the name, the
// overview, the description with its links, the categories and the links, plus the facts an author
// checks beside them (version, author, support address, capabilities). The icons are read through the
// host (the rules' bounds: inside the workspace, at most 8 MB) and sanitised before they are shown.
import type { Node } from 'jsonc-parser';
import type { ManifestDocument } from '../manifestDocument';
import { itemsOf, propertiesOf, valueOf } from '../jsonTree';
import { besideManifest, whyNotRead, type RuleEnvironment } from '../rules/environment';
import { iconReferences, looksLikeSvg } from '../rules/icons';
import { isLinkable, markdownParts } from './markdownLinks';
import type { Locations } from './locations';
import type { CardIcon, CardLink, CardModel, LocatedText } from './model';
import { sanitizeSvg, type SanitizedSvg } from './svg/sanitizeSvg';

/** The most categories, links and capabilities a card lists (the schema allows 3, 4 and a dozen). */
const MAX_CARD_ITEMS = 50;

/**
 * Sanitised icons by file, with the text they were made from. A file's text is its snapshot: an icon is
 * sanitised once however often the preview follows the manifest's edits (a 160 KB icon of the corpus
 * takes about 25 ms). Bounded: the oldest entry goes when it is full.
 */
const sanitizedIcons = new Map<string, { readonly text: string; readonly result: SanitizedSvg }>();
const MAX_SANITIZED_ICONS = 16;

export function cardModel(doc: ManifestDocument, env: RuleEnvironment, locations: Locations): CardModel {
  const root = doc.root;
  const text = (key: string): LocatedText | undefined => {
    const node = valueOf(root, key);
    return node?.type === 'string' ? { text: String(node.value), at: locations.at(node, [key]) } : undefined;
  };
  const markdown = (key: string) => {
    const node = valueOf(root, key);
    return node?.type === 'string' ? { parts: markdownParts(String(node.value)), at: locations.at(node, [key]) } : undefined;
  };
  const capabilities = valueOf(root, 'capabilities');
  return {
    name: text('name'),
    version: text('version'),
    author: text('author'),
    supportEmail: text('supportEmail'),
    overview: text('overview'),
    description: markdown('description'),
    details: markdown('details'),
    categories: stringItems(valueOf(root, 'categories'), ['categories'], locations),
    links: links(valueOf(root, 'links'), locations),
    icons: iconReferences(doc).map((icon) => iconOf(env, icon.name, icon.relativePath, locations.at(icon.node, ['icons', icon.name]))),
    capabilities: [
      ...propertiesOf(capabilities)
        .slice(0, MAX_CARD_ITEMS)
        .flatMap((property) => {
          const [key, value] = property.children ?? [];
          return key && value ? [{ text: String(key.value), at: locations.at(value, ['capabilities', String(key.value)]) }] : [];
        }),
      ...stringItems(valueOf(root, 'otherCapabilities'), ['otherCapabilities'], locations),
    ],
    requiresOAuth: valueOf(root, 'requiresOAuth')?.value === true,
    hiddenOnIntegrationsPage: valueOf(root, 'hideOnIntegrationsPage')?.value === true,
  };
}

function stringItems(list: Node | undefined, path: readonly string[], locations: Locations): LocatedText[] {
  return itemsOf(list)
    .slice(0, MAX_CARD_ITEMS)
    .flatMap((item, index) => (item.type === 'string' ? [{ text: String(item.value), at: locations.at(item, [...path, index]) }] : []));
}

function links(object: Node | undefined, locations: Locations): CardLink[] {
  return propertiesOf(object)
    .slice(0, MAX_CARD_ITEMS)
    .flatMap((property) => {
      const [key, value] = property.children ?? [];
      if (!key || value?.type !== 'string') return [];
      const url = String(value.value);
      const safe = isLinkable(url) && !url.toLowerCase().startsWith('mailto:');
      return [{ name: String(key.value), url, safe, at: locations.at(value, ['links', String(key.value)]) }];
    });
}

function iconOf(env: RuleEnvironment, which: string, file: string, at: CardIcon['at']): CardIcon {
  const base = { which, file, at, removed: [] };
  const path = besideManifest(env, file);
  if (path === undefined) return { ...base, unavailable: 'the manifest is not saved in a folder, so its icons cannot be read' };
  const read = env.read(path);
  if (read.kind !== 'text') return { ...base, unavailable: `the file ${whyNotRead(read)}` };
  if (!looksLikeSvg(read.text)) return { ...base, unavailable: 'the file is not an SVG image' };
  const sanitized = sanitizedIcon(path, read.text);
  if (!sanitized.ok) return { ...base, unavailable: `the SVG cannot be shown: ${sanitized.reason}` };
  return { ...base, dataUri: sanitized.dataUri, removed: sanitized.removed };
}

function sanitizedIcon(path: string, text: string): SanitizedSvg {
  const known = sanitizedIcons.get(path);
  if (known?.text === text) return known.result;
  const result = sanitizeSvg(text);
  sanitizedIcons.delete(path);
  if (sanitizedIcons.size >= MAX_SANITIZED_ICONS) sanitizedIcons.delete(sanitizedIcons.keys().next().value!);
  sanitizedIcons.set(path, { text, result });
  return result;
}
