/**
 * A dataset as a folder of CSV files, one per record kind, joined by id columns:
 * entities.csv, names.csv, sources.csv, claims.csv, evidence.csv, disputes.csv. Dates come as
 * the EDTF value, the historian's wording and ISO bounds (YYYY-MM-DD) a spreadsheet can sort.
 */
import { byId } from '../../core/collections.js';
import type { Dataset } from '../../core/model.js';
import { claimantOf } from '../../core/model.js';
import { formatTime } from '../../core/time-format.js';
import { boundsOf, isoDate } from '../common/dates.js';
import { subsetFor } from '../common/subset.js';
import { claimTime, labelsFor } from '../common/wording.js';
import { csvTable } from './csv.js';

const sortedById = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort(byId);

/** The files of the CSV export, by name. */
export function writeCsv(input: Dataset, opts: { focus?: string; bom?: boolean } = {}): Record<string, string> {
  const ds = subsetFor(input, opts.focus);
  const labels = labelsFor(ds);
  const bom = opts.bom ?? false;
  const entities = sortedById(ds.entities);
  const claims = sortedById(ds.claims);
  return {
    'entities.csv': csvTable(['id', 'type', 'canonical', 'description'], entities.map((e) => [e.id, e.type, e.canonical, e.description]), bom),
    'names.csv': csvTable(['entity_id', 'entity', 'name', 'kind', 'lang', 'sources', 'note'], entities.flatMap((e) => e.names.map((n) => [e.id, e.canonical, n.name, n.kind, n.lang, n.sources.join(' '), n.note])), bom),
    'sources.csv': csvTable(['id', 'kind', 'title', 'author', 'author_entity_id', 'date_edtf', 'date_text', 'date_earliest', 'date_latest', 'url', 'content_hash'], sortedById(ds.sources).map((s) => {
      const b = boundsOf(s.date);
      return [s.id, s.kind, s.title, s.author, s.authorEntity, s.date, s.date ? formatTime(s.date) : undefined, isoDate(b.startEarliest), isoDate(b.endLatest), s.url, s.contentHash];
    }), bom),
    'claims.csv': csvTable(
      ['id', 'subject_id', 'subject', 'predicate', 'object_id', 'object', 'value', 'time_edtf', 'time_text', 'start_earliest', 'start_latest', 'end_earliest', 'end_latest', 'stance', 'claimant_id', 'claimant', 'attribution', 'confidence', 'status', 'dispute_id', 'note', 'recorded_by', 'recorded_at'],
      claims.map((c) => {
        const b = boundsOf(c.time);
        const claimant = claimantOf(c);
        const chain = c.attribution.map((a) => [a.entity ? labels.entity(a.entity) : a.source ? labels.source(a.source)?.title ?? a.source : '', a.via, a.date ? formatTime(a.date) : undefined].filter(Boolean).join(', ')).join(' > ');
        return [c.id, c.subject, labels.entity(c.subject), c.predicate, c.object, c.object ? labels.entity(c.object) : undefined, c.value, c.time, c.time ? claimTime(c) : undefined, isoDate(b.startEarliest), isoDate(b.startLatest), isoDate(b.endEarliest), isoDate(b.endLatest), c.stance, claimant, claimant ? labels.entity(claimant) : undefined, chain, c.confidence, c.status, c.dispute, c.note, c.recordedBy, c.recordedAt];
      }),
      bom,
    ),
    'evidence.csv': csvTable(['claim_id', 'position', 'source_id', 'source_title', 'quote', 'page', 'section', 'char_start', 'char_end'], claims.flatMap((c) => c.evidence.map((ev, i) => [c.id, i + 1, ev.source, labels.source(ev.source)?.title, ev.quote, ev.locator?.page, ev.locator?.section, ev.locator?.start, ev.locator?.end])), bom),
    'disputes.csv': csvTable(['id', 'question', 'claim_ids'], sortedById(ds.disputes).map((d) => [d.id, d.question, claims.filter((c) => c.dispute === d.id).map((c) => c.id).join(' ')]), bom),
  };
}
