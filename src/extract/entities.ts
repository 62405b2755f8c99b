/**
 * Groups mentions into entities within one document: parenthetical and "known as" aliases,
 * acronyms and their expansions, later short references ("al-Zawi", "Bin Ladin", "Ansar"),
 * transliteration variants, and (warm mode) links to entities already known. Favours precision:
 * two people are never merged for sharing a nisba; an ambiguous short form goes to the most
 * recently mentioned holder.
 */
import type { EntityType } from '../core/vocabulary.js';
import { ARTICLE_PREFIX, KUNYA, ORG_PREFIXES, TITLES } from './lexicon.js';
import type { Mention } from './mentions.js';
import { compareNames, foldName, skeleton } from './namekit.js';
import type { Token } from './sentences.js';

/** An entity already in the store, for warm linking. */
export interface KnownEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly names: readonly string[];
}

/** An entity as extracted. */
export interface ExtractedEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly canonical: string;
  readonly names: string[];
  /** True when linked to a known (store) entity. */
  readonly known?: boolean;
}

interface Rec {
  id: string;
  type: 'person' | 'organization' | 'place' | 'unknown';
  names: string[];
  folded: Set<string>;
  lastSeen: number;
  count: number;
  personCues: number;
  orgCues: number;
  known: boolean;
  articleSingle: boolean;
  strong: boolean;
}

const PERSON_NEXT = new Set(['said', 'says', 'wrote', 'writes', 'claimed', 'claims', 'told', 'died', 'departed', 'moved', 'returned', 'fled', 'himself', 'herself', 'replied', 'responded', 'argued', 'admitted', 'denied', 'insisted', 'stated', 'announced', 'travelled', 'traveled', 'met']);
const PERSON_POSS = new Set(['successor', 'predecessor', 'deputy', 'brother', 'brother-in-law', 'son', 'father', 'wife', 'mother', 'family', 'letter', 'speech', 'appointment', 'presence', 'arrest', 'death', 'killing', 'regime', 'government', 'mukhabarat', 'own', 'face', 'life', 'biography', 'release', 'capture', 'tenure']);
const ORG_NEXT = new Set(['central', 'network', 'operative', 'operatives', 'fighters', 'members', 'member', 'leader', 'leaders', 'leadership', 'emir', 'spokesman', 'affiliate', 'affiliates', 'branch', 'branches', 'core', 'militants', 'franchise', 'commanders', 'official', 'officials', '-linked', 'linked', 'seed', 'cell', 'cells', 'media', 'shura']);
const ORG_POSS = new Set(['branch', 'branches', 'ranks', 'leader', 'leaders', 'emir', 'spokesman', 'fighters', 'members', 'affiliates', 'affairs', 'subordination', 'methodology', 'methods', 'authority', 'parent', 'founder', 'media', 'chief', 'caliph', 'territory', 'command', 'name']);
const ORG_PREV = new Set(['joined', 'join', 'joining', 'within', 'from']);

/** Document-level entity resolver. Feed sentences in order with {@link EntityResolver.add}, then {@link EntityResolver.finish}. */
export class EntityResolver {
  private recs: Rec[] = [];
  private byId = new Map<string, Rec>();
  private redirect = new Map<string, string>();
  /** folded name → record ids having it */
  private nameIndex = new Map<string, Set<string>>();
  /** name part (article dropped) or its skeleton → record ids with a multi-part name containing it */
  private partIndex = new Map<string, Set<string>>();
  private clock = 0;
  private nextId = 1;

  constructor(known: readonly KnownEntity[] = []) {
    for (const k of known) {
      const r = this.newRec(k.type, k.id, true);
      for (const n of k.names) this.addName(r, n);
      r.lastSeen = -1;
      r.count = 0;
      r.strong = true;
    }
  }

  private newRec(type: Rec['type'], id?: string, known = false): Rec {
    const r: Rec = { id: id ?? `e${this.nextId++}`, type, names: [], folded: new Set(), lastSeen: 0, count: 0, personCues: 0, orgCues: 0, known, articleSingle: false, strong: false };
    this.recs.push(r);
    this.byId.set(r.id, r);
    return r;
  }

  private index(map: Map<string, Set<string>>, key: string, id: string): void {
    let s = map.get(key);
    if (!s) map.set(key, (s = new Set()));
    s.add(id);
  }

  /** Live records listed under `keys` of an index. */
  private lookup(map: Map<string, Set<string>>, keys: readonly string[]): Rec[] {
    const out = new Set<Rec>();
    for (const k of keys) for (const id of map.get(k) ?? []) out.add(this.rec(id));
    return [...out];
  }

  private addName(r: Rec, n: string): void {
    let clean = n.trim();
    if (/^[“"‘]/.test(clean) && !/[”"’]$/.test(clean)) clean = clean.slice(1);
    if (/[”"’]$/.test(clean) && !/[“"‘]/.test(clean.slice(0, -1))) clean = clean.slice(0, -1);
    if (/^[“"‘].*[”"’]$/.test(clean)) clean = clean.slice(1, -1);
    clean = clean.trim();
    if (!clean) return;
    const f = fold(clean);
    if (!r.folded.has(f)) {
      r.folded.add(f);
      r.names.push(clean);
      this.index(this.nameIndex, f, r.id);
      const nt = ftoks(f);
      if (nt.length >= 2) {
        for (const t of nt) {
          const k = t.replace(/^al /, '');
          this.index(this.partIndex, k, r.id);
          this.index(this.partIndex, `~${skeleton(t)}`, r.id);
        }
      }
    } else if (!r.names.includes(clean)) r.names.push(clean);
  }

  private rec(id: string): Rec {
    let cur = id;
    while (this.redirect.has(cur)) cur = this.redirect.get(cur)!;
    return this.byId.get(cur)!;
  }

  /** The final id of an entity after merges. */
  canonicalId(id: string): string {
    let cur = id;
    while (this.redirect.has(cur)) cur = this.redirect.get(cur)!;
    return cur;
  }

  private live(): Rec[] {
    return this.recs.filter((r) => !this.redirect.has(r.id));
  }

  private merge(into: Rec, from: Rec): void {
    if (into === from) return;
    if (from.known && !into.known) [into, from] = [from, into];
    if (from.known && into.known) return; // never merge two store entities here
    for (const n of from.names) this.addName(into, n);
    into.count += from.count;
    into.personCues += from.personCues;
    into.orgCues += from.orgCues;
    into.lastSeen = Math.max(into.lastSeen, from.lastSeen);
    into.strong ||= from.strong;
    if (into.type === 'unknown') into.type = from.type;
    this.redirect.set(from.id, into.id);
  }

  /** Resolves one sentence's mentions (sets `m.entity`), in order. Headlines give no type cues. */
  add(ms: Mention[], toks: Token[], headline = false): void {
    for (const m of ms) {
      this.clock++;
      const r = this.resolveOne(m);
      r.lastSeen = this.clock;
      r.count++;
      if (m.strong && m.type !== 'unknown') {
        if (r.type === 'unknown') r.type = m.type;
        r.strong = true;
      }
      this.addName(r, m.text);
      if (m.bare) this.addName(r, m.bare);
      if (!m.text.includes(' ') && ARTICLE_PREFIX.test(m.text)) r.articleSingle = true;
      if (!headline) this.cues(r, m, toks);
      m.entity = r.id;
    }
  }

  private compatible(r: Rec, t: Mention['type']): boolean {
    return r.type === t || r.type === 'unknown' || t === 'unknown';
  }

  private resolveOne(m: Mention): Rec {
    const f = fold(m.text);
    const fb = m.bare ? fold(m.bare) : f;
    if (m.aliasOf?.entity) {
      const target = this.rec(m.aliasOf.entity);
      const existing = this.lookup(this.nameIndex, [f, fb]).find((r) => r !== target && this.compatible(r, m.type));
      if (existing && m.type !== 'organization') this.merge(target, existing);
      return this.rec(target.id);
    }
    // exact name (a quoted lowercase qualifier does not make a new name: X “central” is X)
    const fq = /[“"][a-z][^”"]*[”"]?$/.test(m.text) ? fold(m.text.replace(/\s*[“"][a-z][^”"]*[”"]?$/, '')) : f;
    const exact = this.lookup(this.nameIndex, [f, fb, fq]).filter((r) => this.compatible(r, m.type));
    if (exact.length) return mostRecent(exact);
    const toks = ftoks(fb);
    if (m.acronym || m.type === 'place') return this.newRec(m.type);
    const keys = toks.map((t) => t.replace(/^al /, ''));
    if (toks.length >= 2 && m.type !== 'organization') {
      // full person names: a variant of a known full name, or the tail of one ("Bin Ladin")
      const same: Rec[] = [];
      const tails: Rec[] = [];
      const cands = this.lookup(this.partIndex, [...keys, ...toks.map((t) => `~${skeleton(t)}`)]);
      for (const r of cands) {
        if (r.type !== 'person' && r.type !== 'unknown') continue;
        for (const n of r.folded) {
          const nt = ftoks(n);
          if (nt.length >= 2 && sharesPart(nt, toks) && compareCached(r.names.find((x) => fold(x) === n) ?? n, m.bare ?? m.text) === 'same') same.push(r);
          else if (nt.length > toks.length && !KUNYA.has(toks[0]!) && endsWithTokens(nt, toks)) tails.push(r);
        }
      }
      if (same.length) return mostRecent(same);
      const tailsHere = tails.filter((r) => r.count > 0);
      if (tailsHere.length) return mostRecent(tailsHere);
      if (uniq(tails).length === 1) return tails[0]!;
      return this.newRec(m.type);
    }
    if (toks.length === 1) {
      const k = toks[0]!;
      const kSkel = skeleton(k);
      const byLast: Rec[] = [];
      const byFirst: Rec[] = [];
      const byLoose: Rec[] = [];
      for (const r of this.lookup(this.partIndex, [keys[0]!, `~${kSkel}`])) {
        if (r.type === 'place') continue;
        for (const n of r.folded) {
          const nt = ftoks(n);
          if (nt.length < 2) continue;
          const lastPart = nt[nt.length - 1]!;
          if (lastPart === k) byLast.push(r);
          else if (lastPart.replace(/^al /, '') === k.replace(/^al /, '')) byLoose.push(r);
          else if (r.type !== 'organization' && nt[0] === k && !KUNYA.has(k) && k !== 'abd' && !TITLES.has(k)) byFirst.push(r);
          else if (r.type === 'organization' && nt[0] === k && ORG_PREFIXES.has(k)) byFirst.push(r);
          else if (kSkel.length >= 4 && skeleton(lastPart) === kSkel && lastPart.replace(/^al /, '')[0] === k.replace(/^al /, '')[0]) byLoose.push(r);
        }
      }
      // a bare short form links only to entities already mentioned in this document: a store may
      // hold several holders of one nisba, and a wrong merge is worse than a missed one
      const seenHere = (rs: Rec[]) => rs.filter((r) => r.count > 0);
      const cands = [byLast, byFirst, byLoose].map(seenHere).find((rs) => rs.length > 0) ?? [];
      if (cands.length) return mostRecent(uniq(cands));
    }
    return this.newRec(m.type);
  }

  private cues(r: Rec, m: Mention, toks: Token[]): void {
    let n = m.t1;
    const poss = toks[n]?.kind === 'possessive';
    if (poss) n++;
    const next = toks[n]?.lower ?? '';
    const next2 = toks[n + 1]?.lower ?? '';
    const prev = toks[m.t0 - 1]?.lower ?? '';
    if (poss) {
      if (PERSON_POSS.has(next)) r.personCues++;
      if (ORG_POSS.has(next) || (ORG_POSS.has(next2) && /^(other|own|former|then|new|official)$/.test(next))) r.orgCues++;
    } else {
      if (PERSON_NEXT.has(next) || (next === 'was' && /^(killed|arrested|captured|released|born|assassinated|executed|wounded|detained|imprisoned)$/.test(next2))) r.personCues++;
      if (ORG_NEXT.has(next)) r.orgCues++;
    }
    if (ORG_PREV.has(prev)) r.orgCues++;
    if (prev === 'the' && m.t1 - m.t0 === 1 && !ARTICLE_PREFIX.test(m.text)) r.orgCues++;
    if ((prev === 'of' || prev === 'to') && /^(branch|member|ranks|allegiance|bayat|baya|pledge|leader|emir)$/.test(toks[m.t0 - 2]?.lower ?? '')) r.orgCues += 2;
    if (/^(dr|mr|mrs|sheikh|shaykh|president|ayatollah|mullah)$/.test(prev)) r.personCues += 2;
  }

  /** Entity type of a (possibly merged) id after {@link finish}-style decisions, or undefined if dropped. */
  typeOf(id: string): EntityType | undefined {
    const r = this.rec(id);
    const t = decideType(r);
    return t;
  }

  /** The entities mentioned in the document, with final types; unsupported single-word guesses are dropped. */
  finish(): ExtractedEntity[] {
    const out: ExtractedEntity[] = [];
    for (const r of this.live()) {
      if (r.count === 0) continue;
      const type = decideType(r);
      if (!type) continue;
      out.push({ id: r.id, type, canonical: canonicalOf(r, type), names: [...r.names], ...(r.known ? { known: true } : {}) });
    }
    return out;
  }
}

function decideType(r: Rec): EntityType | undefined {
  if (r.type !== 'unknown') {
    if (r.type === 'person' && !r.strong && r.names.every((n) => !n.includes(' ')) && r.personCues === 0) return undefined;
    return r.type;
  }
  if (r.orgCues > r.personCues) return 'organization';
  if (r.personCues > r.orgCues) return 'person';
  if (r.articleSingle) return r.orgCues > 0 ? 'organization' : 'person';
  return undefined;
}

function canonicalOf(r: Rec, type: EntityType): string {
  const multi = r.names.filter((n) => n.includes(' '));
  if (type === 'organization') {
    const nonAcr = r.names.filter((n) => !/^[\p{Lu}\d.&()]+$/u.test(n));
    const plain = nonAcr.filter((n) => !/[“”"]/.test(n));
    const pool = plain.length ? plain : nonAcr.length ? nonAcr : r.names;
    return pool.reduce((a, b) => (b.length > a.length ? b : a), pool[0]!);
  }
  if (type === 'person') {
    const real = multi.filter((n) => !KUNYA.has(n.split(' ')[0]!.toLowerCase()));
    return (real[0] ?? multi[0] ?? r.names[0])!;
  }
  return (multi[0] ?? r.names[0])!;
}

const foldCache = new Map<string, string>();
/** Memoised name folding. */
function fold(s: string): string {
  let v = foldCache.get(s);
  if (v === undefined) {
    v = foldName(s);
    if (foldCache.size > 50000) foldCache.clear();
    foldCache.set(s, v);
  }
  return v;
}
const cmpCache = new Map<string, ReturnType<typeof compareNames>>();
/** Memoised name comparison. */
function compareCached(a: string, b: string): ReturnType<typeof compareNames> {
  const k = `${a}\u0000${b}`;
  let v = cmpCache.get(k);
  if (v === undefined) {
    v = compareNames(a, b);
    if (cmpCache.size > 50000) cmpCache.clear();
    cmpCache.set(k, v);
  }
  return v;
}
const ftokCache = new Map<string, string[]>();

/** Folded name tokens with the article kept on its word ("ahmad al khalayleh" → ["ahmad", "al khalayleh"]). */
function ftoks(folded: string): string[] {
  const hit = ftokCache.get(folded);
  if (hit) return hit;
  const out = ftoksRaw(folded);
  if (ftokCache.size > 50000) ftokCache.clear();
  ftokCache.set(folded, out);
  return out;
}
function ftoksRaw(folded: string): string[] {
  const raw = folded.split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 'al' && i + 1 < raw.length) {
      out.push(`al ${raw[i + 1]}`);
      i++;
    } else out.push(raw[i]!);
  }
  return out;
}

/** True when two folded token lists share a part worth comparing (not a bare particle), loosely spelled. */
function sharesPart(a: string[], b: string[]): boolean {
  const key = (t: string) => skeleton(t.replace(/^al /, '')).slice(0, 3);
  const ka = new Set(a.filter((t) => t.length > 3 && !KUNYA.has(t) && t !== 'bin').map(key));
  return b.some((t) => t.length > 3 && !KUNYA.has(t) && t !== 'bin' && ka.has(key(t)));
}

function mostRecent(rs: Rec[]): Rec {
  return rs.reduce((a, b) => (b.lastSeen > a.lastSeen ? b : a));
}
function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
function endsWithTokens(long: string[], short: string[]): boolean {
  const off = long.length - short.length;
  return short.every((t, i) => t === long[off + i] || (t.length >= 4 && skeleton(t) === skeleton(long[off + i]!)));
}
