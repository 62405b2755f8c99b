import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holdsAt, isAfter, isBefore, isValidTime, occurredBy, occurredDuring, parseTime, sortKey, TimeError } from './time.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('parseTime', () => {
  it('keeps a month as the whole month, not its last day', () => {
    const t = parseTime('2006-10');
    expect(t.kind).toBe('instant');
    expect(t.start.earliest).toBe(day('2006-10-01'));
    expect(t.end.latest).toBe(day('2006-11-01') - 1);
  });

  it('keeps "late 2006" (fourth quarter) as October to December', () => {
    const t = parseTime('2006-36');
    expect(t.start.earliest).toBe(day('2006-10-01'));
    expect(t.end.latest).toBe(day('2007-01-01') - 1);
  });

  it('widens approximate and uncertain values by a unit of their precision', () => {
    const exact = parseTime('2002-07');
    const around = parseTime('2002-07~');
    expect(around.fuzzy).toBe(true);
    expect(around.start.earliest).toBeLessThan(exact.start.earliest);
    expect(around.end.latest).toBeGreaterThan(exact.end.latest);
    expect(parseTime('2004?').start.earliest).toBeLessThan(day('2004-01-01'));
  });

  it('treats an unspecified month as any month of the year', () => {
    const t = parseTime('2006-XX');
    expect(t.start.earliest).toBe(day('2006-01-01'));
    expect(t.end.latest).toBe(day('2007-01-01') - 1);
  });

  it('reads open, unknown and bounded interval ends', () => {
    const until = parseTime('../2009');
    expect(until.kind).toBe('interval');
    expect(until.start.earliest).toBe(-Infinity);
    expect(until.end.latest).toBe(day('2010-01-01') - 1);
    const open = parseTime('2006-10-15/..');
    expect(open.end.earliest).toBe(Infinity);
    const unknown = parseTime('2006-10-15/');
    expect(unknown.end.earliest).toBe(day('2006-10-15'));
    expect(unknown.end.latest).toBe(Infinity);
    const range = parseTime('2006/2012');
    expect(range.start.earliest).toBe(day('2006-01-01'));
    expect(range.end.latest).toBe(day('2013-01-01') - 1);
  });

  it('accepts Level 2 seasons at an interval end', () => {
    expect(parseTime('2003-36/2008').start.earliest).toBe(day('2003-10-01'));
  });

  it('rejects malformed dates with a TimeError that shows examples', () => {
    for (const bad of ['late 2006', '2006-13', '2006/2012/2014', '', '/', '2010/2006', 'abc']) {
      expect(() => parseTime(bad), bad).toThrow(TimeError);
    }
    expect(() => parseTime('2006-13')).toThrow(/2002-07~/);
  });

  it('never throws anything but a TimeError, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        try {
          const t = parseTime(s);
          return t.start.earliest <= t.end.latest;
        } catch (e) {
          return e instanceof TimeError;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('gives earliest ≤ latest for every valid date', () => {
    const date = fc.tuple(fc.integer({ min: 1900, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('', '~', '?', '%'))
      .map(([y, m, d, q]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${q}`);
    fc.assert(fc.property(date, (s) => isValidTime(s) && parseTime(s).start.earliest <= parseTime(s).end.latest));
  });
});

describe('certain and possible', () => {
  it('a relation over an interval certainly holds inside it and possibly at its fuzzy edges', () => {
    const leader = parseTime('2006-10-15/2010-05~');
    expect(holdsAt(leader, parseTime('2008-06'))).toBe('certain');
    expect(holdsAt(leader, parseTime('2010-05'))).toBe('possible');
    expect(holdsAt(leader, parseTime('2010-06'))).toBe('possible');
    expect(holdsAt(leader, parseTime('2012'))).toBe('no');
    expect(holdsAt(leader, parseTime('2005'))).toBe('no');
  });

  it('an unknown end makes later dates only possible, an open end keeps them certain', () => {
    expect(holdsAt(parseTime('2006/'), parseTime('2009'))).toBe('possible');
    expect(holdsAt(parseTime('2006/..'), parseTime('2009'))).toBe('certain');
  });

  it('an event "around July 2002" certainly happened in 2002 but only possibly in July', () => {
    const e = parseTime('2002-07~');
    expect(occurredDuring(e, parseTime('2002'))).toBe('certain');
    expect(occurredDuring(e, parseTime('2002-07'))).toBe('possible');
    expect(occurredDuring(e, parseTime('2003'))).toBe('no');
  });

  it('"by May 2002" is certainly before June 2002 and possibly before April', () => {
    const by = parseTime('../2002-05');
    expect(occurredBy(by, parseTime('2002-06'))).toBe('certain');
    expect(occurredBy(by, parseTime('2002-04'))).toBe('possible');
  });

  it('compares uncertain dates without pretending to know their order', () => {
    expect(isBefore(parseTime('2006-01'), parseTime('2006-36'))).toBe('certain');
    expect(isBefore(parseTime('2006'), parseTime('2006-36'))).toBe('possible');
    expect(isAfter(parseTime('2007'), parseTime('2006-XX'))).toBe('certain');
    expect(isBefore(parseTime('2007'), parseTime('2006'))).toBe('no');
  });

  it('sorts by the earliest moment a value can stand for, undated last', () => {
    const keys = ['2006-36', '../2002-05', '2006-10-15', '2002-07~'].map((s) => sortKey(parseTime(s)));
    expect(keys[1]).toBe(day('2002-05-01'));
    expect(sortKey(undefined)).toBe(Infinity);
    expect(keys[3]!).toBeLessThan(keys[2]!);
  });
});

describe('agreement with the edtf package', () => {
  it('gives the package’s own bounds for every unqualified year, month, day and season', async () => {
    const { default: edtf } = await import('edtf');
    const form = fc.oneof(
      fc.integer({ min: 1000, max: 2999 }).map(String),
      fc.tuple(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc.tuple(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.tuple(fc.integer({ min: 1000, max: 2999 }), fc.constantFrom(21, 22, 23, 24, 33, 34, 35, 36)).map(([y, s]) => `${y}-${s}`),
    );
    fc.assert(
      fc.property(form, (s) => {
        let expected: { min: number; max: number } | undefined;
        try { expected = edtf(s); } catch { expected = undefined; }
        if (!expected) return !isValidTime(s);
        const t = parseTime(s);
        return t.start.earliest === expected.min && t.end.latest === expected.max;
      }),
      { numRuns: 4000 },
    );
  });
});
