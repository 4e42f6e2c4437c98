// The renderings of `ld-manifest render` (and the editor's preview) as text, Markdown or JSON. What
// came from a template reaches a terminal only through `visible`: a template may hold control characters.
import { visible } from '../excerpt';
import type { TemplatePreview } from './templatePreviews';

function title(preview: TemplatePreview): string {
  const event = preview.event ? `, sample ${preview.event} event` : '';
  return `${preview.capability} ${preview.name} (${preview.source}${event})`;
}

export function previewText(previews: readonly TemplatePreview[], manifest: string): string {
  if (previews.length === 0) return `${manifest} has no templates or JSON bodies to render.\n`;
  const out: string[] = [];
  for (const preview of previews) {
    out.push(`=== ${title(preview)}`);
    if (preview.output !== undefined) out.push(preview.output);
    for (const problem of preview.problems) out.push(`problem: ${problem}`);
    out.push('');
  }
  return visible(out.join('\n'), true);
}

export function previewMarkdown(previews: readonly TemplatePreview[], manifest: string): string {
  const out = [`## Rendered templates of \`${manifest}\``, '', 'Rendered with sample values; secrets are masked.', ''];
  if (previews.length === 0) out.push('No templates or JSON bodies.', '');
  for (const preview of previews) {
    out.push(`### ${preview.capability} \`${preview.name}\``, '', `Source: \`${preview.source}\`${preview.event ? `, sample ${preview.event} event` : ''}.`, '');
    if (preview.output !== undefined) out.push(fence(preview.output, preview.json ? 'json' : 'text'), '');
    for (const problem of preview.problems) out.push(`> **Problem:** ${problem}`, '');
  }
  return visible(out.join('\n'), true);
}

export function previewJson(previews: readonly TemplatePreview[], manifest: string): string {
  return JSON.stringify({ manifest, previews }, null, 2) + '\n';
}

/** A fenced block whose fence is longer than any backtick run in the text. */
export function fence(text: string, language: string): string {
  // A loop, not a spread of every run into Math.max: a long rendering can hold more runs than a call takes arguments.
  let longest = 2;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${text}\n${marks}`;
}
