/**
 * COPY's text format, as `copyText` writes one value: PostgreSQL reads back exactly the value
 * (decoded here as the server decodes it), a field never contains a raw separator, and null is
 * told apart from the text `\N`. The round trip through a server is in
 * `test/store/postgres-import.test.ts`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyText } from './copy-import.js';

/** A field of COPY text as the server reads it: `\N` alone is null; backslash sequences are unescaped. */
function decode(field: string): string | null {
  if (field === '\\N') return null;
  const map: Record<string, string> = { t: '\t', n: '\n', r: '\r', '\\': '\\', b: '\b', f: '\f', v: '\v' };
  return field.replace(/\\(.)/g, (_, c: string) => map[c] ?? c);
}

describe('copyText', () => {
  it('gives back any text, and no field holds a raw tab, line break or carriage return', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }).filter((s) => !s.includes('\0')), (s) => {
        const field = copyText(s);
        expect(field).not.toMatch(/[\t\n\r]/);
        expect(decode(field)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes null and undefined as \\N, the text "\\N" so that it stays text, and numbers as digits', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(decode(copyText('\\N'))).toBe('\\N');
    expect(copyText('\\N')).not.toBe('\\N');
    expect(copyText(42)).toBe('42');
    expect(copyText(-0.5)).toBe('-0.5');
  });
});
