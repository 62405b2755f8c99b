/** EDTF on the client: the same parser and semantics as the server (src/core/time.ts). */
import { parseTime, type TimeSpan } from '../../src/core/time';

export type { TimeSpan };

/** Parses EDTF, or undefined when absent or invalid (never throws in a view). */
export function spanOf(edtf: string | undefined): TimeSpan | undefined {
  if (!edtf) return undefined;
  try {
    return parseTime(edtf);
  } catch {
    return undefined;
  }
}

export const DAY = 86_400_000;
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
