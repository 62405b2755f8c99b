/**
 * Writes a dataset as FollowTheMoney entities, one JSON object per line: Person, Organization,
 * Address (places), Article/Document (sources), and for claims the link schemata of
 * `mapping.ts` (Directorship, Membership, Succession, Family, UnknownLink …) or an Event. The
 * quote goes in `summary`, the attributed sentence in `description`, the document in `proof`.
 */
import type { Claim, Dataset, Source } from '../../core/model.js';
import { endpointsOf, isoPrefix } from '../common/dates.js';
import { subsetFor } from '../common/subset.js';
import { attributedSentence, labelsFor, proposition, type Labels } from '../common/wording.js';
import { FtmEntityBuilder, type FtmEntityDatum } from './entity.js';
import { ENTITY_SCHEMA, EVENT_SCHEMA, linkFor, WEAK_NAME_KINDS } from './mapping.js';
import { ftmModel, type FtmModel } from './model.js';

export const ftmId = (kind: 'entity' | 'source' | 'claim', id: string): string => `isnad-${kind}-${id}`;

function setTime(e: FtmEntityBuilder, model: FtmModel, time: string | undefined): void {
  if (!time) return;
  const { start, end } = model.temporalExtent(e.schema);
  const ends = endpointsOf(time);
  if (!ends.interval) {
    // A moment: the model lists the interval start first and the point date last.
    const point = start[start.length - 1];
    if (point) e.add(point, isoPrefix(ends.start));
    return;
  }
  if (start[0]) e.add(start[0], isoPrefix(ends.start));
  if (end[0]) e.add(end[0], isoPrefix(ends.end));
}

function sourceEntity(model: FtmModel, s: Source): FtmEntityDatum {
  const e = new FtmEntityBuilder(model, ftmId('source', s.id), s.kind === 'article' ? 'Article' : 'Document');
  e.add('title', s.title).add('author', s.author).add('publishedAt', isoPrefix(s.date)).add('sourceUrl', s.url).addIfPresent('recordId', s.id);
  return e.toJSON();
}

function claimEntity(model: FtmModel, c: Claim, types: Map<string, Dataset['entities'][number]['type']>, labels: Labels): FtmEntityDatum {
  let e: FtmEntityBuilder;
  if (c.object && types.has(c.object)) {
    const m = linkFor(c.predicate, types.get(c.subject) ?? 'organization', types.get(c.object)!);
    e = new FtmEntityBuilder(model, ftmId('claim', c.id), m.schema);
    const edge = model.edge(m.schema);
    if (!edge) throw new Error(`FollowTheMoney schema ${m.schema} declares no edge`);
    e.add(edge.source, ftmId('entity', c.subject)).add(edge.target, ftmId('entity', c.object));
    e.addIfPresent('role', m.role).addIfPresent('relationship', m.role);
  } else {
    e = new FtmEntityBuilder(model, ftmId('claim', c.id), EVENT_SCHEMA);
    e.add('name', proposition(c, labels)).add('involved', ftmId('entity', c.subject));
  }
  setTime(e, model, c.time);
  const sources = c.evidence.map((ev) => labels.source(ev.source));
  e.add('description', `${attributedSentence(c, labels)}.${c.dispute ? ' This is disputed.' : ''}`);
  e.add('summary', ...c.evidence.map((ev) => ev.quote));
  e.add('sourceUrl', ...sources.map((s) => s?.url));
  e.add('publisher', ...sources.map((s) => s?.title));
  e.add('proof', ...c.evidence.map((ev) => ftmId('source', ev.source)));
  e.add('recordId', c.id);
  e.addIfPresent('status', c.stance === 'denies' ? 'denied' : 'asserted');
  return e.toJSON();
}

/** The dataset as FtM entity data (not yet serialised). */
export function toFtmEntities(input: Dataset, focus?: string): FtmEntityDatum[] {
  const model = ftmModel();
  const ds = subsetFor(input, focus);
  const labels = labelsFor(ds);
  const types = new Map(ds.entities.map((e) => [e.id, e.type] as const));
  const out: FtmEntityDatum[] = [];
  for (const s of [...ds.sources].sort((a, b) => a.id.localeCompare(b.id))) out.push(sourceEntity(model, s));
  for (const ent of [...ds.entities].sort((a, b) => a.id.localeCompare(b.id))) {
    const e = new FtmEntityBuilder(model, ftmId('entity', ent.id), ENTITY_SCHEMA[ent.type]);
    e.add('name', ent.canonical).add('description', ent.description);
    if (ent.type === 'place') e.add('full', ent.canonical);
    for (const n of ent.names) {
      if (n.name === ent.canonical) continue;
      if (n.kind === 'acronym' && ent.type === 'organization') e.add('abbreviation', n.name);
      else e.add(WEAK_NAME_KINDS.has(n.kind) ? 'weakAlias' : 'alias', n.name);
    }
    out.push(e.toJSON());
  }
  for (const c of [...ds.claims].sort((a, b) => a.id.localeCompare(b.id))) out.push(claimEntity(model, c, types, labels));
  return out;
}

/** FtM JSON lines. */
export function writeFtm(ds: Dataset, focus?: string): string {
  return toFtmEntities(ds, focus).map((e) => JSON.stringify(e)).join('\n') + '\n';
}
