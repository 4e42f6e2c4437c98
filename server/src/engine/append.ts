// `target.push(...items)` passes every item as an argument, and an engine throws past about a hundred
// thousand of them: a manifest can have that many problems in one string. This appends in a loop.

export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
