/**
 * Writes a dataset as a STIX 2.1 bundle (mapping in `vocabulary.ts`). Ids are UUIDv5 over the
 * record ids and timestamps come from the records, so exporting the same data twice gives the
 * same bytes. Every object carries its native record in the isnad extension, so
 * native → STIX → native loses nothing.
 */
import { byId } from '../../core/collections.js';
import type { Claim, Dataset } from '../../core/model.js';
import { disputesOf } from '../../core/perspective/index.js';
import { toDocument } from '../native/write-dataset.js';
import { boundsOf, isoTimestamp, normaliseTimestamp } from '../common/dates.js';
import { stableUuid } from '../common/ids.js';
import { subsetFor } from '../common/subset.js';
import { attributedSentence, citation, labelsFor, proposition } from '../common/wording.js';
import { EXTENSION_ID, extensionOf, FIXED_TIMESTAMP, PRODUCER_ID, relationshipType, SPEC_VERSION, stixId } from './vocabulary.js';

type StixObject = Record<string, unknown> & { type: string; id: string };

const ENTITY_TYPE = { person: 'identity', organization: 'identity', place: 'location' } as const;

/** The STIX id of an entity record. */
export const entityRef = (type: keyof typeof ENTITY_TYPE, id: string) => stixId(ENTITY_TYPE[type], 'entity', id);
/** The STIX id of a claim record (a relationship when it has an object, else a note). */
export const claimRef = (c: Pick<Claim, 'id' | 'object'>) => stixId(c.object ? 'relationship' : 'note', 'claim', c.id);

function common(type: string, id: string, created: string): StixObject {
  return { type, spec_version: SPEC_VERSION, id, created, modified: created, created_by_ref: PRODUCER_ID };
}

/** `[a, b]` or undefined when empty (STIX lists must not be empty). */
const list = <T>(xs: readonly T[]): T[] | undefined => (xs.length ? [...xs] : undefined);
const clean = (o: Record<string, unknown>): StixObject => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as StixObject;

/** Builds the bundle object (not yet serialised). */
export function toStixBundle(input: Dataset, focus?: string): { type: 'bundle'; id: string; objects: StixObject[] } {
  const ds = subsetFor(input, focus);
  const doc = toDocument(ds) as Record<'sources' | 'entities' | 'claims' | 'disputes' | 'perspectives', Array<Record<string, unknown> & { id: string }>>;
  const record = (section: keyof typeof doc, id: string) => doc[section].find((r) => r.id === id)!;
  const labels = labelsFor(ds);
  const entityType = new Map(ds.entities.map((e) => [e.id, e.type] as const));
  const refOf = (id: string) => entityRef(entityType.get(id) ?? 'organization', id);
  const objects: StixObject[] = [];

  objects.push({ ...common('identity', PRODUCER_ID, FIXED_TIMESTAMP), name: 'isnad', identity_class: 'system', description: 'The isnad knowledge base that wrote this bundle.' });
  objects.push({
    ...common('extension-definition', EXTENSION_ID, FIXED_TIMESTAMP),
    name: 'isnad record',
    description: 'The native isnad record behind the object (entity, source, claim, dispute or perspective), so that nothing is lost: full EDTF time, stance, chain of attribution, evidence quotes and locators, name kinds.',
    schema: 'isnad native dataset format isnad/1 (docs/dataset-format.md); record_kind names the section, record is one item of it. See docs/interop.md.',
    version: '1.0',
    extension_types: ['property-extension'],
  });

  for (const e of ds.entities) {
    const aliases = [...new Set(e.names.map((n) => n.name).filter((n) => n !== e.canonical))];
    const base = { ...common(ENTITY_TYPE[e.type], entityRef(e.type, e.id), FIXED_TIMESTAMP), name: e.canonical, description: e.description };
    const ext = { extensions: extensionOf('entity', record('entities', e.id)) };
    if (e.type === 'place') objects.push(clean({ ...base, region: e.canonical, ...ext }));
    else objects.push(clean({ ...base, identity_class: e.type === 'person' ? 'individual' : 'group', x_opencti_aliases: list(aliases), ...ext }));
  }

  const citing = new Map<string, Set<string>>();
  const cite = (source: string, ref: string) => citing.set(source, (citing.get(source) ?? new Set()).add(ref));
  for (const c of ds.claims) {
    const ref = claimRef(c);
    c.evidence.forEach((ev) => cite(ev.source, ref));
    c.attribution.forEach((a) => a.source && cite(a.source, ref));
    const b = boundsOf(c.time);
    const start = isoTimestamp(b.startEarliest);
    let stop = isoTimestamp(b.endLatest);
    if (start && stop && stop <= start) stop = undefined;
    const externalReferences = c.evidence.map((ev) => {
      const s = labels.source(ev.source);
      return clean({ source_name: s?.title ?? ev.source, description: ev.quote || undefined, url: s?.url, external_id: ev.source });
    });
    const shared = {
      ...common(c.object ? 'relationship' : 'note', ref, normaliseTimestamp(c.recordedAt)),
      confidence: c.confidence === undefined ? undefined : Math.round(c.confidence * 100),
      external_references: list(externalReferences),
      extensions: extensionOf('claim', record('claims', c.id)),
    };
    if (c.object) {
      objects.push(clean({
        ...shared,
        relationship_type: relationshipType(c.predicate),
        description: `${attributedSentence(c, labels)}.${c.status !== 'accepted' ? ` (${c.status})` : ''}`,
        source_ref: refOf(c.subject),
        target_ref: refOf(c.object),
        start_time: start,
        stop_time: stop,
      }));
    } else {
      objects.push(clean({ ...shared, abstract: proposition(c, labels), content: `${attributedSentence(c, labels)}.`, object_refs: [refOf(c.subject)] }));
    }
  }

  for (const s of ds.sources) {
    const refs = [...(citing.get(s.id) ?? [])].sort();
    if (s.authorEntity && entityType.has(s.authorEntity)) refs.push(refOf(s.authorEntity));
    objects.push(clean({
      ...common('report', stixId('report', 'source', s.id), FIXED_TIMESTAMP),
      name: s.title,
      description: `${s.kind[0]!.toUpperCase()}${s.kind.slice(1)}: ${citation(s, s.title)}.`,
      published: isoTimestamp(boundsOf(s.date).startEarliest) ?? FIXED_TIMESTAMP,
      report_types: ['isnad-source'],
      object_refs: refs.length ? refs : [PRODUCER_ID],
      external_references: [clean({ source_name: s.title, url: s.url, external_id: s.id })],
      extensions: extensionOf('source', record('sources', s.id)),
    }));
  }

  const explicit = new Map(ds.disputes.map((d) => [d.id, d] as const));
  for (const view of disputesOf(ds.claims, ds.disputes, (id) => ds.entities.find((e) => e.id === id))) {
    const claims = view.sides.flatMap((s) => s.claims);
    const isExplicit = explicit.has(view.id);
    objects.push(clean({
      ...common('note', isExplicit ? stixId('note', 'dispute', view.id) : stixId('note', 'contested', view.id), FIXED_TIMESTAMP),
      abstract: `Disputed: ${view.question}`,
      content: claims.map((c) => attributedSentence(c, labels)).join('; ') + '.',
      object_refs: claims.map(claimRef).sort(),
      extensions: isExplicit ? extensionOf('dispute', record('disputes', view.id)) : undefined,
    }));
  }
  // Disputes no live claim joins still travel, so the round trip keeps them.
  for (const d of ds.disputes) {
    if (objects.some((o) => o.id === stixId('note', 'dispute', d.id))) continue;
    objects.push({ ...common('note', stixId('note', 'dispute', d.id), FIXED_TIMESTAMP), abstract: `Disputed: ${d.question}`, content: d.question, object_refs: [PRODUCER_ID], extensions: extensionOf('dispute', record('disputes', d.id)) });
  }

  for (const p of ds.perspectives) {
    objects.push({
      ...common('grouping', stixId('grouping', 'perspective', p.id), FIXED_TIMESTAMP),
      name: p.label,
      context: 'isnad-perspective',
      object_refs: p.claimants.map(refOf),
      extensions: extensionOf('perspective', record('perspectives', p.id)),
    });
  }

  const [first, second, ...rest] = objects;
  const sorted = [first!, second!, ...rest.sort(byId)];
  return { type: 'bundle', id: `bundle--${stableUuid('stix-bundle', sorted.map((o) => o.id).join(','))}`, objects: sorted };
}

/** The bundle as JSON text. */
export function writeStix(ds: Dataset, focus?: string): string {
  return JSON.stringify(toStixBundle(ds, focus), null, 2) + '\n';
}
