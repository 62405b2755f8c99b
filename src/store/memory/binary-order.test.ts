import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBinary, sortById } from './binary-order.js';

const utf8 = (a: string, b: string) => Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));

describe('compareBinary', () => {
  it('orders as the UTF-8 bytes do (SQLite BINARY), where UTF-16 order differs', () => {
    const astral = '\u{1F600}'; // a surrogate pair in UTF-16, 4 bytes in UTF-8
    const privateUse = '\uE000';
    expect(astral < privateUse).toBe(true); // JavaScript's own order
    expect(Math.sign(compareBinary(astral, privateUse))).toBe(1);
    expect(Math.sign(compareBinary('claim-2', 'claim-10'))).toBe(1);
    expect(compareBinary('a', 'a')).toBe(0);
    expect(Math.sign(compareBinary('a', 'ab'))).toBe(-1);
  });

  it('agrees with a byte comparison of the UTF-8 encodings on any well-formed strings', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 8 });
    fc.assert(fc.property(text, text, (a, b) => Math.sign(compareBinary(a, b)) === utf8(a, b)), { numRuns: 2000 });
  });

  it('sorts records by id in that order, with or without ids whose UTF-16 order differs', () => {
    const ids = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.stringMatching(/^c-[0-9]{1,3}$/)), { maxLength: 30 });
    fc.assert(
      fc.property(ids, (xs) => {
        const sorted = sortById(xs.map((id) => ({ id }))).map((r) => r.id);
        return sorted.every((id, i) => i === 0 || utf8(sorted[i - 1]!, id) <= 0) && sorted.length === xs.length;
      }),
      { numRuns: 1000 },
    );
  });
});
