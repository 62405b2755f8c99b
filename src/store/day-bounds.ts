/**
 * The stored day bounds (`t_lo`, `t_hi`) of an EDTF value without the general EDTF parser, for
 * the common forms (a year, month or day, optionally `~` / `?`; seasons and quarters 21–24,
 * 33–36; intervals of those with `..` or empty ends). The `edtf` package takes ~80 µs a value,
 * which alone would cap a bulk import at ~10,000 claims/s; this takes well under 1 µs.
 * Anything else, and anything this cannot vouch for, goes to `parseTime`, so the result is
 * always the general parser's bounds (checked against it in `fast-repository.test.ts`); every
 * path that stores a claim (`rows.ts`) or holds one in memory computes them here.
 */
import { parseTime } from '../core/time.js';

const DAY = 86_400_000;
const POINT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?])?$/;

/** Days since 1970-01-01 for a finite instant; null for open ends. */
export function toDay(ms: number): number | null {
  return Number.isFinite(ms) ? Math.floor(ms / DAY) : null;
}

interface Ext { lo: number; hi: number }

/** Earliest and latest ms of one plain endpoint, with the `~`/`?` widening of `time.ts`; undefined when not a plain form. */
function point(s: string): Ext | undefined {
  const m = POINT.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (y < 1000) return undefined; // years below 1000: leave Date.UTC's two-digit rule and edtf's to the parser
  const mm = m[2] === undefined ? undefined : Number(m[2]);
  const dd = m[3] === undefined ? undefined : Number(m[3]);
  const q = m[4] !== undefined;
  let lo: number;
  let hi: number;
  let margin: number;
  if (mm === undefined) {
    lo = Date.UTC(y, 0, 1);
    hi = Date.UTC(y + 1, 0, 1) - 1;
    margin = 366 * DAY;
  } else if (mm >= 1 && mm <= 12) {
    if (dd === undefined) {
      lo = Date.UTC(y, mm - 1, 1);
      hi = Date.UTC(y, mm, 1) - 1;
      margin = 31 * DAY;
    } else {
      lo = Date.UTC(y, mm - 1, dd);
      if (dd < 1 || new Date(lo).getUTCDate() !== dd) return undefined; // invalid day: let the parser say so
      hi = lo + DAY - 1;
      margin = 3 * DAY;
    }
  } else if (dd === undefined && !q && ((mm >= 21 && mm <= 24) || (mm >= 33 && mm <= 36))) {
    const quarter = mm >= 33 ? mm - 33 : mm - 21;
    lo = Date.UTC(y, quarter * 3, 1);
    hi = Date.UTC(y, quarter * 3 + 3, 1) - 1;
    margin = 0;
  } else return undefined;
  return q ? { lo: lo - margin, hi: hi + margin } : { lo, hi };
}

/** A claim's `[t_lo, t_hi]` as `claimToRows` stores them (both null when it is undated). */
export function claimDayBounds(c: { readonly time?: string }): [number | null, number | null] {
  return c.time ? dayBounds(c.time) : [null, null];
}

/** `[t_lo, t_hi]` as `claimToRows` computes them for `time`. */
export function dayBounds(time: string): [number | null, number | null] {
  const fast = fastDayBounds(time);
  if (fast) return fast;
  const span = parseTime(time);
  return [toDay(span.start.earliest), toDay(span.end.latest)];
}

function fastDayBounds(time: string): [number | null, number | null] | undefined {
  if (time !== time.trim()) return undefined;
  const slash = time.indexOf('/');
  if (slash < 0) {
    const p = point(time);
    return p && [toDay(p.lo), toDay(p.hi)];
  }
  if (time.indexOf('/', slash + 1) >= 0) return undefined;
  const a = time.slice(0, slash);
  const b = time.slice(slash + 1);
  const openA = a === '..' || a === '';
  const openB = b === '..' || b === '';
  if (openA && openB) return undefined;
  const A = openA ? undefined : point(a);
  const B = openB ? undefined : point(b);
  if ((!openA && !A) || (!openB && !B)) return undefined;
  if (A && B) {
    if (A.lo > B.hi) return undefined; // the parser throws for it
    return [toDay(A.lo), toDay(B.hi)];
  }
  if (B) return [null, toDay(B.hi)];
  return [toDay(A!.lo), null];
}
