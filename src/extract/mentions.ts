/**
 * Mentions: spans of a sentence that name a person, an organization or a place, found from
 * capitalisation, Arabic name grammar (kunya, nasab, article-prefixed nisbas), organization head
 * nouns and prefixes, the general lexicon, acronyms and their expansions, and parenthetical
 * aliases. Works on one sentence's tokens at a time.
 */
import {
  ARABIC_PLACE_PREFIXES, ARTICLE_PREFIX, FACILITY_HEADS, FUNCTION_CAPS, KUNYA, MONTHS, NAME_LINKS, NASAB, NOT_NAMES, ORG_HEADS, ORG_PREFIXES,
  TITLES, isDemonym, isEnglishWord, wordClass,
} from './lexicon.js';
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

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';
const capStart = (s: string) => /^\p{Lu}/u.test(s);

/** An all-capitals abbreviation such as "ISI", "U.S.", "IS(IS)". */
export function isAcronym(t: Token): boolean {
  if (t.kind !== 'word') return false;
  const s = t.text;
  if (/^(?:\p{Lu}\.){2,}$/u.test(s) || /^(?:\p{Lu}\.)+\p{Lu}$/u.test(s)) return true;
  if (!/^[\p{Lu}\d&]{2,7}(?:\(\p{Lu}{1,4}\))?$/u.test(s) || !/\p{Lu}.*\p{Lu}/u.test(s)) return false;
  return !NOT_NAMES.has(t.lower) && !/^[IVXLC]+$/.test(s);
}

/** A token that can be part of a name: capitalised, or article-prefixed and capitalised after it. */
function namey(t: Token, idx: number, toks: Token[]): boolean {
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

/** True for a token's lowercase form (without article) being an org head noun. */
function isOrgHead(t: Token): boolean {
  return ORG_HEADS.has(t.lower);
}
function bareLower(t: Token): string {
  return t.lower.replace(ARTICLE_PREFIX, '');
}

/**
 * Finds the mentions of one sentence. `headline` restricts generic capitalised sequences (title
 * case lines) to spans with strong evidence.
 */
export function findMentions(toks: Token[], headline: boolean): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (!namey(t, i, toks) && !(t.kind === 'word' && isAcronym(t))) {
      i++;
      continue;
    }
    // grow a raw span
    let j = i + 1;
    let sawOf = false;
    while (j < toks.length) {
      const u = toks[j]!;
      if (isWord(u) && (namey(u, j, toks) || isAcronym(u))) {
        if (isAcronym(u) && !isAcronym(toks[j - 1]!)) break; // "IS leader" stays separate from preceding words
        if (isAcronym(toks[j - 1]!) && !isAcronym(u)) break;
        j++;
        continue;
      }
      const nx = toks[j + 1];
      if (isWord(u) && NAME_LINKS.has(u.lower) && nx && namey(nx, j + 1, toks)) { j++; continue; }
      if (isWord(u) && u.lower === 'of' && nx && namey(nx, j + 1, toks)) { sawOf = true; j++; continue; }
      if (!headline && isWord(u) && u.lower === 'for' && nx && namey(nx, j + 1, toks) && toks.slice(i, j).some((x) => ORG_HEADS.has(x.lower))) { sawOf = true; j++; continue; }
      if (isWord(u) && u.lower === 'of' && nx?.lower === 'the' && toks[j + 2] && namey(toks[j + 2]!, j + 2, toks)) { sawOf = true; j += 2; continue; }
      if (isWord(u) && u.lower === 'and' && sawOf && nx && namey(nx, j + 1, toks) && wordClass(nx.lower) === 'place' && wordClass(toks[j - 1]!.lower) === 'place') { j++; continue; }
      break;
    }
    for (const m of classifySpan(toks, i, j, headline)) out.push(m);
    i = j;
  }
  addDescriptiveBodies(toks, out);
  linkParentheticals(toks, out);
  linkKnownAs(toks, out);
  return out;
}

/** Lowercase nouns that, after a demonym, name a body ("the Syrian opposition", "Iraqi intelligence"). */
const BODY_NOUNS = new Set(['opposition', 'rebels', 'insurgents', 'army', 'military', 'police', 'intelligence', 'navy', 'militia', 'militias', 'security', 'authorities', 'forces', 'troops']);

/** Adds "Demonym + body noun" mentions as organizations ("the Syrian opposition"). */
function addDescriptiveBodies(toks: Token[], out: Mention[]): void {
  for (let i = 0; i + 1 < toks.length; i++) {
    const a = toks[i]!;
    const b = toks[i + 1]!;
    if (a.kind !== 'word' || b.kind !== 'word' || !/^\p{Lu}/u.test(a.text) || !BODY_NOUNS.has(b.text)) continue;
    if (!(isDemonym(a.lower) || /(?:ish|ian|ese|i)$/.test(a.lower)) || out.some((m) => m.t0 <= i + 1 && m.t1 > i)) continue;
    const m: Mention = { t0: i, t1: i + 2, start: a.start, end: b.end, text: `${a.text} ${b.text}`, type: 'organization', strong: true, acronym: false };
    const at = out.findIndex((x) => x.t0 > i);
    if (at < 0) out.push(m);
    else out.splice(at, 0, m);
  }
}

/** Classifies (and possibly splits) a raw span into mentions. */
function classifySpan(toks: Token[], a: number, b: number, headline: boolean): Mention[] {
  // split at 'of'/'for' when nothing before it makes an organization name
  for (let k = a + 1; k < b - 1; k++) {
    const l = toks[k]!.lower;
    if (l === 'of' || l === 'and' || l === 'for') {
      let orgish = false;
      for (let q = a; q < k; q++) if (isOrgHead(toks[q]!) || (q === a && ORG_PREFIXES.has(bareLower(toks[q]!)))) orgish = true;
      if (!orgish) {
        let e = k;
        if (toks[k + 1]?.lower === 'the') e = k + 1;
        return [...classifySpan(toks, a, k, headline), ...classifySpan(toks, e + 1, b, headline)];
      }
    }
  }
  // drop leading demonyms before a person-like rest ("Egyptian Thirwat Shehata") but keep "Iraqi Kurdistan"
  while (b - a > 1 && isDemonym(toks[a]!.lower) && !toks.slice(a, b).some((t) => ORG_HEADS.has(t.lower)) && !FACILITY_HEADS.has(toks[b - 1]!.lower) && wordClass(toks[a + 1]!.lower) !== 'place') a++;
  if (b <= a) return [];
  const span = toks.slice(a, b);
  const text = spanText(toks, a, b);
  const mk = (type: MentionType, strong: boolean, bare?: string): Mention => ({
    t0: a, t1: b, start: span[0]!.start, end: span[span.length - 1]!.end, text, type, strong, acronym: false,
    ...(bare && bare !== text ? { bare } : {}),
  });
  const lowers = span.map((t) => t.lower);
  const phrase = lowers.join(' ');
  // single acronym
  if (span.length === 1 && isAcronym(span[0]!)) {
    const l = span[0]!.lower.replace(/\./g, '');
    const isPlace = wordClass(span[0]!.lower) === 'place' || wordClass(l) === 'place' || /^(us|uk|usa|uae|ussr)$/.test(l);
    return [{ ...mk(isPlace ? 'place' : 'organization', isPlace), acronym: true }];
  }
  // organization: a head noun (not as the first word alone) or an Arabic group prefix
  const last = span[span.length - 1]!;
  const firstBare = bareLower(span[0]!);
  const headIdx = span.findIndex((t, k) => isOrgHead(t) && (k > 0 || span.length === 1 ? k > 0 : false));
  if (FACILITY_HEADS.has(last.lower) && span.length > 1) return [mk('place', true)];
  if (headIdx > 0 && !ORG_PREFIXES.has(firstBare)) {
    // an English organization name ends at its last head noun or its "of …" complement
    let lastHead = -1;
    for (let k = 0; k < span.length; k++) if (isOrgHead(span[k]!)) lastHead = k;
    const ofAfter = span.findIndex((t, k) => k > lastHead && (t.lower === 'of' || t.lower === 'for'));
    if (ofAfter < 0 && lastHead < span.length - 1 && lastHead > 0) return [...classifySpan(toks, a, a + lastHead + 1, headline), ...classifySpan(toks, a + lastHead + 1, b, headline)];
    if (headline) {
      const cut = span.findIndex((t, k) => k > 0 && k < lastHead && wordClass(t.lower) === 'common' && !isOrgHead(t));
      if (cut > 0) return [...classifySpan(toks, a, a + cut, headline), ...classifySpan(toks, a + cut + 1, b, headline)];
      if (wordClass(lowers[0]!) === 'common' && !isOrgHead(span[0]!)) return classifySpan(toks, a + 1, b, headline);
    }
  }
  if ((headIdx > 0) || (ORG_PREFIXES.has(firstBare) && span.length > 1) || wordClass(phrase) === 'org') {
    // a title-only span like "Prime Minister" is not an organization
    if (span.every((t) => TITLES.has(t.lower))) return [];
    return [mk('organization', true)];
  }
  // places
  if (wordClass(phrase) === 'place') return [mk('place', true)];
  if (span.length > 1 && wordClass(last.lower) === 'place' && span.slice(0, -1).every((t) => isDemonym(t.lower) || wordClass(t.lower) === 'place' || /^(north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater)$/.test(t.lower))) {
    return [mk('place', true)];
  }
  // a trailing place after a non-place word is its own mention ("Taliban Afghanistan", "post-X Libya")
  if (span.length > 1 && wordClass(last.lower) === 'place' && !ARTICLE_PREFIX.test(last.text)) {
    return [...classifySpan(toks, a, b - 1, headline), ...classifySpan(toks, b - 1, b, headline)];
  }
  // Arabic place names ("Ayn …", "Wadi …", "Deir …")
  if (span.length > 1 && ARABIC_PLACE_PREFIXES.has(lowers[0]!)) return [mk('place', true)];
  // leading common words before a name ("Made Abu Bakr …" in a title)
  if (span.length > 1 && (wordClass(lowers[0]!) === 'common' || (headline && isEnglishWord(lowers[0]!))) && !TITLES.has(lowers[0]!) && !KUNYA.has(lowers[0]!) && !ORG_HEADS.has(lowers[0]!)) {
    return classifySpan(toks, a + 1, b, headline);
  }
  // a person-like run ends before a common English word ("… Explains"), unless the name goes on
  for (let k = a + 1; k < b; k++) {
    const t = toks[k]!;
    const prevL = toks[k - 1]!.lower;
    const nextT = toks[k + 1];
    const nameGoesOn = (nextT !== undefined && k + 1 < b && ARTICLE_PREFIX.test(nextT.text)) || NASAB.has(prevL) || KUNYA.has(prevL) || prevL === 'abd';
    const commonWord = wordClass(t.lower) === 'common' || (headline && isEnglishWord(t.lower));
    if ((!nameGoesOn || headline) && !ARTICLE_PREFIX.test(t.text) && !NASAB.has(t.lower) && !NAME_LINKS.has(t.lower) && !TITLES.has(t.lower) && commonWord && !ORG_HEADS.has(t.lower)) {
      return [...classifySpan(toks, a, k, headline), ...classifySpan(toks, k + 1, b, headline)];
    }
  }
  // titles: strip them, the rest is a person
  let p = 0;
  while (p < span.length - 1 && TITLES.has(span[p]!.lower.replace(/\.$/, ''))) p++;
  if (span.every((t) => TITLES.has(t.lower.replace(/\.$/, '')))) return [];
  const rest = span.slice(p);
  const bare = p > 0 ? spanText(toks, a + p, b) : undefined;
  const restLowers = rest.map((t) => t.lower);
  const arabic = rest.some((t, k) => ARTICLE_PREFIX.test(t.text) || NASAB.has(t.lower) || (k === 0 && KUNYA.has(t.lower) && rest.length > 1) || t.lower === 'abd');
  if (rest.length === 1) {
    const t = rest[0]!;
    if (p > 0) return [mk('person', true, bare)];
    const c = wordClass(t.lower);
    if (c === 'place') return [mk('place', true)];
    if (isDemonym(t.lower) || c === 'month') return [];
    if (ORG_HEADS.has(t.lower) || FACILITY_HEADS.has(t.lower)) {
      // "the Coalition": a capitalised head noun after "the", not at a sentence start, names a body
      const prev = toks[a - 1];
      if (!headline && ORG_HEADS.has(t.lower) && prev?.lower === 'the' && a > 1) return [mk('organization', false)];
      return [];
    }
    // a nisba-like adjective before a lowercase noun ("Anbari tribes") is not a name
    const nx = toks[b];
    if (/i$/.test(t.lower) && !ARTICLE_PREFIX.test(t.text) && nx?.kind === 'word' && /^[a-z]+s$/.test(nx.text) && !/^(is|was|has|does|says|claims|writes|argues|remains|seems|appears|this|thus|as|its|his|us)$/.test(nx.lower)) return [];
    if (/(?:ic|ist|ists|ian|ese|ish)$/.test(t.lower) && !ARTICLE_PREFIX.test(t.text) && c !== 'given' && c !== 'surname') return [];
    if (c === 'common' && !ARTICLE_PREFIX.test(t.text)) return [];
    if (headline && !ARTICLE_PREFIX.test(t.text) && isEnglishWord(t.lower)) return [];
    if (headline && !ARTICLE_PREFIX.test(t.text)) return [mk('unknown', false)];
    return [mk('unknown', false)];
  }
  if (arabic || p > 0) return [mk('person', true, bare)];
  // generic capitalised sequence: a person only when no word is a common English word
  const common = restLowers.filter((l) => { const c = wordClass(l); return !NAME_LINKS.has(l) && (c === 'common' || c === 'month'); }).length;
  const named = restLowers.filter((l) => { const c = wordClass(l); return c === 'given' || c === 'surname'; }).length;
  if (common > 0 && named === 0) return [];
  if (headline && named === 0) return [];
  if (rest.length > 4) return [];
  return [mk('person', named > 0, bare)];
}

/** The text of tokens `[a,b)` as written in the sentence (spaces as in the source are not known, so single spaces). */
function spanText(toks: Token[], a: number, b: number): string {
  let s = '';
  for (let k = a; k < b; k++) {
    const t = toks[k]!;
    if (k > a) s += t.start > toks[k - 1]!.end ? ' ' : '';
    s += t.text;
  }
  return s;
}

/** Initial letters a token may contribute to an acronym. */
function initials(t: Token): string[] {
  const s = t.text.replace(/[“”"‘’]/g, '');
  if (!s) return [''];
  const art = ARTICLE_PREFIX.exec(s);
  if (art) {
    const core = s.slice(art[0].length);
    const c = core[0]?.toUpperCase() ?? '';
    return [c, art[0][0]!.toUpperCase() + c, ''];
  }
  if (/^(of|the|and|in|for|wa|al)$/i.test(s)) return ['', s[0]!.toUpperCase()];
  const parts = s.split(/[-‐]/).filter(Boolean);
  const whole = parts.map((q) => q[0]!.toUpperCase()).join('');
  return [s[0]!.toUpperCase(), whole];
}

/** Finds the start token of the expansion of `acr` ending just before token `end`, or -1. */
export function expansionStart(toks: Token[], end: number, acr: string): number {
  const target = acr.replace(/[^\p{Lu}\p{N}]/gu, '').toUpperCase();
  if (target.length < 2) return -1;
  // search backwards over at most 10 tokens, matching the acronym right-to-left
  let best = -1;
  const go = (k: number, rem: string, used: number): void => {
    if (rem === '') {
      const first = toks[k + 1]!;
      if (namey(first, k + 1, toks) || ARTICLE_PREFIX.test(first.text)) best = Math.max(best, k + 1);
      return;
    }
    if (k < 0 || used >= 10 || end - k > 12) return;
    const t = toks[k]!;
    if (t.kind === 'punct' && /[“”"]/.test(t.text)) return go(k - 1, rem, used);
    if (t.kind !== 'word') return;
    for (const ini of initials(t)) {
      if (ini === '' ) {
        if (!/^(of|the|and|in|for)$/i.test(t.text) && !ARTICLE_PREFIX.test(t.text)) continue;
        go(k - 1, rem, used + 1);
      } else if (rem.endsWith(ini)) go(k - 1, rem.slice(0, rem.length - ini.length), used + 1);
    }
  };
  go(end - 1, target, 0);
  return best;
}

/** Links "Name (Alias)", "Name (ACR)", "Name (Alias, Alias2)" inside a sentence. */
function linkParentheticals(toks: Token[], ms: Mention[]): void {
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k]!;
    if (toks[m.t1 - 1]?.kind === 'possessive') continue;
    if (toks[m.t0]?.lower !== undefined && toks[m.t0 - 1]?.text === '(') continue;
    let q = m.t1;
    if (toks[q]?.kind === 'possessive') continue;
    if (toks[q]?.text !== '(') {
      // IS(IS)-style tokens need nothing; quoted qualifier before an acronym: al-Qaeda “central” (AQC)
      continue;
    }
    // collect mentions inside the parentheses
    const close = toks.findIndex((t, idx) => idx > q && t.text === ')');
    if (close < 0 || close - q > 14) continue;
    const inner = ms.filter((x) => x.t0 > q && x.t1 <= close);
    if (inner.length > 0 && m.type === 'organization' && inner.every((x) => !x.strong && x.type === 'unknown')) {
      for (const x of inner) ms.splice(ms.indexOf(x), 1);
      inner.length = 0;
    }
    if (inner.length === 0) {
      // a title-case gloss after an organization is its translated name: "Jaysh al-Nur (Army of Light)"
      const words = toks.slice(q + 1, close);
      const caps = words.filter((w) => w.kind === 'word' && /^\p{Lu}/u.test(w.text)).length;
      const onlyTitle = words.every((w) => w.kind === 'word' && (/^\p{Lu}/u.test(w.text) || /^(of|the|and|for|in|al|wal)$/.test(w.lower)));
      if (m.type === 'organization' && caps >= 2 && onlyTitle && words.length <= 8) {
        const gloss: Mention = {
          t0: q + 1, t1: close, start: toks[q + 1]!.start, end: toks[close - 1]!.end, text: spanText(toks, q + 1, close),
          type: 'organization', strong: true, acronym: false, aliasOf: m, aliasKind: 'parenthetical',
        };
        const at = ms.findIndex((x) => x.t0 > q);
        if (at < 0) ms.push(gloss);
        else ms.splice(at, 0, gloss);
      }
      continue;
    }
    // everything inside must be names separated by commas/semicolons/"or"
    let ok = true;
    for (let t = q + 1; t < close; t++) {
      const inAny = inner.some((x) => t >= x.t0 && t < x.t1);
      if (!inAny && !/^(,|;|or|a\.k\.a\.|aka|also|alias)$/i.test(toks[t]!.text)) ok = false;
    }
    if (!ok) continue;
    const prevWord = toks[m.t0 - 1]?.lower ?? '';
    const renamed = /^(rebranded|renamed|new|later)$/.test(prevWord);
    for (const x of inner) {
      if (x.acronym) {
        if (m.type === 'person' || m.type === 'place') continue;
        const st = expansionStart(toks, m.t1, toks[x.t0]!.text);
        if (st < 0 && m.type !== 'organization') continue;
        if (m.type === 'unknown') m.type = 'organization';
        x.aliasOf = m;
        x.aliasKind = 'acronym';
        x.type = 'organization';
      } else if (!renamed) {
        if (m.type === 'place' || x.type === 'place') continue;
        if (m.type === 'organization' && x.type === 'person' && x.strong) continue;
        if (m.type === 'person' && x.type === 'organization') continue;
        x.aliasOf = m;
        x.aliasKind = 'parenthetical';
        if (x.type === 'unknown') x.type = m.type;
        if (m.type === 'unknown') m.type = x.type;
      }
    }
  }
  // Acronyms in parentheses whose expansion is not a single mention ("al-Qaeda in Mesopotamia (AQM)")
  for (let k = 0; k < ms.length; k++) {
    const x = ms[k]!;
    if (!x.acronym || x.aliasOf !== undefined) continue;
    if (toks[x.t0 - 1]?.text !== '(' || toks[x.t1]?.text !== ')') continue;
    const st = expansionStart(toks, x.t0 - 1, toks[x.t0]!.text);
    if (st < 0) continue;
    const covered = ms.filter((y) => y !== x && y.t0 >= st && y.t1 <= x.t0 - 1);
    const exp: Mention = {
      t0: st, t1: x.t0 - 1, start: toks[st]!.start, end: toks[x.t0 - 2]!.end, text: spanText(toks, st, x.t0 - 1),
      type: 'organization', strong: true, acronym: false,
    };
    if (covered.some((y) => y.type === 'person' && y.strong)) continue;
    // replace covered mentions by the expansion
    for (const y of covered) ms.splice(ms.indexOf(y), 1);
    const at = ms.indexOf(x);
    ms.splice(at, 0, exp);
    x.aliasOf = exp;
    x.aliasKind = 'acronym';
    x.type = 'organization';
    k = at + 1;
  }
}

/** "X, also known as Y", "X a.k.a. Y", "X, known as Y", "X, better known as Y", "X, whose real name is Y". */
function linkKnownAs(toks: Token[], ms: Mention[]): void {
  for (let k = 0; k + 1 < ms.length; k++) {
    const a = ms[k]!;
    const b = ms[k + 1]!;
    const between = toks.slice(a.t1, b.t0).filter((t) => t.text !== ',' && t.kind !== 'possessive').map((t) => t.lower.replace(/[“”"]/g, '')).filter(Boolean).join(' ');
    if (/^(?:(?:also|better|widely|commonly) )?(?:known as|called|nicknamed|a\.k\.a\.?|aka|alias|whose real name (?:is|was)|real name)$/.test(between) ||
        /^(?:(?:also|better) )?known by the (?:name|nom de guerre|kunya|alias) (?:of )?$/.test(between)) {
      if (a.type === 'place' || b.type === 'place') continue;
      if (b.aliasOf !== undefined) continue;
      b.aliasOf = a;
      b.aliasKind = 'known_as';
      if (b.type === 'unknown') b.type = a.type;
      if (a.type === 'unknown') a.type = b.type;
    }
  }
}
