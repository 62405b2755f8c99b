/**
 * The read model (`../memory/read-model.ts`) of a SQLite store: built from the file in slices,
 * and kept current from the store's history. Before a read (once a view, see
 * `FastSqliteRepository.oneView`) its owner has it compare the newest history id with the one it
 * has seen, and it re-reads from the file the claims, entities and sources the new entries name
 * — its own process's writes and other processes' alike. What it cannot follow that way (a
 * revert of an import, an import of many thousands of records) it reports, and the owner builds
 * it again. Cost per million claims: about 1 GB of heap and 15–20 s to build.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Dispute, Source } from '../../core/model.js';
import { BuildStopped, FOLLOW_AT_MOST, MemoryReadModel, recordsNamed, type ImportedIds } from '../memory/read-model.js';
import { rowToSource } from '../rows.js';
import type { SourceRow } from '../schema.js';
import { ClaimAssembler, CLAIM_COLUMNS, type AttributionValues, type ClaimValues, type EvidenceValues } from './claim-assembler.js';
import type { FastQueries } from './fast-queries.js';

/** Claims read per slice of a build (a few milliseconds each). */
const SLICE = 1000;

export class ReadModel extends MemoryReadModel {
  /** Turns the driver's values into claims, sharing repeated strings and entity ids. */
  private readonly assemble = new ClaimAssembler((id) => this.entities.get(id)?.id);
  private readonly latestChange: BetterSqlite3.Statement;
  private readonly changesAfter: BetterSqlite3.Statement;
  private readonly onProposition: BetterSqlite3.Statement;

  private constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly fast: FastQueries,
  ) {
    super();
    this.latestChange = db.prepare('select coalesce(max(id), 0) from change_log').pluck();
    // An import's entry lists every id it wrote; its counts say first whether that is too many to follow.
    this.changesAfter = db.prepare(
      `select target_kind as kind, target_id as id, action, after,
         coalesce(json_extract(after, '$.counts.claims'), 0) + coalesce(json_extract(after, '$.counts.entities'), 0) as records
       from change_log where id > ? order by id limit ?`,
    );
    this.onProposition = db.prepare('select id from claim where proposition = ?').pluck();
  }

  /**
   * Reads every entity, claim and (as far as their text allows) source into memory, a slice
   * at a time with the event loop let through between slices (a server keeps answering from
   * the file meanwhile).
   * Slices are not one snapshot: what is written meanwhile is in the history after the id taken
   * first, and the first {@link sync} reads it again. Throws {@link BuildStopped} when `stop()`
   * says so between slices.
   */
  static async build(db: BetterSqlite3.Database, fast: FastQueries, stop: () => boolean = () => false): Promise<ReadModel> {
    const m = new ReadModel(db, fast);
    m.rows.startBuild();
    const slice = async () => {
      // Never inside this connection's open transaction: its writes may yet be rolled back.
      do {
        await new Promise((resolve) => setImmediate(resolve));
        if (stop()) throw new BuildStopped();
      } while (db.inTransaction);
    };
    await slice();
    m.seenChange = m.latestChange.get() as number;
    for (let last = ''; ; await slice()) {
      const some = fast.entitiesAfter(last, SLICE * 4);
      if (some.length === 0) break;
      for (const e of some) m.entities.set(e.id, e);
      last = some.at(-1)!.id;
    }
    for (const d of db.prepare('select id, question from dispute').all() as Dispute[]) m.disputes.set(d.id, { id: d.id, question: d.question });
    // Sources too, as many as the cache's text budget takes (one written meanwhile is in the history the first sync follows).
    const sources = db.prepare(`select * from source where id > ? order by id limit ${SLICE * 4}`);
    for (let last = ''; ; await slice()) {
      const some = (sources.all(last) as SourceRow[]).map(rowToSource);
      if (some.length === 0 || !m.sources.fill(some)) break;
      last = some.at(-1)!.id;
    }
    const claims = db.prepare(`select ${CLAIM_COLUMNS} from claim where id > ? order by id limit ${SLICE}`).raw();
    const evidence = db.prepare('select claim_id, seq, source_id, quote, page, start_pos, end_pos, section from evidence where claim_id > ? and claim_id <= ? order by claim_id, seq').raw();
    const attribution = db.prepare('select claim_id, seq, entity_id, source_id, via, date from attribution where claim_id > ? and claim_id <= ? order by claim_id, seq').raw();
    for (let last = ''; ; await slice()) {
      const rows = claims.all(last) as ClaimValues[];
      if (rows.length === 0) break;
      const to = rows.at(-1)![0];
      m.putAll(rows, evidence.all(last, to) as EvidenceValues[], attribution.all(last, to) as AttributionValues[]);
      last = to;
    }
    m.rows.endBuild();
    await slice();
    // Contested: in a dispute (set by put), or another claim on the proposition (not rejected) takes the other stance.
    m.markContestedByProposition(db.prepare('select id, proposition from claim where proposition in (select proposition from claim group by proposition having count(*) > 1)').all() as { id: string; proposition: string }[]);
    return m;
  }

  // ---- building ----

  /** Adds claims from their rows' values; `evidence` and `attribution` hold the rows of those claims, all in claim id order. */
  private putAll(rows: readonly ClaimValues[], evidence: readonly EvidenceValues[], attribution: readonly AttributionValues[]): void {
    for (const { claim, bounds } of this.assemble.claims(rows, evidence, attribution)) this.rows.put(claim, bounds.t_lo, bounds.t_hi);
  }

  // ---- keeping current ----

  /**
   * Follows the history entries written since the model was built or last synced. Returns
   * false when one of them cannot be followed record by record; the model is then stale and
   * must be built again.
   */
  sync(): boolean {
    if (this.latestChange.get() === this.seenChange) return true;
    // One read transaction, so the entries and the records they name are from one snapshot.
    return this.db.transaction(() => this.follow())();
  }

  private follow(): boolean {
    const latest = this.latestChange.get() as number;
    if (latest === this.seenChange) return true;
    if (latest < this.seenChange) return false; // the history was rolled back past what was seen
    const entries = this.changesAfter.all(this.seenChange, FOLLOW_AT_MOST + 1) as { kind: string; id: string; action: string; after: string | null; records: number }[];
    if (entries.length > FOLLOW_AT_MOST) return false;
    const named = recordsNamed(
      entries.map((x) => ({
        kind: x.kind,
        id: x.id,
        action: x.action,
        // The counts, read by SQL, say first whether the lists are worth parsing.
        imported: () => (x.after && x.records <= FOLLOW_AT_MOST ? (JSON.parse(x.after) as { ids?: ImportedIds }).ids : undefined),
      })),
    );
    if (!named) return false;
    const read = {
      disputes: named.disputes.size ? this.fast.disputes([...named.disputes]) : [],
      entities: named.entities.size ? this.fast.entities([...named.entities]) : [],
      claims: named.claims.size ? this.fast.claims({ ids: [...named.claims] }) : [],
      onProposition: (p: string) => this.onProposition.all(p) as string[],
    };
    this.apply(named, read);
    this.seenChange = latest;
    return true;
  }

  /** Sources by id, each once, in the order asked, missing ones left out. */
  getSources(ids: readonly string[]): Source[] {
    return this.sources.get(ids, (missing) => this.fast.sources(missing));
  }
}
