/**
 * Relations: runs the trigger patterns of `triggers.ts` over a sentence skeleton, checks
 * subject and object types against the vocabulary, and returns candidate claims with their
 * evidence span, the nearest date and the attribution of the sentence.
 */
import { PREDICATES, type EntityType, type Predicate, type PredicateSpec } from '../core/vocabulary.js';
import { NEGATION, findAttributions } from './attribution.js';
import type { DateMention } from './dates.js';
import type { Skeleton, Slot } from './skeleton.js';
import { TRIGGERS, type TriggerPattern } from './triggers.js';

/** A candidate claim before ids are finalised. */
export interface RawClaim {
  readonly predicate: Predicate;
  readonly subject: string;
  readonly object: string | null;
  readonly time: string | null;
  /** Where the time came from: the sentence itself, or an earlier sentence of the paragraph. */
  readonly timeFrom: 'sentence' | 'context' | null;
  readonly stance: 'asserts' | 'denies';
  readonly attributedTo: string[];
  readonly start: number;
  readonly end: number;
  readonly trigger: string;
}

const SLOT_RE = '⟦[pol]\\d+⟧';
const LIST = `${SLOT_RE}(?:(?:,|,? and|,? or|,? as well as)(?: [a-z-]{1,24}){0,3} ${SLOT_RE}){0,6}`;
/** An optional determiner before a slot: "the Dawn Army". */
const DET = '(?:(?<=^|[ ,(])(?:the|a|an) )?';
const GAP = `(?:[^⟦⟧.;]|⟦l\\d+⟧){0,60}?`;

interface Compiled {
  readonly t: TriggerPattern;
  readonly re: RegExp;
  readonly hasObject: boolean;
  /** A cheap literal test: the pattern can only match if one of these words occurs. */
  readonly cue?: RegExp;
}

function compile(t: TriggerPattern): Compiled {
  const src = t.pattern
    .replace(/\{S\+\}/g, `${DET}(?<S>${LIST})`)
    .replace(/\{O\+\}/g, `${DET}(?<O>${LIST})`)
    .replace(/\{S\}/g, `${DET}(?<S>${SLOT_RE})`)
    .replace(/\{O\}/g, `${DET}(?:${SLOT_RE}'s )?(?<O>${SLOT_RE})`)
    .replace(/\{poss\}/g, `(?:${SLOT_RE}'s |(?:his|her|its|their) )?`)
    .replace(/~/g, GAP);
  const cueSrc = requiredGroup(t.pattern);
  return { t, re: new RegExp(src, 'g'), hasObject: /\{O\+?\}/.test(t.pattern), ...(cueSrc ? { cue: new RegExp(cueSrc) } : {}) };
}

/**
 * A group of literal alternatives that every match must contain, used as a cheap pre-test:
 * the longest top-level, non-optional `(?:a|b|c)` group made only of plain words. Undefined when
 * the pattern has none.
 */
function requiredGroup(p: string): string | undefined {
  let best: string | undefined;
  let depth = 0;
  let start = -1;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\\') { i++; continue; }
    if (ch === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === ')') {
      depth--;
      if (depth === 0 && start >= 0) {
        const body = p.slice(start, i + 1);
        const next = p[i + 1] ?? '';
        const optional = next === '?' || next === '*' || (next === '{' && p[i + 2] === '0');
        const inner = body.startsWith('(?:') ? body.slice(3, -1) : '';
        // prefer the group whose shortest alternative is longest: rare words make a sharper pre-test
        const score = (g: string) => Math.min(...g.split('|').map((a) => a.length));
        if (!optional && inner && /^[a-z' |-]+$/.test(inner) && (!best || score(inner) > score(best))) best = inner;
      }
    }
  }
  return best === undefined ? undefined : `(?:${best})`;
}

const COMPILED: readonly Compiled[] = TRIGGERS.map(compile);
const ACCEPTED_BY = new RegExp(`(?:was|were|had been|has been|is) (?:[a-z]+ )?accepted by (${SLOT_RE})`, 'g');

function slotsIn(sk: Skeleton, s: string | undefined): Slot[] {
  if (!s) return [];
  const out: Slot[] = [];
  const re = /⟦[pol](\d+)⟧/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const sl = sk.slots[Number(m[1])];
    if (sl) out.push(sl);
  }
  return out;
}

function typeOk(spec: PredicateSpec, role: 'subject' | 'object', t: EntityType): boolean {
  return (spec[role] as readonly EntityType[]).includes(t);
}

/** Inputs of {@link findRelations} besides the skeleton. */
export interface RelationContext {
  readonly text: string;
  readonly dates: DateMention[];
  /** EDTF of the last date in an earlier sentence of the same paragraph, if any. */
  readonly contextDate?: string;
}

/** Finds the candidate claims of one sentence. */
export function findRelations(sk: Skeleton, rc: RelationContext): RawClaim[] {
  const out: RawClaim[] = [];
  const seen = new Set<string>();
  const frames = findAttributions(sk);
  const add = (pred: Predicate, s: Slot, o: Slot | null, ms: number, me: number, trigger: string) => {
    const spec = PREDICATES[pred];
    let subj = s.entity;
    let obj = o?.entity ?? null;
    if (obj !== null && subj === obj) {
      if (o?.pronoun && o.alt) obj = o.alt;
      else if (s.pronoun && s.alt) subj = s.alt;
      else return;
    }
    if (!typeOk(spec, 'subject', s.type)) return;
    if (o && !typeOk(spec, 'object', o.type)) return;
    const key = `${pred}|${subj}|${obj ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    // document span of the match
    let start = sk.map[ms] ?? sk.map[0]!;
    let end = sk.mapEnd[me - 1] ?? sk.map[sk.map.length - 1]!;
    // nearest date in the sentence
    let best: DateMention | undefined;
    let bestD = Infinity;
    for (const d of rc.dates) {
      // after the match is best (the verb usually ends it); inside, the nearer its end the better
      const dist = d.end <= start ? start - d.end : d.start >= end ? (d.start - end) * 0.8 : Math.max(0, end - d.end) * 0.5;
      if (dist < bestD) {
        bestD = dist;
        best = d;
      }
    }
    let time: string | null = null;
    let timeFrom: RawClaim['timeFrom'] = null;
    if (best && (bestD <= 160 || !rc.contextDate)) {
      time = best.edtf;
      timeFrom = 'sentence';
      start = Math.min(start, best.start);
      end = Math.max(end, best.end);
    } else if (rc.contextDate) {
      time = rc.contextDate;
      timeFrom = 'context';
    }
    const matched = sk.text.slice(ms, me);
    // the reporting frame in force: the last one opening before the claim, or a "…, X said" right after it
    const frame = [...frames].reverse().find((f) => f.at <= ms + 2) ?? frames.find((f) => f.postposable && f.at >= me - 2 && f.at - me <= 40);
    const negated = NEGATION.test(matched.replace(/⟦[^⟧]*⟧/g, ' '));
    const stance = negated !== !!frame?.denies ? 'denies' : 'asserts';
    const attributedTo = frame ? frame.chain.filter((id) => id !== subj || frame.chain.length > 1) : [];
    out.push({ predicate: pred, subject: subj, object: obj, time, timeFrom, stance, attributedTo, start, end, trigger: trimTrigger(matched) });
  };
  for (const c of COMPILED) {
    if (c.cue && !c.cue.test(sk.text)) continue;
    c.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = c.re.exec(sk.text)) !== null) {
      const g = m.groups ?? {};
      let subs = slotsIn(sk, g.S);
      // "X, led by P, supported Y": the appositive's agent is not the subject; X is
      if (subs.length === 1 && g.S !== undefined && !c.t.predicate.startsWith('leader')) {
        const before = sk.text.slice(Math.max(0, m.index + m[0].indexOf(g.S) - 60), m.index + m[0].indexOf(g.S));
        const ap = /(⟦[po]\d+⟧), (?:[a-z]+ )?(?:led|headed|commanded|run|founded|backed|created|formed|directed) by (?:the )?$/.exec(before);
        const head = ap ? slotsIn(sk, ap[1])[0] : undefined;
        const after = sk.text.slice(m.index + m[0].indexOf(g.S) + g.S.length, m.index + m[0].indexOf(g.S) + g.S.length + 2);
        if (head && after.startsWith(',')) subs = [head];
      }
      // "X …, by rejecting … and swearing …": a participle takes the main clause's subject
      if (subs.length === 1 && g.S !== undefined) {
        const sEnd = m[0].indexOf(g.S) + g.S.length;
        const between = m[0].slice(sEnd, sEnd + 80);
        if (/^(?:'s)?[^⟦]*\b(?:by|while|after|before|when|thereby) [a-z]+ing\b/.test(between) || /^,? [a-z]+ing\b/.test(between)) {
          const main = mainSubject(sk);
          if (main && main.start < subs[0]!.start) subs = [main];
        }
      }
      const objs = c.hasObject && g.O !== undefined ? slotsIn(sk, g.O) : [null];
      for (const s of subs) for (const o of objs) {
        add(c.t.predicate, s, o, m.index, m.index + m[0].length, c.t.pattern);
        if (c.t.also && o) {
          if (c.t.also.objectPerson && o.type !== 'person') continue;
          if (c.t.also.swap) add(c.t.also.predicate, o, s, m.index, m.index + m[0].length, c.t.pattern);
          else add(c.t.also.predicate, s, o, m.index, m.index + m[0].length, c.t.pattern);
        }
      }
      c.re.lastIndex = m.index + 1;
    }
  }
  // "X pledged … to Y, and it was accepted by Z" → Z accepted X's pledge
  const pledges = out.filter((c) => c.predicate === 'pledged_allegiance_to');
  if (pledges.length) {
    ACCEPTED_BY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ACCEPTED_BY.exec(sk.text)) !== null) {
      const z = slotsIn(sk, m[1])[0];
      const p = pledges[pledges.length - 1]!;
      const pledger = sk.slots.find((s) => s.entity === p.subject);
      if (z && pledger) add('accepted_pledge_of', z, pledger, m.index, m.index + m[0].length, 'accepted by');
    }
  }
  // an agentless duplicate of a claim that names its agent adds nothing
  return out.filter((c) => c.object !== null || !out.some((d) => d !== c && d.predicate === c.predicate && d.subject === c.subject && d.object !== null && (c.predicate === 'killed' || c.predicate === 'arrested')));
}

/** The first person/organization slot of the sentence that is not a possessor nor after a preposition. */
function mainSubject(sk: Skeleton): Slot | undefined {
  const re = /⟦([po])(\d+)⟧/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sk.text)) !== null) {
    const after = sk.text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    const before = sk.text.slice(Math.max(0, m.index - 6), m.index);
    if (after === "'s") continue;
    if (/\b(?:of|to|in|with|by|from|for|on|at|as)\s$/.test(before)) continue;
    return sk.slots[Number(m[2])];
  }
  return undefined;
}

function trimTrigger(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
