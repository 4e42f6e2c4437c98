// What the commands that show one manifest (`render`, `preview`) take alike: exactly one MANIFEST,
// read with the linter's bounds and one-line refusals, a Node host that reads the files beside it
// within its repository, and `--event KIND` for the audit-log sample.
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { choiceOption, type ParsedArgs } from './args';
import { CliError } from './cliError';
import type { CliIo } from './io';
import { readManifestText } from './readManifestText';
import { EVENT_KINDS } from '../engine/preview/templatePreviews';
import type { TemplateKind } from '../engine/rules/auditLogTemplates/sampleEvents';
import { createNodeHost, repositoryRootOf, type NodeHost } from '../node/nodeHost';

export interface SingleManifest {
  /** The path as given, for messages and labels. */
  readonly shown: string;
  readonly uri: string;
  readonly text: string;
  readonly host: NodeHost;
}

/** The one MANIFEST argument, as given (checked before the options, read after them). */
export function singleManifestArgument(command: string, args: ParsedArgs): string {
  if (args.positionals.length !== 1) throw new CliError(`${command} takes one MANIFEST, not ${args.positionals.length} (try 'ld-manifest ${command} --help')`);
  return args.positionals[0]!;
}

export function readSingleManifest(shown: string, io: CliIo): SingleManifest {
  const path = resolve(io.cwd, shown);
  const text = readManifestText(path, shown);
  return { shown, uri: pathToFileURL(path).href, text, host: createNodeHost([repositoryRootOf(path), dirname(path)]) };
}

/** `--event KIND`, or undefined when not given (each audit-log template renders for its own kind). */
export function sampleEventOption(args: ParsedArgs): TemplateKind | undefined {
  return args.options.has('event') ? choiceOption(args, 'event', EVENT_KINDS, 'flag') : undefined;
}
