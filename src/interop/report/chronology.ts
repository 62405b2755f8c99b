/**
 * The content of a timeline report, independent of its format: a dated chronology of the
 * accepted claims about an entity (an organization with its successive forms), each entry
 * footnoted with the quoted evidence; then the disputes, each side in its claimant's voice
 * ("X says …; Y denies …"). Dates are written as a historian would (core/time-format).
 */
import type { Claim, Dataset, Evidence } from '../../core/model.js';
import { claimantOf } from '../../core/model.js';
import { claimsInView, contestedPropositions, disputesOf, timelineOf } from '../../core/perspective/index.js';
import { propositionKey } from '../../core/model.js';
import { formatTime } from '../../core/time-format.js';
import { familyOf, subsetFor } from '../common/subset.js';
import { attributedSentence, citation, claimTime, labelsFor, proposition, type Labels } from '../common/wording.js';

export interface Footnote {
  readonly n: number;
  /** "Lina Farouk, A History of the Valley Movements (1 May 2020), p. 17" */
  readonly citation: string;
  readonly url?: string;
  readonly quote: string;
}

export interface ChronologyEntry {
  readonly claimId: string;
  /** "c. July 2002", "late 2006", "by May 2002"; "undated" for claims without a time. */
  readonly when: string;
  readonly text: string;
  readonly notes: readonly number[];
  /** The entry is one side of a contested question (listed under disputes too). */
  readonly contested: boolean;
}

export interface DisputeSection {
  readonly question: string;
  readonly sides: ReadonlyArray<{ readonly text: string; readonly notes: readonly number[] }>;
}

export interface Chronology {
  readonly title: string;
  readonly scope: string;
  readonly entries: readonly ChronologyEntry[];
  readonly disputes: readonly DisputeSection[];
  readonly footnotes: readonly Footnote[];
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** The claim as a sentence: in the author's voice when the author is the claimant, else attributed. */
function sentence(c: Claim, labels: Labels, contested: boolean, withTime: boolean): string {
  const claimant = claimantOf(c);
  const author = c.evidence.map((e) => labels.source(e.source)?.authorEntity).find(Boolean);
  const voiceOfSource = claimant !== undefined && claimant === author;
  if (c.stance === 'denies' || contested || !voiceOfSource) {
    const last = c.attribution[c.attribution.length - 1];
    const date = last?.date ? formatTime(last.date) : undefined;
    // "speech of May 2014" already says when; do not repeat it.
    const how = [last?.via, date && !last?.via?.includes(date) ? date : undefined].filter(Boolean).join(', ');
    const s = attributedSentence(c, labels, { time: withTime });
    return capitalise(how ? s.replace(/^(.*?) (says|denies) that /, `$1 (${how}) $2 that `) : s);
  }
  return capitalise(proposition(c, labels, { time: withTime }));
}

export function buildChronology(input: Dataset, focus?: string): Chronology {
  const ds = subsetFor(input, focus);
  const labels = labelsFor(ds);
  const footnotes: Footnote[] = [];
  const noteKey = new Map<string, number>();
  const noteFor = (ev: Evidence): number => {
    const s = labels.source(ev.source);
    const where = ev.locator?.page ? `, p. ${ev.locator.page}` : ev.locator?.section ? `, ${ev.locator.section}` : '';
    const cite = `${citation(s, ev.source)}${where}`;
    const key = `${cite}|${ev.quote}`;
    let n = noteKey.get(key);
    if (n === undefined) {
      n = footnotes.length + 1;
      noteKey.set(key, n);
      footnotes.push({ n, citation: cite, quote: ev.quote, ...(s?.url ? { url: s.url } : {}) });
    }
    return n;
  };
  const viewed = claimsInView(ds.claims);
  const contested = contestedPropositions(viewed.map((v) => v.claim));
  const isContested = (c: Claim) => c.dispute !== undefined || contested.has(propositionKey(c));
  const entries = timelineOf(viewed, { includeUndated: true }).map(({ viewed: { claim: c } }): ChronologyEntry => ({
    claimId: c.id,
    when: c.time ? claimTime(c) : 'undated',
    text: sentence(c, labels, isContested(c), false),
    notes: c.evidence.map(noteFor),
    contested: isContested(c),
  }));
  const disputes = disputesOf(viewed.map((v) => v.claim), ds.disputes, (id) => ds.entities.find((e) => e.id === id)).map((d): DisputeSection => ({
    question: d.question,
    sides: d.sides.flatMap((side) => side.claims).map((c) => ({ text: sentence(c, labels, true, true), notes: c.evidence.map(noteFor) })),
  }));
  const entity = focus ? ds.entities.find((e) => e.id === focus) : undefined;
  const family = focus ? [...familyOf(input, focus)].filter((id) => id !== focus).map((id) => labels.entity(id)).sort() : [];
  return {
    title: entity ? `Chronology: ${entity.canonical}` : 'Chronology',
    scope: entity
      ? `Accepted claims about ${entity.canonical}${family.length ? ` and the organizations in its lineage (${family.join(', ')})` : ''}, in order of the earliest date each can stand for. Contested points are given in their claimants' words.`
      : 'All accepted claims, in order of the earliest date each can stand for. Contested points are given in their claimants\' words.',
    entries,
    disputes,
    footnotes,
  };
}
