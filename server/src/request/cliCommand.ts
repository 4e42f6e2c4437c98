// `test-request` as a CLI command: it parses its own arguments because `--var` repeats.
import type { Command } from '../cli/command';
import { runTestRequestCommand } from './cli';
import { TEST_REQUEST_HELP, TEST_REQUEST_SUMMARY } from './cliOptions';

export const testRequestCommand: Command = {
  name: 'test-request',
  summary: TEST_REQUEST_SUMMARY,
  options: [],
  help: TEST_REQUEST_HELP,
  parsesOwnArguments: true,
  run: (_args, io, raw) => runTestRequestCommand(raw, { ...io, env: io.env ?? {} }),
};
