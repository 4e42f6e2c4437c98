// `ld-manifest preview MANIFEST`: the integration as LaunchDarkly's users will see it (the card, the
// configuration forms, what each template renders) with the manifest's problems on the elements they
// affect, as Markdown for a pull request's description or as one self-contained HTML page: the editor's
// *Preview Integration*, from the same engine. Exit 0 written, 1 written but the manifest has errors or
// a rendering has a problem, 2 bad usage.
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { choiceOption, type ParsedArgs } from '../args';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../cliError';
import type { Command } from '../command';
import type { CliIo } from '../io';
import { readManifestText } from '../readManifestText';
import { writeFileAtomically } from '../writeFileAtomically';
import { LanguageService } from '../../engine/languageService';
import { EVENT_KINDS } from '../../engine/preview/templatePreviews';
import { renderPreviewPage } from '../../engine/integrationPreview/render/htmlPage';
import { previewMarkdownReport } from '../../engine/integrationPreview/render/markdownReport';
import { createNodeHost, repositoryRootOf } from '../../node/nodeHost';

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
  if (args.positionals.length !== 1) throw new CliError(`preview takes one MANIFEST, not ${args.positionals.length} (try 'ld-manifest preview --help')`);
  const shown = args.positionals[0]!;
  const format = choiceOption(args, 'format', FORMATS, 'markdown');
  const event = args.options.has('event') ? choiceOption(args, 'event', EVENT_KINDS, 'flag') : undefined;
  const output = args.options.get('output');
  const path = resolve(io.cwd, shown);
  const text = readManifestText(path, shown);
  const service = new LanguageService(createNodeHost([repositoryRootOf(path), dirname(path)]));
  const doc = service.snapshot(pathToFileURL(path).href, text);
  const preview = service.integrationPreview(doc, { label: shown, ...(event ? { event } : {}) }, { schema: 'auto' });
  const page = format === 'html' ? renderPreviewPage(preview, { standalone: true, nonce: randomBytes(18).toString('base64') }) : previewMarkdownReport(preview);
  if (typeof output === 'string') writeFileAtomically(resolve(io.cwd, output), page, `cannot write the preview to ${output}`);
  else io.out(page);
  const renderingProblems = preview.renderings.some((group) => group.renderings.some((r) => r.renderProblems.length > 0));
  return preview.problemCounts.error > 0 || renderingProblems ? EXIT_PROBLEMS : EXIT_OK;
}
