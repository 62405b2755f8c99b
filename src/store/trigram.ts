/**
 * Trigram similarity as pg_trgm computes it, for engines without the extension, so fuzzy name
 * search ranks the same way on every store: each run of letters and digits is padded with two
 * spaces in front and one behind, cut into overlapping three-character pieces, and two strings'
 * similarity is |shared trigrams| / |all trigrams| of the two sets.
 */

/** The set of trigrams of a string (pg_trgm's `show_trgm`, without its ordering). */
export function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const word of s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  }
  return out;
}

/** pg_trgm's `similarity(a, b)`, rounded to 4 decimals so engines agree on ties. */
export function trigramSimilarity(a: string | Set<string>, b: string | Set<string>): number {
  const ta = typeof a === 'string' ? trigrams(a) : a;
  const tb = typeof b === 'string' ? trigrams(b) : b;
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return roundSimilarity(shared / (ta.size + tb.size - shared));
}

export function roundSimilarity(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
