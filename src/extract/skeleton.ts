/**
 * The sentence skeleton that relation patterns run on: lowercased text where each mention of
 * an entity (and each resolved pronoun) is a slot placeholder `⟦<type letter><index>⟧`,
 * parenthetical aliases and short glosses are dropped, and every skeleton character maps back to
 * its offset in the document so evidence spans stay exact.
 */
import type { Mention } from './mentions.js';
import type { Sentence, Token } from './sentences.js';

/** A slot: one mention (or resolved pronoun) in the skeleton. */
export interface Slot {
  readonly entity: string;
  readonly type: 'person' | 'organization' | 'place';
  readonly start: number;
  readonly end: number;
  readonly pronoun: boolean;
  /** For pronouns: a second candidate, used when the first would make a claim about itself. */
  readonly alt?: string;
}

/** A skeleton with its offset map. */
export interface Skeleton {
  readonly text: string;
  /** `map[i]` = document offset where skeleton char i starts; `map[text.length]` = end of sentence. */
  readonly map: number[];
  /** `mapEnd[i]` = document offset just after the source of skeleton char i. */
  readonly mapEnd: number[];
  readonly slots: Slot[];
}

/** What the skeleton needs to resolve pronouns: recent entities before a position. */
export interface PronounContext {
  /** Most recent person entities first. */
  recentPersons(): string[];
  /** Most recent organization entities first. */
  recentOrgs(): string[];
  /** Organizations recently used as claim arguments (the topic), most recent first. */
  salientOrgs(): string[];
  /** Record that an entity was just mentioned. */
  saw(entity: string, type: 'person' | 'organization' | 'place'): void;
}

const PERSON_PRON = /^(he|him|his|himself)$/;
const ORG_PRON = /^(its|itself)$/;

/**
 * Builds the skeleton of a sentence. `typeOf` gives the final type of an entity id (undefined
 * when the entity was dropped: its mention stays as plain text).
 */
export function buildSkeleton(
  text: string,
  s: Sentence,
  toks: Token[],
  ms: Mention[],
  typeOf: (id: string) => 'person' | 'organization' | 'place' | undefined,
  ctx: PronounContext,
): Skeleton {
  let out = '';
  const map: number[] = [];
  const mapEnd: number[] = [];
  const slots: Slot[] = [];
  const emit = (str: string, at: number, atEnd = at + 1) => {
    if (str === ' ' && (out === '' || out.endsWith(' '))) return;
    for (let i = 0; i < str.length; i++) {
      map.push(at);
      mapEnd.push(atEnd);
    }
    out += str;
  };
  const byTok = new Map<number, Mention>();
  for (const m of ms) byTok.set(m.t0, m);
  const skipTo = new Map<number, number>();
  // drop "( … )" groups that hold only aliases of the preceding mention, or short glosses/page refs
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.text !== '(') continue;
    let j = i + 1;
    while (j < toks.length && toks[j]!.text !== ')' && toks[j]!.text !== '(' && j - i < 16) j++;
    if (toks[j]?.text !== ')') continue;
    const inner = ms.filter((m) => m.t0 > i && m.t1 <= j);
    const allAlias = inner.length > 0 && inner.every((m) => m.aliasOf !== undefined && m.aliasOf.t1 <= i);
    const gloss = inner.length === 0 && j - i <= 8;
    if (allAlias || gloss) skipTo.set(i, j + 1);
  }
  let prevEnd = s.start;
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    const skip = skipTo.get(i);
    if (skip !== undefined) {
      i = skip;
      continue;
    }
    if (t.start > prevEnd) emit(' ', prevEnd);
    const m = byTok.get(i);
    const ty = m?.entity ? typeOf(m.entity) : undefined;
    if (m && m.entity && ty) {
      const idx = slots.length;
      slots.push({ entity: m.entity, type: ty, start: m.start, end: m.end, pronoun: false });
      emit(`⟦${ty === 'place' ? 'l' : ty[0]}${idx}⟧`, m.start, m.end);
      // "post-X Libya", "pro-X forces": a name inside a modifier is not a pronoun's antecedent
      if (!/-$/.test(toks[m.t0 - 1]?.text ?? '')) ctx.saw(m.entity, ty);
      prevEnd = toks[m.t1 - 1]!.end;
      i = m.t1;
      continue;
    }
    if (t.kind === 'word' && (PERSON_PRON.test(t.lower) || ORG_PRON.test(t.lower))) {
      const isPerson = PERSON_PRON.test(t.lower);
      // a sentence-initial "Its …" refers to the topic organization when there is one
      const sal = !isPerson && i === 0 ? ctx.salientOrgs() : [];
      const cands = isPerson ? ctx.recentPersons() : sal.length ? sal : ctx.recentOrgs();
      if (cands[0]) {
        const idx = slots.length;
        slots.push({ entity: cands[0], type: isPerson ? 'person' : 'organization', start: t.start, end: t.end, pronoun: true, ...(cands[1] ? { alt: cands[1] } : {}) });
        emit(`⟦${isPerson ? 'p' : 'o'}${idx}⟧`, t.start, t.end);
        if (t.lower === 'his' || t.lower === 'its') emit("'s", t.end - 1, t.end);
        prevEnd = t.end;
        i++;
        continue;
      }
    }
    if (t.kind === 'word' && t.lower === 'the' && /^(group|organization|organisation)$/.test(toks[i + 1]?.lower ?? '') && toks[i + 2]?.text !== '(') {
      // "the organization now known as X" is X: let X's own mention stand for it
      const after = toks.slice(i + 2, i + 5).map((x) => x.lower).join(' ');
      if (/^(?:now|later|today|currently|subsequently|eventually) (?:known as|called|named)/.test(after) || /^(?:known as|called|named)/.test(after)) {
        const k = toks.findIndex((x, q) => q > i + 2 && /^(as|called|named)$/.test(x.lower));
        if (k > 0 && byTok.has(k + 1)) {
          prevEnd = toks[k]!.end;
          i = k + 1;
          continue;
        }
      }
      const sal = ctx.salientOrgs();
      const cands = sal.length ? sal : ctx.recentOrgs();
      if (cands[0]) {
        const idx = slots.length;
        const end = toks[i + 1]!.end;
        slots.push({ entity: cands[0], type: 'organization', start: t.start, end, pronoun: true, ...(cands[1] ? { alt: cands[1] } : {}) });
        emit(`⟦o${idx}⟧`, t.start, end);
        prevEnd = end;
        i += 2;
        continue;
      }
    }
    let w = t.kind === 'possessive' ? "'s" : t.lower;
    if (t.kind === 'punct') {
      if (/[—–]/.test(t.text)) w = ',';
      else if (/[“”"‘]/.test(t.text)) w = '';
      else if (t.text === '’') w = "'";
    }
    w = w.replace(/[⟦⟧]/g, '');
    if (t.kind === 'punct' && /^[,.;:!?)]$/.test(w) && out.endsWith(' ')) {
      out = out.slice(0, -1);
      map.pop();
      mapEnd.pop();
    }
    if (w.length === t.end - t.start) {
      for (let k = 0; k < w.length; k++) {
        map.push(t.start + k);
        mapEnd.push(t.start + k + 1);
      }
      out += w;
    } else if (w) emit(w, t.start, t.end);
    prevEnd = t.end;
    i++;
  }
  map.push(s.end);
  mapEnd.push(s.end);
  return { text: out, map, mapEnd, slots };
}
