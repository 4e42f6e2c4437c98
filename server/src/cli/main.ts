// Dispatches `ld-manifest <command> ...` and turns CliErrors into one line on stderr and exit 2.
import { version } from '../../../package.json';
import { parseArgs, type OptionSpec } from './args';
import { CliError, EXIT_OK, EXIT_USAGE, oneLine } from './cliError';
import type { Command } from './command';
import { mainHelp } from './help';
import type { CliIo } from './io';
import { lintCommand } from './lintCommand';
import { testRequestCommand } from '../request/cliCommand';
import { renderCommand } from './render/renderCommand';
import { previewCommand } from './preview/previewCommand';
import { configsCommand } from '../launchdarkly/cli/configsCommand';

export const commands: readonly Command[] = [lintCommand, renderCommand, previewCommand, testRequestCommand, configsCommand];

const helpOption: OptionSpec = { name: 'help', short: 'h' };
const globalOptions: readonly OptionSpec[] = [helpOption, { name: 'version' }];
const mainHint = "try 'ld-manifest --help'";

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(`ld-manifest: ${oneLine(error.message)}\n`);
    return EXIT_USAGE;
  }
}

function dispatch(argv: readonly string[], io: CliIo): number | Promise<number> {
  const commandIndex = argv.findIndex((arg) => !arg.startsWith('-'));
  if (commandIndex !== 0) {
    // Only global options before the command (or no command at all).
    const global = parseArgs(commandIndex < 0 ? argv : argv.slice(0, commandIndex), globalOptions, mainHint);
    if (global.options.has('help')) return print(io, mainHelp(commands));
    if (global.options.has('version')) return print(io, `${version}\n`);
    if (commandIndex < 0) throw new CliError(`missing command (${mainHint})`);
  }
  const name = argv[commandIndex]!;
  const command = commands.find((c) => c.name === name);
  if (!command) throw new CliError(`unknown command '${name}' (commands: ${commands.map((c) => c.name).join(', ')}; ${mainHint})`);
  const rest = argv.slice(commandIndex + 1);
  if (command.parsesOwnArguments) return command.run({ options: new Map(), positionals: rest }, io, rest);
  const args = parseArgs(rest, [...command.options, helpOption], `try 'ld-manifest ${name} --help'`);
  if (args.options.has('help')) return print(io, command.help);
  return command.run(args, io, rest);
}

function print(io: CliIo, text: string): number {
  io.out(text);
  return EXIT_OK;
}
