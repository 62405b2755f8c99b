/**
 * Similarity of two folded word keys, graded by what agrees: the whole key, the consonant
 * skeleton (with vowels compatible, or not), the loose skeleton (g/k/j, d/z merged), or all but
 * one letter. Used by the matcher for every pair of name parts.
 */
import { looseSkeleton, skeleton, vowels } from './fold.js';

/** A graded similarity with a human-readable account of it. */
export interface TokenSim {
  readonly sim: number;
  readonly how: string;
}

function isSubsequence(a: string, b: string): boolean {
  let i = 0;
  for (let j = 0; j < b.length && i < a.length; j++) if (a[i] === b[j]) i++;
  return i === a.length;
}

/** Damerau-free Levenshtein distance bounded at `max + 1`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Vowel groups of a raw romanisation: doubles collapsed, ou/oo → u, ee → i, diphthongs marked. */
function rawVowelGroups(ascii: string): string[] {
  const s = ascii
    .replace(/[^a-z]/g, '')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/ou|oo/g, 'u')
    .replace(/[ae][yi](?![aeiou])/g, 'A')
    .replace(/[ao][wu](?![aeiou])/g, 'u');
  return s.split(/[^aeiouA]+/).filter((g) => g !== '');
}

const E_O: Readonly<Record<string, string>> = { e: 'ai', o: 'ua' };

/**
 * True when two romanisations differ in their vowels only where romanisations are ambiguous:
 * `e` for a or i (Droukdel/Drukdal, Meshaal/Mashal), `o` for u or a (Zomor/Zumar).
 */
function rawVowelsCompatible(x: string, y: string): boolean {
  const gx = rawVowelGroups(x);
  const gy = rawVowelGroups(y);
  if (gx.length !== gy.length) return false;
  for (let i = 0; i < gx.length; i++) {
    const a = gx[i] as string;
    const b = gy[i] as string;
    if (a === b) continue;
    if (a.length !== 1 || b.length !== 1) return false;
    if (!(E_O[a]?.includes(b) || E_O[b]?.includes(a))) return false;
  }
  return true;
}

interface KeyInfo {
  readonly sk: string;
  readonly v: string;
  readonly loose: string;
}
const KEY_INFO = new Map<string, KeyInfo>();

/** Skeleton, vowels and loose skeleton of a key, memoised (bounded). */
function keyInfo(k: string): KeyInfo {
  let i = KEY_INFO.get(k);
  if (i === undefined) {
    if (KEY_INFO.size > 200_000) KEY_INFO.clear();
    i = { sk: skeleton(k), v: vowels(k), loose: looseSkeleton(k) };
    KEY_INFO.set(k, i);
  }
  return i;
}

/**
 * Similarity of two folded word keys: 1 identical; 0.85 same consonants with compatible vowels
 * (or one side unvocalised Arabic script); 0.75 same consonants up to g/k/j and d/z; 0.6 same
 * consonants, different vowels (Hamid/Hamad); 0.5 one edit apart in a long word; else 0.
 */
export function keySimilarity(a: string, b: string, unvocalised = false, asciiA?: string, asciiB?: string): TokenSim {
  if (a === b) return { sim: 1, how: 'identical' };
  if (a === '' || b === '') return { sim: 0, how: 'empty' };
  const ia = keyInfo(a);
  const ib = keyInfo(b);
  const sa = ia.sk;
  const sb = ib.sk;
  const va = ia.v;
  const vb = ib.v;
  if (unvocalised && sa === sb && sa.length >= 1) return { sim: 0.95, how: 'same consonants; Arabic script has no short vowels' };
  const compatible = unvocalised || isSubsequence(va, vb) || isSubsequence(vb, va) || (asciiA !== undefined && asciiB !== undefined && rawVowelsCompatible(asciiA, asciiB));
  if (sa === sb && sa.length >= 1) {
    return compatible ? { sim: 0.85, how: 'same consonants' } : { sim: 0.6, how: 'same consonants, different vowels' };
  }
  if (Math.min(sa.length, sb.length) >= 2 && ia.loose === ib.loose) {
    return compatible ? { sim: 0.75, how: 'same consonants up to g/k/j, d/z' } : { sim: 0.5, how: 'similar consonants, different vowels' };
  }
  if (Math.min(a.length, b.length) >= 6 && editDistance(a, b, 1) <= 1) return { sim: 0.5, how: 'one letter apart' };
  return { sim: 0, how: 'different' };
}

