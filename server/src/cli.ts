// The `ld-manifest` command-line entry point (bundled to dist/cli.js with a shebang). It owns the
// process: streams, exit code, and the promise that the user never sees a stack trace.
import { EXIT_USAGE, oneLine } from './cli/cliError';

// `ld-manifest lint . | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  reportInternalError(error);
  process.exit(EXIT_USAGE);
});

function reportInternalError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`ld-manifest: internal error: ${oneLine(message)}\n`);
}

try {
  // Loaded here rather than imported at the top (cliError has no imports of its own): esbuild
  // evaluates the bundled modules on this call, so a failure while they initialise is caught like
  // any other internal error.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy load is the point
  const { runCli } = require('./cli/main') as typeof import('./cli/main');
  // exitCode, not exit(): a large report written to a pipe must be flushed before the process ends.
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      reportInternalError(error);
      process.exitCode = EXIT_USAGE;
    },
  );
} catch (error) {
  reportInternalError(error);
  process.exitCode = EXIT_USAGE;
}
