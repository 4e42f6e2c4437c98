// The renderings as HTML: per capability, each template or body with its source, the sample event it
// was rendered for (a picker in the editor for audit-log templates), the output (secrets masked, JSON
// pretty-printed) and what keeps it from being right.
import type { RenderingGroup, RenderingModel } from '../model';
import { located, problemBadge, problemList, type BodyOptions } from './htmlParts';
import { html } from './htmlText';

export function renderingsHtml(groups: readonly RenderingGroup[], omitted: number, options: BodyOptions): string {
  const heading = '<h2 id="renderings-heading">What the templates render</h2>';
  if (groups.length === 0) return `<section class="renderings" aria-labelledby="renderings-heading">${heading}<p class="muted">The manifest has no templates or JSON bodies to render.</p></section>`;
  const more = omitted > 0 ? `<p class="muted">${omitted} more rendering${omitted === 1 ? '' : 's'} not shown.</p>` : '';
  const note = '<p class="muted">Rendered with sample values; secrets are masked.</p>';
  return `<section class="renderings" aria-labelledby="renderings-heading">${heading}${note}${groups.map((group, index) => groupHtml(group, index, options)).join('')}${more}</section>`;
}

function groupHtml(group: RenderingGroup, index: number, options: BodyOptions): string {
  let picker = '';
  if (group.sampleEvents.length > 0) {
    const choices = group.sampleEvents.map((event) => `<option value="${html(event)}"${event === group.event ? ' selected' : ''}>${html(event)}</option>`).join('');
    const own = `<option value=""${group.event === undefined ? ' selected' : ''}>each template's own kind</option>`;
    picker = `<p class="event-picker"><label for="event-${index}">Sample event</label> <select id="event-${index}" data-event-picker="${html(group.capability)}"${options.interactive ? '' : ' disabled'}>${own}${choices}</select></p>`;
  }
  return `<section class="rendering-group" aria-labelledby="group-${index}"><h3 id="group-${index}">${html(group.capability || 'other')}</h3>${picker}${group.renderings.map((r) => renderingHtml(r, options)).join('')}</section>`;
}

function renderingHtml(rendering: RenderingModel, options: BodyOptions): string {
  const event = rendering.event ? `, sample ${html(rendering.event)} event` : '';
  const output =
    rendering.output === undefined
      ? '<p class="muted">Not rendered.</p>'
      : `<pre class="output" tabindex="0" aria-label="${html(`${rendering.name} output`)}"><code>${html(rendering.output)}</code></pre>${rendering.outputCut ? '<p class="muted">The rendering is cut here.</p>' : ''}`;
  const renderProblems =
    rendering.renderProblems.length > 0 ? `<ul class="problems">${rendering.renderProblems.map((p) => `<li class="problem error"><span class="severity">rendering</span> ${html(p)}</li>`).join('')}</ul>` : '';
  return `<article class="rendering"${located(rendering.at, options, rendering.name)}>
<h4>${html(rendering.name)}${problemBadge(rendering.at.problems)}</h4><p class="source"><code>${html(rendering.source)}</code>${event}${rendering.json ? ' · JSON' : ''}</p>${output}${renderProblems}${problemList(rendering.at.problems, options)}</article>`;
}
