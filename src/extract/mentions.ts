/**
 * Mentions: spans of a sentence that name a person, an organization or a place, found from
 * capitalisation, Arabic name grammar (kunya, nasab, article-prefixed nisbas), organization head
 * nouns and prefixes, the general lexicon, acronyms and their expansions, and parenthetical
 * aliases. Works on one sentence's tokens at a time.
 */
import { linkKnownAs, linkParentheticals } from './aliases.js';
import {
  ARABIC_PLACE_PREFIXES, ARTICLE_PREFIX, FACILITY_HEADS, KUNYA, NAME_LINKS, NASAB, ORG_HEADS, ORG_PREFIXES, TITLES, isDemonym,
  isEnglishWord, wordClass,
} from './lexicon.js';
import type { Token } from './sentences.js';
import { bareLower, isAcronym, isOrgHead, isWord, namey, spanText, type Mention, type MentionType } from './spans.js';

export { isAcronym, type Mention, type MentionType } from './spans.js';
export { expansionStart } from './aliases.js';

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
