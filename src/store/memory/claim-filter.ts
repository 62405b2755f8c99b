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
import type { ClaimFilter, ClaimReadFilter } from '../repository.js';
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

/** The filter keys a claim test can be left out for, because the rows were read from the lists under them. */
export type CoveredKey = 'ids' | 'entities' | 'subject' | 'subjects' | 'object' | 'objects' | 'claimants' | 'dispute';

/**
 * Every condition of `f` but the limit and offset, as a test of a row's numbers (in `cols`,
 * {@link STRIDE} to a row) and of the claim. `predicateCodes` are the model's codes of
 * `f.predicates` (a predicate the model has never seen has none, and no claim can match it).
 * `covered` names a condition the caller's rows already meet (they came from its lists), so no
 * claim is read to test it again.
 */
export function rowFilter(f: ClaimReadFilter, cols: Float64Array, predicateCodes: readonly number[] | undefined, covered?: CoveredKey): RowFilter {
  return { row: rowTest(f, cols, predicateCodes), claim: claimTest(f, covered) };
}

/**
 * The conditions on a row's numbers as one function (it runs on every candidate row, ~200 for an
 * organization's as-of view): statuses as a bit mask, predicates as a table by code.
 */
function rowTest(f: ClaimFilter, cols: Float64Array, predicateCodes: readonly number[] | undefined): (row: Row) => boolean {
  const contested = f.contested === true;
  const timed = f.fromDay !== undefined || f.toDay !== undefined;
  const fromDay = f.fromDay ?? -Infinity;
  const toDay = f.toDay ?? Infinity;
  const keepUndated = f.includeUndated === true;
  let statusMask = -1;
  if (f.statuses?.length) {
    statusMask = 0;
    for (const s of f.statuses) {
      const code = statusCode(s);
      if (code >= 0) statusMask |= 1 << code;
    }
  }
  let predicateOk: Uint8Array | undefined;
  if (predicateCodes) {
    predicateOk = new Uint8Array(Math.max(-1, ...predicateCodes) + 1);
    for (const code of predicateCodes) predicateOk[code] = 1;
  }
  return (row) => {
    const at = row * STRIDE;
    const meta = cols[at + 2]!;
    // A flag read, and few claims are contested: an organization's memberships are mostly not.
    if (contested && (meta & CONTESTED) === 0) return false;
    if (((statusMask >> ((meta >> 2) & 3)) & 1) === 0) return false;
    if (predicateOk !== undefined && predicateOk[meta >> 4] !== 1) return false;
    if (!timed) return true;
    if ((meta & UNDATED) !== 0) return keepUndated;
    // NaN compares false, so an open end (NaN) passes as SQL's `t_hi is null or …` does.
    return !(cols[at + 1]! < fromDay) && !(cols[at]! > toDay);
  };
}

/** The conditions only the claim itself can answer, but `covered`; undefined when there are none. */
function claimTest(f: ClaimReadFilter, covered: CoveredKey | undefined): ((claim: Claim) => boolean) | undefined {
  const claims: ((c: Claim) => boolean)[] = [];
  const uncovered = (key: CoveredKey) => covered !== key;
  if (f.ids && uncovered('ids')) {
    const has = memberOf(f.ids);
    claims.push((c) => has(c.id));
  }
  if (f.entities?.length && uncovered('entities')) {
    const has = memberOf(f.entities);
    claims.push((c) => has(c.subject) || (c.object !== undefined && has(c.object)));
  }
  if (f.subject && uncovered('subject')) claims.push((c) => c.subject === f.subject);
  if (f.subjects && uncovered('subjects')) {
    const has = memberOf(f.subjects);
    claims.push((c) => has(c.subject));
  }
  if (f.objects && uncovered('objects')) {
    const has = memberOf(f.objects);
    claims.push((c) => c.object !== undefined && has(c.object));
  }
  if (f.object && uncovered('object')) claims.push((c) => c.object === f.object);
  if (f.claimants?.length && uncovered('claimants')) {
    const has = memberOf(f.claimants);
    claims.push((c) => {
      const claimant = claimantOf(c);
      return claimant !== undefined && has(claimant);
    });
  }
  if (f.dispute && uncovered('dispute')) claims.push((c) => c.dispute === f.dispute);
  if (f.source) claims.push((c) => c.evidence.some((e) => e.source === f.source));
  return all(claims);
}
