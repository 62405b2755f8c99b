/**
 * A dataset as RDF triples, in the vocabulary of docs/rdf-vocabulary.md: schema.org for
 * entities and names, PROV-O for attribution and derivation, and one statement node per claim
 * (Wikidata-style reification) carrying subject, predicate, object, EDTF time with its ISO date
 * bounds, stance, claimant, chain of attribution and evidence with quotes.
 */
import type { Claim, Dataset, Entity, Source } from '../../core/model.js';
import { claimantOf } from '../../core/model.js';
import { PREDICATES, type Predicate } from '../../core/vocabulary.js';
import { boundsOf, isoDate, normaliseTimestamp } from '../common/dates.js';
import { subsetFor } from '../common/subset.js';
import { bnode, dataIri, iri, lit, q, type Term, type Triple } from './terms.js';

const TYPE = q('rdf', 'type');
const ENTITY_CLASS = { person: q('schema', 'Person'), organization: q('schema', 'Organization'), place: q('schema', 'Place') } as const;
const EDTF = q('edtf', 'EDTF');
const XSD_DATE = q('xsd', 'date');

export interface RdfGraph {
  readonly triples: readonly Triple[];
}

class Builder {
  readonly triples: Triple[] = [];
  private blank = 0;
  add(s: Term, p: string, o: Term | undefined): void { if (o) this.triples.push({ s, p, o }); }
  /** A plain or language-tagged string; a tag that is not BCP 47-shaped is dropped rather than written broken. */
  str(s: Term, p: string, v: string | undefined, lang?: string): void {
    if (v !== undefined && v !== '') this.add(s, p, lit(v, undefined, lang && /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(lang) ? lang : undefined));
  }
  node(): Term { this.blank += 1; return bnode(`b${this.blank}`); }
}

const entityIri = (id: string) => dataIri('entity', id);
const sourceIri = (id: string) => dataIri('source', id);
const claimIri = (id: string) => dataIri('claim', id);
const predicateIri = (p: Predicate) => q('isnad', p);

function vocabulary(b: Builder, used: ReadonlySet<Predicate>): void {
  for (const p of [...used].sort()) {
    const s = iri(predicateIri(p));
    b.add(s, TYPE, iri(q('isnad', 'Predicate')));
    b.str(s, q('rdfs', 'label'), p.replace(/_/g, ' '), 'en');
    b.str(s, q('rdfs', 'comment'), PREDICATES[p].description, 'en');
    b.add(s, q('isnad', 'temporality'), iri(q('isnad', PREDICATES[p].temporality)));
  }
}

function source(b: Builder, s: Source): void {
  const node = sourceIri(s.id);
  b.add(node, TYPE, iri(q('schema', 'CreativeWork')));
  b.add(node, TYPE, iri(q('prov', 'Entity')));
  b.str(node, q('schema', 'identifier'), s.id);
  b.str(node, q('schema', 'name'), s.title);
  b.str(node, q('isnad', 'sourceKind'), s.kind);
  b.str(node, q('schema', 'author'), s.author);
  if (s.authorEntity) b.add(node, q('prov', 'wasAttributedTo'), entityIri(s.authorEntity));
  if (s.date) b.add(node, q('schema', 'datePublished'), lit(s.date, EDTF));
  if (s.url) b.add(node, q('schema', 'url'), iri(s.url));
  b.str(node, q('isnad', 'contentHash'), s.contentHash);
}

function entity(b: Builder, e: Entity): void {
  const node = entityIri(e.id);
  b.add(node, TYPE, iri(ENTITY_CLASS[e.type]));
  b.str(node, q('schema', 'identifier'), e.id);
  b.str(node, q('schema', 'name'), e.canonical);
  b.str(node, q('schema', 'description'), e.description);
  for (const n of e.names) {
    if (n.name !== e.canonical) b.str(node, q('schema', 'alternateName'), n.name, n.lang);
    const name = b.node();
    b.add(node, q('isnad', 'name'), name);
    b.add(name, TYPE, iri(q('isnad', 'Name')));
    b.str(name, q('schema', 'name'), n.name, n.lang);
    b.add(name, q('isnad', 'nameKind'), iri(q('isnad', n.kind)));
    b.str(name, q('schema', 'description'), n.note);
    for (const s of n.sources) b.add(name, q('prov', 'wasDerivedFrom'), sourceIri(s));
  }
}

function claim(b: Builder, c: Claim): void {
  const node = claimIri(c.id);
  b.add(node, TYPE, iri(q('isnad', 'Claim')));
  b.str(node, q('schema', 'identifier'), c.id);
  b.add(node, q('isnad', 'subject'), entityIri(c.subject));
  b.add(node, q('isnad', 'predicate'), iri(predicateIri(c.predicate)));
  if (c.object) b.add(node, q('isnad', 'object'), entityIri(c.object));
  b.str(node, q('isnad', 'value'), c.value);
  if (c.time) {
    b.add(node, q('isnad', 'time'), lit(c.time, EDTF));
    const bounds = boundsOf(c.time);
    for (const [prop, ms] of [['startEarliest', bounds.startEarliest], ['startLatest', bounds.startLatest], ['endEarliest', bounds.endEarliest], ['endLatest', bounds.endLatest]] as const) {
      const d = isoDate(ms);
      if (d) b.add(node, q('isnad', prop), lit(d, XSD_DATE));
    }
  }
  b.add(node, q('isnad', 'stance'), iri(q('isnad', c.stance)));
  b.add(node, q('isnad', 'status'), iri(q('isnad', c.status)));
  if (c.confidence !== undefined) b.add(node, q('isnad', 'confidence'), lit(String(c.confidence), q('xsd', 'decimal')));
  const claimant = claimantOf(c);
  const last = c.attribution[c.attribution.length - 1];
  if (claimant) b.add(node, q('prov', 'wasAttributedTo'), last?.entity ? entityIri(claimant) : sourceIri(claimant));
  c.attribution.forEach((a, i) => {
    const link = b.node();
    b.add(node, q('isnad', 'attribution'), link);
    b.add(link, TYPE, iri(q('isnad', 'AttributionLink')));
    b.add(link, q('isnad', 'position'), lit(String(i + 1), q('xsd', 'integer')));
    if (a.entity) b.add(link, q('prov', 'agent'), entityIri(a.entity));
    if (a.source) b.add(link, q('prov', 'hadPrimarySource'), sourceIri(a.source));
    b.str(link, q('isnad', 'via'), a.via);
    if (a.date) b.add(link, q('isnad', 'time'), lit(a.date, EDTF));
  });
  for (const ev of c.evidence) {
    b.add(node, q('prov', 'wasDerivedFrom'), sourceIri(ev.source));
    const e = b.node();
    b.add(node, q('isnad', 'evidence'), e);
    b.add(e, TYPE, iri(q('isnad', 'Evidence')));
    b.add(e, q('prov', 'wasDerivedFrom'), sourceIri(ev.source));
    b.str(e, q('prov', 'value'), ev.quote);
    b.str(e, q('isnad', 'page'), ev.locator?.page);
    b.str(e, q('isnad', 'section'), ev.locator?.section);
    if (ev.locator?.start !== undefined) b.add(e, q('isnad', 'charStart'), lit(String(ev.locator.start), q('xsd', 'integer')));
    if (ev.locator?.end !== undefined) b.add(e, q('isnad', 'charEnd'), lit(String(ev.locator.end), q('xsd', 'integer')));
  }
  if (c.dispute) b.add(node, q('isnad', 'dispute'), dataIri('dispute', c.dispute));
  b.str(node, q('rdfs', 'comment'), c.note);
  b.str(node, q('isnad', 'recordedBy'), c.recordedBy);
  b.add(node, q('isnad', 'recordedAt'), lit(normaliseTimestamp(c.recordedAt), q('xsd', 'dateTime')));
}

/** Builds the triples of a dataset (or of the part about `focus`). Deterministic order. */
export function toRdfGraph(input: Dataset, focus?: string): RdfGraph {
  const ds = subsetFor(input, focus);
  const b = new Builder();
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  vocabulary(b, new Set(ds.claims.map((c) => c.predicate)));
  byId(ds.sources).forEach((s) => source(b, s));
  byId(ds.entities).forEach((e) => entity(b, e));
  byId(ds.disputes).forEach((d) => {
    const node = dataIri('dispute', d.id);
    b.add(node, TYPE, iri(q('isnad', 'Dispute')));
    b.str(node, q('schema', 'name'), d.question);
  });
  byId(ds.perspectives).forEach((p) => {
    const node = dataIri('perspective', p.id);
    b.add(node, TYPE, iri(q('isnad', 'Perspective')));
    b.str(node, q('rdfs', 'label'), p.label);
    for (const c of p.claimants) b.add(node, q('isnad', 'claimant'), entityIri(c));
  });
  byId(ds.claims).forEach((c) => claim(b, c));
  return { triples: b.triples };
}
