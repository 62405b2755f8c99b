/**
 * Shared pieces of mention finding: the mention type, and token tests used both by the span
 * finder (`mentions.ts`) and by alias linking (`aliases.ts`).
 */
import { ARTICLE_PREFIX, FUNCTION_CAPS, MONTHS, NOT_NAMES, ORG_HEADS } from './lexicon.js';
import type { Token } from './sentences.js';

/** Mention types; `unknown` is decided later from the whole document. */
export type MentionType = 'person' | 'organization' | 'place' | 'unknown';

/** A span naming something. */
export interface Mention {
  /** Token index range `[t0, t1)` in the sentence. */
  readonly t0: number;
  readonly t1: number;
  readonly start: number;
  readonly end: number;
  /** Surface form as written (possessive removed). */
  readonly text: string;
  /** Surface form without leading titles, when different. */
  readonly bare?: string;
  type: MentionType;
  /** True when the type rests on strong evidence (head noun, kunya, title, lexicon). */
  strong: boolean;
  readonly acronym: boolean;
  /** The mention (in the same sentence) this one is an alias of. */
  aliasOf?: Mention;
  /** How the alias was given. */
  aliasKind?: 'parenthetical' | 'acronym' | 'known_as';
  /** Entity id, set by the resolver. */
  entity?: string;
}

export const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';
export const capStart = (s: string) => /^\p{Lu}/u.test(s);

/** An all-capitals abbreviation such as "ISI", "U.S.", "IS(IS)". */
export function isAcronym(t: Token): boolean {
  if (t.kind !== 'word') return false;
  const s = t.text;
  // fast path: a second character in lower case rules an abbreviation out
  const c1 = s[1];
  if (c1 === undefined || (c1 !== '.' && c1 !== c1.toUpperCase())) return false;
  if (/^(?:\p{Lu}\.){2,}$/u.test(s) || /^(?:\p{Lu}\.)+\p{Lu}$/u.test(s)) return true;
  if (!/^[\p{Lu}\d&]{2,7}(?:\(\p{Lu}{1,4}\))?$/u.test(s) || !/\p{Lu}.*\p{Lu}/u.test(s)) return false;
  return !NOT_NAMES.has(t.lower) && !/^[IVXLC]+$/.test(s);
}

/** A token that can be part of a name: capitalised, or article-prefixed and capitalised after it. */
export function namey(t: Token, idx: number, toks: Token[]): boolean {
  if (t.kind !== 'word') return false;
  const s = t.text;
  const art = ARTICLE_PREFIX.exec(s);
  const core = art ? s.slice(art[0].length) : s;
  if (!capStart(core)) return false;
  if (art) return true;
  if (NOT_NAMES.has(t.lower) || NOT_NAMES.has(t.lower.replace(/'/g, ''))) return false;
  if (FUNCTION_CAPS.has(t.lower)) return false;
  if (MONTHS.has(t.lower) && t.lower.length > 2) {
    // "May" as a month when next to a number
    const n = toks[idx + 1];
    const p = toks[idx - 1];
    if (t.lower !== 'may' || n?.kind === 'number' || p?.kind === 'number' || p?.lower === 'in' || p?.lower === 'by') return false;
  }
  if (/^\d/.test(s)) return false;
  return true;
}

/** True when a token is an organization head noun ("Front", "Council"). */
export function isOrgHead(t: Token): boolean {
  return ORG_HEADS.has(t.lower);
}
/** A token's lowercase form without its article prefix. */
export function bareLower(t: Token): string {
  return t.lower.replace(ARTICLE_PREFIX, '');
}

/** The text of tokens `[a,b)` as written in the sentence (spaces as in the source are not known, so single spaces). */
export function spanText(toks: Token[], a: number, b: number): string {
  let s = '';
  for (let k = a; k < b; k++) {
    const t = toks[k]!;
    if (k > a) s += t.start > toks[k - 1]!.end ? ' ' : '';
    s += t.text;
  }
  return s;
}
