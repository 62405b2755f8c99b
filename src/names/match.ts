/**
 * Part-aware matching of two names, and of a name against an entity's names.
 *
 * Names are parsed (`parse.ts`) and compared slot by slot: kunya with kunya, ism with ism, nasab
 * with nasab, nisbas and family names together (as surnames), laqab with laqab. Each agreeing slot
 * adds evidence weighted by how distinctive it is (a common given name such as Muhammad, a common
 * nisba of origin such as al-Masri or al-Baghdadi, or a common kunya such as Abu Muhammad counts
 * less); a slot present on both sides that disagrees is a conflict.
 *
 * Decisions, tuned so that a wrong merge is rarer than a missed one:
 * - any conflict → `different`;
 * - `same` needs at least two agreeing slots and enough weight (two distinctive parts, or one
 *   distinctive and one common part), or the whole name identical after folding with at least two
 *   informative parts;
 * - a shared nisba or surname alone, when both names have other parts that cannot be compared
 *   (a kunya on one side, a real name on the other), → `different`: the brief's al-Baghdadi rule;
 * - a one-part name (`al-Baghdadi`, `Karim`, `Bin Ladin`) is at most `undecided`;
 * - kunya ↔ real name pairs share nothing by spelling and are never `same` by name alone.
 *
 * Matching is symmetric by construction.
 */
import { foldName, foldToken } from './fold.js';
import { keySimilarity } from './similarity.js';
import type { TokenSim } from './similarity.js';
import { COMMON_ISM_KEYS, COMMON_NISBA_KEYS } from './lexicon.js';
import { informativeParts, parseName } from './parse.js';
import type { NamePart, ParsedName } from './parse.js';
import type { NameKind } from '../core/vocabulary.js';

/** The outcome of comparing two names. */
export interface MatchResult {
  /** 0..1: how strongly the names indicate one person. */
  readonly score: number;
  readonly decision: 'same' | 'different' | 'undecided';
  /** Human-readable: which parts agreed, which differed. */
  readonly reasons: string[];
}

/** A name of an entity, as `matchNameToEntity` takes it. */
export interface EntityNameLike {
  readonly name: string;
  readonly kind?: NameKind | string;
}

/** Options of {@link matchNameToEntity}. */
export interface EntityMatchOptions {
  /**
   * Names of the other candidate entities. A one-part name (`al-Qaduli`) that is not decided by
   * spelling is taken as `same` when this entity has a full name containing that part and no other
   * candidate has a name containing it.
   */
  readonly context?: readonly (readonly EntityNameLike[])[];
}

const COMMON_ISM = new Set(COMMON_ISM_KEYS.map((k) => foldToken(k)));
const COMMON_NISBA = new Set(COMMON_NISBA_KEYS.map((k) => foldToken(k)));

/** The decision threshold on the summed evidence weight. */
export const SAME_WEIGHT = 1.5;

function partSim(a: NamePart, b: NamePart): TokenSim {
  return keySimilarity(a.key, b.key, a.unvocalised || b.unvocalised, a.ascii, b.ascii);
}

interface SlotOutcome {
  weight: number;
  agreed: number;
  conflicts: string[];
  reasons: string[];
  slots: Set<string>;
}

const AGREE = 0.5;
const PARTICLE_TEXT = /^(bin|ibn|bint|ben|bn|b|ould|ibnu|binti|bent|wuld|walad)\s/i;

function describe(a: NamePart, b: NamePart, s: TokenSim): string {
  return s.how === 'identical' && a.text.toLowerCase() === b.text.toLowerCase() ? `"${a.text}"` : `"${a.text}" ~ "${b.text}" (${s.how})`;
}

function splitPrefixed(key: string): [string, string] {
  const i = key.indexOf(' ');
  return i < 0 ? ['', key] : [key.slice(0, i), key.slice(i + 1)];
}

function compareSingle(role: 'kunya' | 'ism' | 'laqab', a: NamePart, b: NamePart, out: SlotOutcome): void {
  let ka = a.key;
  let kb = b.key;
  if (role !== 'ism') {
    const [pa, xa] = splitPrefixed(a.key);
    const [pb, xb] = splitPrefixed(b.key);
    if (pa !== pb) {
      out.conflicts.push(`${role}s differ: "${a.text}" vs "${b.text}"`);
      return;
    }
    ka = xa;
    kb = xb;
  }
  const s = keySimilarity(ka, kb, a.unvocalised || b.unvocalised, a.ascii, b.ascii);
  if (s.sim >= AGREE && s.sim < 0.7) {
    // Same consonants but other vowels (Hamid/Hamad, Hasan/Husayn): in a given name or kunya that
    // is how brothers differ, so it is weak support, not an agreeing part.
    out.weight += 0.3 * s.sim;
    out.reasons.push(`${role} only partly agrees: ${describe(a, b, s)}`);
  } else if (s.sim >= AGREE) {
    const common = COMMON_ISM.has(ka) || COMMON_ISM.has(kb);
    const w = (common ? 0.7 : 1) * s.sim;
    out.weight += w;
    out.agreed++;
    out.slots.add(role);
    out.reasons.push(`${role} agrees: ${describe(a, b, s)}${common ? ' (a common name: weak)' : ''}`);
  } else {
    out.conflicts.push(`${role}s differ: "${a.text}" vs "${b.text}"`);
  }
}

function setMatch(as: readonly NamePart[], bs: readonly NamePart[], weights: (p: NamePart, rank: number) => number): { w: number; agreed: string[] } {
  const used = new Set<number>();
  let w = 0;
  let rank = 0;
  const agreed: string[] = [];
  for (const a of as) {
    let best = -1;
    let bestSim: TokenSim = { sim: 0, how: '' };
    bs.forEach((b, j) => {
      if (used.has(j)) return;
      const s = partSim(a, b);
      if (s.sim > bestSim.sim) {
        bestSim = s;
        best = j;
      }
    });
    if (best >= 0 && bestSim.sim >= AGREE) {
      used.add(best);
      const b = bs[best] as NamePart;
      w += Math.min(weights(a, rank), weights(b, rank)) * bestSim.sim;
      rank++;
      agreed.push(describe(a, b, bestSim));
    }
  }
  return { w, agreed };
}

function compareSets(label: string, as: readonly NamePart[], bs: readonly NamePart[], out: SlotOutcome, weights: (p: NamePart, rank: number) => number, cap: number): void {
  if (as.length === 0 || bs.length === 0) return;
  // Both directions, keeping the weaker: greedy pairing must not make the result order-dependent.
  const x = setMatch(as, bs, weights);
  const y = setMatch(bs, as, weights);
  const { w, agreed } = y.w < x.w || (y.w === x.w && y.agreed.length < x.agreed.length) ? y : x;
  if (agreed.length === 0) {
    out.conflicts.push(`${label} differ: ${as.map((p) => `"${p.text}"`).join(', ')} vs ${bs.map((p) => `"${p.text}"`).join(', ')}`);
    return;
  }
  out.weight += Math.min(cap, w);
  out.agreed++;
  out.slots.add(label);
  out.reasons.push(`${label} agree: ${agreed.join(', ')}`);
}

const isSurname = (p: NamePart): boolean => p.role === 'nisba' || p.role === 'family';

function surnameWeight(p: NamePart): number {
  return COMMON_NISBA.has(p.key) ? 0.7 : 1;
}

/** Roles present in a parsed name, for the "nothing comparable" rule. */
function roleSet(parts: readonly NamePart[]): Set<string> {
  return new Set(parts.map((p) => (isSurname(p) ? 'surname' : p.role)));
}

const clamp = (x: number): number => Math.max(0, Math.min(1, Math.round(x * 1000) / 1000));

/** Options of {@link matchNames} and {@link matchParsed}. */
export interface MatchOptions {
  /** Evidence weight needed for `same` (default {@link SAME_WEIGHT}); for evaluation sweeps. */
  readonly sameWeight?: number;
}

/** Compare two parsed names. */
export function matchParsed(pa: ParsedName, pb: ParsedName, opts: MatchOptions = {}): MatchResult {
  const sameWeight = opts.sameWeight ?? SAME_WEIGHT;
  const A = informativeParts(pa);
  const B = informativeParts(pb);
  if (A.length === 0 || B.length === 0) return { score: 0, decision: 'undecided', reasons: ['a name has no informative part'] };
  const foldedEqual = A.length === B.length && A.every((p, i) => p.role === B[i]?.role && p.key === B[i]?.key);
  if (foldedEqual && A.length >= 2) {
    return { score: 1, decision: 'same', reasons: [`identical after folding: "${foldName(pa.raw)}"`] };
  }
  // One-part names: never same by name alone.
  if (A.length === 1 || B.length === 1) return matchShort(A, B);

  const out: SlotOutcome = { weight: 0, agreed: 0, conflicts: [], reasons: [], slots: new Set() };
  const one = (parts: readonly NamePart[], role: string): NamePart | undefined => parts.find((p) => p.role === role);
  for (const role of ['kunya', 'laqab'] as const) {
    const a = one(A, role);
    const b = one(B, role);
    if (a && b) compareSingle(role, a, b, out);
  }
  const ia = one(A, 'ism');
  const ib = one(B, 'ism');
  const na = A.filter((p) => p.role === 'nasab');
  const nb = B.filter((p) => p.role === 'nasab');
  let nasabA = na;
  let nasabB = nb;
  if (ia && ib) {
    const s = partSim(ia, ib);
    // Only an implicit nasab: in "Muhammad bin Zayid" the particle makes Zayid the father.
    const devotional = (x: NamePart, xn: readonly NamePart[], y: NamePart): boolean =>
      (x.key === 'muhamad' || x.key === 'ahmad') && xn[0] !== undefined && !PARTICLE_TEXT.test(xn[0].text) && partSim(xn[0], y).sim >= 0.85;
    if (s.sim < AGREE && devotional(ia, na, ib)) {
      // "Muhammad Omar" called "Omar": Muhammad as a leading devotional name.
      out.weight += 0.6;
      out.agreed++;
      out.slots.add('ism');
      out.reasons.push(`ism agrees if the leading "${ia.text}" is devotional: "${na[0]?.text}" ~ "${ib.text}"`);
      nasabA = na.slice(1);
    } else if (s.sim < AGREE && devotional(ib, nb, ia)) {
      out.weight += 0.6;
      out.agreed++;
      out.slots.add('ism');
      out.reasons.push(`ism agrees if the leading "${ib.text}" is devotional: "${nb[0]?.text}" ~ "${ia.text}"`);
      nasabB = nb.slice(1);
    } else compareSingle('ism', ia, ib, out);
  }
  compareSets('nasab', nasabA, nasabB, out, (_p, rank) => (rank === 0 ? 1 : 0.5), 1.5);
  compareSets('surnames', A.filter(isSurname), B.filter(isSurname), out, surnameWeight, 1.7);

  const W = out.weight;
  if (out.conflicts.length > 0) {
    const score = 0.05 + 0.25 * (W / (W + 2));
    const agreed = out.reasons.length > 0 ? out.reasons : [];
    return { score: clamp(score), decision: 'different', reasons: [...out.conflicts, ...agreed] };
  }
  if (out.agreed === 0) {
    return {
      score: 0.05,
      decision: 'different',
      reasons: ['no part of one name corresponds to a part of the other (a kunya and a real name of one person cannot be linked by spelling alone)'],
    };
  }
  const raw = 1 - Math.exp(-0.95 * W);
  if (out.agreed >= 2 && W >= sameWeight - 1e-9) {
    return { score: clamp(Math.max(0.8, raw)), decision: 'same', reasons: out.reasons };
  }
  // Only surnames agree, and each name has parts the other has no counterpart for.
  const ra = roleSet(A);
  const rb = roleSet(B);
  const onlySurname = out.slots.size === 1 && out.slots.has('surnames');
  const aExtra = [...ra].filter((r) => r !== 'surname' && !rb.has(r));
  const bExtra = [...rb].filter((r) => r !== 'surname' && !ra.has(r));
  if (onlySurname && aExtra.length > 0 && bExtra.length > 0) {
    return {
      score: clamp(Math.min(0.3, raw * 0.4)),
      decision: 'different',
      reasons: [...out.reasons, `only the surname/nisba is shared (weak evidence); the other parts do not correspond (${aExtra.join(', ')} vs ${bExtra.join(', ')})`],
    };
  }
  return {
    score: clamp(Math.min(0.79, raw)),
    decision: 'undecided',
    reasons: [...out.reasons, `not enough distinctive agreement to decide (weight ${W.toFixed(2)} < ${sameWeight} or a single agreeing part)`],
  };
}

function matchShort(A: readonly NamePart[], B: readonly NamePart[]): MatchResult {
  const [short, long] = A.length === 1 ? [A, B] : [B, A];
  const s = short[0] as NamePart;
  let best: { p: NamePart; sim: TokenSim } | undefined;
  for (const p of long) {
    // A one-part kunya compares whole ("abu bakr"); other parts by their key.
    const sim = keySimilarity(s.key, p.key, s.unvocalised || p.unvocalised);
    const sameKind = s.role === p.role || (isSurname(s) && isSurname(p));
    if (sim.sim >= 0.85 && (!best || sim.sim > best.sim.sim) && (sameKind || sim.sim === 1)) best = { p, sim };
  }
  if (!best) {
    if (A.length === 1 && B.length === 1) {
      return { score: 0.05, decision: 'different', reasons: [`one-part names that do not agree: "${A[0]?.text}" vs "${B[0]?.text}"`] };
    }
    return { score: 0.05, decision: 'different', reasons: [`the one-part name "${s.text}" matches no part of the other name`] };
  }
  const common = [s.key, best.p.key].some((k) => COMMON_NISBA.has(k) || COMMON_ISM.has(k));
  return {
    score: clamp((common ? 0.35 : 0.5) * best.sim.sim),
    decision: 'undecided',
    reasons: [
      `"${s.text}" agrees with the ${best.p.role} ${describe(s, best.p, best.sim)}`,
      `a one-part name is ambiguous by itself${common ? ' (and this part is common)' : ''}: decide from context`,
    ],
  };
}

/** Compare two names. Symmetric: `matchNames(a, b)` and `matchNames(b, a)` give the same result up to the order of reasons. */
export function matchNames(a: string, b: string, opts: MatchOptions = {}): MatchResult {
  return matchParsed(parseName(a), parseName(b), opts);
}

const DECISION_RANK = { same: 2, undecided: 1, different: 0 } as const;

/** True when result `x` is better than `y` (decision first, then score). */
export function betterMatch(x: MatchResult, y: MatchResult): boolean {
  const dx = DECISION_RANK[x.decision];
  const dy = DECISION_RANK[y.decision];
  return dx !== dy ? dx > dy : x.score > y.score;
}

/**
 * Match a name against an entity's names: the best result over its names, with the matching
 * name named in the reasons. With `opts.context` (the other candidates' names), a one-part name
 * that only this entity's full names contain is resolved to `same`.
 */
export function matchNameToEntity(name: string, names: readonly EntityNameLike[], opts: EntityMatchOptions = {}): MatchResult {
  const pq = parseName(name);
  let best: MatchResult = { score: 0, decision: 'different', reasons: ['the entity has no names'] };
  let bestName = '';
  for (const n of names) {
    const r = matchParsed(pq, parseName(n.name));
    if (bestName === '' || betterMatch(r, best)) {
      best = r;
      bestName = n.name;
    }
  }
  if (bestName === '') return best;
  const withName: MatchResult = { ...best, reasons: [`best against "${bestName}"`, ...best.reasons] };
  const q = informativeParts(pq);
  if (best.decision !== 'undecided' || q.length !== 1 || opts.context === undefined) return withName;
  const part = q[0] as NamePart;
  const contains = (ns: readonly EntityNameLike[], needFull: boolean): boolean =>
    ns.some((n) => {
      const ps = informativeParts(parseName(n.name));
      if (needFull && ps.length < 2) return false;
      return ps.some((p) => (p.role === part.role || (isSurname(p) && isSurname(part))) && partSim(p, part).sim >= 0.85);
    });
  if (!contains(names, true)) return withName;
  const rivals = opts.context.filter((ns) => contains(ns, false)).length;
  if (rivals > 0) {
    return { ...withName, reasons: [...withName.reasons, `"${part.text}" is ambiguous: ${rivals} other candidate(s) have it too`] };
  }
  return {
    score: clamp(Math.max(0.8, best.score)),
    decision: 'same',
    reasons: [...withName.reasons, `"${part.text}" is a short form of this entity's full name and no other candidate in context has it`],
  };
}
