/**
 * Neutral sentences for claims, shared by the report and by the human-readable fields of other
 * formats (STIX descriptions, FtM summaries). Dates are written as a historian would, by
 * `core/time-format`; the stored value stays EDTF.
 */
import type { Claim, Dataset, Entity, Source } from '../../core/model.js';
import { claimantOf } from '../../core/model.js';
import { formatEventTime, formatTime } from '../../core/time-format.js';
import { PREDICATES, type Predicate } from '../../core/vocabulary.js';

/**
 * Verb phrases, written so that "Subject <phrase> Object" reads as a neutral sentence. A
 * predicate added to the vocabulary later reads as its own words until it gets a phrase here.
 */
const PHRASES: Partial<Record<Predicate, string>> = {
  renamed_to: 'was renamed', merged_into: 'merged into', split_from: 'split from', founded: 'founded',
  declared: 'declared', dissolved: 'was dissolved', pledged_allegiance_to: 'pledged allegiance to',
  accepted_pledge_of: 'accepted the pledge of allegiance of', branch_of: 'was a branch of', expelled: 'expelled',
  leader_of: 'led', deputy_of: 'was deputy of', spokesman_of: 'was spokesman of', member_of: 'was a member of',
  representative_to: 'was a representative to', killed: 'was killed', arrested: 'was arrested', imprisoned: 'was imprisoned',
  released: 'was released', attacked: 'attacked', supported: 'supported', allied_with: 'was allied with', fought: 'fought',
  identified_as: 'was identified as', wrote_to: 'wrote to', succeeded: 'succeeded', located_in: 'was based in',
  same_as: 'is the same as', distinct_from: 'is distinct from', related_to: 'was related to',
};

/** A phrase for the predicate ("led", "was renamed"). */
export function predicatePhrase(p: Predicate): string {
  return PHRASES[p] ?? p.replace(/_/g, ' ');
}

export interface Labels {
  entity(id: string | undefined): string;
  source(id: string | undefined): Source | undefined;
}

/** Looks up names for ids in a dataset; unknown ids come back as themselves. */
export function labelsFor(ds: Dataset): Labels {
  const entities = new Map<string, Entity>(ds.entities.map((e) => [e.id, e]));
  const sources = new Map<string, Source>(ds.sources.map((s) => [s.id, s]));
  return {
    entity: (id) => (id === undefined ? '' : entities.get(id)?.canonical ?? sources.get(id)?.title ?? id),
    source: (id) => (id === undefined ? undefined : sources.get(id)),
  };
}

/** The time of a claim in words, as an event or as a stretch, per the predicate. */
export function claimTime(c: Claim): string {
  if (!c.time) return '';
  return PREDICATES[c.predicate].temporality === 'event' ? formatEventTime(c.time) : formatTime(c.time);
}

/** "Karim Haddad led Valley Front (c. 1995 – June 1998)" — the proposition, without stance. */
export function proposition(c: Claim, labels: Labels, opts: { time?: boolean } = {}): string {
  const object = c.object ? ` ${labels.entity(c.object)}` : c.value ? ` ${c.value}` : '';
  const time = opts.time === false ? '' : claimTime(c);
  return `${labels.entity(c.subject)} ${predicatePhrase(c.predicate)}${object}${time ? ` (${time})` : ''}`;
}

/** Who makes the claim, in words. */
export function claimantName(c: Claim, labels: Labels): string {
  const id = claimantOf(c);
  return id ? labels.entity(id) : 'an unattributed source';
}

/** "Mountain Network says that River Emirate was a branch of …" / "… denies that …". */
export function attributedSentence(c: Claim, labels: Labels, opts: { time?: boolean } = {}): string {
  return `${claimantName(c, labels)} ${c.stance === 'denies' ? 'denies' : 'says'} that ${proposition(c, labels, opts)}`;
}

/** A citation of a source: "Lina Farouk, A History of the Valley Movements (1 May 2020)". */
export function citation(s: Source | undefined, fallback: string): string {
  if (!s) return fallback;
  return [s.author, s.title].filter(Boolean).join(', ') + (s.date ? ` (${formatTime(s.date)})` : '');
}
