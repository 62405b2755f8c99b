/**
 * The name operations extraction needs, as a thin adapter over the project's names module
 * (`src/names`): folding for comparison and the same/different/undecided decision, plus the
 * small helpers the resolver uses on folded tokens.
 */
import { matchNames } from '../names/index.js';
import { ARTICLE_PREFIX, KUNYA, NASAB, TITLES } from './lexicon.js';

/**
 * Folds a name for keys and token comparison: case, diacritics, apostrophes/ayn marks, hyphens,
 * "Abdul"→"abd al", "ibn"→"bin". Structure-preserving (one token per written part), unlike the
 * names module's folding, which compounds parts for person-name matching.
 */
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
  s = s.replace(/\bel\b/g, 'al').replace(/\bibn\b/g, 'bin');
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

/** Whether two full person names denote the same person, by form alone (the names module's part-aware matcher). */
export function compareNames(a: string, b: string): NameDecision {
  return matchNames(stripTitles(a), stripTitles(b)).decision;
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
