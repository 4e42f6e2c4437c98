// The confirmation `configs delete` asks for, on the process's own terminal. Kept apart so that the
// command itself never touches `process` (tests give it a terminal of their own).
import { createInterface } from 'node:readline';

export interface Terminal {
  /** Standard input is a terminal someone can answer on. */
  readonly interactive: boolean;
  /** Asks `question` on standard error and reads one line; true for y or yes. */
  confirm(question: string): Promise<boolean>;
}

export const processTerminal: Terminal = {
  get interactive() {
    return process.stdin.isTTY === true;
  },
  confirm(question) {
    const lines = createInterface({ input: process.stdin, output: process.stderr });
    return new Promise((resolve) => {
      // Standard input closed before an answer (Ctrl-D): not a yes.
      lines.once('close', () => resolve(false));
      lines.question(question, (answer) => {
        resolve(/^y(es)?$/i.test(answer.trim()));
        lines.close();
      });
    });
  },
};
