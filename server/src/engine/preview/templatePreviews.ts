// What each template and body of a manifest renders for a sample, as a pull request for a new
// integration is asked to show: auditLogEventsHook template files for a sample event of their kind (or
// the one asked for), other capabilities' template files, and the inline JSON bodies (approval,
// buttonAction, syncedSegment). Secret form variables render as a mask. JSON output is pretty-printed;
// what keeps a rendering from being right is listed beside it. Used by `ld-manifest render` and the
// editor's preview command alike.
import type { Node } from 'jsonc-parser';
import type { ManifestDocument } from '../manifestDocument';
import { propertiesOf, valueOf } from '../jsonTree';
import { besideManifest, whyNotRead, type RuleEnvironment } from '../rules/environment';
import { auditLogTemplateReferences } from '../rules/auditLogTemplates/templateFiles';
import { renderStrict } from '../rules/auditLogTemplates/handlebarsRuntime';
import { sampleEventFor, type TemplateKind } from '../rules/auditLogTemplates/sampleEvents';
import { isJsonTemplate, sampleFormValues, templateContext } from '../rules/auditLogTemplates/templateContext';
import { templateSites } from '../templates/analysis';
import { templateFileReferences } from '../rules/templateFileReferences';
import { formVariablesAt } from '../templates/formVariables';
import { parseTemplate, blockNestingBeyond, MAX_BLOCK_DEPTH } from '../templates/parseTemplate';
import { modelOf } from '../templates/templateModel';
import { renderMarked } from '../bodies/markedRender';
import { sampleContext, type ContextSource } from '../bodies/sampleContext';
import { checkJsonBody } from '../bodies/jsonBodies';
import { parseStrictJson } from '../jsonSyntaxError';
import { excerpt } from '../excerpt';
import { segmentSamples } from '../syncedSegments/segmentSamples';

export const EVENT_KINDS: readonly TemplateKind[] = ['flag', 'project', 'environment', 'member', 'default', 'validation'];

export interface TemplatePreview {
  /** `flag`, `measuredRolloutReverted`, `approval.creationRequest.jsonBody`… */
  readonly name: string;
  readonly capability: string;
  /** The file, or the manifest path of an inline body. */
  readonly source: string;
  /** The sample event an audit-log template was rendered for. */
  readonly event?: TemplateKind;
  /** The rendering, JSON pretty-printed; undefined when it could not be rendered. */
  readonly output?: string;
  readonly json: boolean;
  readonly problems: readonly string[];
}

export interface PreviewOptions {
  /** Only the template or body with this name. */
  readonly template?: string;
  /** The sample event audit-log templates render for, instead of each kind's own. */
  readonly event?: TemplateKind;
}

export function templatePreviews(doc: ManifestDocument, env: RuleEnvironment, options: PreviewOptions = {}): TemplatePreview[] {
  const previews = [...auditLogPreviews(doc, env, options.event), ...capabilityFilePreviews(doc, env), ...inlineBodyPreviews(doc), ...segmentPreviews(doc, env)];
  return options.template === undefined ? previews : previews.filter((p) => p.name === options.template);
}

/** The keys a preview lens sits on: each capability's `templates`, and each inline JSON body (named). */
export function templatePreviewAnchors(doc: ManifestDocument): { node: Node; template?: string }[] {
  const anchors: { node: Node; template?: string }[] = [];
  for (const capability of propertiesOf(valueOf(doc.root, 'capabilities'))) {
    const templates = valueOf(capability.children?.[1], 'templates');
    const key = templates?.parent?.children?.[0];
    if (key && propertiesOf(templates).length > 0) anchors.push({ node: key });
  }
  for (const site of templateSites(doc)) {
    if (site.string.field !== 'jsonBody' && site.string.field !== 'responseBody') continue;
    const key = site.string.node.parent?.children?.[0];
    if (key) anchors.push({ node: key, template: site.string.path.slice(1).join('.') });
  }
  return anchors;
}

/** What LaunchDarkly would extract from each sample request of a syncedSegment parser. */
function segmentPreviews(doc: ManifestDocument, env: RuleEnvironment): TemplatePreview[] {
  const samples = segmentSamples(doc, env);
  if (!samples) return [];
  const base = { name: 'syncedSegment.requestParser', capability: 'syncedSegment', json: true };
  return [
    ...samples.unreadable.map(({ file, reason }) => ({ ...base, source: file, problems: [`the sample ${reason}`] })),
    ...samples.runs.map((run) => ({
      ...base,
      source: run.file ?? 'a request made from the parser',
      ...(run.result.ok ? { output: JSON.stringify(run.result.extraction, null, 2), problems: [] } : { problems: [...run.result.problems] }),
    })),
  ];
}

function auditLogPreviews(doc: ManifestDocument, env: RuleEnvironment, event: TemplateKind | undefined): TemplatePreview[] {
  const formValues = sampleFormValues(doc.root, true);
  return auditLogTemplateReferences(doc).map((reference) => {
    const kind = event ?? reference.kind;
    const json = isJsonTemplate(reference.relativePath);
    const base = { name: reference.kind, capability: 'auditLogEventsHook', source: reference.relativePath, event: kind, json };
    const text = readTemplate(env, reference.relativePath);
    if (typeof text !== 'string') return { ...base, problems: [text.problem] };
    if (blockNestingBeyond(text, MAX_BLOCK_DEPTH) !== undefined) return { ...base, problems: [`it nests blocks more than ${MAX_BLOCK_DEPTH} deep; not rendered`] };
    try {
      return finish(base, renderStrict(text, templateContext(doc.root, sampleEventFor(kind), json, formValues)), []);
    } catch (error) {
      return { ...base, problems: [`it does not render in strict mode: ${excerpt(firstLine(error), 200)}`] };
    }
  });
}

function capabilityFilePreviews(doc: ManifestDocument, env: RuleEnvironment): TemplatePreview[] {
  return templateFileReferences(doc)
    .filter((reference) => reference.capability !== 'auditLogEventsHook')
    .map((reference) => {
      const json = isJsonTemplate(reference.relativePath);
      const base = { name: reference.name, capability: reference.capability, source: reference.relativePath, json };
      const text = readTemplate(env, reference.relativePath);
      if (typeof text !== 'string') return { ...base, problems: [text.problem] };
      const parsed = parseTemplate(text);
      if (!parsed.ok) return { ...base, problems: [parsed.error.message] };
      const source: ContextSource = { topLevel: formVariablesAt(doc, ['formVariables']), groups: new Map(), references: modelOf(parsed.ast, parsed.lines).references };
      return renderBody(base, text, source);
    });
}

function inlineBodyPreviews(doc: ManifestDocument): TemplatePreview[] {
  const out: TemplatePreview[] = [];
  for (const site of templateSites(doc)) {
    const field = site.string.field;
    if (field !== 'jsonBody' && field !== 'responseBody') continue;
    const path = site.string.path.join('.');
    const base = { name: site.string.path.slice(1).join('.'), capability: site.string.capability ?? '', source: path, json: true };
    if (!site.parsed.ok || !site.model) {
      out.push({ ...base, problems: ['the template does not parse'] });
      continue;
    }
    out.push(renderBody(base, site.decoded.value, { topLevel: site.scope.variables, groups: new Map(site.scope.groups.map((g) => [g.root, g.variables])), references: site.model.references }));
  }
  return out;
}

type Base = Omit<TemplatePreview, 'output' | 'problems'>;

function renderBody(base: Base, template: string, source: ContextSource): TemplatePreview {
  let output: string;
  try {
    output = renderMarked(template, sampleContext(source, 'ordinary', { maskSecrets: true })).text;
  } catch (error) {
    return { ...base, problems: [`it does not render: ${excerpt(firstLine(error), 200)}`] };
  }
  const problems = base.json ? checkJsonBody(template, source).map((p) => p.message) : [];
  return finish(base, output, problems);
}

function finish(base: Base, output: string, problems: string[]): TemplatePreview {
  if (!base.json) return { ...base, output, problems };
  const parsed = parseStrictJson(output);
  if (!parsed.ok) return { ...base, output, problems: problems.length > 0 ? problems : [`not JSON: ${parsed.reason}`] };
  return { ...base, output: JSON.stringify(parsed.value, null, 2), problems };
}

function readTemplate(env: RuleEnvironment, relativePath: string): string | { problem: string } {
  const path = besideManifest(env, relativePath);
  if (path === undefined) return { problem: 'the manifest has no folder (unsaved), so its files cannot be read' };
  const read = env.read(path);
  return read.kind === 'text' ? read.text : { problem: `the file ${whyNotRead(read)}` };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
