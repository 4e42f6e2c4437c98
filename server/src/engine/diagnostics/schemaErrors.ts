// Reduces ajv's error list to one error per problem. With `allErrors`, a failed `anyOf`/`oneOf`
// reports every branch's complaints; only the branch that came closest explains the problem.
import type { ErrorObject } from 'ajv';
import { countWork } from '../workMeter';

const COMBINATORS = new Set(['anyOf', 'oneOf']);

export function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let remaining = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
  const combinators = remaining
    .filter((e) => COMBINATORS.has(e.keyword) && !hasPassingSchemas(e))
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const combinator of combinators) {
    countWork(remaining.length);
    if (!remaining.includes(combinator)) continue; // discarded with a losing branch of an outer one
    remaining = reduceCombinator(combinator, remaining);
  }
  return withoutLengthWhereShapeFails(dedupe(remaining));
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

function reduceCombinator(combinator: ErrorObject, errors: ErrorObject[]): ErrorObject[] {
  const prefix = combinator.schemaPath + '/';
  const branches = new Map<string, ErrorObject[]>();
  countWork(errors.length);
  for (const error of errors) {
    if (!error.schemaPath.startsWith(prefix)) continue;
    const branch = error.schemaPath.slice(prefix.length).split('/')[0];
    branches.set(branch, [...(branches.get(branch) ?? []), error]);
  }
  if (branches.size === 0) return errors;
  const inBranches = new Set([...branches.values()].flat());
  const outside = errors.filter((e) => !inBranches.has(e) && e !== combinator);
  const all = [...branches.values()];
  if (all.every((branch) => branch.length === 1 && branch[0].keyword === 'type' && branch[0].instancePath === combinator.instancePath)) {
    // No branch accepts the value's JSON type: one message naming every type that would do.
    const types = all.flatMap((branch) => String((branch[0].params as { type: string }).type).split(','));
    return [...outside, { ...all[0][0], params: { type: [...new Set(types)].join(',') } }];
  }
  return [...outside, ...bestBranch(all)];
}

/** The branch whose errors lie deepest in the document (it matched most), then the one with fewest. */
function bestBranch(branches: ErrorObject[][]): ErrorObject[] {
  const depth = (branch: ErrorObject[]) => Math.max(...branch.map((e) => e.instancePath.split('/').length));
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
