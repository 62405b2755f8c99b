/**
 * A `ClaimFilter` evaluated in memory, on claims a read model already holds: the same
 * conditions `fast-queries.ts` puts in SQL, so both return the same claims.
 */
import { claimantOf, type Claim } from '../../core/model.js';
import type { ClaimFilter } from '../repository.js';

/** What the filter needs of a claim beyond the claim itself: its stored day bounds and whether it is contested. */
export interface ClaimFacts {
  readonly claim: Claim;
  /** Earliest and latest day its time can stand for; NaN when open or undated. */
  readonly tLo: number;
  readonly tHi: number;
  readonly contested: boolean;
}

/** A membership test over a list: `includes` for a few values, a set for more. */
function memberOf<T>(xs: readonly T[]): (v: T) => boolean {
  if (xs.length <= 8) return (v) => xs.includes(v);
  const set = new Set(xs);
  return (v) => set.has(v);
}

/** A test of every condition of `f` but the limit and offset. */
export function claimPredicate(f: ClaimFilter & { readonly ids?: readonly string[] }): (x: ClaimFacts) => boolean {
  const tests: ((x: ClaimFacts) => boolean)[] = [];
  if (f.ids) {
    const has = memberOf(f.ids);
    tests.push((x) => has(x.claim.id));
  }
  if (f.entities?.length) {
    const has = memberOf(f.entities);
    tests.push((x) => has(x.claim.subject) || (x.claim.object !== undefined && has(x.claim.object)));
  }
  if (f.subject) tests.push((x) => x.claim.subject === f.subject);
  if (f.subjects) {
    const has = memberOf(f.subjects);
    tests.push((x) => has(x.claim.subject));
  }
  if (f.objects) {
    const has = memberOf(f.objects);
    tests.push((x) => x.claim.object !== undefined && has(x.claim.object));
  }
  if (f.object) tests.push((x) => x.claim.object === f.object);
  if (f.predicates?.length) {
    const has = memberOf<string>(f.predicates);
    tests.push((x) => has(x.claim.predicate));
  }
  if (f.statuses?.length) {
    const has = memberOf<string>(f.statuses);
    tests.push((x) => has(x.claim.status));
  }
  if (f.claimants?.length) {
    const has = memberOf(f.claimants);
    tests.push((x) => {
      const c = claimantOf(x.claim);
      return c !== undefined && has(c);
    });
  }
  if (f.dispute) tests.push((x) => x.claim.dispute === f.dispute);
  if (f.source) tests.push((x) => x.claim.evidence.some((e) => e.source === f.source));
  if (f.contested) tests.push((x) => x.contested);
  if (f.fromDay !== undefined || f.toDay !== undefined) {
    const { fromDay, toDay, includeUndated } = f;
    // NaN compares false, so an open end (NaN) passes as SQL's `t_hi is null or …` does.
    tests.push(
      (x) =>
        (includeUndated || x.claim.time !== undefined) &&
        (fromDay === undefined || !(x.tHi < fromDay)) &&
        (toDay === undefined || !(x.tLo > toDay)),
    );
  }
  return (x) => {
    for (const t of tests) if (!t(x)) return false;
    return true;
  };
}
