// What each template and body renders for a sample (the renderings of `ld-manifest render`, made by
// preview/templatePreviews.ts), grouped by capability, each placed where the manifest declares it: a
// template file at its `templates` entry, an inline body at its string, a syncedSegment parser run at
// the `requestParser`. The audit-log group offers the sample events to pick from.
import type { Node } from 'jsonc-parser';
import { nodeAt, type ManifestDocument } from '../manifestDocument';
import type { RuleEnvironment } from '../rules/environment';
import { templateFileReferences } from '../rules/templateFileReferences';
import { findTemplatedStrings } from '../templates/templatedStrings';
import type { TemplateKind } from '../rules/auditLogTemplates/sampleEvents';
import { EVENT_KINDS, templatePreviews, type TemplatePreview } from '../preview/templatePreviews';
import type { Locations } from './locations';
import type { Location, RenderingGroup, RenderingModel } from './model';

/** The most renderings a preview shows (a real manifest has at most a dozen); the rest are counted. */
export const MAX_RENDERINGS = 100;
/** The most characters of one rendering shown; a longer one is cut and says so. */
export const MAX_OUTPUT_CHARACTERS = 50_000;

export function isEventKind(event: unknown): event is TemplateKind {
  return typeof event === 'string' && (EVENT_KINDS as readonly string[]).includes(event);
}

export function renderingGroups(doc: ManifestDocument, env: RuleEnvironment, event: TemplateKind | undefined, locations: Locations): { groups: RenderingGroup[]; omitted: number } {
  const previews = templatePreviews(doc, env, event === undefined ? {} : { event });
  const place = placer(doc, locations);
  const groups = new Map<string, RenderingModel[]>();
  for (const preview of previews.slice(0, MAX_RENDERINGS)) {
    const list = groups.get(preview.capability) ?? [];
    list.push(renderingModel(preview, place(preview)));
    groups.set(preview.capability, list);
  }
  return {
    groups: [...groups].map(([capability, renderings]) => ({
      capability,
      sampleEvents: capability === 'auditLogEventsHook' ? [...EVENT_KINDS] : [],
      ...(capability === 'auditLogEventsHook' && event !== undefined ? { event } : {}),
      renderings,
    })),
    omitted: Math.max(0, previews.length - MAX_RENDERINGS),
  };
}

function renderingModel(preview: TemplatePreview, at: Location): RenderingModel {
  const output = preview.output;
  const cut = output !== undefined && output.length > MAX_OUTPUT_CHARACTERS;
  return {
    name: preview.name,
    capability: preview.capability,
    source: preview.source,
    ...(preview.event !== undefined ? { event: preview.event } : {}),
    json: preview.json,
    ...(output !== undefined ? { output: cut ? output.slice(0, MAX_OUTPUT_CHARACTERS) : output } : {}),
    outputCut: cut,
    renderProblems: preview.problems,
    at,
  };
}

/** Where each rendering is declared, found through one table of the manifest's templates and bodies. */
function placer(doc: ManifestDocument, locations: Locations): (preview: TemplatePreview) => Location {
  const declared = new Map<string, { node: Node; path: (string | number)[] }>();
  for (const reference of templateFileReferences(doc)) {
    declared.set(`${reference.capability}\u0000${reference.name}`, { node: reference.node, path: ['capabilities', reference.capability, 'templates', reference.name] });
  }
  for (const string of findTemplatedStrings(doc)) {
    if (string.field === 'jsonBody' || string.field === 'responseBody') declared.set(`${string.capability ?? ''}\u0000${string.path.slice(1).join('.')}`, { node: string.node, path: [...string.path] });
  }
  const parser = nodeAt(doc, ['capabilities', 'syncedSegment', 'requestParser']);
  if (parser) declared.set('syncedSegment\u0000syncedSegment.requestParser', { node: parser, path: ['capabilities', 'syncedSegment', 'requestParser'] });
  return (preview) => {
    const found = declared.get(`${preview.capability}\u0000${preview.name}`);
    if (found) return locations.at(found.node, found.path);
    // Not found (cannot happen for what templatePreviews renders): the capability itself.
    const capability = nodeAt(doc, ['capabilities', preview.capability]) ?? doc.root!;
    return locations.at(capability, ['capabilities', preview.capability]);
  };
}
