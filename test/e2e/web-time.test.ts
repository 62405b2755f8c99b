/** The web app's fast EDTF path gives exactly the bounds of the core parser (src/core/time.ts). */
import { describe, expect, test } from 'vitest';
import { parseTime } from '../../src/core/time.js';
import { fastSpan, spanOf } from '../../web/src/time.js';

const pad = (n: number) => String(n).padStart(2, '0');

function samples(): string[] {
  const out: string[] = ['2000-02-29', '1999-02', '2002', '2002-07~', '2002?', '2006-01-31%', '2006-10-15/..', '../2014-02-03', '/2014', '2006/', '2006~/2012?', '1990-12/1991-01-01'];
  let seed = 7;
  const r = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 2000; i++) {
    const y = 1000 + Math.floor(r() * 1100);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const q = ['', '', '~', '?', '%'][Math.floor(r() * 5)]!;
    const forms = [`${y}${q}`, `${y}-${pad(m)}${q}`, `${y}-${pad(m)}-${pad(d)}${q}`];
    const a = forms[Math.floor(r() * 3)]!;
    const b = `${y + Math.floor(r() * 8)}-${pad(m)}`;
    out.push(a, `${a}/${b}`, `${a}/..`, `../${a}`, `${a}/`);
  }
  return out;
}

describe('web EDTF fast path', () => {
  test('matches parseTime on every form it accepts', () => {
    let fast = 0;
    for (const s of samples()) {
      const f = fastSpan(s);
      if (!f) continue;
      fast++;
      const p = parseTime(s);
      expect({ s, kind: f.kind, start: f.start, end: f.end, fuzzy: f.fuzzy }).toEqual({ s, kind: p.kind, start: p.start, end: p.end, fuzzy: p.fuzzy });
    }
    expect(fast).toBeGreaterThan(9000);
  });

  test('falls back to the full parser for other forms and never throws', () => {
    expect(fastSpan('2006-36')).toBeUndefined();
    expect(spanOf('2006-36')?.start).toEqual(parseTime('2006-36').start);
    expect(fastSpan('2001-02-30')).toBeUndefined();
    expect(spanOf('not a date')).toBeUndefined();
    expect(spanOf(undefined)).toBeUndefined();
  });
});
