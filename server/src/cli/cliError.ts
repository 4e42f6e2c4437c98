// The one kind of failure the CLI reports on purpose: bad usage or input it cannot lint. The top level
// prints its message as one line (`ld-manifest: ...`) and exits with EXIT_USAGE; anything else that
// is thrown is an internal error.
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {}

/** Messages from Node, ajv or jsonc-parser can span lines; the CLI promises one line on stderr. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
