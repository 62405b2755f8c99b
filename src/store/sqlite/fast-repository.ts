/**
 * The SQLite repository with fast paths: the generic Kysely repository, with bulk import and the
 * hot reads done by raw better-sqlite3 prepared statements (`fast-import.ts`,
 * `fast-queries.ts`). The `Repository` interface and its semantics are unchanged: every method
 * returns what the generic path returns, and anything without a fast path (edits, history,
 * reverts, transactions) is the generic code.
 *
 * It also keeps the in-memory `NameIndex` that fuzzy search needs, built on first use from the
 * stored names and kept current: its own imports and entity edits replace the names of the
 * entities they wrote (milliseconds, where a rebuild takes seconds at a million names); a revert
 * or a transaction drops it, and so does a write by another connection or process to the same
 * file (seen by SQLite's `data_version`), so the next search rebuilds it.
 *
 * With `readModel` on (a long-running server), the reads views make (claims, entities, labels,
 * sources, walks) are answered from an in-memory `ReadModel`, kept current from the history
 * (`read-model.ts`); until it is built, and inside a transaction, they go to the file.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Claim, Dataset, Dispute, Entity, EntityLabel, Source } from '../../core/model.js';
import { NameIndex } from '../../names/name-index.js';
import type { EngineCapabilities } from '../capabilities.js';
import { KyselyRepository, storedAlready, type EngineHooks } from '../kysely-repository.js';
import type { ChangeEntry, ClaimFilter, ClaimReadFilter, ImportSummary, NameHit, ReachOptions, Repository, WriteOptions } from '../repository.js';
import type { Database as Schema } from '../schema.js';
import { fastImport, fastImportMany } from './fast-import.js';
import { inOrderAsked } from '../../core/collections.js';
import { FastQueries } from './fast-queries.js';
import { sortById } from '../memory/binary-order.js';
import { buildInBackground } from '../memory/read-model.js';
import { ReadModel } from './read-model.js';

/** Page cache per connection, in KiB. */
const CACHE_KIB = 256 * 1024;

export class FastSqliteRepository extends KyselyRepository {
  readonly fast: FastQueries;
  private index?: NameIndex;
  /** SQLite's `data_version` when the index was built: it changes when another connection commits. */
  private indexDataVersion = 0;
  /** Answer claim reads from memory (see {@link readModel}); set by `openSqliteStore({ readModel: true })`. */
  useReadModel = false;
  private model?: ReadModel;
  private building?: Promise<void>;
  private modelError?: Error;
  /** Views running (see {@link oneView}). */
  private views = 0;
  /** While views run: this connection's change count when the model last followed the history; undefined until it has since a view began. */
  private followedAt?: number;
  /** When the model last checked the history (`performance.now()`). */
  private checkedAt = -Infinity;
  /**
   * How long a view may go on without the history being checked for other connections' commits
   * (0: each view checks once). A check is a read transaction, 2–7 µs, a sixth of a small view;
   * a server answering many views a second sets `EngineCapabilities.servingLagMs` (1 ms), so a view beginning
   * within that time of the last check does not look again. This connection's own writes are
   * seen at once either way.
   */
  otherWritersLagMs = 0;
  private readonly totalChanges: BetterSqlite3.Statement;

  constructor(
    db: Kysely<Schema>,
    readonly raw: BetterSqlite3.Database,
    caps: EngineCapabilities,
    private readonly fastHooks: EngineHooks,
  ) {
    super(db, caps, fastHooks);
    this.fast = new FastQueries(raw);
    this.totalChanges = raw.prepare('select total_changes()').pluck();
    // A page cache that holds the hot indexes of a large store (SQLite's default is 2 MB).
    raw.pragma(`cache_size = -${CACHE_KIB}`);
  }

  // ---- writes: bulk import fast, the rest generic; each drops the name index ----

  override async importDataset(ds: Dataset, opts: { actor?: string } = {}): Promise<ImportSummary> {
    const fast = this.raw.readonly ? undefined : fastImport(this.raw, ds, this.fastHooks.fold, opts.actor ?? 'import', this.rebuildIndexesAt);
    const done = fast ?? (await super.importDataset(ds, opts));
    this.refreshNames(ds.entities.map((e) => e.id));
    return done;
  }

  /**
   * Imports datasets in order, with the same result as one `importDataset` call each (one
   * history entry each), but in one transaction — all or nothing — and with the claim tables'
   * indexes rebuilt once at the end instead of maintained row by row: for bulk loads streamed in
   * chunks. `claims`, when given, is the total expected (it decides the index rebuild). When a
   * record already exists, the datasets go through the generic path instead (only a re-iterable
   * `datasets`, such as an array, can be replayed so; otherwise it throws).
   */
  override async importMany(datasets: Iterable<Dataset>, opts: { actor?: string; claims?: number } = {}): Promise<ImportSummary[]> {
    // The datasets may be a stream read once, so the names are refreshed by dropping the index.
    this.index = undefined;
    const done = fastImportMany(this.raw, datasets, this.fastHooks.fold, opts.actor ?? 'import', { rebuildIndexesAt: this.rebuildIndexesAt, ...(opts.claims !== undefined ? { claims: opts.claims } : {}) });
    if (done) return done;
    if (!Array.isArray(datasets)) throw storedAlready();
    return super.importMany(datasets, opts);
  }

  override async updateEntity(entity: Entity, opts?: WriteOptions & { action?: string }): Promise<Entity> {
    const updated = await super.updateEntity(entity, opts);
    this.refreshNames([updated.id]);
    return updated;
  }

  override async revertChange(changeId: number, opts?: { actor?: string }): Promise<ChangeEntry> {
    this.index = undefined;
    return super.revertChange(changeId, opts);
  }

  override async transaction<T>(fn: (repo: Repository) => Promise<T>): Promise<T> {
    this.index = undefined;
    try {
      return await super.transaction(fn);
    } finally {
      this.index = undefined;
    }
  }

  // ---- reads ----

  override async getEntity(id: string): Promise<Entity | undefined> {
    return (this.current()?.getEntities([id]) ?? this.fast.entities([id]))[0];
  }

  override async getEntities(ids: readonly string[]): Promise<Entity[]> {
    return this.current()?.getEntities(ids) ?? this.fast.entities(ids);
  }

  override async getLabels(ids: readonly string[]): Promise<EntityLabel[]> {
    return this.current()?.getLabels(ids) ?? this.fast.labels(ids);
  }

  override async findNames(foldedQuery: string, opts: { prefix?: boolean; limit?: number } = {}): Promise<NameHit[]> {
    return this.fast.findNames(foldedQuery, opts);
  }

  /** A label from the model as the view's earlier reads left it (no check of the history: one per label would be a statement each), undefined without a model. */
  labelAtHand(id: string): EntityLabel | null | undefined {
    return this.modelAtHand()?.labelAtHand(id);
  }

  /** A source from the model as the view's earlier reads left it, undefined when it would take a read. */
  sourceAtHand(id: string): Source | null | undefined {
    return this.modelAtHand()?.sourceAtHand(id);
  }

  /** The model when it answers reads now, without checking the history first. */
  private modelAtHand(): ReadModel | undefined {
    return this.servesFromModel() ? this.model : undefined;
  }

  /** Whether reads go to the model now: it is on, the file is open, and no transaction of this connection's is under way (its writes are not in the model). */
  private servesFromModel(): boolean {
    return this.useReadModel && this.raw.open && !this.raw.inTransaction;
  }

  override async getSource(id: string): Promise<Source | undefined> {
    return this.fast.source(id);
  }

  override async getClaim(id: string): Promise<Claim | undefined> {
    return this.claims({ ids: [id] })[0];
  }

  override async getClaims(ids: readonly string[]): Promise<Claim[]> {
    return inOrderAsked(this.claims({ ids: [...new Set(ids)] }), ids);
  }

  override async reachable(start: string, opts: ReachOptions): Promise<string[]> {
    return this.current()?.reachable(start, opts) ?? this.fast.reachable(start, opts);
  }

  override async listClaims(filter: ClaimFilter = {}): Promise<Claim[]> {
    return this.claims(filter);
  }

  override async listClaimsAny(filters: readonly Omit<ClaimFilter, 'limit' | 'offset'>[]): Promise<Claim[]> {
    const fromModel = this.current()?.listClaimsAny(filters);
    if (fromModel) return fromModel;
    // From the file: each filter by its own statement (each can use its index), merged.
    const byId = new Map<string, Claim>();
    for (const f of filters) for (const c of this.fast.claims(f)) byId.set(c.id, c);
    return sortById([...byId.values()]);
  }

  private claims(filter: ClaimReadFilter): Claim[] {
    return this.current()?.listClaims(filter) ?? this.fast.claims(filter);
  }

  override async getSources(ids: readonly string[]): Promise<Source[]> {
    return this.current()?.getSources(ids) ?? this.fast.sources(ids);
  }

  override async getDisputes(ids: readonly string[]): Promise<Dispute[]> {
    return this.current()?.getDisputes(ids) ?? this.fast.disputes(ids);
  }

  /**
   * The in-memory read model once it is built and current (a build takes 15–20 s per
   * million claims): for a server to wait for at start, or a test. Undefined when `useReadModel`
   * is off. Reads do not wait: until the model is ready they go to the file.
   */
  async readModel(): Promise<ReadModel | undefined> {
    for (;;) {
      if (this.modelError) throw this.modelError;
      if (!this.useReadModel || !this.raw.open) return undefined;
      const ready = this.current();
      if (ready) return ready;
      await (this.building ?? new Promise((resolve) => setImmediate(resolve)));
    }
  }

  /**
   * `Repository.oneView`: with the read model, the history is checked at the first read after
   * `fn` (or any other view) begins, and after this connection writes, rather than before every
   * read. Another connection's commit made while views run is seen by the next view that begins
   * {@link otherWritersLagMs} or more after the last check.
   */
  async oneView<T>(fn: () => Promise<T>): Promise<T> {
    this.views++;
    if (performance.now() - this.checkedAt >= this.otherWritersLagMs) this.followedAt = undefined;
    try {
      return await fn();
    } finally {
      this.views--;
    }
  }

  /**
   * The read model brought up to date, or undefined when it is off, not built yet (a build is
   * then started in the background) or inside a transaction, whose writes it must not see.
   */
  private current(): ReadModel | undefined {
    if (!this.servesFromModel()) return undefined;
    if (this.model) {
      // Inside views the history is checked once after a view begins and after each write of
      // this connection's (a count SQLite keeps in memory); the check is a read transaction, and
      // a view makes 4–10 reads.
      const own = this.views > 0 ? (this.totalChanges.get() as number) : undefined;
      if (own === undefined || own !== this.followedAt) {
        if (!this.model.sync()) this.model = undefined;
        this.followedAt = own;
        this.checkedAt = performance.now();
      }
    }
    if (!this.model) this.building ??= this.buildModel();
    return this.model;
  }

  private async buildModel(): Promise<void> {
    try {
      this.model = await buildInBackground(
        () => ReadModel.build(this.raw, this.fast, () => !this.raw.open || !this.useReadModel),
        (err) => ((this.modelError = err), (this.useReadModel = false)),
      );
      this.followedAt = undefined;
    } finally {
      this.building = undefined;
    }
  }

  /**
   * The name index over every stored name, built on first use (≈ the names module's build cost
   * per name) and again after another connection has written to the store.
   */
  nameIndex(): NameIndex {
    if (this.index && this.dataVersion() !== this.indexDataVersion) this.index = undefined;
    if (!this.index) {
      const ix = new NameIndex();
      this.indexDataVersion = this.dataVersion();
      ix.addMany(this.fast.allNames());
      this.index = ix;
    }
    return this.index;
  }

  private dataVersion(): number {
    return this.raw.pragma('data_version', { simple: true }) as number;
  }

  /**
   * After this connection wrote these entities: their names in the index replaced by the stored
   * ones. When they are many (or removed names pile up), the index is dropped instead and rebuilt
   * on the next search, which costs about the same.
   */
  private refreshNames(entityIds: readonly string[]): void {
    const ix = this.index;
    if (!ix || entityIds.length === 0) return;
    if (entityIds.length > Math.max(1000, ix.size / 10) || ix.worthRebuilding) {
      this.index = undefined;
      return;
    }
    ix.replaceEntities(entityIds, this.fast.entities(entityIds));
  }
}
