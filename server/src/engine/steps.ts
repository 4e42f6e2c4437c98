// Work done in steps (a generator that yields between them) lets the language server answer other
// requests in between; the CLI and the tests want the result at once.

/** Runs every step of `steps` and returns what the last one returns. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
