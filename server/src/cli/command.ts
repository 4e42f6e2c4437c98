// A subcommand such as `lint`. Adding one (say `test-request`) is a module exporting a Command and
// one entry in `commands` (main.ts); parsing, --help and error handling come for free.
import type { OptionSpec, ParsedArgs } from './args';
import type { CliIo } from './io';

export interface Command {
  readonly name: string;
  /** One line for the top-level help. */
  readonly summary: string;
  /** The command's own options; -h/--help is added for every command. */
  readonly options: readonly OptionSpec[];
  readonly help: string;
  /** Set when the command parses its own arguments (repeated options): `run` gets them unparsed. */
  readonly parsesOwnArguments?: boolean;
  /** Returns the exit code; throws CliError for bad usage or unreadable input. */
  run(args: ParsedArgs, io: CliIo, raw: readonly string[]): number | Promise<number>;
}
