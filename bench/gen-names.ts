/**
 * A seeded, deterministic generator of Arabic-style personal names for benchmarks: given names
 * from the general lexicon with a Zipf-like frequency, kunyas, nasab chains, nisbas of origin and
 * generated family names, written in varying romanisations (Mohammed/Muhammad, al-/el-, ou/u …).
 */
import { COMMON_NISBA_KEYS, ISMS } from '../src/names/lexicon.js';
import { mulberry32 } from './generate/prng.js';

/** The shared seeded PRNG (mulberry32), under the name the benches use. */
export const rng = mulberry32;

const cap = (s: string): string => s.replace(/(^|[\s-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());

/** Draw from a list with Zipf-like weights (rank^-s). */
function zipf<T>(items: readonly T[], s: number): (r: () => number) => T {
  const w = items.map((_, i) => 1 / Math.pow(i + 1, s));
  const cum: number[] = [];
  let acc = 0;
  for (const x of w) cum.push((acc += x));
  return (r) => {
    const u = r() * acc;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return items[lo] as T;
  };
}

const CONS = ['b', 't', 'th', 'j', 'h', 'kh', 'd', 'dh', 'r', 'z', 's', 'sh', 'f', 'q', 'k', 'l', 'm', 'n', 'w', 'y', 'gh'];
const VOW = ['a', 'a', 'i', 'u', 'a', 'ou', 'e', 'aa'];

function syllableWord(r: () => number, syl: number): string {
  let w = '';
  for (let i = 0; i < syl; i++) w += (CONS[Math.floor(r() * CONS.length)] as string) + (VOW[Math.floor(r() * VOW.length)] as string);
  return w + (CONS[Math.floor(r() * CONS.length)] as string);
}

/** Re-spell a name the way different romanisations do. */
export function respell(name: string, r: () => number): string {
  let s = name;
  const swaps: [RegExp, string][] = [
    [/\bMuhammad\b/g, 'Mohammed'],
    [/\bAhmad\b/g, 'Ahmed'],
    [/\bal-/g, 'el-'],
    [/\bal-/g, 'al '],
    [/\bAbu\b/g, 'Abou'],
    [/\bbin\b/g, 'ibn'],
    [/ou/g, 'u'],
    [/u/g, 'ou'],
    [/aa/g, 'a'],
    [/\bUmar\b/g, 'Omar'],
    [/ss/g, 's'],
    [/\bAbd al-/g, 'Abdul '],
    [/q/g, 'k'],
  ];
  for (const [re, to] of swaps) if (r() < 0.3) s = s.replace(re, to);
  return s;
}

/** A generator of names with fixed distributions; `next()` gives the next name. */
export function nameGenerator(seed = 42, familyCount = 60000): { next: () => string } {
  const r = rng(seed);
  const isms = ISMS.filter((n) => !n.startsWith('abu') && !/^(fatima|aisha|khadija|zaynab|maryam|asma|hafsa|sumayya|ruqayya|layla|salma|huda|nour|amina|samira|jamila|karima|nadia|hanan|hind|rana|suad|sajida|safiya|umayma|najla|nawal|wafa|yasmin|zahra|shayma)/.test(n));
  const ism = zipf(isms.map(cap), 0.9);
  const families: string[] = [];
  for (let i = 0; i < familyCount; i++) families.push(cap(syllableWord(r, 1 + Math.floor(r() * 3))) + (r() < 0.4 ? 'i' : ''));
  const family = zipf(families, 0.6);
  const places = [...COMMON_NISBA_KEYS, ...Array.from({ length: 3000 }, () => syllableWord(r, 2) + 'i')].map((n) => `al-${cap(n)}`);
  const nisba = zipf(places, 0.7);
  return {
    next(): string {
      const u = r();
      let n: string;
      if (u < 0.3) {
        const chain = Array.from({ length: Math.floor(r() * 3) }, () => (r() < 0.4 ? `bin ${ism(r)}` : ism(r)));
        n = [ism(r), ...chain, r() < 0.5 ? nisba(r) : `al-${family(r)}`].join(' ');
      } else if (u < 0.55) n = `Abu ${ism(r)} ${nisba(r)}`;
      else if (u < 0.8) n = `${ism(r)} ${family(r)}`;
      else if (u < 0.92) n = `${ism(r)} bin ${ism(r)} ${nisba(r)}${r() < 0.3 ? ` al-${family(r)}` : ''}`;
      else n = `${r() < 0.5 ? 'Sheikh ' : 'Dr. '}${ism(r)} ${ism(r)} ${family(r)}`;
      return r() < 0.3 ? respell(n, r) : n;
    },
  };
}

/** `count` generated names, deterministic for a seed. */
export function generateNames(count: number, seed = 42): string[] {
  const g = nameGenerator(seed);
  const out: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = g.next();
  return out;
}
