// The preview as one self-contained HTML page: `ld-manifest preview --format html` writes it, the
// editor's webview shows it. Nothing is loaded from anywhere: the icons are `data:` images, the style
// sheet is inline and admitted by its nonce, and the Content-Security-Policy says so (`default-src
// 'none'`). A script runs only in the editor, inline with the same nonce; the page on its own has none.
import type { IntegrationPreview, ProblemSeverity } from '../model';
import { cardHtml } from './htmlCard';
import { formsHtml } from './htmlForms';
import { problemList, type BodyOptions } from './htmlParts';
import { renderingsHtml } from './htmlRenderings';
import { html } from './htmlText';
import { PREVIEW_STYLES } from './previewStyles';

export interface PageOptions {
  /** The page on its own (the CLI's export): no script, controls disabled, no jumping to the manifest. */
  readonly standalone: boolean;
  /** Admits the style sheet and the script: fresh for each page, base64 or hexadecimal. */
  readonly nonce: string;
  /** The webview's own origin (`webview.cspSource`), admitted for images and styles. */
  readonly cspSource?: string;
  /** The editor's script, inlined with the nonce. */
  readonly script?: string;
}

export const PREVIEW_ROOT_ID = 'ld-integration-preview';

export function renderPreviewPage(preview: IntegrationPreview, options: PageOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(options.nonce)) throw new Error('the page needs a nonce of at least 16 base64 or hexadecimal characters');
  const source = options.cspSource !== undefined && /^[^\s;,'"]+$/.test(options.cspSource) ? ` ${options.cspSource}` : '';
  const script = !options.standalone && options.script !== undefined ? options.script : undefined;
  const policy = [
    "default-src 'none'",
    `img-src data:${source}`,
    `style-src 'nonce-${options.nonce}'${source}`,
    script !== undefined ? `script-src 'nonce-${options.nonce}'` : "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = `${preview.card.name?.text ?? preview.manifest}: integration preview`;
  const body = renderPreviewBody(preview, { interactive: !options.standalone });
  // The script is inlined as it is (a `<` in code cannot be escaped); text that would end or comment out
  // the element is refused instead.
  if (script !== undefined && /<\/script|<!--/i.test(script)) throw new Error('the script holds "</script" or "<!--", which would end it early');
  const scriptTag = script !== undefined ? `<script nonce="${options.nonce}">${script}</script>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${html(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style nonce="${options.nonce}">${PREVIEW_STYLES}</style>
</head>
<body>
<main id="${PREVIEW_ROOT_ID}" data-version="${preview.version}">${body}</main>
${scriptTag}
</body>
</html>
`;
}

/** The content of the page's `<main>`: what the editor replaces as the author types. */
export function renderPreviewBody(preview: IntegrationPreview, options: BodyOptions): string {
  const copy = options.interactive ? '<button type="button" class="primary" data-action="copy">Copy for Pull Request</button>' : '';
  const header = `<header class="toolbar"><h1>${html(preview.card.name?.text ?? preview.manifest)} <span class="muted">· ${html(preview.manifest)}</span></h1><span class="counts">${counts(preview.problemCounts)}</span>${copy}</header>`;
  if (preview.unreadable !== undefined) return `${header}<p class="unreadable">${html(preview.unreadable)}</p>${otherProblems(preview, options)}`;
  return [header, cardHtml(preview.card, options), formsHtml(preview.forms, options), renderingsHtml(preview.renderings, preview.omittedRenderings, options), otherProblems(preview, options)].join('\n');
}

function counts(problemCounts: Readonly<Record<ProblemSeverity, number>>): string {
  const parts = (['error', 'warning', 'information', 'hint'] as const)
    .filter((severity) => problemCounts[severity] > 0)
    .map((severity) => `${problemCounts[severity]} ${severity === 'information' ? 'info' : severity}${problemCounts[severity] === 1 || severity === 'information' ? '' : 's'}`);
  return parts.length > 0 ? `Problems: ${parts.join(', ')}` : 'No problems';
}

function otherProblems(preview: IntegrationPreview, options: BodyOptions): string {
  if (preview.otherProblems.length === 0) return '';
  return `<section class="other-problems" aria-labelledby="other-problems-heading"><h2 id="other-problems-heading">Other problems in the manifest</h2>${problemList(preview.otherProblems, options)}</section>`;
}
