// "Copy for Pull Request": the preview as Markdown for the description of a pull request to
// LaunchDarkly's integration-framework repository. Its template (.github/pull_request_template.md)
// asks, among others, to "Describe the solution you've provided" and to "Provide a request preview"
// ("the output from running `npm run preview <INTEGRATION_NAME>`"); this fills in what the manifest
// can say under those two headings, in the template's own bold-heading style: the card and a summary
// of each form, then every template and body rendered for a sample, secrets masked.
import { visible } from '../../excerpt';
import { fence } from '../../preview/previewFormats';
import type { FieldModel, FormModel, IntegrationPreview, RenderingModel, TextPart } from '../model';

export function previewMarkdownReport(preview: IntegrationPreview): string {
  const out: string[] = [];
  const card = preview.card;
  out.push("**Describe the solution you've provided**", '');
  const name = card.name ? `**${inline(card.name.text)}**` : '**(no name)**';
  const version = card.version ? `, version ${inline(card.version.text)}` : '';
  out.push(`${name} (${code(preview.manifest)}${version})${card.overview ? `: ${inline(card.overview.text)}` : ''}`, '');
  if (card.description) out.push(parts(card.description.parts), '');
  const facts = [
    card.categories.length > 0 ? `Categories: ${card.categories.map((c) => code(c.text)).join(', ')}.` : '',
    card.capabilities.length > 0 ? `Capabilities: ${card.capabilities.map((c) => code(c.text)).join(', ')}.` : '',
    card.requiresOAuth ? 'Requires OAuth.' : '',
  ].filter(Boolean);
  if (facts.length > 0) out.push(facts.join(' '), '');
  if (preview.unreadable !== undefined) out.push(inline(preview.unreadable), '');
  for (const form of preview.forms) out.push(...formSummary(form));

  out.push('**Provide a request preview**', '');
  const renderings = preview.renderings.flatMap((group) => group.renderings);
  if (renderings.length === 0) out.push('The manifest has no templates or JSON bodies to render.', '');
  else out.push(`Each template and JSON body rendered for a sample by ${code('ld-manifest preview')}; secrets are masked.`, '');
  for (const rendering of renderings) out.push(...renderingSection(rendering));
  if (preview.omittedRenderings > 0) out.push(`${preview.omittedRenderings} more renderings are not shown.`, '');
  return visible(out.join('\n'), true);
}

function formSummary(form: FormModel): string[] {
  const lines = [`*${inline(form.title)}* (${code(form.id)}): ${inline(form.explanation)}`, ''];
  if (form.fields.length === 0) return [...lines, 'No fields.', ''];
  lines.push('| Field | Key | Type | Required | Default | Notes |', '| --- | --- | --- | --- | --- | --- |');
  for (const field of form.fields) {
    lines.push(`| ${cell(field.name)} | ${code(field.key).replace(/\|/g, '\\|')} | ${cell(typeText(field))} | ${field.required ? 'required' : 'optional'} | ${field.defaultText !== undefined ? cell(field.defaultText) : ''} | ${cell(notes(field))} |`);
  }
  if (form.omitted > 0) lines.push('', `${form.omitted} more fields are not listed.`);
  return [...lines, ''];
}

function typeText(field: FieldModel): string {
  const options = field.options.length > 0 ? ` (${field.options.map((o) => o.value).join(', ')})` : '';
  return `${field.type}${field.isSecret ? ', secret' : ''}${options}`;
}

function notes(field: FieldModel): string {
  return [
    field.isHidden ? 'hidden' : '',
    field.disableAfterSaving ? 'locked after saving' : '',
    field.hideEmpty ? 'hidden when empty' : '',
    field.placeholder !== undefined ? `placeholder "${field.placeholder}"` : '',
    ...field.dependsOn.map((entry) => `dependsOn: ${entry.description}`),
    plain(field.description),
  ]
    .filter(Boolean)
    .join('; ');
}

function renderingSection(rendering: RenderingModel): string[] {
  const event = rendering.event ? `, sample ${rendering.event} event` : '';
  const lines = [`*${inline(rendering.capability)} ${code(rendering.name)}* (${code(rendering.source)}${event})`, ''];
  if (rendering.output !== undefined) lines.push(fence(rendering.output, rendering.json ? 'json' : 'text'), '');
  if (rendering.outputCut) lines.push('(cut here)', '');
  for (const problem of rendering.renderProblems) lines.push(`> **Problem:** ${inline(problem)}`, '');
  return lines;
}

/** Description parts as Markdown again, links kept, text escaped. */
function parts(list: readonly TextPart[]): string {
  return list.map((part) => ('href' in part ? `[${inline(part.text)}](${part.href})` : inline(part.text))).join('');
}

/** The description's text without its link targets, for a table cell. */
function plain(list: readonly TextPart[]): string {
  return list.map((part) => part.text).join('');
}

/** Text in a Markdown line: the characters Markdown reads as markup escaped, line breaks as spaces. */
function inline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

/** A table cell: inline text, whose `|` is escaped by `inline` too. */
function cell(text: string): string {
  return inline(text);
}

/** Inline code whose backtick fence is longer than any run inside it. */
function code(text: string): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const marks = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${marks}${padded.replace(/[\r\n]+/g, ' ')}${marks}`;
}
