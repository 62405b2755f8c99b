/**
 * Transliteration folding: turns the many romanisations of an Arabic name into comparable keys.
 *
 * `foldToken` maps one word to a key: lower case, diacritics and ʿayn/hamza marks removed,
 * doubled letters collapsed, vowels folded (o→u, e→i, ou/oo→u, ee→i, aa→a, diphthongs ay/ai/ei/ey→ai),
 * consonant digraphs normalised (q/c/ck→k, dh→z, th→s, ch→sh, ph→f, dj→j, v→w), a final
 * ta marbuta -ah → -a, Abd/al-Din/Allah compounds written as one word normalised, and a
 * small table of frequent Western spellings (Mohammed → Muhammad, Ahmed → Ahmad, Youssef → Yusuf…)
 * applied last. `foldName` folds a whole name: articles (al/el/ul/ad-/ash-/…) become `al`,
 * nasab particles become `bin`, kunya prefixes `abu`/`um`, and multi-word Abd compounds become one
 * key (`Abd al-Rahman`, `Abdul Rahman`, `Abdurrahman` → `abdalrahman`).
 *
 * `g` is kept apart from `k` in keys because it stands for ج in Egyptian romanisation (Gamal)
 * and for ق elsewhere (Gaddafi); the matcher treats g/k/j and d/z as confusable instead
 * (see `looseSkeleton`).
 *
 * Arabic-script input is transliterated first (`arabic-script.ts`).
 */
import { hasArabicScript, transliterateArabic } from './arabic-script.js';
import { ALLAH_WORDS, ARTICLES, ASSIMILATED_ARTICLES, COMPOUND_SECONDS, DIN_WORDS, WESTERN_VARIANTS, KUNYA_PREFIXES, KUNYA_PREFIXES_WITH_ARTICLE, NASAB_PARTICLES } from './lexicon.js';

const MARKS = /[\u0300-\u036f\u02b0-\u02ff\u2018\u2019\u201b\u2032\u0027\u0060\u00b4\u02bb\u02bc\u02be\u02bf\u0640]/g;
const SPECIAL: Readonly<Record<string, string>> = { 'ı': 'i', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'đ': 'd', 'ł': 'l', 'ħ': 'h' };

/**
 * Lower-case ASCII letters, separators kept: Arabic script transliterated, diacritics,
 * ʿayn/hamza marks and apostrophes removed (they join: `Mus'ab` → `musab`).
 */
export function asciiFold(s: string): string {
  if (/^[A-Za-z\s-]*$/.test(s)) return s.toLowerCase();
  const t = hasArabicScript(s) ? transliterateArabic(s) : s;
  return t
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/[ıøæœßđłħ]/g, (c) => SPECIAL[c] ?? c);
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const isV = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);

/** The phonological fold of a plain word (letters a–z only), without compound handling. */
function core(input: string): string {
  let s = input.replace(/[^a-z]/g, '');
  if (s === '') return '';
  s = s.replace(/dj/g, 'j').replace(/tch/g, 'sh').replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/x/g, 'ks');
  // Ta marbuta: final -ah after a consonant (-eh is left alone: Saleh is Salih; the skeleton drops a final h).
  if (s.length > 3) s = s.replace(/([^aeiou])ah$/, '$1a');
  // Collapse doubled letters (covers aa, ee, oo, ii, uu and geminated consonants).
  s = s.replace(/([a-z])\1+/g, '$1');
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const n = s[i + 1];
    const two = c + (n ?? '');
    if (two === 'sh' || two === 'ch' || two === 'kh' || two === 'gh' || two === 'th' || two === 'dh' || two === 'zh') {
      out.push(two === 'ch' ? 'sh' : two === 'th' ? 's' : two === 'dh' ? 'z' : two === 'zh' ? 'j' : two);
      i++;
      while (s[i + 1] === 'h') i++;
      continue;
    }
    if (two === 'ou' && (i === 0 || isV(s[i - 1])) && isV(s[i + 2])) {
      // French ou before a vowel: Zarqaoui = Zarqawi, Ouadoud = Wadud.
      out.push('w');
      i++;
      continue;
    }
    if (two === 'ou' || two === 'oo') {
      out.push('u');
      i++;
      continue;
    }
    if ((c === 'a' || c === 'o') && (n === 'w' || n === 'u') && !isV(s[i + 2]) && i > 0) {
      // Diphthong aw/au/ow as u: Jawlani = Julani = Golani, Awlaki = Aulaqi.
      out.push('u');
      i++;
      continue;
    }
    if ((c === 'a' || c === 'e') && (n === 'y' || n === 'i') && !isV(s[i + 2])) {
      out.push('ai');
      i++;
      continue;
    }
    switch (c) {
      case 'a': out.push('a'); break;
      case 'e': case 'i': out.push('i'); break;
      case 'o': case 'u': out.push('u'); break;
      case 'y': out.push(i === 0 || isV(n) ? 'y' : 'i'); break;
      case 'q': case 'c': out.push('k'); break;
      case 'v': out.push('w'); break;
      default: out.push(c);
    }
  }
  // Collapse repeats created by the mapping (ou+u, e+i …).
  const res: string[] = [];
  for (const p of out) if (res[res.length - 1] !== p) res.push(p);
  return res.join('');
}

const VARIANT_MAP: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const group of WESTERN_VARIANTS) {
    const canon = core(asciiFold(group[0] as string));
    for (const v of group.slice(1)) {
      const k = core(asciiFold(v));
      if (k !== canon) m.set(k, canon);
    }
  }
  // Canonical keys are fixed points.
  for (const group of WESTERN_VARIANTS) m.delete(core(asciiFold(group[0] as string)));
  return m;
})();

const ALLAH_REST = new Set(['lah', 'la', 'llah', 'lla', 'a', 'ah', 'lahi', 'lahu', 'allah']);

/**
 * Split a one-word Abd compound (`abdurrahman`, `abdelaziz`, `abdullah`, `abdirahman`) into its
 * second element, or undefined when the word is not one.
 */
function abdSplit(s: string): string | undefined {
  if (!s.startsWith('abd') || s.length < 6) return undefined;
  let rest = s.slice(3);
  const v = /^[aeiou]{1,2}/.exec(rest);
  if (v) rest = rest.slice(v[0].length);
  if (rest.startsWith('l') && rest.length >= 2) {
    const after = rest.slice(1);
    if (ALLAH_REST.has(after) || ALLAH_REST.has(rest)) return 'allah';
    rest = after;
  } else if (rest.length >= 2 && rest[0] === rest[1] && /[tdrzsnh]/.test(rest[0] as string)) {
    rest = rest.slice(1);
  } else if (rest.startsWith('sh') && rest.slice(2, 4) === 'sh') {
    rest = rest.slice(2);
  }
  if (ALLAH_REST.has(rest) && v) return 'allah';
  if (rest.length < 3) return undefined;
  return rest;
}

const DIN_RE = /^(.{2,}?)[aeiou]{1,2}(?:l|d)?d{1,2}(?:i|ee|ii)n{1,2}e?$/;
const ALLAH_RE = /^(.{3,}?)[aeiou](?:llah?|lah)i?$/;

function foldPlain(s: string): string {
  const k = core(s);
  return VARIANT_MAP.get(k) ?? k;
}

/**
 * Fold one word to its comparable key (see the module comment). Idempotent:
 * `foldToken(foldToken(x)) === foldToken(x)`.
 */
export function foldToken(raw: string): string {
  const cached = TOKEN_CACHE.get(raw);
  if (cached !== undefined) return cached;
  // Iterate to a fixed point, so that folding is idempotent by construction.
  let k = foldTokenOnce(raw);
  for (let i = 0; i < 6; i++) {
    const k2 = foldTokenOnce(k);
    if (k2 === k) break;
    k = k2;
  }
  if (TOKEN_CACHE.size >= 500_000) TOKEN_CACHE.clear();
  TOKEN_CACHE.set(raw, k);
  return k;
}

/** Memo of `foldToken` (names repeat their words a great deal); bounded. */
const TOKEN_CACHE = new Map<string, string>();

function foldTokenOnce(raw: string): string {
  const s = asciiFold(raw).replace(/[^a-z]/g, '');
  if (s === '') return '';
  const abd = abdSplit(s);
  if (abd !== undefined) return abd === 'allah' ? 'abdala' : core('abdal' + foldPlain(abd));
  const din = DIN_RE.exec(s);
  if (din?.[1]) return core(foldPlain(din[1]) + 'aldin');
  const allah = ALLAH_RE.exec(s);
  if (allah?.[1] && !s.startsWith('abd')) return core(foldPlain(allah[1]) + 'ala');
  return foldPlain(s);
}

/** How a unit of a name was built. */
export type UnitKind = 'word' | 'abd' | 'compound';

/**
 * One unit of a name after tokenising and joining compounds: a word, or a compound written over
 * several words (`Abd al-Rahman`, `Nur al-Din`, `Nasr Allah`).
 */
export interface NameUnit {
  /** The original words, joined with single spaces (article included when it led the unit). */
  readonly text: string;
  /** Lower-case ASCII of the unit's main word(s), before phonological folding. */
  readonly ascii: string;
  /** The folded key. */
  readonly key: string;
  /** Preceded by the definite article (al-, el-, ash-, …). */
  readonly article: boolean;
  readonly kind: UnitKind;
  /** From Arabic script without short vowels: compare by consonant skeleton. */
  readonly unvocalised: boolean;
}

/** One word of a name as written, with its lower-case ASCII form. */
export interface RawToken {
  readonly text: string;
  readonly ascii: string;
  readonly arabic: boolean;
}

/** Split a name into words on spaces, hyphens, brackets, quotes and punctuation. */
export function tokenize(raw: string): RawToken[] {
  const out: RawToken[] = [];
  for (const piece of raw.split(/[\s\-\u2010-\u2015_,;:()[\]{}"\u201c\u201d\u00ab\u00bb/\\|.!?]+/)) {
    if (piece === '') continue;
    const camel = /^(Al|El)([A-Z][a-z]+)$/.exec(piece);
    if (camel?.[1] && camel[2]) {
      // ElBaradei, AlQaeda: the article written joined with a capital.
      out.push({ text: camel[1], ascii: camel[1].toLowerCase(), arabic: false }, { text: camel[2], ascii: camel[2].toLowerCase(), arabic: false });
      continue;
    }
    if (/^[A-Za-z]+$/.test(piece)) {
      out.push({ text: piece, ascii: piece.toLowerCase(), arabic: false });
      continue;
    }
    const arabic = hasArabicScript(piece);
    const t = arabic ? transliterateArabic(piece) : piece;
    // Transliteration may produce "al-x"; split again.
    for (const p of t.split('-')) {
      const ascii = asciiFold(p).replace(/[^a-z]/g, '');
      if (ascii !== '') out.push({ text: p, ascii, arabic });
    }
  }
  return out;
}

const ARTICLE_SET = new Set(ARTICLES);
const ASSIMILATED = new Map(Object.entries(ASSIMILATED_ARTICLES));
const DIN_SET = new Set(DIN_WORDS);
const SECOND_SET = new Set(COMPOUND_SECONDS);
const ALLAH_SET = new Set(ALLAH_WORDS.filter((w) => w.length >= 4));
const PARTICLE_SET = new Set(NASAB_PARTICLES);
const KUNYA_SET = new Set(KUNYA_PREFIXES);
const ABD_PREFIX_RE = /^abd[aeiou]{1,2}(l|r|s|sh|t|d|n|z|th|dh)$/;
const DIN_SUFFIX_RE = /^[aeiou]{1,2}(?:l|d)?d{1,2}(?:i|ee|ii)n{1,2}e?$/;

/** True when `t` is an article before `next` (plain, or assimilated to next's first consonant). */
export function isArticleBefore(t: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  if (ARTICLE_SET.has(t)) return true;
  const c = ASSIMILATED.get(t);
  return c !== undefined && next.startsWith(c);
}

/**
 * Tokenise a name and join compounds into units. Articles are folded into the `article` flag of
 * the following unit.
 */
export function nameUnits(raw: string): NameUnit[] {
  const toks = tokenize(raw);
  const units: NameUnit[] = [];
  let article = false;
  let articleText = '';
  const push = (u: { text: string; ascii: string; key: string; kind: UnitKind; unvocalised: boolean }): void => {
    units.push({ text: articleText ? `${articleText}-${u.text}` : u.text, ascii: u.ascii, key: u.key, article, kind: u.kind, unvocalised: u.unvocalised });
    article = false;
    articleText = '';
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as RawToken;
    const n1 = toks[i + 1];
    const n2 = toks[i + 2];
    const a = t.ascii;
    const prev = units[units.length - 1];
    const prevJoinable = prev !== undefined && !article && prev.kind === 'word' && !PARTICLE_SET.has(prev.ascii) && !KUNYA_SET.has(prev.ascii);
    // Abd + (article) + X, or Abdul/Abdel/Abdur + X.
    if (a === 'abd' && n1) {
      const secondIsArticle = n2 !== undefined && isArticleBefore(n1.ascii, n2.ascii);
      const x = secondIsArticle ? (n2 as RawToken) : n1;
      const text = secondIsArticle ? `${t.text} ${n1.text}-${x.text}` : `${t.text} ${x.text}`;
      const xk = ALLAH_SET.has(x.ascii) ? 'allah' : x.ascii;
      push({ text, ascii: `abd al ${xk}`, key: xk === 'allah' ? 'abdala' : core('abdal' + foldPlain(xk)), kind: 'abd', unvocalised: t.arabic });
      i += secondIsArticle ? 2 : 1;
      continue;
    }
    if (ABD_PREFIX_RE.test(a) && n1 && !PARTICLE_SET.has(n1.ascii) && !ARTICLE_SET.has(n1.ascii)) {
      const xk = ALLAH_SET.has(n1.ascii) || n1.ascii === 'lah' ? 'allah' : n1.ascii;
      push({ text: `${t.text} ${n1.text}`, ascii: `abd al ${xk}`, key: xk === 'allah' ? 'abdala' : core('abdal' + foldPlain(xk)), kind: 'abd', unvocalised: t.arabic });
      i += 1;
      continue;
    }
    if (isArticleBefore(a, n1?.ascii)) {
      // X al-Din: join with the previous unit.
      if (n1 && DIN_SET.has(n1.ascii) && prevJoinable && prev) {
        units[units.length - 1] = { ...prev, text: `${prev.text} ${t.text}-${n1.text}`, ascii: `${prev.ascii} al din`, key: core(prev.key + 'aldin'), kind: 'compound' };
        i += 1;
        continue;
      }
      // Sayf al-Islam, Zayn al-Abidin: likewise.
      if (n1 && SECOND_SET.has(n1.ascii) && prevJoinable && prev) {
        units[units.length - 1] = { ...prev, text: `${prev.text} ${t.text}-${n1.text}`, ascii: `${prev.ascii} al ${n1.ascii}`, key: core(prev.key + 'al' + foldToken(n1.ascii)), kind: 'compound' };
        i += 1;
        continue;
      }
      article = true;
      articleText = t.text;
      continue;
    }
    if (prevJoinable && prev && (DIN_SUFFIX_RE.test(a) || DIN_SET.has(a)) && units.length > 0) {
      units[units.length - 1] = { ...prev, text: `${prev.text} ${t.text}`, ascii: `${prev.ascii} al din`, key: core(prev.key + 'aldin'), kind: 'compound' };
      continue;
    }
    if (prevJoinable && prev && ALLAH_SET.has(a) && prev.ascii !== 'abd') {
      units[units.length - 1] = { ...prev, text: `${prev.text} ${t.text}`, ascii: `${prev.ascii} allah`, key: core(prev.key + 'ala'), kind: 'compound' };
      continue;
    }
    if ((a === 'bu' || a === 'bou') && n1 && !isArticleBefore(n1.ascii, n2?.ascii)) {
      // Maghrebi family names: Bou Azizi = Bouazizi.
      push({ text: `${t.text} ${n1.text}`, ascii: a + n1.ascii, key: foldToken(a + n1.ascii), kind: 'word', unvocalised: t.arabic });
      i += 1;
      continue;
    }
    push({ text: t.text, ascii: a, key: foldToken(a), kind: 'word', unvocalised: t.arabic });
  }
  if (article && articleText) {
    // A trailing article with nothing after it: keep it as a word.
    units.push({ text: articleText, ascii: articleText.toLowerCase(), key: foldToken(articleText), article: false, kind: 'word', unvocalised: false });
  }
  return units;
}

const KUNYA_WITH_ARTICLE = new Set(KUNYA_PREFIXES_WITH_ARTICLE);

function unitKeyForName(u: NameUnit): string {
  if (u.kind === 'word') {
    if (PARTICLE_SET.has(u.ascii)) return u.ascii === 'bint' || u.ascii === 'binti' || u.ascii === 'bent' ? 'bint' : 'bin';
    if (KUNYA_WITH_ARTICLE.has(u.ascii)) return 'abu al';
    if (KUNYA_SET.has(u.ascii)) return u.ascii.startsWith('a') ? 'abu' : 'um';
  }
  return (u.article ? 'al ' : '') + u.key;
}

/**
 * Fold a whole name to a comparable key: space-separated unit keys, articles as `al`, nasab
 * particles as `bin`/`bint`, kunya prefixes as `abu`/`um`. Idempotent, and insensitive to
 * diacritics, ʿayn/hamza marks, case, and hyphen-versus-space.
 */
export function foldName(raw: string): string {
  let k = foldNameOnce(raw);
  for (let i = 0; i < 6; i++) {
    const k2 = foldNameOnce(k);
    if (k2 === k) break;
    k = k2;
  }
  return k;
}

function foldNameOnce(raw: string): string {
  return nameUnits(raw).map(unitKeyForName).join(' ');
}

/** The consonant skeleton of a folded key: vowels removed. */
export function skeleton(key: string): string {
  return key.replace(/([aiu])h$/, '$1').replace(/[aiu]/g, '');
}

/** The vowels of a folded key, in order. */
export function vowels(key: string): string {
  return key.replace(/[^aiu]/g, '');
}

/**
 * A coarser skeleton for blocking and loose comparison: g/j/k, d/z and s/sh/th merged, `h`
 * inside kh/gh/sh dropped.
 */
export function looseSkeleton(key: string): string {
  return skeleton(key)
    .replace(/kh/g, 'K')
    .replace(/gh/g, 'G')
    .replace(/sh/g, 's')
    .replace(/[gjkq]/g, 'k')
    .replace(/z/g, 'd')
    .replace(/([a-zA-Z])\1+/g, '$1');
}
