/**
 * EDTF time with its uncertainty kept. Parsing is done by the `edtf` package; this module turns
 * a parsed value into the earliest and latest moments each end can stand for, and answers
 * "certainly" and "possibly" questions over them. "late 2006" stays a quarter, not 2006-12-31.
 *
 * Semantics:
 * - an instant (a day, month, year, season, `2002-07~`) is one moment somewhere within its extent;
 * - an interval `A/B` has a start somewhere within A and an end somewhere within B;
 * - `..` is an open end (the relation extends indefinitely that way);
 * - an empty end (`2006/`) is an unknown end (it may stop right after the start or never);
 * - `~` (approximate) and `?` (uncertain) widen the extent by one unit of its precision;
 * - each end of an interval is parsed on its own, so Level 2 seasons may stand at either end
 *   (`2003-36/2008`: from late 2003 to 2008), which the package's interval grammar does not take.
 */
import edtf from 'edtf';
import { IsnadError } from './errors.js';

/** Milliseconds since the epoch; ±Infinity for open ends. */
export type Instant = number;

/** The earliest and latest moment that one end of a time value can stand for. */
export interface Bound {
  readonly earliest: Instant;
  readonly latest: Instant;
}

export interface TimeSpan {
  readonly edtf: string;
  readonly kind: 'instant' | 'interval';
  readonly start: Bound;
  readonly end: Bound;
  /** True when any part is approximate (~) or uncertain (?). */
  readonly fuzzy: boolean;
}

export type Modality = 'certain' | 'possible' | 'no';

const DAY = 86_400_000;

/** Thrown for a string that is not valid EDTF. */
export class TimeError extends IsnadError {
  constructor(input: string, detail: string) {
    super('invalid_edtf', `"${input}" is not a valid EDTF date (${detail}). Examples: 2002-07~, 2006-36, 2006/2012, ../2014-02-03`);
  }
}

interface EdtfValue {
  readonly min: number;
  readonly max: number;
  readonly precision?: number;
  readonly approximate?: { value: number } | boolean;
  readonly uncertain?: { value: number } | boolean;
  readonly type: string;
}

function isQualified(flag: EdtfValue['approximate']): boolean {
  if (!flag) return false;
  if (typeof flag === 'boolean') return flag;
  return flag.value !== 0;
}

/** Widening for ~ and ?: one unit of the value's precision (day, month or year), or half its extent. */
function fuzzMargin(v: EdtfValue): number {
  switch (v.precision) {
    case 3: return 3 * DAY;
    case 2: return 31 * DAY;
    case 1: return 366 * DAY;
    default: return Math.max(DAY, (v.max - v.min) / 2);
  }
}

const PLAIN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?])?$/;

/**
 * The common forms — a year, month or day, optionally `~` or `?`; seasons and quarters
 * (21–24, 33–36) unqualified — computed directly, with the bounds `edtf` gives them: the
 * package's parser takes tens of µs a value, which dominated bulk imports and every view over
 * many claims. Anything else (and any invalid date) is left to the package.
 */
function plainEndpoint(part: string): EdtfValue | undefined {
  const m = PLAIN.exec(part);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (y < 1000) return undefined;
  const q = m[4];
  const flags = { approximate: q === '~', uncertain: q === '?' };
  if (m[2] === undefined) return { min: Date.UTC(y, 0, 1), max: Date.UTC(y + 1, 0, 1) - 1, precision: 1, ...flags, type: 'Year' };
  const mm = Number(m[2]);
  if (mm >= 1 && mm <= 12) {
    if (m[3] === undefined) return { min: Date.UTC(y, mm - 1, 1), max: Date.UTC(y, mm, 1) - 1, precision: 2, ...flags, type: 'Date' };
    const dd = Number(m[3]);
    const min = Date.UTC(y, mm - 1, dd);
    if (dd < 1 || new Date(min).getUTCDate() !== dd) return undefined;
    return { min, max: min + DAY - 1, precision: 3, ...flags, type: 'Date' };
  }
  if (m[3] === undefined && !q && ((mm >= 21 && mm <= 24) || (mm >= 33 && mm <= 36))) {
    const quarter = mm >= 33 ? mm - 33 : mm - 21;
    return { min: Date.UTC(y, quarter * 3, 1), max: Date.UTC(y, quarter * 3 + 3, 1) - 1, ...flags, type: 'Season' };
  }
  return undefined;
}

function parseEndpoint(input: string, part: string): { bound: Bound; fuzzy: boolean } {
  let v: EdtfValue;
  try {
    v = plainEndpoint(part) ?? (edtf(part) as unknown as EdtfValue);
  } catch (err) {
    throw new TimeError(input, (err as Error).message.split('\n')[0] ?? 'parse error');
  }
  if (v.type === 'Interval') throw new TimeError(input, 'nested interval');
  const fuzzy = isQualified(v.approximate) || isQualified(v.uncertain);
  const m = fuzzy ? fuzzMargin(v) : 0;
  return { bound: { earliest: v.min - m, latest: v.max + m }, fuzzy };
}

const cache = new Map<string, TimeSpan>();

/** Parses an EDTF instant or interval into bounds; throws {@link TimeError} when invalid. */
export function parseTime(input: string): TimeSpan {
  const hit = cache.get(input);
  if (hit) return hit;
  const s = input.trim();
  if (s === '') throw new TimeError(input, 'empty');
  let span: TimeSpan;
  if (s.includes('/')) {
    const [a = '', b = '', ...rest] = s.split('/');
    if (rest.length) throw new TimeError(input, 'more than one "/"');
    if (a === '' && b === '') throw new TimeError(input, 'both ends missing');
    const A = a === '..' || a === '' ? undefined : parseEndpoint(input, a);
    const B = b === '..' || b === '' ? undefined : parseEndpoint(input, b);
    let start: Bound;
    let end: Bound;
    if (A && B) {
      start = A.bound;
      end = B.bound;
      if (start.earliest > end.latest) throw new TimeError(input, 'start after end');
    } else if (B) {
      end = B.bound;
      start = a === '..' ? { earliest: -Infinity, latest: -Infinity } : { earliest: -Infinity, latest: end.latest };
    } else if (A) {
      start = A.bound;
      end = b === '..' ? { earliest: Infinity, latest: Infinity } : { earliest: start.earliest, latest: Infinity };
    } else {
      throw new TimeError(input, 'both ends open');
    }
    span = Object.freeze({ edtf: s, kind: 'interval', start, end, fuzzy: Boolean(A?.fuzzy || B?.fuzzy) });
  } else {
    const p = parseEndpoint(input, s);
    span = Object.freeze({ edtf: s, kind: 'instant', start: p.bound, end: p.bound, fuzzy: p.fuzzy });
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(input, span);
  return span;
}

/** True when the string parses as EDTF. */
export function isValidTime(input: string): boolean {
  try { parseTime(input); return true; } catch { return false; }
}

/** The moments a view reads claims for: what a store may narrow its reads to. */
export interface ReadWindow {
  readonly from: Instant;
  readonly to: Instant;
}

/** The {@link ReadWindow} of a query date: its whole extent ("2008-06" is the whole of June 2008). */
export function readWindow(date: string): ReadWindow {
  const { lo, hi } = extentOf(parseTime(date));
  return { from: lo, to: hi };
}

/** The moment range [lo, hi] a query date stands for: "2008-06" is the whole of June 2008. */
export function extentOf(span: TimeSpan): { lo: Instant; hi: Instant } {
  return { lo: span.start.earliest, hi: span.end.latest };
}

/**
 * Whether a relation with this time held at the query date, for relations over an interval
 * (leader_of, branch_of …). Certain: it had certainly started before and not ended until the
 * whole query extent. Possible: the two can overlap.
 */
export function holdsAt(span: TimeSpan | undefined, at: TimeSpan): Modality {
  const q = extentOf(at);
  if (!span) return 'possible';
  if (span.kind === 'interval' && span.start.latest <= q.lo && span.end.earliest >= q.hi) return 'certain';
  if (span.kind === 'instant' && span.start.earliest >= q.lo && span.end.latest <= q.hi) return 'certain';
  if (span.start.earliest <= q.hi && span.end.latest >= q.lo) return 'possible';
  return 'no';
}

/** Whether an event with this time happened within the period. */
export function occurredDuring(span: TimeSpan, period: TimeSpan): Modality {
  const p = extentOf(period);
  if (span.start.earliest >= p.lo && span.end.latest <= p.hi) return 'certain';
  if (span.start.earliest <= p.hi && span.end.latest >= p.lo) return 'possible';
  return 'no';
}

/** Whether an event with this time happened on or before the query date. */
export function occurredBy(span: TimeSpan, at: TimeSpan): Modality {
  const q = extentOf(at);
  if (span.end.latest <= q.lo) return 'certain';
  if (span.start.earliest <= q.hi) return 'possible';
  return 'no';
}

/** Whether `a` lies wholly before `b`: certainly (every reading) or possibly (some reading). */
export function isBefore(a: TimeSpan, b: TimeSpan): Modality {
  if (a.end.latest < b.start.earliest) return 'certain';
  if (a.start.earliest < b.end.latest) return 'possible';
  return 'no';
}

/** Whether `a` lies wholly after `b`. */
export function isAfter(a: TimeSpan, b: TimeSpan): Modality {
  return isBefore(b, a);
}

/** A sort key for chronological listings: the earliest finite moment the value can stand for. */
export function sortKey(span: TimeSpan | undefined): number {
  if (!span) return Number.POSITIVE_INFINITY;
  if (Number.isFinite(span.start.earliest)) return span.start.earliest;
  if (Number.isFinite(span.start.latest)) return span.start.latest;
  if (Number.isFinite(span.end.earliest)) return span.end.earliest;
  return Number.isFinite(span.end.latest) ? span.end.latest : Number.POSITIVE_INFINITY;
}

/** Combines the two modalities of a conjunction: certain only when both are. */
export function both(a: Modality, b: Modality): Modality {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'certain' && b === 'certain' ? 'certain' : 'possible';
}
