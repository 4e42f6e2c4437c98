// Where a command writes and which folder relative paths start from. Commands never touch `process`
// directly, so the entry point alone decides about streams and exit codes.
export interface CliIo {
  readonly cwd: string;
  /** The environment (secrets for test-request come from `LD_VAR_<key>`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  out(text: string): void;
  err(text: string): void;
}
