import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, isValidEdtf, normalizeDate } from './dates.js';

describe('normalizeDate', () => {
  it.each([
    ['14 March 1998', '1998-03-14'],
    ['March 14, 1998', '1998-03-14'],
    ['June 1999', '1999-06'],
    ['1987', '1987'],
    ['early 2011', '2011-01/2011-04'],
    ['mid 2011', '2011-05/2011-08'],
    ['late 2011', '2011-09/2011-12'],
    ['around May 1990', '1990-05~'],
    ['by June 1999', '../1999-06'],
    ['until 2004', '../2004'],
    ['since 2004', '2004/..'],
    ['between 1995 and 2001', '1995/2001'],
    ['from March 1995 to May 1996', '1995-03/1996-05'],
    ['September/October 2010', '2010-09/2010-10'],
    ['spring 2010', '2010-21'],
  ])('%s → %s', (phrase, want) => {
    expect(normalizeDate(phrase)).toBe(want);
    expect(isValidEdtf(want)).toBe(true);
  });

  it('resolves relative expressions against an anchor', () => {
    const anchor = { year: 1999, month: 12, day: 30 };
    expect(normalizeDate('three days later', anchor)).toBe('2000-01-02');
    expect(normalizeDate('two months later', anchor)).toBe('2000-02-29');
    expect(normalizeDate('the following year', anchor)).toBe('2000');
    expect(normalizeDate('that year', anchor)).toBe('1999');
    expect(normalizeDate('within a month of that date', anchor)).toBe('1999-12-30/2000-01-30');
    expect(normalizeDate('three days later')).toBeNull();
  });

  it('finds dates in running text and carries the anchor', () => {
    const ctx = {};
    const s = 'The council met on 2 May 2001. Five days later it voted, and the next year it split.';
    const found = findDates(s, 10, ctx).map((d) => [d.text, d.edtf, s.slice(d.start - 10, d.end - 10)]);
    expect(found).toEqual([
      ['2 May 2001', '2001-05-02', '2 May 2001'],
      ['Five days later', '2001-05-07', 'Five days later'],
      ['the next year', '2002', 'the next year'],
    ]);
  });

  it('does not read amounts or page numbers as years', () => {
    expect(findDates('They paid $2,000 and 1,500 men; see p. 2001-2.', 0, {}).map((d) => d.text)).toEqual([]);
  });

  it('never throws and emits only valid EDTF (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        const r = normalizeDate(s, { year: 2000, month: 2, day: 29 });
        if (r !== null) expect(isValidEdtf(r)).toBe(true);
        for (const d of findDates(s, 0, {})) expect(isValidEdtf(d.edtf)).toBe(true);
      }),
      { numRuns: 500 },
    );
    const words = fc.constantFrom('early', 'late', 'by', 'around', 'until', 'between', 'and', 'May', 'June', '31', '1999', '2000', 'later', 'three', 'days', 'the', 'following', 'year', '/', ',');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 8 }), (ws) => {
        for (const d of findDates(ws.join(' '), 0, { last: { year: 2001, month: 1, day: 31 } })) expect(isValidEdtf(d.edtf)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
