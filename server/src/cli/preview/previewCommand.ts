// `ld-manifest preview MANIFEST`: the integration as LaunchDarkly's users will see it (the card, the
// configuration forms, what each template renders) with the manifest's problems on the elements they
// affect, as Markdown for a pull request's description or as one self-contained HTML page: the editor's
// *Preview Integration*, from the same engine. Exit 0 written, 1 written but the manifest has errors or
// a rendering has a problem, 2 bad usage.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { choiceOption, type ParsedArgs } from '../args';
import { EXIT_OK, EXIT_PROBLEMS } from '../cliError';
import type { Command } from '../command';
import type { CliIo } from '../io';
import { readSingleManifest, sampleEventOption, singleManifestArgument } from '../singleManifest';
import { writeFileAtomically } from '../writeFileAtomically';
import { LanguageService } from '../../engine/languageService';
import { EVENT_KINDS } from '../../engine/preview/templatePreviews';
import { renderPreviewPage } from '../../engine/integrationPreview/render/htmlPage';
import { previewMarkdownReport } from '../../engine/integrationPreview/render/markdownReport';

const FORMATS = ['markdown', 'html'] as const;

export const previewHelp = `Usage: ld-manifest preview MANIFEST [options]

Shows the integration as LaunchDarkly's users will see it: the card (both icons, sanitised: no script,
no external reference, no event handler; the name, overview, description, categories and links), the
configuration forms (top-level form variables and each capability's own: each field by type, with its
description, placeholder, default, required or optional, secret, hidden, locked after saving and
dependsOn), and what each template and JSON body renders for a sample (secrets masked, JSON
pretty-printed), with the manifest's problems on the elements they affect.

Options:
  --format FORMAT   markdown (default): the description of a pull request to LaunchDarkly's
                    integration-framework repository (a summary of the card and the forms, then the
                    renderings). html: one self-contained page (no script, nothing loaded from
                    elsewhere, a strict Content-Security-Policy; light or dark as the reader's system).
  --event KIND      Render audit-log templates for this sample event instead of each one's own:
                    ${EVENT_KINDS.join(', ')}.
  -o, --output FILE Write to FILE (replaced whole, never left half written) instead of standard output.
  -h, --help        Show this help.

Exit status: 0 written; 1 written, but the manifest has errors or a rendering has a problem; 2 bad
usage, an unreadable manifest or an --output FILE that cannot be written.
`;

export const previewCommand: Command = {
  name: 'preview',
  summary: 'Show the integration as its users will see it (card, forms, renderings), as Markdown or HTML.',
  options: [
    { name: 'format', valueName: 'FORMAT' },
    { name: 'event', valueName: 'KIND' },
    { name: 'output', short: 'o', valueName: 'FILE' },
  ],
  help: previewHelp,
  run: runPreview,
};

function runPreview(args: ParsedArgs, io: CliIo): number {
  const argument = singleManifestArgument('preview', args);
  const format = choiceOption(args, 'format', FORMATS, 'markdown');
  const event = sampleEventOption(args);
  const output = args.options.get('output');
  const { shown, uri, text, host } = readSingleManifest(argument, io);
  const service = new LanguageService(host);
  const doc = service.snapshot(uri, text);
  const preview = service.integrationPreview(doc, { label: shown, ...(event ? { event } : {}) }, { schema: 'auto' });
  const page = format === 'html' ? renderPreviewPage(preview, { standalone: true, nonce: randomBytes(18).toString('base64') }) : previewMarkdownReport(preview);
  if (typeof output === 'string') writeFileAtomically(resolve(io.cwd, output), page, `cannot write the preview to ${output}`);
  else io.out(page);
  const renderingProblems = preview.renderings.some((group) => group.renderings.some((r) => r.renderProblems.length > 0));
  return preview.problemCounts.error > 0 || renderingProblems ? EXIT_PROBLEMS : EXIT_OK;
}
