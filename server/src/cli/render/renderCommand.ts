// `ld-manifest render MANIFEST`: what each template and JSON body of the manifest renders for a
// sample, as a pull request for a new integration is asked to show (text, Markdown to paste, or JSON).
// Exit 0 when every rendering is right, 1 when one has a problem, 2 on bad usage.
import type { ParsedArgs } from '../args';
import { choiceOption } from '../args';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../cliError';
import type { Command } from '../command';
import type { CliIo } from '../io';
import { readSingleManifest, sampleEventOption, singleManifestArgument } from '../singleManifest';
import { parseManifest } from '../../engine/manifestDocument';
import { hostEnvironment } from '../../engine/rules/environment';
import { EVENT_KINDS, templatePreviews } from '../../engine/preview/templatePreviews';
import { previewJson, previewMarkdown, previewText } from '../../engine/preview/previewFormats';

const FORMATS = ['text', 'markdown', 'json'] as const;

export const renderHelp = `Usage: ld-manifest render MANIFEST [options]

Renders each template and JSON body of the manifest for a sample (auditLogEventsHook template files
for a sample event of their kind, other capabilities' template files, approval, buttonAction and
syncedSegment JSON bodies), secrets masked, JSON pretty-printed, with what keeps a rendering from
being right.

Options:
  --template NAME   Only this template or body (a template's kind, e.g. flag, or an inline body's
                    path, e.g. approval.creationRequest.jsonBody).
  --event KIND      Render audit-log templates for this sample event instead of each one's own:
                    ${EVENT_KINDS.join(', ')}.
  --format FORMAT   text (default), markdown (to paste into a pull request) or json.
  -h, --help        Show this help.

Exit status: 0 every rendering is right, 1 one has a problem, 2 bad usage or an unreadable manifest.
`;

export const renderCommand: Command = {
  name: 'render',
  summary: 'Show what each template and JSON body renders for a sample.',
  options: [
    { name: 'template', valueName: 'NAME' },
    { name: 'event', valueName: 'KIND' },
    { name: 'format', valueName: 'FORMAT' },
  ],
  help: renderHelp,
  run: runRender,
};

function runRender(args: ParsedArgs, io: CliIo): number {
  const argument = singleManifestArgument('render', args);
  const format = choiceOption(args, 'format', FORMATS, 'text');
  const event = sampleEventOption(args);
  const template = args.options.get('template');
  const { shown, uri, text, host } = readSingleManifest(argument, io);
  // Rendered once; --template picks from them, and names them all when it picks none.
  const all = templatePreviews(parseManifest(uri, text), hostEnvironment(host, uri), { event });
  const previews = typeof template === 'string' ? all.filter((p) => p.name === template) : all;
  if (typeof template === 'string' && previews.length === 0) {
    const names = all.map((p) => p.name);
    throw new CliError(`${shown} has no template or JSON body named '${template}'${names.length ? ` (it has: ${names.join(', ')})` : ' (it has none)'}`);
  }
  io.out(format === 'json' ? previewJson(previews, shown) : format === 'markdown' ? previewMarkdown(previews, shown) : previewText(previews, shown));
  return previews.some((p) => p.problems.length > 0) ? EXIT_PROBLEMS : EXIT_OK;
}
