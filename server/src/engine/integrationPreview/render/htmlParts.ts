// Pieces every part of the page uses: the attributes of an element that jumps to the manifest, the
// problems shown on it, and Markdown text with its links.
import type { Location, PreviewProblem, TextPart } from '../model';
import { html, rangeAttribute } from './htmlText';

export interface BodyOptions {
  /** In the editor: elements can be focused and clicked to jump to the manifest, controls change the preview. */
  readonly interactive: boolean;
}

/** The attributes of an element placed in the manifest (focusable in the editor, to jump there with Enter). */
export function located(at: Location, options: BodyOptions, label: string): string {
  const path = at.path.map(String).join('.');
  const jump = options.interactive ? ` tabindex="0" title="${html(`${label}: show in the manifest`)}"` : '';
  return ` data-range="${rangeAttribute(at.range)}" data-path="${html(path)}"${jump}`;
}

/** The problems on an element, each a link to its own range. */
export function problemList(problems: readonly PreviewProblem[], options: BodyOptions): string {
  if (problems.length === 0) return '';
  const items = problems.map((problem) => {
    const code = problem.code ? ` <code class="code">${html(problem.code)}</code>` : '';
    const jump = options.interactive ? ` tabindex="0" title="Show the problem in the manifest"` : '';
    return `<li class="problem ${problem.severity}" data-range="${rangeAttribute(problem.range)}"${jump}><span class="severity">${problem.severity}</span> ${html(problem.message)}${code}</li>`;
  });
  return `<ul class="problems" aria-label="Problems">${items.join('')}</ul>`;
}

/** Markdown text: its links as links (http, https, mailto only; the parts say which). */
export function textParts(parts: readonly TextPart[]): string {
  return parts
    .map((part) => ('href' in part ? `<a href="${html(part.href)}" rel="noopener noreferrer">${html(part.text)}</a>` : html(part.text)))
    .join('');
}

/** The count of problems in a list, as a badge after a heading; nothing when there are none. */
export function problemBadge(problems: readonly PreviewProblem[]): string {
  if (problems.length === 0) return '';
  const worst = problems.some((p) => p.severity === 'error') ? 'error' : problems.some((p) => p.severity === 'warning') ? 'warning' : 'information';
  return ` <span class="badge ${worst}">${problems.length} problem${problems.length === 1 ? '' : 's'}</span>`;
}
