/**
 * SQLite's default (`BINARY`) text order, which compares UTF-8 bytes, for sorting in memory what
 * SQL would `order by`. JavaScript's `<` compares UTF-16 code units instead; the two differ only
 * where a character above U+FFFF (a surrogate pair) meets one in U+E000–U+FFFF.
 */

/** Negative, zero or positive as `a` sorts before, with or after `b` in SQLite's `BINARY` order. */
export function compareBinary(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (D800–DFFF) encode code points above FFFF, whose UTF-8 sorts after E000–FFFF.
    if (x >= 0xd800 && y >= 0xd800) return lift(x) - lift(y);
    return x - y;
  }
  return a.length - b.length;
}

function lift(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** A UTF-16 unit from which JavaScript's order can differ from UTF-8's (a surrogate, or U+E000–U+FFFF). */
const UNORDERED_UNIT = /[\uD800-\uFFFF]/;

const byIdNative = <T extends { readonly id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Records sorted by `id` in SQLite's `BINARY` order, in place. Ids without a unit from U+D800 up
 * (almost all) sort by JavaScript's own comparison, which is native and agrees there.
 */
export function sortById<T extends { readonly id: string }>(records: T[]): T[] {
  if (records.length < 2) return records;
  for (const r of records) if (UNORDERED_UNIT.test(r.id)) return records.sort((a, b) => compareBinary(a.id, b.id));
  return records.sort(byIdNative);
}
