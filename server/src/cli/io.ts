// Where a command writes and which folder relative paths start from. Commands never touch `process`
// directly, so the entry point alone decides about streams and exit codes.
export interface CliIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}
