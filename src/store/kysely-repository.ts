/**
 * The repository written once, in Kysely's query builder, for every engine. Engine
 * differences come in as {@link EngineCapabilities}; engine-specific SQL lives in the engine's
 * own folder and is passed in through {@link EngineHooks}. Writes that change records go
 * through `src/store/writes.ts`, which keeps versions and the audit history.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Claim, Dataset, Dispute, Entity, EntityLabel, Perspective, Source } from '../core/model.js';
import { byId, groupBy, inOrderAsked } from '../core/collections.js';
import { IsnadError } from '../core/errors.js';
import type { ClaimStatus, EntityType } from '../core/vocabulary.js';
import { CLAIM_STATUSES } from '../core/vocabulary.js';
import type { EngineCapabilities } from './capabilities.js';
import * as changeLog from './change-log.js';
import { isDeadlock, isUniqueViolation } from './constraint-errors.js';
import type { ChangeEntry, ChangeTargetKind, ClaimFilter, ClaimReadFilter, ImportSummary, NameHit, ReachOptions, Repository, Resolution, StoreCounts, WriteOptions } from './repository.js';
import { rowsToClaim, rowsToEntity, rowToSource } from './rows.js';
import type { Database } from './schema.js';
import { roundSimilarity, trigramSimilarity, trigrams } from './trigram.js';
import { chunks, CHUNK_IDS, Writer } from './writes.js';
import { BULK_IMPORT_AT, REBUILD_INDEXES_AT } from './insert-new.js';

export interface EngineHooks {
  /** Folds a name into the key stored in `entity_name.folded`. */
  readonly fold: (name: string) => string;
  readonly close: () => Promise<void>;
  /**
   * The engine's own bulk import, faster than row inserts (PostgreSQL's COPY), for datasets none
   * of whose records is stored: in one transaction of its own, as one `importDataset` call per
   * dataset would write them; undefined, having changed nothing, when a record is stored.
   */
  readonly bulkImport?: (datasets: Iterable<Dataset>, opts: { actor: string; claims?: number; rebuildIndexesAt: number }) => Promise<ImportSummary[] | undefined>;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Above every code point, so `[q, q + PREFIX_END)` holds every key that starts with `q`. */
const PREFIX_END = '\u{10FFFF}';

/** A claim filter's conditions as one expression over `claim` (every condition must hold; none: true). */
function claimCondition(eb: ExpressionBuilder<Database, 'claim'>, f: ClaimReadFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  const never = sql<SqlBool>`1 = 0`;
  if (f.ids) all.push(f.ids.length ? eb('claim.id', 'in', [...f.ids]) : never);
  if (f.entities?.length) {
    const ids = [...f.entities];
    all.push(eb.or([eb('claim.subject_id', 'in', ids), eb('claim.object_id', 'in', ids)]));
  }
  if (f.subject) all.push(eb('claim.subject_id', '=', f.subject));
  if (f.subjects) all.push(f.subjects.length ? eb('claim.subject_id', 'in', [...f.subjects]) : never);
  if (f.objects) all.push(f.objects.length ? eb('claim.object_id', 'in', [...f.objects]) : never);
  if (f.object) all.push(eb('claim.object_id', '=', f.object));
  if (f.predicates?.length) all.push(eb('claim.predicate', 'in', [...f.predicates]));
  if (f.statuses?.length) all.push(eb('claim.status', 'in', [...f.statuses]));
  if (f.claimants?.length) all.push(eb('claim.claimant_id', 'in', [...f.claimants]));
  if (f.dispute) all.push(eb('claim.dispute_id', '=', f.dispute));
  if (f.source) {
    const src = f.source;
    all.push(eb.exists(eb.selectFrom('evidence').select('evidence.claim_id').whereRef('evidence.claim_id', '=', 'claim.id').where('evidence.source_id', '=', src)));
  }
  if (f.contested) {
    all.push(
      eb.or([
        eb('claim.dispute_id', 'is not', null),
        eb.exists(eb.selectFrom('claim as other').select('other.id').whereRef('other.proposition', '=', 'claim.proposition').whereRef('other.stance', '<>', 'claim.stance').where('other.status', '<>', 'rejected')),
      ]),
    );
  }
  if (f.fromDay !== undefined || f.toDay !== undefined) {
    const { fromDay: from, toDay: to, includeUndated } = f;
    const bounds = [eb('claim.time', 'is not', null)];
    if (from !== undefined) bounds.push(eb.or([eb('claim.t_hi', 'is', null), eb('claim.t_hi', '>=', from)]));
    if (to !== undefined) bounds.push(eb.or([eb('claim.t_lo', 'is', null), eb('claim.t_lo', '<=', to)]));
    all.push(includeUndated ? eb.or([eb('claim.time', 'is', null), eb.and(bounds)]) : eb.and(bounds));
  }
  return eb.and(all);
}

/** A bulk import found records stored already and cannot go back over datasets that came as a stream. */
export function storedAlready(): IsnadError {
  return new IsnadError('conflict', 'Some of these records are stored already, and the datasets came as a stream that cannot be read twice; import them one at a time to replace those records.');
}

export class KyselyRepository implements Repository {
  readonly engine: 'sqlite' | 'postgres';
  /** A bulk import of at least this many claims (and more than the store holds) rebuilds the claim tables' indexes once instead of row by row. */
  rebuildIndexesAt = REBUILD_INDEXES_AT;
  /** A single dataset of at least this many claims goes to the engine's bulk import, when it has one. */
  bulkImportAt = BULK_IMPORT_AT;

  constructor(
    protected readonly db: Db,
    readonly caps: EngineCapabilities,
    protected readonly hooks: EngineHooks,
  ) {
    this.engine = caps.engine;
  }

  async transaction<T>(fn: (repo: Repository) => Promise<T>): Promise<T> {
    try {
      return await this.inTransaction(fn);
    } catch (err) {
      // `fn` is the caller's and may have done more than write, so it is not run again here.
      if (isDeadlock(err)) throw new IsnadError('conflict', 'Another edit touched the same records at the same moment, so these changes were not saved; try again.', [], { cause: err });
      throw err;
    }
  }

  /**
   * `transaction` for this class's own writes: subclasses that override `transaction` (to learn
   * that a caller wrote something unknown) are not told of writes they see through their overrides.
   */
  private async inTransaction<T>(fn: (repo: Repository) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    try {
      return await (this.db as Kysely<Database>).transaction().execute((trx) => fn(new KyselyRepository(trx, this.caps, this.hooks)));
    } finally {
      this.transactionEnded();
    }
  }

  /**
   * Called when a transaction of this repository's (a write, or `transaction`) has ended,
   * committed or not: for a subclass that holds what the store holds, to read it again.
   */
  protected transactionEnded(): void {}

  /**
   * Runs `fn` in one transaction with the writer bound to it. A write PostgreSQL aborted to break
   * a deadlock (rolled back whole) is run once more: it then waits for the other writer and
   * succeeds, or meets its version check as it would have without the deadlock.
   */
  private async write<T>(fn: (w: Writer, repo: KyselyRepository) => Promise<T>): Promise<T> {
    const run = () =>
      this.inTransaction((repo) => {
        const self = repo as KyselyRepository;
        return fn(new Writer(self.db, self.caps, self.hooks.fold, self), self);
      });
    if (this.db.isTransaction) return run();
    try {
      return await run();
    } catch (err) {
      if (isDeadlock(err)) return run();
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.hooks.close();
  }

  // ---- writes (see writes.ts) ----

  async importDataset(ds: Dataset, opts: { actor?: string } = {}): Promise<ImportSummary> {
    const bulk = ds.claims.length >= this.bulkImportAt ? await this.bulkImport([ds], opts.actor ?? 'import', ds.claims.length) : undefined;
    if (bulk) return bulk[0]!;
    const run = (upsert: boolean) => this.write((w) => w.importDataset(ds, opts.actor ?? 'import', { upsert }));
    if (this.db.isTransaction) return run(false);
    try {
      return await run(false);
    } catch (err) {
      // A record written by another connection after the writer found none: the whole import
      // was rolled back, and runs again on the path that replaces records.
      if (isUniqueViolation(err)) return run(true);
      throw err;
    }
  }

  /**
   * Imports datasets in order, with the same result as one `importDataset` call each (one history
   * entry each), in one transaction: all or nothing. `claims`, when given, is the total expected
   * (it decides whether indexes are rebuilt once at the end). On an engine with a bulk import,
   * records that already exist send the datasets one by one to `importDataset` instead, which
   * only a re-iterable `datasets` (such as an array) can be.
   */
  async importMany(datasets: Iterable<Dataset>, opts: { actor?: string; claims?: number } = {}): Promise<ImportSummary[]> {
    const actor = opts.actor ?? 'import';
    const bulk = await this.bulkImport(datasets, actor, opts.claims);
    if (bulk) return bulk;
    if (this.bulkImporter() && !Array.isArray(datasets)) throw storedAlready();
    return this.transaction(async (repo) => {
      const out: ImportSummary[] = [];
      for (const ds of datasets) out.push(await repo.importDataset(ds, { actor }));
      return out;
    });
  }

  /** The engine's bulk import when it has one and this repository is not inside a transaction (it runs a transaction of its own). */
  private bulkImporter(): EngineHooks['bulkImport'] {
    return this.db.isTransaction ? undefined : this.hooks.bulkImport;
  }

  /** The engine's bulk import, when it has one and this repository is not inside a transaction; undefined otherwise, or when a record is stored already. */
  private async bulkImport(datasets: Iterable<Dataset>, actor: string, claims: number | undefined): Promise<ImportSummary[] | undefined> {
    const bulk = this.bulkImporter();
    if (!bulk) return undefined;
    try {
      return await bulk(datasets, { actor, rebuildIndexesAt: this.rebuildIndexesAt, ...(claims !== undefined ? { claims } : {}) });
    } finally {
      this.transactionEnded();
    }
  }

  async updateClaim(claim: Claim, opts: WriteOptions & { action?: string } = {}): Promise<Claim> {
    return this.write((w) => w.updateClaim(claim, { actor: opts.actor ?? 'local', action: opts.action ?? 'edit', expectedVersion: opts.expectedVersion ?? claim.version }));
  }

  async setClaimStatus(id: string, status: ClaimStatus, opts: WriteOptions = {}): Promise<Claim> {
    return this.write((w) => w.setClaimStatus(id, status, { actor: opts.actor ?? 'local', expectedVersion: opts.expectedVersion }));
  }

  async updateEntity(entity: Entity, opts: WriteOptions & { action?: string } = {}): Promise<Entity> {
    return this.write((w) => w.updateEntity(entity, { actor: opts.actor ?? 'local', action: opts.action ?? 'edit', expectedVersion: opts.expectedVersion ?? entity.version }));
  }

  async recordResolution(resolution: Resolution, opts: { actor: string }): Promise<Claim> {
    return this.write((w) => w.recordResolution(resolution, opts.actor));
  }

  async revertChange(changeId: number, opts: { actor?: string } = {}): Promise<ChangeEntry> {
    return this.write((w) => w.revertChange(changeId, opts.actor ?? 'local'));
  }

  // ---- history ----

  async history(targetKind: ChangeTargetKind, targetId: string): Promise<ChangeEntry[]> {
    return changeLog.listChanges(this.db, { targetKind, targetId });
  }

  async getChange(id: number): Promise<ChangeEntry | undefined> {
    return changeLog.getChange(this.db, id);
  }

  async listChanges(opts: { afterId?: number; limit?: number } = {}): Promise<ChangeEntry[]> {
    return changeLog.listChanges(this.db, opts);
  }

  async latestChangeId(): Promise<number> {
    return changeLog.latestChangeId(this.db);
  }

  async importHistory(entries: readonly ChangeEntry[]): Promise<number[]> {
    return this.transaction(async (repo) => {
      const db = (repo as KyselyRepository).db;
      const out: number[] = [];
      for (const e of entries) out.push(await changeLog.appendChange(db, e));
      return out;
    });
  }

  // ---- reads ----

  async exportDataset(): Promise<Dataset> {
    const [sources, entities, claims, perspectives, disputes] = [await this.listSources(), await this.listEntities(), await this.listClaims(), await this.listPerspectives(), await this.listDisputes()];
    return { sources, entities, claims, perspectives, disputes };
  }

  async getEntity(id: string): Promise<Entity | undefined> {
    return (await this.getEntities([id]))[0];
  }

  async getEntities(ids: readonly string[]): Promise<Entity[]> {
    const out: Entity[] = [];
    for (const part of chunks([...new Set(ids)], CHUNK_IDS)) {
      const rows = await this.db.selectFrom('entity').selectAll().where('id', 'in', part).execute();
      out.push(...(await this.hydrateEntities(rows)));
    }
    return inOrderAsked(out, ids);
  }

  async getLabels(ids: readonly string[]): Promise<EntityLabel[]> {
    const out: EntityLabel[] = [];
    for (const part of chunks([...new Set(ids)], CHUNK_IDS)) {
      for (const r of await this.db.selectFrom('entity').select(['id', 'type', 'canonical']).where('id', 'in', part).execute()) out.push({ id: r.id, type: r.type as EntityType, canonical: r.canonical });
    }
    return inOrderAsked(out, ids);
  }

  /** Entities from their rows, with their names read in one statement. */
  protected async hydrateEntities(rows: readonly Database['entity'][]): Promise<Entity[]> {
    if (rows.length === 0) return [];
    const names = await this.db.selectFrom('entity_name').selectAll().where('entity_id', 'in', rows.map((r) => r.id)).execute();
    const byEntity = groupBy(names, (n) => n.entity_id);
    return rows.map((r) => rowsToEntity(r, byEntity.get(r.id) ?? []));
  }

  async listEntities(opts: { type?: EntityType; limit?: number; offset?: number } = {}): Promise<Entity[]> {
    let q = this.db.selectFrom('entity').selectAll().orderBy('id');
    if (opts.type) q = q.where('type', '=', opts.type);
    if (opts.limit !== undefined) q = q.limit(opts.limit).offset(opts.offset ?? 0);
    const rows = await q.execute();
    const out: Entity[] = [];
    for (const part of chunks(rows, CHUNK_IDS)) out.push(...(await this.hydrateEntities(part)));
    return out;
  }

  async findNames(foldedQuery: string, opts: { prefix?: boolean; limit?: number } = {}): Promise<NameHit[]> {
    let q = this.db.selectFrom('entity_name').select(['entity_id', 'name', 'kind']);
    q = opts.prefix ? q.where('folded', '>=', foldedQuery).where('folded', '<', foldedQuery + PREFIX_END) : q.where('folded', '=', foldedQuery);
    // In the folded index's order, so a common prefix stops after `limit` entries instead of sorting them all.
    const rows = await q.orderBy('folded').orderBy('entity_id').orderBy('seq').limit(opts.limit ?? 100).execute();
    return rows.map((r) => ({ entityId: r.entity_id, name: r.name, kind: r.kind }));
  }

  async findSimilarNames(foldedQuery: string, opts: { threshold?: number; limit?: number } = {}): Promise<(NameHit & { similarity: number })[]> {
    const threshold = opts.threshold ?? 0.3;
    const limit = opts.limit ?? 20;
    if (this.caps.trigramSearch) {
      const sim = sql<number | string>`similarity(${sql.ref('folded')}, ${foldedQuery})`;
      let q = this.db.selectFrom('entity_name').select(['entity_id', 'name', 'kind', sim.as('sim')]);
      // `%` uses the trigram index, with pg_trgm's default threshold of 0.3.
      if (threshold >= 0.3) q = q.where(sql<boolean>`${sql.ref('folded')} % ${foldedQuery}`);
      const rows = await q.where(sim, '>=', threshold).orderBy('sim', 'desc').orderBy('entity_id').orderBy('seq').limit(limit).execute();
      return rows.map((r) => ({ entityId: r.entity_id, name: r.name, kind: r.kind, similarity: roundSimilarity(Number(r.sim)) }));
    }
    const target = trigrams(foldedQuery);
    const hits: (NameHit & { similarity: number; seq: number })[] = [];
    const page = 20_000;
    for (let offset = 0; ; offset += page) {
      const rows = await this.db.selectFrom('entity_name').select(['entity_id', 'seq', 'name', 'kind', 'folded']).orderBy('entity_id').orderBy('seq').limit(page).offset(offset).execute();
      for (const r of rows) {
        const similarity = trigramSimilarity(target, r.folded);
        if (similarity >= threshold && similarity > 0) hits.push({ entityId: r.entity_id, name: r.name, kind: r.kind, similarity, seq: r.seq });
      }
      if (rows.length < page) break;
    }
    hits.sort((a, b) => b.similarity - a.similarity || (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : a.seq - b.seq));
    return hits.slice(0, limit).map(({ seq: _seq, ...h }) => h);
  }

  async *allNames(): AsyncIterable<NameHit & { type: EntityType }> {
    const page = 50_000;
    for (let offset = 0; ; offset += page) {
      const rows = await this.db
        .selectFrom('entity_name')
        .innerJoin('entity', 'entity.id', 'entity_name.entity_id')
        .select(['entity_name.entity_id', 'entity_name.name', 'entity_name.kind', 'entity.type'])
        .orderBy('entity_name.entity_id')
        .orderBy('entity_name.seq')
        .limit(page)
        .offset(offset)
        .execute();
      for (const r of rows) yield { entityId: r.entity_id, name: r.name, kind: r.kind, type: r.type as EntityType };
      if (rows.length < page) return;
    }
  }

  async getSource(id: string): Promise<Source | undefined> {
    const r = await this.db.selectFrom('source').selectAll().where('id', '=', id).executeTakeFirst();
    return r && rowToSource(r);
  }

  async getSources(ids: readonly string[]): Promise<Source[]> {
    const out: Source[] = [];
    for (const part of chunks([...new Set(ids)], CHUNK_IDS)) out.push(...(await this.db.selectFrom('source').selectAll().where('id', 'in', part).execute()).map(rowToSource));
    return inOrderAsked(out, ids);
  }

  async findSourceByHash(contentHash: string): Promise<Source | undefined> {
    const r = await this.db.selectFrom('source').selectAll().where('content_hash', '=', contentHash).orderBy('id').executeTakeFirst();
    return r && rowToSource(r);
  }

  async listSources(): Promise<Source[]> {
    return (await this.db.selectFrom('source').selectAll().orderBy('id').execute()).map(rowToSource);
  }

  async getClaim(id: string): Promise<Claim | undefined> {
    return (await this.getClaims([id]))[0];
  }

  /** Claims by id, in the order asked (missing ids are left out). */
  async getClaims(ids: readonly string[]): Promise<Claim[]> {
    const out: Claim[] = [];
    for (const part of chunks([...new Set(ids)], CHUNK_IDS)) out.push(...(await this.readClaims({ ids: part })));
    return inOrderAsked(out, ids);
  }

  private claimQuery(f: ClaimReadFilter) {
    return this.db.selectFrom('claim').where((eb) => claimCondition(eb, f));
  }

  /**
   * One recursive statement, breadth first, at most `maxNodes + 1` entities. PostgreSQL uses both
   * claim indexes for the `or` join; SQLite does not (a scan a step), so the SQLite store
   * overrides this with two recursive steps, one per index.
   */
  async reachable(start: string, opts: ReachOptions): Promise<string[]> {
    if (opts.predicates.length === 0 || opts.statuses.length === 0) return [start];
    const other = sql`case when c.subject_id = r.id then c.object_id else c.subject_id end`;
    const typed = opts.type ? sql` join entity t on t.id = ${other} and t.type = ${opts.type}` : sql``;
    const { rows } = await sql<{ id: string }>`with recursive reach(id) as (
        select ${this.caps.textCollation ? sql`cast(${start} as text) collate ${sql.id(this.caps.textCollation)}` : sql`cast(${start} as text)`}
        union
        select ${other} from reach r join claim c on (c.subject_id = r.id or c.object_id = r.id)${typed}
        where c.object_id is not null and c.predicate in (${sql.join([...opts.predicates])}) and c.status in (${sql.join([...opts.statuses])})
      ) select id from reach limit ${opts.maxNodes + 1}`.execute(this.db);
    return rows.map((r) => r.id);
  }

  async listClaims(filter: ClaimFilter = {}): Promise<Claim[]> {
    return this.readClaims(filter);
  }

  /** {@link listClaims} from the store itself, whatever a subclass answers from (`getClaims` reads here too). */
  private async readClaims(filter: ClaimReadFilter): Promise<Claim[]> {
    let q = this.claimQuery(filter).selectAll('claim').orderBy('claim.id');
    if (filter.limit !== undefined) q = q.limit(filter.limit).offset(filter.offset ?? 0);
    return this.hydrateClaims(await q.execute());
  }

  /** Claims from their rows, with evidence and attribution read a chunk of ids at a time; in the rows' order. */
  protected async hydrateClaims(rows: readonly Database['claim'][]): Promise<Claim[]> {
    const out: Claim[] = [];
    for (const part of chunks(rows, CHUNK_IDS)) {
      const ids = part.map((r) => r.id);
      const [ev, at] = [
        await this.db.selectFrom('evidence').selectAll().where('claim_id', 'in', ids).execute(),
        await this.db.selectFrom('attribution').selectAll().where('claim_id', 'in', ids).execute(),
      ];
      const evBy = groupBy(ev, (e) => e.claim_id);
      const atBy = groupBy(at, (a) => a.claim_id);
      for (const r of part) out.push(rowsToClaim(r, evBy.get(r.id) ?? [], atBy.get(r.id) ?? []));
    }
    return out;
  }

  async listClaimsAny(filters: readonly Omit<ClaimFilter, 'limit' | 'offset'>[]): Promise<Claim[]> {
    if (filters.length <= 1) return filters[0] ? this.listClaims(filters[0]) : [];
    const rows = await this.db.selectFrom('claim').where((eb) => eb.or(filters.map((f) => claimCondition(eb, f)))).selectAll('claim').orderBy('claim.id').execute();
    return this.hydrateClaims(rows);
  }

  async countClaims(filter: ClaimFilter = {}): Promise<number> {
    const r = await this.claimQuery(filter).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async listPerspectives(): Promise<Perspective[]> {
    const ps = await this.db.selectFrom('perspective').selectAll().orderBy('id').execute();
    const cs = await this.db.selectFrom('perspective_claimant').selectAll().orderBy('perspective_id').orderBy('seq').execute();
    const by = groupBy(cs, (c) => c.perspective_id);
    return ps.map((p) => ({ id: p.id, label: p.label, claimants: (by.get(p.id) ?? []).map((c) => c.entity_id) }));
  }

  async getDisputes(ids: readonly string[]): Promise<Dispute[]> {
    const out: Dispute[] = [];
    for (const part of chunks([...new Set(ids)], CHUNK_IDS)) out.push(...(await this.db.selectFrom('dispute').selectAll().where('id', 'in', part).execute()).map((d) => ({ id: d.id, question: d.question })));
    return out.sort(byId);
  }

  async listDisputes(): Promise<Dispute[]> {
    return (await this.db.selectFrom('dispute').selectAll().orderBy('id').execute()).map((d) => ({ id: d.id, question: d.question }));
  }

  async counts(): Promise<StoreCounts> {
    const count = async (table: 'source' | 'entity' | 'entity_name' | 'claim' | 'perspective' | 'dispute') =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
    const byStatus = await this.db.selectFrom('claim').select(['status', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('status').execute();
    const claimsByStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
    for (const r of byStatus) claimsByStatus[r.status as ClaimStatus] = Number(r.n);
    return {
      sources: await count('source'),
      entities: await count('entity'),
      names: await count('entity_name'),
      claims: await count('claim'),
      perspectives: await count('perspective'),
      disputes: await count('dispute'),
      claimsByStatus,
    };
  }

  /** Runs raw SQL; for engine folders and integrity checks only. */
  async rawQuery<T>(query: ReturnType<typeof sql<T>>): Promise<T[]> {
    return (await query.execute(this.db)).rows;
  }
}
