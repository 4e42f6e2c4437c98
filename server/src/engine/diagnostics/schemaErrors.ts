// Reduces ajv's error list to one error per problem. With `allErrors`, a failed `anyOf`/`oneOf`
// reports every branch's complaints; only the branch that came closest explains the problem.
import type { ErrorObject } from 'ajv';
import { countWork } from '../workMeter';

const COMBINATORS = new Set(['anyOf', 'oneOf']);

export function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
  const byInstance = new InstanceIndex(kept);
  const removed = new Set<ErrorObject>();
  const merged: ErrorObject[] = [];
  const combinators = kept
    .filter((e) => COMBINATORS.has(e.keyword) && !hasPassingSchemas(e))
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const combinator of combinators) {
    countWork();
    if (removed.has(combinator)) continue; // discarded with a losing branch of an outer one
    const reduction = reduceCombinator(combinator, byInstance.atOrBelow(combinator.instancePath), removed);
    if (!reduction) continue;
    for (const error of reduction.dropped) removed.add(error);
    if (reduction.merged) merged.push(reduction.merged);
  }
  return withoutLengthWhereShapeFails(dedupe([...kept.filter((e) => !removed.has(e)), ...merged]));
}

/**
 * Errors by instance path, so that a combinator looks only at the errors at or below its own value
 * (the same schema path is shared by every item of an array: matching on it alone would mix items,
 * and cost every error for every combinator).
 */
class InstanceIndex {
  private readonly sorted: readonly ErrorObject[];
  constructor(errors: readonly ErrorObject[]) {
    this.sorted = [...errors].sort((a, b) => (a.instancePath < b.instancePath ? -1 : a.instancePath > b.instancePath ? 1 : 0));
  }
  /** The errors whose instance path is `path` or below it. */
  atOrBelow(path: string): ErrorObject[] {
    const equal = this.range(path, path + '\0');
    // Paths below `path` start with `path/`; '0' is the character after '/'.
    const below = this.range(path + '/', path + '0');
    return [...equal, ...below];
  }
  private range(from: string, to: string): readonly ErrorObject[] {
    return this.sorted.slice(this.lowerBound(from), this.lowerBound(to));
  }
  private lowerBound(key: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle].instancePath < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/**
 * A string that has the wrong shape is usually also too short or long ("one" as a version): the
 * shape (pattern, format, allowed values) explains it, so the length complaint on the same value goes.
 */
function withoutLengthWhereShapeFails(errors: ErrorObject[]): ErrorObject[] {
  const SHAPE = new Set(['pattern', 'format', 'enum', 'const', 'type']);
  const shaped = new Set(errors.filter((e) => SHAPE.has(e.keyword)).map((e) => e.instancePath));
  return errors.filter((e) => !(e.keyword === 'minLength' || e.keyword === 'maxLength') || !shaped.has(e.instancePath));
}

function hasPassingSchemas(error: ErrorObject): boolean {
  return Array.isArray((error.params as { passingSchemas?: unknown }).passingSchemas);
}

/**
 * A failed anyOf/oneOf and the errors of its branches: every branch error goes but the best branch's,
 * or, when no branch accepts the value's type at all, one error naming every type that would do.
 */
function reduceCombinator(
  combinator: ErrorObject,
  candidates: readonly ErrorObject[],
  removed: ReadonlySet<ErrorObject>,
): { dropped: ErrorObject[]; merged?: ErrorObject } | undefined {
  const prefix = combinator.schemaPath + '/';
  const branches = new Map<string, ErrorObject[]>();
  countWork(candidates.length);
  for (const error of candidates) {
    if (removed.has(error) || !error.schemaPath.startsWith(prefix)) continue;
    const branch = error.schemaPath.slice(prefix.length).split('/')[0];
    const list = branches.get(branch);
    if (list) list.push(error);
    else branches.set(branch, [error]);
  }
  if (branches.size === 0) return undefined;
  const all = [...branches.values()];
  const dropped = [combinator, ...all.flat()];
  if (all.every((branch) => branch.length === 1 && branch[0].keyword === 'type' && branch[0].instancePath === combinator.instancePath)) {
    // No branch accepts the value's JSON type: one message naming every type that would do.
    const types = all.flatMap((branch) => String((branch[0].params as { type: string }).type).split(','));
    return { dropped, merged: { ...all[0][0], params: { type: [...new Set(types)].join(',') } } };
  }
  const best = new Set(bestBranch(all));
  return { dropped: dropped.filter((e) => !best.has(e)) };
}

/** The branch whose errors lie deepest in the document (it matched most), then the one with fewest. */
function bestBranch(branches: ErrorObject[][]): ErrorObject[] {
  const depth = (branch: ErrorObject[]) => branch.reduce((deepest, e) => Math.max(deepest, e.instancePath.split('/').length), 0);
  const typeOnly = (branch: ErrorObject[]) => branch.every((e) => e.keyword === 'type');
  return [...branches].sort(
    (a, b) => Number(typeOnly(a)) - Number(typeOnly(b)) || depth(b) - depth(a) || a.length - b.length,
  )[0];
}

function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const id = `${e.instancePath}|${e.keyword}|${e.propertyName ?? ''}|${JSON.stringify(e.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
