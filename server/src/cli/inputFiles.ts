// The files a command is pointed at besides the manifest (`test-request` and `configs`): a values
// file, a CA file, read within bounds like every other read (a regular file of at most 8 MB).
import { CliError } from './cliError';
import { readBounded } from '../node/nodeHost';
import { caProblem } from '../request/send';

/** A JSON object of config values, typed as written (booleans and lists stay JSON). */
export function readVarsFile(path: string, shown: string): Map<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(path, shown));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`--vars-file ${shown} is not valid JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CliError(`--vars-file ${shown} must hold a JSON object of values`);
  return new Map(Object.entries(parsed));
}

/** A file the command was pointed at, bounded like every other read: a regular file of at most 8 MB. */
export function readText(path: string, shown: string): string {
  const read = readBounded(path);
  if (read.kind === 'text') return read.text;
  throw new CliError(`cannot read ${shown}: ${read.kind === 'missing' ? 'no such file' : read.kind === 'unreadable' ? read.reason : 'it is outside the allowed folders'}`);
}

export function readCaFile(path: string, shown: string): string {
  const pem = readText(path, shown);
  const problem = caProblem(pem);
  if (problem) throw new CliError(`--ca-file ${shown} is not usable: ${problem}`);
  return pem;
}
