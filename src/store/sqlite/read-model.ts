/**
 * An in-memory read model of a SQLite store's claims and entities, for a long-running process
 * (the HTTP server) where a view must be answered in well under a millisecond. Reading a claim
 * from the file costs a B-tree descent for it, its evidence and its attribution; here it is a
 * map lookup, and a view's claims come as the very objects SQL would have built.
 *
 * It answers the claim reads that start from an entity, a claimant, a dispute or ids (what
 * every view asks), entities and their labels, the sources views cite, and reachability;
 * anything else (a scan of every claim by status or date) stays with SQL. It keeps itself
 * current from the store's append-only history: before a read (once a view, see
 * `FastSqliteRepository.oneView`) its owner has it compare the newest history id with the one
 * it has seen, and it re-reads from the file the claims, entities and
 * sources the new entries name — its own process's writes and other processes' alike. What it
 * cannot follow that way (a revert of an import, an import of many thousands of records) it
 * reports, and the owner builds it again. Cost per million claims: about 1 GB of heap and
 * 15–20 s to build.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { propositionKey, type Claim, type Entity, type EntityLabel, type Source } from '../../core/model.js';
import type { ReachOptions } from '../repository.js';
import { rowToSource } from '../rows.js';
import type { SourceRow } from '../schema.js';
import { ClaimAssembler, CLAIM_COLUMNS, type AttributionValues, type ClaimValues, type EvidenceValues } from './claim-assembler.js';
import { ClaimRows } from './claim-rows.js';
import type { FastClaimFilter, FastQueries } from './fast-queries.js';
import { dayBounds } from './fast-time.js';
import { SourceCache } from './source-cache.js';

/** History entries naming more records than this are followed by a rebuild rather than record by record. */
const FOLLOW_AT_MOST = 20_000;
/** Claims read per slice of a build (a few milliseconds each). */
const SLICE = 1000;

/** A build given up because its owner asked (the store was closed, or the model is no longer wanted). */
export class BuildStopped extends Error {
  constructor() {
    super('read model build stopped');
  }
}

export class ReadModel {
  /** The claims, their numbers and their lists. */
  private readonly rows = new ClaimRows();
  /** Every entity with its names: views name what they show by it, and a profile starts from one. */
  private readonly entities = new Map<string, Entity>();
  /** Sources as views cite them: read at the build as far as a text budget goes, the rest on first use. */
  private readonly sources: SourceCache;
  /** Turns the driver's values into claims, sharing repeated strings and entity ids. */
  private readonly assemble = new ClaimAssembler((id) => this.entities.get(id)?.id);
  /** The newest history entry this model reflects. */
  private seenChange = 0;
  private readonly latestChange: BetterSqlite3.Statement;
  private readonly changesAfter: BetterSqlite3.Statement;
  private readonly onProposition: BetterSqlite3.Statement;

  private constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly fast: FastQueries,
  ) {
    this.latestChange = db.prepare('select coalesce(max(id), 0) from change_log').pluck();
    // An import's entry lists every id it wrote; its counts say first whether that is too many to follow.
    this.changesAfter = db.prepare(
      `select target_kind as kind, target_id as id, action, after,
         coalesce(json_extract(after, '$.counts.claims'), 0) + coalesce(json_extract(after, '$.counts.entities'), 0) as records
       from change_log where id > ? order by id limit ?`,
    );
    this.onProposition = db.prepare('select id from claim where proposition = ?').pluck();
    this.sources = new SourceCache((ids) => fast.sources(ids));
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
    const shared = db.prepare('select id, proposition from claim where proposition in (select proposition from claim group by proposition having count(*) > 1) order by proposition').raw().all() as [string, string][];
    for (let i = 0; i < shared.length; ) {
      let j = i;
      while (j < shared.length && shared[j]![1] === shared[i]![1]) j++;
      m.rows.markContested(shared.slice(i, j).flatMap(([id]) => m.rows.row(id) ?? []));
      i = j;
    }
    return m;
  }

  /** Claims held. */
  get size(): number {
    return this.rows.size;
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
    const claims = new Set<string>();
    const entities = new Set<string>();
    for (const x of entries) {
      if (x.kind === 'claim') claims.add(x.id);
      else if (x.kind === 'entity') entities.add(x.id);
      else if (x.kind === 'source') this.sources.forget(x.id);
      else if (x.kind === 'dataset' && x.action === 'import' && x.after && x.records <= FOLLOW_AT_MOST) {
        const ids = (JSON.parse(x.after) as { ids?: { claims?: string[]; entities?: string[]; sources?: string[] } }).ids;
        if (!ids?.claims || !ids.entities || !ids.sources || ids.claims.length + ids.entities.length > FOLLOW_AT_MOST) return false;
        for (const id of ids.claims) claims.add(id);
        for (const id of ids.entities) entities.add(id);
        for (const id of ids.sources) this.sources.forget(id);
      } else return false;
    }
    this.refreshEntities([...entities]);
    this.refreshClaims([...claims]);
    this.seenChange = latest;
    return true;
  }

  private refreshEntities(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const found = new Map(this.fast.entities(ids).map((e) => [e.id, e]));
    for (const id of ids) {
      const e = found.get(id);
      if (e) this.entities.set(id, e);
      else this.entities.delete(id);
    }
  }

  private refreshClaims(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const touched = new Set<string>();
    const stored = new Map(this.fast.claims({ ids }).map((c) => [c.id, c]));
    for (const id of ids) {
      const row = this.rows.row(id);
      const old = row === undefined ? undefined : this.rows.claim(row);
      if (old) touched.add(propositionKey(old));
      if (row !== undefined) this.rows.drop(row);
      const now = stored.get(id);
      if (!now) continue;
      // The day bounds as the store computed them when it wrote the claim.
      const [t_lo, t_hi] = now.time ? dayBounds(now.time) : [null, null];
      this.rows.put(now, t_lo, t_hi);
      touched.add(propositionKey(now));
    }
    // A claim's change can make others on its old or new proposition (un)contested.
    for (const p of touched) {
      const ids = this.onProposition.all(p) as string[];
      this.rows.markContested(ids.flatMap((id) => this.rows.row(id) ?? []));
    }
  }

  // ---- reads ----

  /** Claims by the filter, ordered by id, or undefined when the filter does not start from entities, claimants, a dispute or ids. */
  listClaims(f: FastClaimFilter): Claim[] | undefined {
    return this.rows.listClaims(f);
  }

  /** Claims matching any of the filters, each once, ordered by id, or undefined as {@link listClaims}. */
  listClaimsAny(filters: readonly FastClaimFilter[]): Claim[] | undefined {
    return this.rows.listClaimsAny(filters);
  }

  /** Sources by id, each once, in the order asked, missing ones left out. */
  getSources(ids: readonly string[]): Source[] {
    return this.sources.get(ids);
  }

  /** Entities by id, each once, in the order first asked, missing ones left out. */
  getEntities(ids: readonly string[]): Entity[] {
    return [...new Set(ids)].flatMap((id) => this.entities.get(id) ?? []);
  }

  /** Type and canonical name of entities by id, each once, in the order first asked, missing ones left out. */
  getLabels(ids: readonly string[]): EntityLabel[] {
    return [...new Set(ids)].flatMap((id) => this.labelAtHand(id) ?? []);
  }

  /** An entity's label, or null when there is no such entity. */
  labelAtHand(id: string): EntityLabel | null {
    const e = this.entities.get(id);
    return e ? { id: e.id, type: e.type, canonical: e.canonical } : null;
  }

  /** As `Repository.reachable`: breadth first from `start`, each entity once, at most `maxNodes + 1`. */
  reachable(start: string, opts: ReachOptions): string[] {
    return this.rows.reachable(start, opts, (id) => this.entities.get(id)?.type);
  }
}
