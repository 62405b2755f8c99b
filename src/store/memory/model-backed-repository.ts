/**
 * A Kysely store (the shared PostgreSQL one) whose views can read from an in-memory read model
 * (`kysely-read-model.ts`) instead of the server: for `isnad serve`, where a view of the server
 * costs a round trip per statement (2–9 ms at a million claims) and one from memory well under
 * a millisecond. Off unless `useReadModel` is set; then the model is built in the background and
 * reads go to the store until it is ready, and inside transactions.
 *
 * Currency: this repository's own writes are seen by the next read. Other processes' commits are
 * seen at the first read of a view that begins {@link ModelBackedRepository.otherWritersLagMs} or
 * more after the last check (each check is one statement), and at every read made outside a view.
 */
import { inOrderAsked } from '../../core/collections.js';
import type { Claim, Dispute, Entity, EntityLabel, Source } from '../../core/model.js';
import { NameIndex } from '../../names/index.js';
import { KyselyRepository } from '../kysely-repository.js';
import type { ClaimFilter, NameHit, ReachOptions } from '../repository.js';
import { rowToSource } from '../rows.js';
import { buildInBackground } from './read-model.js';
import { FoldedNames } from './folded-names.js';
import { KyselyReadModel, type StoreReads } from './kysely-read-model.js';

export class ModelBackedRepository extends KyselyRepository {
  /** Answer views from memory (see {@link readModel}); `isnad serve` sets it. */
  useReadModel = false;
  /** How long views may go on without checking for other processes' commits (0: each view checks once). */
  otherWritersLagMs = 0;
  private model?: KyselyReadModel;
  private building?: Promise<void>;
  private modelError?: Error;
  private following?: Promise<void>;
  private closed = false;
  /** Views running (see {@link oneView}). */
  private views = 0;
  /**
   * Checks of the history are numbered as they start (one runs at a time). `done` is the number
   * of the last one finished; `due` the number a read must see finished: one that started after
   * this repository's last write, after the model was built, or (with the lag passed) after a
   * view began. A read outside views wants one that started after the read did.
   */
  private started = 0;
  private done = 0;
  private due = 0;
  /** When the model last checked the history (`performance.now()`). */
  private checkedAt = -Infinity;
  /** The model's names, for search without the server: built on the first search, kept current as the model follows the history. */
  private names?: { readonly model: KyselyReadModel; readonly index: NameIndex; readonly folded: FoldedNames };

  override async close(): Promise<void> {
    this.closed = true;
    await this.building?.catch(() => {});
    await this.following?.catch(() => {});
    await super.close();
  }

  /** A check that starts from now on must finish before the next read (a check in flight may have missed what was just written). */
  private checkAgain(): void {
    this.due = this.started + 1;
  }

  protected override transactionEnded(): void {
    this.checkAgain();
  }

  /**
   * The read model once it is built and current: for a server to wait for at start, or a test.
   * Undefined when `useReadModel` is off. Reads do not wait: until the model is ready they go to the store.
   */
  async readModel(): Promise<KyselyReadModel | undefined> {
    for (;;) {
      if (this.modelError) throw this.modelError;
      if (!this.useReadModel || this.closed) return undefined;
      const ready = await this.current();
      if (ready) return ready;
      await this.building;
    }
  }

  /** `Repository.oneView`: the history is checked at the view's first read when the lag has passed since the last check. */
  async oneView<T>(fn: () => Promise<T>): Promise<T> {
    this.views++;
    if (performance.now() - this.checkedAt >= this.otherWritersLagMs) this.checkAgain();
    try {
      return await fn();
    } finally {
      this.views--;
    }
  }

  /** The model brought up to date, or undefined when it is off or not built yet (a build is then started in the background). */
  private async current(): Promise<KyselyReadModel | undefined> {
    if (!this.useReadModel || this.closed) return undefined;
    // Fixed now, so the loop ends: each turn finishes a check, and the numbers only grow.
    const target = this.views === 0 ? Math.max(this.due, this.started + 1) : this.due;
    while (this.model && this.done < target) await this.follow();
    if (!this.model) this.building ??= this.buildModel();
    return this.model;
  }

  /** The check of the history in flight, or a new one; one at a time. */
  private follow(): Promise<void> {
    this.following ??= (async () => {
      const number = ++this.started;
      try {
        const model = this.model;
        if (model && !(await model.sync()) && this.model === model) this.model = undefined;
        this.checkedAt = performance.now();
        this.done = number;
      } finally {
        this.following = undefined;
      }
    })();
    return this.following;
  }

  private async buildModel(): Promise<void> {
    try {
      this.model = await buildInBackground(
        () => KyselyReadModel.build(this.storeReads(), () => this.closed || !this.useReadModel),
        (err) => ((this.modelError = err), (this.useReadModel = false)),
      );
      // The build's pages were read after the history id it took: the first read checks again.
      this.checkAgain();
    } finally {
      this.building = undefined;
    }
  }

  /** The store's own reads, for the model (never this class's, which would read the model). */
  private storeReads(): StoreReads {
    const db = this.db;
    return {
      latestChangeId: () => super.latestChangeId(),
      listChanges: (opts) => super.listChanges(opts),
      getClaims: (ids) => super.getClaims(ids),
      getEntities: (ids) => super.getEntities(ids),
      getSources: (ids) => super.getSources(ids),
      getDisputes: (ids) => super.getDisputes(ids),
      listDisputes: () => super.listDisputes(),
      claimsAfter: async (after, limit) => this.hydrateClaims(await db.selectFrom('claim').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute()),
      entitiesAfter: async (after, limit) => this.hydrateEntities(await db.selectFrom('entity').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute()),
      sourcesAfter: async (after, limit) => (await db.selectFrom('source').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute()).map(rowToSource),
      claimsOnPropositions: (propositions) => db.selectFrom('claim').select(['id', 'proposition']).where('proposition', 'in', [...propositions]).execute(),
      claimsSharingPropositions: () =>
        db
          .selectFrom('claim')
          .select(['id', 'proposition'])
          .where('proposition', 'in', (eb) => eb.selectFrom('claim').select('proposition').groupBy('proposition').having((h) => h.fn.countAll(), '>', 1))
          .execute(),
    };
  }

  // ---- reads: from the model when it is current ----

  /**
   * The model's name index, for search (built from it on first use, about as long as from the
   * server, then kept current with it); undefined without a model (search then keeps one from
   * the history itself).
   */
  async nameIndex(): Promise<NameIndex | undefined> {
    const model = await this.current();
    return model && this.namesOf(model).index;
  }

  override async findNames(foldedQuery: string, opts: { prefix?: boolean; limit?: number } = {}): Promise<NameHit[]> {
    const model = await this.current();
    return model ? this.namesOf(model).folded.find(foldedQuery, opts) : super.findNames(foldedQuery, opts);
  }

  private namesOf(model: KyselyReadModel): NonNullable<typeof this.names> {
    if (this.names?.model === model) return this.names;
    const index = new NameIndex();
    for (const e of model.allEntities()) for (const n of e.names) index.add(e.id, n.name);
    const folded = new FoldedNames(model.allEntities(), this.hooks.fold);
    model.onEntities = (ids, current) => {
      index.replaceEntities(ids, current);
      folded.replaceEntities(ids, current);
    };
    this.names = { model, index, folded };
    return this.names;
  }

  override async getEntities(ids: readonly string[]): Promise<Entity[]> {
    return (await this.current())?.getEntities(ids) ?? super.getEntities(ids);
  }

  override async getLabels(ids: readonly string[]): Promise<EntityLabel[]> {
    return (await this.current())?.getLabels(ids) ?? super.getLabels(ids);
  }

  /** A label from the model as the view's earlier reads left it (no check: this cannot wait), undefined without a model. */
  labelAtHand(id: string): EntityLabel | null | undefined {
    return this.model?.labelAtHand(id);
  }

  /** A source from the model as the view's earlier reads left it, undefined when it would take a read. */
  sourceAtHand(id: string): Source | null | undefined {
    return this.model?.sourceAtHand(id);
  }

  override async getSources(ids: readonly string[]): Promise<Source[]> {
    const model = await this.current();
    return model ? model.getSources(ids) : super.getSources(ids);
  }

  override async getSource(id: string): Promise<Source | undefined> {
    return (await this.getSources([id]))[0];
  }

  override async getDisputes(ids: readonly string[]): Promise<Dispute[]> {
    return (await this.current())?.getDisputes(ids) ?? super.getDisputes(ids);
  }

  override async getClaims(ids: readonly string[]): Promise<Claim[]> {
    const fromModel = (await this.current())?.listClaims({ ids: [...new Set(ids)] });
    return fromModel ? inOrderAsked(fromModel, ids) : super.getClaims(ids);
  }

  override async reachable(start: string, opts: ReachOptions): Promise<string[]> {
    return (await this.current())?.reachable(start, opts) ?? super.reachable(start, opts);
  }

  override async listClaims(filter: ClaimFilter = {}): Promise<Claim[]> {
    return (await this.current())?.listClaims(filter) ?? super.listClaims(filter);
  }

  override async listClaimsAny(filters: readonly Omit<ClaimFilter, 'limit' | 'offset'>[]): Promise<Claim[]> {
    return (await this.current())?.listClaimsAny(filters) ?? super.listClaimsAny(filters);
  }
}
