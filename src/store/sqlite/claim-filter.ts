/**
 * A `ClaimFilter` evaluated in memory, on claims a read model already holds: the same
 * conditions `fast-queries.ts` puts in SQL, so both return the same claims.
 */
import { claimantOf, type Claim } from '../../core/model.js';
import type { ClaimFilter } from '../repository.js';

/**
 * A test of a claim, given what the filter needs beyond the claim itself: the earliest and
 * latest day its time can stand for (NaN when open or undated) and whether it is contested.
 */
export type ClaimTest = (claim: Claim, tLo: number, tHi: number, contested: boolean) => boolean;

/** A membership test over a list: `includes` for a few values, a set for more. */
function memberOf<T>(xs: readonly T[]): (v: T) => boolean {
  if (xs.length <= 8) return (v) => xs.includes(v);
  const set = new Set(xs);
  return (v) => set.has(v);
}

/**
 * A test of every condition of `f` but the limit and offset; the conditions that usually
 * exclude most (contested, time, status, kind of claim) are tried first.
 */
export function claimPredicate(f: ClaimFilter & { readonly ids?: readonly string[] }): ClaimTest {
  const tests: ClaimTest[] = [];
  // A flag read, and few claims are contested: an organization's memberships are mostly not.
  if (f.contested) tests.push((_c, _lo, _hi, contested) => contested);
  if (f.fromDay !== undefined || f.toDay !== undefined) {
    const { fromDay, toDay, includeUndated } = f;
    // NaN compares false, so an open end (NaN) passes as SQL's `t_hi is null or …` does.
    tests.push((c, tLo, tHi) => (includeUndated || c.time !== undefined) && (fromDay === undefined || !(tHi < fromDay)) && (toDay === undefined || !(tLo > toDay)));
  }
  if (f.statuses?.length) {
    const has = memberOf<string>(f.statuses);
    tests.push((c) => has(c.status));
  }
  if (f.predicates?.length) {
    const has = memberOf<string>(f.predicates);
    tests.push((c) => has(c.predicate));
  }
  if (f.ids) {
    const has = memberOf(f.ids);
    tests.push((c) => has(c.id));
  }
  if (f.entities?.length) {
    const has = memberOf(f.entities);
    tests.push((c) => has(c.subject) || (c.object !== undefined && has(c.object)));
  }
  if (f.subject) tests.push((c) => c.subject === f.subject);
  if (f.subjects) {
    const has = memberOf(f.subjects);
    tests.push((c) => has(c.subject));
  }
  if (f.objects) {
    const has = memberOf(f.objects);
    tests.push((c) => c.object !== undefined && has(c.object));
  }
  if (f.object) tests.push((c) => c.object === f.object);
  if (f.claimants?.length) {
    const has = memberOf(f.claimants);
    tests.push((c) => {
      const claimant = claimantOf(c);
      return claimant !== undefined && has(claimant);
    });
  }
  if (f.dispute) tests.push((c) => c.dispute === f.dispute);
  if (f.source) tests.push((c) => c.evidence.some((e) => e.source === f.source));
  return (c, tLo, tHi, contested) => {
    for (const t of tests) if (!t(c, tLo, tHi, contested)) return false;
    return true;
  };
}
