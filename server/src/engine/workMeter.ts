// A deterministic count of the engine's work (tree nodes visited, object keys scanned, names compared,
// schema errors placed). Tests compare it on a manifest and on the same manifest ten times larger:
// work that grows faster than the document fails them, however fast the machine.

export const workMeter = { steps: 0 };

export function countWork(steps = 1): void {
  workMeter.steps += steps;
}
