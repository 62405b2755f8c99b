/**
 * Claims from the values the driver returns for their rows (raw arrays, half the driver's cost
 * of row objects), for a read model that builds a million of them: each is what `rows.ts`
 * builds from the same rows, with strings that repeat across claims (predicates, dates, source
 * ids, who recorded them) and entity ids shared rather than held once per claim.
 */
import type { Claim } from '../../core/model.js';
import { rowsToClaim } from '../rows.js';
import type { AttributionRow, ClaimRow, EvidenceRow } from '../schema.js';

/** The claim columns a claim is built from (not the proposition, long and needed only to find contested claims, nor the claimant, which the attribution gives), in {@link ClaimValues} order. */
export const CLAIM_COLUMNS = 'id, subject_id, predicate, object_id, value, time, t_lo, t_hi, stance, confidence, status, dispute_id, note, recorded_by, recorded_at, version';
export type ClaimValues = [string, string, string, string | null, string | null, string | null, number | null, number | null, string, number | null, string, string | null, string | null, string, string, number];
/** `claim_id, seq, source_id, quote, page, start_pos, end_pos, section` */
export type EvidenceValues = [string, number, string, string, string | null, number | null, number | null, string | null];
/** `claim_id, seq, entity_id, source_id, via, date` */
export type AttributionValues = [string, number, string | null, string | null, string | null, string | null];

/** Strings seen before, kept once. One per column: small maps stay in cache. */
class Interner {
  private readonly seen = new Map<string, string>();
  of<T extends string | null>(s: T): T {
    if (s === null) return s;
    const known = this.seen.get(s);
    if (known !== undefined) return known as T;
    this.seen.set(s, s);
    return s;
  }
}

export class ClaimAssembler {
  private readonly predicate = new Interner();
  private readonly time = new Interner();
  private readonly stance = new Interner();
  private readonly status = new Interner();
  private readonly dispute = new Interner();
  private readonly recordedBy = new Interner();
  private readonly recordedAt = new Interner();
  private readonly source = new Interner();
  private readonly via = new Interner();
  private readonly date = new Interner();

  /** `entityId` gives the model's own copy of an entity id, when it has one. */
  constructor(private readonly entityId: (id: string) => string | undefined) {}

  /** The claims of these rows; `evidence` and `attribution` hold the rows of those claims, all in claim id order. */
  *claims(rows: readonly ClaimValues[], evidence: readonly EvidenceValues[], attribution: readonly AttributionValues[]): Iterable<{ claim: Claim; bounds: ClaimRow }> {
    let e = 0;
    let a = 0;
    for (const [id, subject_id, predicate, object_id, value, time, t_lo, t_hi, stance, confidence, status, dispute_id, note, recorded_by, recorded_at, version] of rows) {
      const ev: EvidenceRow[] = [];
      for (; e < evidence.length && evidence[e]![0] === id; e++) {
        const [claim_id, seq, source_id, quote, page, start_pos, end_pos, section] = evidence[e]!;
        ev.push({ claim_id, seq, source_id: this.source.of(source_id), quote, page, start_pos, end_pos, section });
      }
      const at: AttributionRow[] = [];
      for (; a < attribution.length && attribution[a]![0] === id; a++) {
        const [claim_id, seq, entity_id, source_id, via, date] = attribution[a]!;
        at.push({ claim_id, seq, entity_id: this.entity(entity_id), source_id: this.source.of(source_id), via: this.via.of(via), date: this.date.of(date) });
      }
      const row: ClaimRow = {
        id,
        subject_id: this.entity(subject_id),
        predicate: this.predicate.of(predicate),
        object_id: this.entity(object_id),
        value,
        time: this.time.of(time),
        t_lo,
        t_hi,
        stance: this.stance.of(stance),
        confidence,
        status: this.status.of(status),
        dispute_id: this.dispute.of(dispute_id),
        note,
        recorded_by: this.recordedBy.of(recorded_by),
        recorded_at: this.recordedAt.of(recorded_at),
        claimant_id: null, // not read: claimant filters use the attribution
        proposition: '', // not read: see CLAIM_COLUMNS
        version,
      };
      yield { claim: rowsToClaim(row, ev, at), bounds: row };
    }
  }

  private entity<T extends string | null>(id: T): T {
    return id === null ? id : ((this.entityId(id) ?? id) as T);
  }
}
