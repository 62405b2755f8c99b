/** EDTF on the client: the same parser and semantics as the server (src/core/time.ts). */
import { parseTime, type TimeSpan } from '../../src/core/time.js';

export type { TimeSpan };

export const DAY = 86_400_000;

const POINT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?$/;
const MARGIN = [0, 366 * DAY, 31 * DAY, 3 * DAY];

interface Endpoint { readonly earliest: number; readonly latest: number; readonly fuzzy: boolean }

/**
 * The common EDTF forms (YYYY, YYYY-MM, YYYY-MM-DD, each optionally ~ ? or %) computed directly,
 * with exactly the bounds `parseTime` gives them; undefined for anything else. The general
 * parser is a full grammar and costs ~50µs a value, which matters at ten thousand items.
 */
function fastPoint(s: string): Endpoint | undefined {
  const m = POINT.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (y < 1000) return undefined;
  const mo = m[2] === undefined ? undefined : Number(m[2]);
  const d = m[3] === undefined ? undefined : Number(m[3]);
  if (mo !== undefined && (mo < 1 || mo > 12)) return undefined;
  let min: number;
  let next: number;
  let precision: number;
  if (mo === undefined) { min = Date.UTC(y, 0, 1); next = Date.UTC(y + 1, 0, 1); precision = 1; }
  else if (d === undefined) { min = Date.UTC(y, mo - 1, 1); next = Date.UTC(y, mo, 1); precision = 2; }
  else {
    if (d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
    min = Date.UTC(y, mo - 1, d); next = min + DAY; precision = 3;
  }
  const fuzzy = m[4] !== undefined;
  const margin = fuzzy ? MARGIN[precision]! : 0;
  return { earliest: min - margin, latest: next - 1 + margin, fuzzy };
}

export function fastSpan(input: string): TimeSpan | undefined {
  const s = input.trim();
  if (!s.includes('/')) {
    const p = fastPoint(s);
    return p && { edtf: s, kind: 'instant', start: { earliest: p.earliest, latest: p.latest }, end: { earliest: p.earliest, latest: p.latest }, fuzzy: p.fuzzy };
  }
  const parts = s.split('/');
  if (parts.length !== 2) return undefined;
  const [a = '', b = ''] = parts;
  const A = a === '..' || a === '' ? undefined : fastPoint(a);
  const B = b === '..' || b === '' ? undefined : fastPoint(b);
  if ((a !== '..' && a !== '' && !A) || (b !== '..' && b !== '' && !B) || (!A && !B)) return undefined;
  let start: { earliest: number; latest: number };
  let end: { earliest: number; latest: number };
  if (A && B) {
    if (A.earliest > B.latest) return undefined;
    start = { earliest: A.earliest, latest: A.latest };
    end = { earliest: B.earliest, latest: B.latest };
  } else if (B) {
    end = { earliest: B.earliest, latest: B.latest };
    start = a === '..' ? { earliest: -Infinity, latest: -Infinity } : { earliest: -Infinity, latest: end.latest };
  } else {
    start = { earliest: A!.earliest, latest: A!.latest };
    end = b === '..' ? { earliest: Infinity, latest: Infinity } : { earliest: start.earliest, latest: Infinity };
  }
  return { edtf: s, kind: 'interval', start, end, fuzzy: Boolean(A?.fuzzy || B?.fuzzy) };
}

const cache = new Map<string, TimeSpan | undefined>();

/** Parses EDTF, or undefined when absent or invalid (never throws in a view). */
export function spanOf(edtf: string | undefined): TimeSpan | undefined {
  if (!edtf) return undefined;
  if (cache.has(edtf)) return cache.get(edtf);
  let span = fastSpan(edtf);
  if (!span) {
    try {
      span = parseTime(edtf);
    } catch {
      span = undefined;
    }
  }
  if (cache.size > 100_000) cache.clear();
  cache.set(edtf, span);
  return span;
}
export const YEAR = 365.25 * DAY;

/** A date slider position (months since year 0) to EDTF "YYYY-MM", and back. */
export function monthIndexToEdtf(i: number): string {
  const y = Math.floor(i / 12);
  const m = (i % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

export function edtfToMonthIndex(s: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(s);
  if (!m) return undefined;
  const mo = m[2] ? Number(m[2]) : 1;
  if (mo < 1 || mo > 12) return Number(m[1]) * 12;
  return Number(m[1]) * 12 + mo - 1;
}
