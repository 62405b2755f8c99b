/**
 * The name operations extraction needs: folding for comparison, the parts of an Arabic name,
 * and a same/different/undecided decision for two names. A thin local fallback kept minimal on
 * purpose; the project's names module (`src/names`) is the long-term home of this knowledge.
 */
import { ARTICLE_PREFIX, KUNYA, NASAB, TITLES } from './lexicon.js';

/** Folds a name for comparison: case, diacritics, apostrophes/ayn marks, hyphens, "Abdul"→"abd al". */
export function foldName(raw: string): string {
  let s = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'‘`ʿʾ“”"]/g, '')
    .replace(/[‐‑‒–—-]/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/\babd(?:u|e)l\b/g, 'abd al').replace(/\babd(?:u|e)l(?=[a-z])/g, 'abd al ');
  s = s.replace(/\babdu?([rnstdz]|sh)\1(?=[a-z])/g, 'abd al $1');
  s = s.replace(/\bel\b/g, 'al');
  s = s.replace(/\bibn\b/g, 'bin');
  return s;
}

/** A consonant skeleton of a folded token: tolerant of vowel and doubling variation ("Ladin"/"Laden"). */
export function skeleton(folded: string): string {
  return folded.replace(/\bal /g, '').replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1').replace(/ /g, '');
}

/** The parts of a name as written. */
export interface NameShape {
  readonly titles: string[];
  readonly kunya?: string;
  /** Tokens after titles, in order. */
  readonly parts: string[];
  /** Folded last part (the nisba or family name), if any. */
  readonly last?: string;
  /** Folded first part that is not a title. */
  readonly first?: string;
}

/** Splits a person name into titles, kunya and parts. */
export function nameShape(raw: string): NameShape {
  const toks = raw.split(/\s+/).filter(Boolean);
  const titles: string[] = [];
  while (toks.length > 1 && TITLES.has(toks[0]!.toLowerCase().replace(/\.$/, ''))) titles.push(toks.shift()!);
  let kunya: string | undefined;
  if (toks.length >= 2 && KUNYA.has(toks[0]!.toLowerCase())) kunya = `${toks[0]} ${toks[1]}`;
  const parts = toks;
  const last = parts.length ? foldName(parts[parts.length - 1]!) : undefined;
  const first = parts.length ? foldName(parts[0]!) : undefined;
  return { titles, ...(kunya ? { kunya } : {}), parts, ...(last ? { last } : {}), ...(first ? { first } : {}) };
}

/** Decision for two person names. */
export type NameDecision = 'same' | 'different' | 'undecided';

/** Whether two full person names denote the same person, by form alone. Conservative. */
export function compareNames(a: string, b: string): NameDecision {
  const fa = foldName(stripTitles(a));
  const fb = foldName(stripTitles(b));
  if (fa === fb) return 'same';
  const ta = fa.split(' ');
  const tb = fb.split(' ');
  // Kunyas that differ are different people even when the nisba is shared ("Abu X al-N" vs "Abu Y al-N").
  if (KUNYA.has(ta[0]!) && KUNYA.has(tb[0]!) && ta[1] !== tb[1]) return 'different';
  if (ta.length === tb.length && ta.every((t, i) => skeleton(t) === skeleton(tb[i]!)) && skeleton(fa).length >= 4) return 'same';
  // one is the other with an inserted middle name ("A B C" vs "A C"), same first and last
  const [short, long] = ta.length < tb.length ? [ta, tb] : [tb, ta];
  if (short.length >= 2 && long.length === short.length + 1 && short[0] === long[0] && short[short.length - 1] === long[long.length - 1] && !KUNYA.has(short[0]!)) {
    return 'same';
  }
  if (ta[ta.length - 1] !== tb[tb.length - 1]) return 'different';
  return 'undecided';
}

/** Removes leading titles ("Ayatollah", "Dr.") from a name. */
export function stripTitles(raw: string): string {
  const toks = raw.split(/\s+/).filter(Boolean);
  while (toks.length > 1 && TITLES.has(toks[0]!.toLowerCase().replace(/\.$/, ''))) toks.shift();
  return toks.join(' ');
}

/** True when a token is an Arabic name particle (kunya opener, nasab, article-prefixed part). */
export function isArabicParticle(token: string): boolean {
  const l = token.toLowerCase();
  return KUNYA.has(l) || NASAB.has(l) || l === 'abd' || ARTICLE_PREFIX.test(token);
}
