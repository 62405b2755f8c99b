/**
 * Plain JSON shapes of views, with entity names and citations filled in: what `--json` prints
 * and what the HTTP API returns.
 */
import type { Claim } from '../core/model.js';
import { claimantOf } from '../core/model.js';
import { formatTime } from '../core/time-format.js';
import type { AsOfItem, AsOfView, DisputeView, Lineage, Profile, TimelineEntry, ViewedClaim } from '../core/perspective/index.js';
import type { KnowledgeBase } from './knowledge-base.js';

export interface EntityRef { readonly id: string; readonly name: string; readonly type?: string }

export interface CitedClaim {
  readonly id: string;
  readonly subject: EntityRef;
  readonly predicate: string;
  readonly object?: EntityRef;
  readonly value?: string;
  readonly time?: string;
  readonly timeText: string;
  readonly stance: string;
  readonly claimant?: EntityRef;
  readonly chain: readonly { entity?: EntityRef; source?: string; via?: string; date?: string }[];
  readonly evidence: readonly { source: string; title?: string; url?: string; quote: string; start?: number; end?: number; page?: string }[];
  readonly confidence?: number;
  readonly status: string;
  readonly dispute?: string;
  readonly note?: string;
  readonly basis?: string;
}

export function ref(kb: KnowledgeBase, id: string): EntityRef {
  const e = kb.lookup(id);
  return e ? { id, name: e.canonical, type: e.type } : { id, name: id };
}

export function cite(kb: KnowledgeBase, c: Claim, basis?: string): CitedClaim {
  const claimant = claimantOf(c);
  return {
    id: c.id,
    subject: ref(kb, c.subject),
    predicate: c.predicate,
    ...(c.object ? { object: ref(kb, c.object) } : {}),
    ...(c.value ? { value: c.value } : {}),
    ...(c.time ? { time: c.time } : {}),
    timeText: formatTime(c.time),
    stance: c.stance,
    ...(claimant ? { claimant: ref(kb, claimant) } : {}),
    chain: c.attribution.map((a) => ({ ...(a.entity ? { entity: ref(kb, a.entity) } : {}), ...(a.source ? { source: a.source } : {}), ...(a.via ? { via: a.via } : {}), ...(a.date ? { date: a.date } : {}) })),
    evidence: c.evidence.map((e) => {
      const s = kb.sourceSync(e.source);
      return { source: e.source, ...(s ? { title: s.title } : {}), ...(s?.url ? { url: s.url } : {}), quote: e.quote, ...(e.locator?.start !== undefined ? { start: e.locator.start, end: e.locator.end } : {}), ...(e.locator?.page ? { page: e.locator.page } : {}) };
    }),
    ...(c.confidence !== undefined ? { confidence: c.confidence } : {}),
    status: c.status,
    ...(c.dispute ? { dispute: c.dispute } : {}),
    ...(c.note ? { note: c.note } : {}),
    ...(basis ? { basis } : {}),
  };
}

const citeViewed = (kb: KnowledgeBase, v: ViewedClaim) => cite(kb, v.claim, v.basis);
const item = (kb: KnowledgeBase, i: AsOfItem) => ({
  entity: ref(kb, i.entity),
  modality: i.modality,
  contested: Boolean(i.deniedBy?.length),
  ...(i.detail ? { detail: i.detail } : {}),
  claims: i.claims.map((v) => citeViewed(kb, v)),
  ...(i.deniedBy?.length ? { deniedBy: i.deniedBy.map((v) => citeViewed(kb, v)) } : {}),
});

export function presentAsOf(kb: KnowledgeBase, v: AsOfView, perspective?: string) {
  const forms = v.forms.map((f) => ({ ...item(kb, f), names: (kb.entitySync(f.entity)?.names ?? []).map((n) => ({ name: n.name, kind: n.kind })) }));
  return {
    entity: ref(kb, v.entity),
    date: v.date,
    dateText: formatTime(v.date),
    perspective: perspective ?? 'overall',
    forms,
    leaders: v.leaders.map((i) => item(kb, i)),
    deputies: v.deputies.map((i) => item(kb, i)),
    spokesmen: v.spokesmen.map((i) => item(kb, i)),
    allegiance: v.allegiance.map((i) => item(kb, i)),
    conflicts: v.conflicts.map((c) => ({ topic: c.topic, asserting: c.asserting.map((x) => citeViewed(kb, x)), denying: c.denying.map((x) => citeViewed(kb, x)) })),
    notes: v.notes,
  };
}

export function presentProfile(kb: KnowledgeBase, p: Profile) {
  return {
    entity: { id: p.entity.id, type: p.entity.type, canonical: p.entity.canonical, description: p.entity.description },
    names: p.entity.names.map((n) => ({ name: n.name, kind: n.kind, sources: n.sources, ...(n.note ? { note: n.note } : {}) })),
    roles: p.roles.map((c) => cite(kb, c)),
    events: p.events.map((c) => cite(kb, c)),
    relations: p.relations.map((c) => cite(kb, c)),
    byClaimant: [...p.byClaimant].map(([id, cs]) => ({ claimant: ref(kb, id), claims: cs.map((c) => c.id) })),
  };
}

export function presentTimeline(kb: KnowledgeBase, entries: readonly TimelineEntry[]) {
  return entries.map((e) => ({ ...cite(kb, e.viewed.claim, e.viewed.basis), within: e.within }));
}

export function presentLineage(kb: KnowledgeBase, l: Lineage) {
  return {
    focus: ref(kb, l.focus),
    roots: l.roots.map((r) => ref(kb, r)),
    nodes: l.nodes.map((n) => ref(kb, n)),
    edges: l.edges.map((e) => ({ from: ref(kb, e.from), to: ref(kb, e.to), predicate: e.predicate, time: e.time, timeText: formatTime(e.time), family: e.family, disputed: e.disputed, claims: e.claims.map((v) => citeViewed(kb, v)) })),
  };
}

export function presentDisputes(kb: KnowledgeBase, ds: readonly DisputeView[]) {
  return ds.map((d) => ({ id: d.id, question: d.question, entities: d.entities.map((e) => ref(kb, e)), sides: d.sides.map((s) => ({ stance: s.stance, claims: s.claims.map((c) => cite(kb, c)) })) }));
}
