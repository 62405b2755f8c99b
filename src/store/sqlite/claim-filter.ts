/**
 * A `ClaimFilter` evaluated in memory, on claims a read model already holds: the same
 * conditions `fast-queries.ts` puts in SQL, so both return the same claims.
 *
 * The conditions that exclude most (contested, time, status, kind of claim) are tested on
 * numbers kept beside the claims, three to a row in one array, so a claim a filter turns away
 * is never touched: an organization's as-of view looks at ~200 candidate rows to return ~14
 * claims, and each claim object read is a cache miss in a heap of a million of them.
 */
import { claimantOf, type Claim } from '../../core/model.js';
import { CLAIM_STATUSES } from '../../core/vocabulary.js';
import type { ClaimFilter } from '../repository.js';
import type { Row } from './row-lists.js';

/** Numbers per claim row: earliest and latest day its time can stand for (NaN when open or undated), as stored, then {@link packMeta}. */
export const STRIDE = 3;
/** Flag: in a dispute, or contradicted by another claim on its proposition. */
export const CONTESTED = 1;
/** Flag: the claim has no time at all (an open end alone is not undated). */
export const UNDATED = 2;

/** Flags, {@link statusCode} and predicate code as one number (exact in a float64). */
export function packMeta(flags: number, status: number, predicate: number): number {
  return flags + status * 4 + predicate * 16;
}

export function statusOfMeta(meta: number): number {
  return (meta >> 2) & 3;
}

export function predicateOfMeta(meta: number): number {
  return meta >> 4;
}

/** A claim status as a small number. */
export function statusCode(status: string): number {
  return CLAIM_STATUSES.indexOf(status as (typeof CLAIM_STATUSES)[number]);
}

/** A filter split in two: a test of a row's columns, then (when the filter needs one) of the claim itself. */
export interface RowFilter {
  readonly row: (row: Row) => boolean;
  readonly claim: ((claim: Claim) => boolean) | undefined;
}

/** A membership test over a list: `includes` for a few values, a set for more. */
function memberOf<T>(xs: readonly T[]): (v: T) => boolean {
  if (xs.length <= 8) return (v) => xs.includes(v);
  const set = new Set(xs);
  return (v) => set.has(v);
}

function all<T>(tests: readonly ((x: T) => boolean)[]): ((x: T) => boolean) | undefined {
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (x) => {
    for (const t of tests) if (!t(x)) return false;
    return true;
  };
}

/**
 * Every condition of `f` but the limit and offset, as tests of a row's numbers (in `cols`,
 * {@link STRIDE} to a row) and of the claim. `predicateCodes` are the model's codes of
 * `f.predicates` (a predicate the model has never seen has none, and no claim can match it).
 */
export function rowFilter(f: ClaimFilter & { readonly ids?: readonly string[] }, cols: Float64Array, predicateCodes: readonly number[] | undefined): RowFilter {
  const rows: ((row: Row) => boolean)[] = [];
  // A flag read, and few claims are contested: an organization's memberships are mostly not.
  if (f.contested) rows.push((r) => (cols[r * STRIDE + 2]! & CONTESTED) !== 0);
  if (f.fromDay !== undefined || f.toDay !== undefined) {
    const { fromDay, toDay, includeUndated } = f;
    // NaN compares false, so an open end (NaN) passes as SQL's `t_hi is null or …` does.
    rows.push((r) => (includeUndated || (cols[r * STRIDE + 2]! & UNDATED) === 0) && (fromDay === undefined || !(cols[r * STRIDE + 1]! < fromDay)) && (toDay === undefined || !(cols[r * STRIDE]! > toDay)));
  }
  if (f.statuses?.length) {
    const has = memberOf(f.statuses.map(statusCode));
    rows.push((r) => has(statusOfMeta(cols[r * STRIDE + 2]!)));
  }
  if (predicateCodes) {
    const has = memberOf(predicateCodes);
    rows.push((r) => has(predicateOfMeta(cols[r * STRIDE + 2]!)));
  }
  const claims: ((c: Claim) => boolean)[] = [];
  if (f.ids) {
    const has = memberOf(f.ids);
    claims.push((c) => has(c.id));
  }
  if (f.entities?.length) {
    const has = memberOf(f.entities);
    claims.push((c) => has(c.subject) || (c.object !== undefined && has(c.object)));
  }
  if (f.subject) claims.push((c) => c.subject === f.subject);
  if (f.subjects) {
    const has = memberOf(f.subjects);
    claims.push((c) => has(c.subject));
  }
  if (f.objects) {
    const has = memberOf(f.objects);
    claims.push((c) => c.object !== undefined && has(c.object));
  }
  if (f.object) claims.push((c) => c.object === f.object);
  if (f.claimants?.length) {
    const has = memberOf(f.claimants);
    claims.push((c) => {
      const claimant = claimantOf(c);
      return claimant !== undefined && has(claimant);
    });
  }
  if (f.dispute) claims.push((c) => c.dispute === f.dispute);
  if (f.source) claims.push((c) => c.evidence.some((e) => e.source === f.source));
  return { row: all(rows) ?? (() => true), claim: all(claims) };
}
