/**
 * Parsing a romanised (or Arabic-script) Arabic personal name into its parts: titles, kunya,
 * ism, nasab chain, nisbas, laqab and family name.
 *
 * The rules are general and positional, as Arabic names are:
 * - leading words from {@link TITLES} are titles (`Sheikh`, `Dr.`), except that `Haji X` alone is
 *   a laqab and ambiguous titles (`Amir`, `Habib`) count only when two or more words follow;
 * - `Abu`/`Umm` + the next unit is the kunya (`Abu Bakr`, `Abu Abd al-Rahman`, `Abu'l-Hasan`);
 * - `bin`/`ibn`/`bint`/`ben`/`ould` + the next unit is a nasab element;
 * - a unit with the article is a nisba when it looks like one (ends in -i, or is a known nisba such
 *   as al-Muhajir), otherwise a family name (`al-Khalayleh`);
 * - the first plain unit is the ism; further plain units before any nisba are an implicit nasab
 *   chain (`Ibrahim Awad Ibrahim al-Badri`), except a last unit that is not a known given name,
 *   which is a family name (`Samir Hijazi`);
 * - a single word is an ism when it is a known given name, a nisba when it looks like one
 *   (`Zarqawi`), otherwise an ism.
 */
import { foldToken, nameUnits } from './fold.js';
import type { NameUnit } from './fold.js';
import { AMBIGUOUS_TITLES, COMMON_NISBA_KEYS, ISMS, KNOWN_NISBAS, KUNYA_PREFIXES, LAQAB_MARKERS, NASAB_PARTICLES, TITLES } from './lexicon.js';

/** The role of one part of a name. */
export type NamePartRole = 'title' | 'kunya' | 'ism' | 'nasab' | 'nisba' | 'laqab' | 'family';

/** One part of a parsed name. */
export interface NamePart {
  /** The words as written (article included). */
  readonly text: string;
  readonly role: NamePartRole;
  /**
   * Folded key. For a kunya `abu <key>` / `um <key>`; for a laqab `<marker> <key>`; for other parts
   * the unit key without the article.
   */
  readonly key: string;
  /** From Arabic script without short vowels. */
  readonly unvocalised: boolean;
  /** Lower-case ASCII of the part's name word(s) before folding (for a kunya or laqab, of X). */
  readonly ascii: string;
}

/** A name split into its parts. Texts are as written; `parts` carries roles and folded keys. */
export interface ParsedName {
  readonly raw: string;
  readonly titles: string[];
  readonly kunya?: string;
  readonly ism?: string;
  readonly nasab: string[];
  readonly nisbas: string[];
  readonly laqab?: string;
  readonly family?: string;
  readonly parts: NamePart[];
}

const TITLE_SET = new Set(TITLES);
const AMBIGUOUS_TITLE_SET = new Set(AMBIGUOUS_TITLES);
const LAQAB_SET = new Set(LAQAB_MARKERS);
const KUNYA_SET = new Set(KUNYA_PREFIXES);
/** Folded keys of the kunya prefixes, so that odd spellings (Aboo, Oum) are recognised too. */
const KUNYA_KEYS = new Set(KUNYA_PREFIXES.map((k) => foldToken(k)));
const isKunyaPrefix = (u: NameUnit): boolean => !u.article && u.kind === 'word' && (KUNYA_SET.has(u.ascii) || KUNYA_KEYS.has(u.key));
const PARTICLE_SET = new Set(NASAB_PARTICLES);
const KNOWN_NISBA_KEYS = new Set([...KNOWN_NISBAS, ...COMMON_NISBA_KEYS].map((n) => foldToken(n)));

/** Folded keys of the given names in {@link ISMS}. */
export const ISM_KEYS: ReadonlySet<string> = new Set(
  ISMS.flatMap((n) => {
    const us = nameUnits(n);
    return us.length === 1 && us[0] ? [us[0].key] : [];
  }),
);

/** True when the folded key is a known given name. */
export function isKnownIsm(key: string): boolean {
  return ISM_KEYS.has(key);
}

/** True when a folded key has the shape of a nisba (-i, -awi, -ani) or is a known one. */
export function looksLikeNisba(key: string): boolean {
  return KNOWN_NISBA_KEYS.has(key) || (key.length >= 4 && /[^aiu]i$|[aiu]wi$|ai$/.test(key));
}

function kunyaPrefixKey(ascii: string): string {
  return ascii.startsWith('a') ? 'abu' : 'um';
}

/** Parse a name into its parts. Never throws; an empty or unparsable input gives no parts. */
export function parseName(raw: string): ParsedName {
  const units = nameUnits(raw);
  const parts: NamePart[] = [];
  const add = (role: NamePartRole, text: string, key: string, unvocalised: boolean, ascii: string): void => {
    parts.push({ role, text, key, unvocalised, ascii });
  };
  let i = 0;
  // Titles, and the Haji X laqab.
  while (i < units.length - 1) {
    const u = units[i] as NameUnit;
    const remaining = units.length - i;
    if (LAQAB_SET.has(u.ascii) && remaining === 2 && !u.article) {
      const x = units[i + 1] as NameUnit;
      add('laqab', `${u.text} ${x.text}`, `haji ${x.key}`, u.unvocalised || x.unvocalised, x.ascii);
      i = units.length;
      break;
    }
    if (u.kind !== 'word' || !TITLE_SET.has(u.ascii)) break;
    if (AMBIGUOUS_TITLE_SET.has(u.ascii)) {
      // Amir, Sharif, Hafiz, Khalifa… are names too: a title only before a kunya or another title.
      const nx = units[i + 1] as NameUnit;
      if (remaining <= 2 || !(KUNYA_SET.has(nx.ascii) || TITLE_SET.has(nx.ascii))) break;
    }
    add('title', u.text, u.key, u.unvocalised, u.ascii);
    i++;
  }
  const rest = units.slice(i);
  let ism = false;
  let surnameSeen = false;
  let family = false;
  let kunya = false;
  for (let j = 0; j < rest.length; j++) {
    const u = rest[j] as NameUnit;
    const next = rest[j + 1];
    const isLast = j === rest.length - 1;
    if (isKunyaPrefix(u) && next && !kunya) {
      // Abu X; "Abu'l-X" carries its own article, which the key ignores.
      add('kunya', `${u.text} ${next.text}`, `${kunyaPrefixKey(u.ascii)} ${next.key}`, u.unvocalised || next.unvocalised, next.ascii);
      kunya = true;
      j++;
      continue;
    }
    if (!u.article && u.kind === 'word' && PARTICLE_SET.has(u.ascii) && next) {
      // ibn Abi Talib: the nasab element is itself a kunya-shaped name.
      const after = rest[j + 2];
      if (isKunyaPrefix(next) && after) {
        add('nasab', `${u.text} ${next.text} ${after.text}`, `${kunyaPrefixKey(next.ascii)} ${after.key}`, next.unvocalised, after.ascii);
        j += 2;
      } else {
        add('nasab', `${u.text} ${next.text}`, next.key, next.unvocalised, next.ascii);
        j++;
      }
      continue;
    }
    if (u.article) {
      surnameSeen = true;
      if (looksLikeNisba(u.key) || family) add('nisba', u.text, u.key, u.unvocalised, u.ascii);
      else {
        add('family', u.text, u.key, u.unvocalised, u.ascii);
        family = true;
      }
      continue;
    }
    // A plain unit.
    if (rest.length === 1 && !kunya) {
      if (!isKnownIsm(u.key) && looksLikeNisba(u.key) && u.kind === 'word') add('nisba', u.text, u.key, u.unvocalised, u.ascii);
      else add('ism', u.text, u.key, u.unvocalised, u.ascii);
      ism = true;
      continue;
    }
    // The last of two plain words is a family name (Hafez Assad, Saad Hariri), whatever it is.
    const twoWords = rest.length === 2 && ism && !kunya;
    if (surnameSeen || ((ism || kunya) && isLast && (twoWords || !isKnownIsm(u.key) || (kunya && !ism)))) {
      if (!family) {
        add('family', u.text, u.key, u.unvocalised, u.ascii);
        family = true;
      } else add('nisba', u.text, u.key, u.unvocalised, u.ascii);
      continue;
    }
    if (!ism && !kunya) {
      add('ism', u.text, u.key, u.unvocalised, u.ascii);
      ism = true;
      continue;
    }
    if (!ism && kunya) {
      // Abu Bakr Naji-style: a plain name after a kunya, not last: its ism.
      add('ism', u.text, u.key, u.unvocalised, u.ascii);
      ism = true;
      continue;
    }
    add('nasab', u.text, u.key, u.unvocalised, u.ascii);
  }
  const texts = (role: NamePartRole): string[] => parts.filter((p) => p.role === role).map((p) => p.text);
  const first = (role: NamePartRole): string | undefined => parts.find((p) => p.role === role)?.text;
  const out: {
    raw: string; titles: string[]; kunya?: string; ism?: string; nasab: string[]; nisbas: string[]; laqab?: string; family?: string; parts: NamePart[];
  } = { raw, titles: texts('title'), nasab: texts('nasab'), nisbas: texts('nisba'), parts };
  const k = first('kunya');
  if (k !== undefined) out.kunya = k;
  const is = first('ism');
  if (is !== undefined) out.ism = is;
  const l = first('laqab');
  if (l !== undefined) out.laqab = l;
  const f = first('family');
  if (f !== undefined) out.family = f;
  return out;
}

/** The parts of a parsed name that identify a person (everything but titles). */
export function informativeParts(p: ParsedName): NamePart[] {
  return p.parts.filter((x) => x.role !== 'title');
}
