/**
 * Row types of the store's tables, as Kysely sees them. Rows stay inside `src/store`; they
 * become core records only in `rows.ts`.
 */
import type { Generated } from 'kysely';

export interface SourceRow {
  id: string;
  kind: string;
  title: string;
  author: string | null;
  author_entity: string | null;
  date: string | null;
  url: string | null;
  content_hash: string | null;
  text: string | null;
}

export interface EntityRow {
  id: string;
  type: string;
  canonical: string;
  description: string | null;
  /** Bumped by every write; checked by writers that say which version they read. */
  version: number;
}

export interface EntityNameRow {
  entity_id: string;
  seq: number;
  name: string;
  kind: string;
  lang: string | null;
  note: string | null;
  /** JSON array of source ids. */
  sources: string;
  /** Comparable key for search (transliteration-folded). */
  folded: string;
}

export interface ClaimRow {
  id: string;
  subject_id: string;
  predicate: string;
  object_id: string | null;
  value: string | null;
  time: string | null;
  /** Earliest/latest day (days since 1970-01-01) the time can stand for; null when open or undated. */
  t_lo: number | null;
  t_hi: number | null;
  stance: string;
  confidence: number | null;
  status: string;
  dispute_id: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
  claimant_id: string | null;
  proposition: string;
  /** Bumped by every write; checked by writers that say which version they read. */
  version: number;
}

export interface EvidenceRow {
  claim_id: string;
  seq: number;
  source_id: string;
  quote: string;
  page: string | null;
  start_pos: number | null;
  end_pos: number | null;
  section: string | null;
}

export interface AttributionRow {
  claim_id: string;
  seq: number;
  entity_id: string | null;
  source_id: string | null;
  via: string | null;
  date: string | null;
}

export interface PerspectiveRow {
  id: string;
  label: string;
}

export interface PerspectiveClaimantRow {
  perspective_id: string;
  entity_id: string;
  seq: number;
}

export interface DisputeRow {
  id: string;
  question: string;
}

export interface ChangeRow {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target_kind: string;
  target_id: string;
  before: string | null;
  after: string | null;
  /** The change a revert undid. */
  reverts: number | string | null;
}

export interface Database {
  source: SourceRow;
  entity: EntityRow;
  entity_name: EntityNameRow;
  claim: ClaimRow;
  evidence: EvidenceRow;
  attribution: AttributionRow;
  perspective: PerspectiveRow;
  perspective_claimant: PerspectiveClaimantRow;
  dispute: DisputeRow;
  change_log: ChangeRow;
}
