/**
 * Conversions between core records and table rows: the only place that knows both shapes.
 */
import type { AttributionLink, Claim, Entity, Evidence, Name, Source } from '../core/model.js';
import { claimantOf, propositionKey } from '../core/model.js';
import { IsnadError } from '../core/errors.js';
import { stripUndefined } from '../core/validate-dataset.js';
import { claimDayBounds } from './day-bounds.js';
import type { ClaimStatus, EntityType, NameKind, Predicate, Stance } from '../core/vocabulary.js';
import type { AttributionRow, ClaimRow, EntityNameRow, EntityRow, EvidenceRow, SourceRow } from './schema.js';

/**
 * False for text with a NUL or a UTF-16 surrogate without its pair: text PostgreSQL refuses or
 * UTF-8 cannot carry. (`isWellFormed`, ES2024, is native in Node 20 and finds unpaired
 * surrogates several times faster than a pattern with look-around, which a million-claim import
 * ran on every text.)
 */
function storableText(text: string): boolean {
  return text.indexOf('\u0000') === -1 && (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/**
 * Refuses text that not every engine can store unchanged, so SQLite and PostgreSQL accept and
 * refuse the same input (SQLite would keep a NUL that PostgreSQL rejects).
 */
export function assertStorable(value: unknown, path: string): void {
  if (storable(value)) return;
  if (typeof value === 'string') {
    if (!storableText(value)) throw new IsnadError('bad_input', `${path}: text contains a NUL character or an unpaired surrogate, which the store cannot keep`);
  } else if (Array.isArray(value)) value.forEach((v, i) => assertStorable(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertStorable(v, `${path}.${k}`);
}

/** True when every text in the value can be stored (no path is built: the common case is all fine). */
function storable(value: unknown): boolean {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) {
    for (const v of value) if (!storable(v)) return false;
    return true;
  }
  if (value && typeof value === 'object') {
    for (const k in value) if (!storable((value as Record<string, unknown>)[k])) return false;
  }
  return true;
}

const nn = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function sourceToRow(s: Source): SourceRow {
  assertStorable(s, `source "${s.id}"`);
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    author: s.author ?? null,
    author_entity: s.authorEntity ?? null,
    date: s.date ?? null,
    url: s.url ?? null,
    content_hash: s.contentHash ?? null,
    text: s.text ?? null,
  };
}

export function rowToSource(r: SourceRow): Source {
  return stripUndefined({
    id: r.id,
    kind: r.kind as Source['kind'],
    title: r.title,
    author: nn(r.author),
    authorEntity: nn(r.author_entity),
    date: nn(r.date),
    url: nn(r.url),
    contentHash: nn(r.content_hash),
    text: nn(r.text),
  });
}

export function entityToRows(e: Entity, fold: (s: string) => string): { entity: EntityRow; names: EntityNameRow[] } {
  assertStorable(e, `entity "${e.id}"`);
  return {
    entity: { id: e.id, type: e.type, canonical: e.canonical, description: e.description ?? null, version: e.version ?? 1 },
    names: e.names.map((n, seq) => ({
      entity_id: e.id,
      seq,
      name: n.name,
      kind: n.kind,
      lang: n.lang ?? null,
      note: n.note ?? null,
      sources: JSON.stringify(n.sources),
      folded: fold(n.name),
    })),
  };
}

/** An entity from its row and its name rows (only the columns a name is built from are needed). */
export function rowsToEntity(r: EntityRow, names: readonly Pick<EntityNameRow, 'seq' | 'name' | 'kind' | 'lang' | 'note' | 'sources'>[]): Entity {
  return stripUndefined({
    id: r.id,
    type: r.type as EntityType,
    canonical: r.canonical,
    description: nn(r.description),
    version: r.version,
    names: [...names]
      .sort((a, b) => a.seq - b.seq)
      .map((n): Name => stripUndefined({ name: n.name, kind: n.kind as NameKind, lang: nn(n.lang), note: nn(n.note), sources: JSON.parse(n.sources) as string[] })),
  });
}

export function claimToRows(c: Claim): { claim: ClaimRow; evidence: EvidenceRow[]; attribution: AttributionRow[] } {
  assertStorable(c, `claim "${c.id}"`);
  const [t_lo, t_hi] = claimDayBounds(c);
  return {
    claim: {
      id: c.id,
      subject_id: c.subject,
      predicate: c.predicate,
      object_id: c.object ?? null,
      value: c.value ?? null,
      time: c.time ?? null,
      t_lo,
      t_hi,
      stance: c.stance,
      confidence: c.confidence ?? null,
      status: c.status,
      dispute_id: c.dispute ?? null,
      note: c.note ?? null,
      recorded_by: c.recordedBy,
      recorded_at: c.recordedAt,
      claimant_id: claimantOf(c) ?? null,
      proposition: propositionKey(c),
      version: c.version ?? 1,
    },
    evidence: c.evidence.map((e, seq) => ({
      claim_id: c.id,
      seq,
      source_id: e.source,
      quote: e.quote,
      page: e.locator?.page ?? null,
      start_pos: e.locator?.start ?? null,
      end_pos: e.locator?.end ?? null,
      section: e.locator?.section ?? null,
    })),
    attribution: c.attribution.map((a, seq) => ({
      claim_id: c.id,
      seq,
      entity_id: a.entity ?? null,
      source_id: a.source ?? null,
      via: a.via ?? null,
      date: a.date ?? null,
    })),
  };
}

export function rowsToClaim(r: ClaimRow, evidence: readonly EvidenceRow[], attribution: readonly AttributionRow[]): Claim {
  // Built field by field rather than through stripUndefined: this runs for every claim a view reads.
  const c: { -readonly [K in keyof Claim]: Claim[K] } = { id: r.id, subject: r.subject_id, predicate: r.predicate as Predicate } as Claim;
  if (r.object_id !== null) c.object = r.object_id;
  if (r.value !== null) c.value = r.value;
  if (r.time !== null) c.time = r.time;
  c.stance = r.stance as Stance;
  c.attribution = bySeq(attribution).map((a) => {
    const link: { -readonly [K in keyof AttributionLink]: AttributionLink[K] } = {};
    if (a.entity_id !== null) link.entity = a.entity_id;
    if (a.source_id !== null) link.source = a.source_id;
    if (a.via !== null) link.via = a.via;
    if (a.date !== null) link.date = a.date;
    return link;
  });
  c.evidence = bySeq(evidence).map(rowToEvidence);
  if (r.confidence !== null) c.confidence = r.confidence;
  c.status = r.status as ClaimStatus;
  if (r.dispute_id !== null) c.dispute = r.dispute_id;
  if (r.note !== null) c.note = r.note;
  c.recordedBy = r.recorded_by;
  c.recordedAt = r.recorded_at;
  c.version = r.version;
  return c;
}

/** Rows in seq order (a copy only when they are not in order already). */
function bySeq<T extends { seq: number }>(rows: readonly T[]): readonly T[] {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1]!.seq > rows[i]!.seq) return [...rows].sort((a, b) => a.seq - b.seq);
  return rows;
}

function rowToEvidence(e: EvidenceRow): Evidence {
  // Field by field, as rowsToClaim: a read model builds a million of these at start.
  const evidence: { -readonly [K in keyof Evidence]: Evidence[K] } = { source: e.source_id, quote: e.quote };
  if (e.page === null && e.start_pos === null && e.end_pos === null && e.section === null) return evidence;
  const locator: { page?: string; start?: number; end?: number; section?: string } = {};
  if (e.page !== null) locator.page = e.page;
  if (e.start_pos !== null) locator.start = e.start_pos;
  if (e.end_pos !== null) locator.end = e.end_pos;
  if (e.section !== null) locator.section = e.section;
  evidence.locator = locator;
  return evidence;
}
