// "Did you mean ...?": the closest candidate by edit distance, when it is close enough to be a typo.
// The search is bounded whatever the document: names longer than MAX_NAME get no suggestion, only
// candidates whose length is within the tolerance are looked at (those with the same first letter
// first), at most MAX_COMPARED of them, each with a distance that gives up past the tolerance.

import { countWork } from './workMeter';

const MAX_NAME = 64;
const MAX_COMPARED = 200;

/** Rows of the distance table, reused: a search allocates nothing per comparison. */
let row = new Uint16Array(128);

/** Levenshtein distance, or `limit + 1` as soon as it is certain to exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (row.length < b.length + 1) row = new Uint16Array(b.length + 1);
  const previous = row;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    let rowMinimum = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(above + 1, previous[j - 1] + 1, diagonal + cost);
      previous[j] = value;
      diagonal = above;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
  }
  return previous[b.length];
}

function toleranceFor(name: string): number {
  return Math.max(1, Math.min(3, Math.floor(name.length / 3)));
}

/** Candidates grouped by length and first letter, built once per list and asked many times. */
export class NameIndex {
  /** `<length>` and `<length>:<first letter>` → candidates, each with its lower-case form. */
  private readonly buckets = new Map<string, [string, string][]>();

  constructor(candidates: Iterable<string>) {
    const seen = new Set<string>();
    for (const candidate of candidates) {
      if (seen.has(candidate) || candidate.length === 0 || candidate.length > MAX_NAME + 3) continue;
      seen.add(candidate);
      const entry: [string, string] = [candidate, candidate.toLowerCase()];
      this.add(`${candidate.length}`, entry);
      this.add(`${candidate.length}:${entry[1][0]}`, entry);
    }
  }

  private add(bucket: string, entry: [string, string]): void {
    const list = this.buckets.get(bucket);
    if (list) list.push(entry);
    else this.buckets.set(bucket, [entry]);
  }

  /** The nearest candidate other than `name` itself. */
  nearest(name: string): string | undefined {
    if (name.length === 0 || name.length > MAX_NAME) return undefined;
    const tolerance = toleranceFor(name);
    const wanted = name.toLowerCase();
    const first = wanted[0];
    let best: string | undefined;
    let bestDistance = tolerance + 1;
    let visited = 0;
    const consider = (candidate: string, lower: string): void => {
      const distance = editDistance(wanted, lower, bestDistance - 1);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    };
    // Two passes over the nearby lengths: same first letter (the usual typo keeps it), then all.
    // Every candidate visited counts towards the bound, compared or not.
    for (const sameFirst of [true, false]) {
      for (let delta = 0; delta <= tolerance; delta++) {
        for (const length of delta === 0 ? [name.length] : [name.length - delta, name.length + delta]) {
          for (const [candidate, lower] of this.buckets.get(sameFirst ? `${length}:${first}` : `${length}`) ?? []) {
            if (visited++ >= MAX_COMPARED) return best;
            countWork();
            if (candidate === name || (!sameFirst && lower[0] === first)) continue;
            consider(candidate, lower);
          }
        }
      }
    }
    return best;
  }
}

/** The candidate nearest to `name`, compared without case, or undefined when none is a plausible typo. */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  return new NameIndex(candidates).nearest(name);
}
