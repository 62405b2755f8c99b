/**
 * The part of a dataset an export with `--entity` covers: the entity (for an organization, its
 * whole family of successive forms), every claim about it or attributed to it, and what those
 * claims refer to (entities, sources, disputes), so the subset is self-contained.
 */
import type { Claim, Dataset, Entity } from '../../core/model.js';
import { claimsInView, lineageOf } from '../../core/perspective/index.js';

/** The ids of the focus entity's family: itself, plus its lineage when it is an organization. */
export function familyOf(ds: Dataset, focus: string): Set<string> {
  const byId = new Map(ds.entities.map((e) => [e.id, e] as const));
  const out = new Set([focus]);
  if (byId.get(focus)?.type === 'organization') {
    const lineage = lineageOf(focus, claimsInView(ds.claims), (id) => byId.get(id));
    for (const e of lineage.edges) if (e.family) { out.add(e.from); out.add(e.to); }
  }
  return out;
}

const mentions = (c: Claim, ids: ReadonlySet<string>) =>
  ids.has(c.subject) || (c.object !== undefined && ids.has(c.object)) || c.attribution.some((a) => a.entity !== undefined && ids.has(a.entity));

/** Restricts a dataset to what concerns the focus entity; the whole dataset when no focus. */
export function subsetFor(ds: Dataset, focus: string | undefined): Dataset {
  if (!focus) return ds;
  const family = familyOf(ds, focus);
  const claims = ds.claims.filter((c) => mentions(c, family));
  const entityIds = new Set(family);
  const sourceIds = new Set<string>();
  for (const c of claims) {
    entityIds.add(c.subject);
    if (c.object) entityIds.add(c.object);
    for (const a of c.attribution) { if (a.entity) entityIds.add(a.entity); if (a.source) sourceIds.add(a.source); }
    for (const e of c.evidence) sourceIds.add(e.source);
  }
  const entities: Entity[] = ds.entities.filter((e) => entityIds.has(e.id));
  for (const e of entities) for (const n of e.names) for (const s of n.sources) sourceIds.add(s);
  const sources = ds.sources.filter((s) => sourceIds.has(s.id));
  for (const s of sources) if (s.authorEntity && !entityIds.has(s.authorEntity)) {
    const author = ds.entities.find((e) => e.id === s.authorEntity);
    if (author) { entityIds.add(author.id); entities.push(author); }
  }
  const disputeIds = new Set(claims.map((c) => c.dispute).filter((d): d is string => d !== undefined));
  const perspectives = ds.perspectives
    .map((p) => ({ ...p, claimants: p.claimants.filter((c) => entityIds.has(c)) }))
    .filter((p) => p.claimants.length > 0);
  return { sources, entities, claims, perspectives, disputes: ds.disputes.filter((d) => disputeIds.has(d.id)) };
}
