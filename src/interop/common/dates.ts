/**
 * EDTF values as the plain dates and timestamps other formats want: the earliest and latest
 * moment each end can stand for (from `core/time`), written as ISO dates or timestamps. An open
 * or unknown end has no bound and is left out, never invented.
 */
import { parseTime, type TimeSpan } from '../../core/time.js';

export interface Bounds {
  readonly startEarliest?: number;
  readonly startLatest?: number;
  readonly endEarliest?: number;
  readonly endLatest?: number;
}

const finite = (n: number): number | undefined => (Number.isFinite(n) ? n : undefined);

/** The four bounds of an EDTF value (milliseconds); undefined where the end is open or unknown. */
export function boundsOf(edtf: string | undefined): Bounds {
  if (!edtf) return {};
  const span: TimeSpan = parseTime(edtf);
  return {
    startEarliest: finite(span.start.earliest),
    startLatest: finite(span.start.latest),
    endEarliest: finite(span.end.earliest),
    endLatest: finite(span.end.latest),
  };
}

function inRange(ms: number): boolean {
  const y = new Date(ms).getUTCFullYear();
  return y >= 1 && y <= 9999;
}

/** `YYYY-MM-DD` (UTC) of a moment, or undefined when absent or outside years 1–9999. */
export function isoDate(ms: number | undefined): string | undefined {
  if (ms === undefined || !inRange(ms)) return undefined;
  return new Date(ms).toISOString().slice(0, 10);
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` of a moment, or undefined when absent or outside years 1–9999. */
export function isoTimestamp(ms: number | undefined): string | undefined {
  if (ms === undefined || !inRange(ms)) return undefined;
  return new Date(ms).toISOString();
}

/** Normalises an ISO 8601 timestamp (e.g. a claim's recordedAt) to millisecond precision and `Z`. */
export function normaliseTimestamp(s: string | undefined, fallback = '1970-01-01T00:00:00.000Z'): string {
  if (!s) return fallback;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : fallback;
}

/**
 * The ISO prefix an EDTF endpoint names, as far as it is certain: `1995~` → `1995`,
 * `2003-36` (a season or quarter) → `2003`, `2006-XX` → `2006`, `2014-02-03` → `2014-02-03`.
 * Undefined for open or unknown ends and forms without a year.
 */
export function isoPrefix(endpoint: string | undefined): string | undefined {
  if (!endpoint || endpoint === '..') return undefined;
  const s = endpoint.replace(/[~?%]/g, '');
  const m = /^(\d{4})(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (!mo || mo === 'XX' || Number(mo) > 12) return y;
  if (!d || d === 'XX') return `${y}-${mo}`;
  return `${y}-${mo}-${d}`;
}

/** The two endpoints of an EDTF value as written (`a/b` → a, b; an instant is both). */
export function endpointsOf(edtf: string): { start?: string; end?: string; interval: boolean } {
  if (!edtf.includes('/')) return { start: edtf, end: edtf, interval: false };
  const [a = '', b = ''] = edtf.split('/');
  return { start: a === '' || a === '..' ? undefined : a, end: b === '' || b === '..' ? undefined : b, interval: true };
}

/** An EDTF value from ISO bounds (importers): a day, a month or a year each way. */
export function edtfFromIso(start: string | undefined, end: string | undefined): string | undefined {
  const norm = (s: string | undefined) => {
    if (!s) return undefined;
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
    if (!m) return undefined;
    return [m[1], m[2], m[3]].filter(Boolean).join('-');
  };
  const a = norm(start);
  const b = norm(end);
  if (a && b) return a === b ? a : `${a}/${b}`;
  if (a) return `${a}/..`;
  if (b) return `../${b}`;
  return undefined;
}
