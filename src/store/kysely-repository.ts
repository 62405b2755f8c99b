/**
 * The repository written once, in Kysely's query builder, for every engine. Engine
 * differences come in as {@link EngineCapabilities}; engine-specific SQL lives in the engine's
 * own folder and is passed in through {@link EngineHooks}.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Claim, Dataset, Dispute, Entity, Perspective, Source } from '../core/model.js';
import { NotFoundError } from '../core/errors.js';
import { groupBy } from '../core/collections.js';
import type { ClaimStatus, EntityType } from '../core/vocabulary.js';
import { CLAIM_STATUSES } from '../core/vocabulary.js';
import type { EngineCapabilities } from './capabilities.js';
import type { ChangeEntry, ClaimFilter, ImportSummary, NameHit, Repository, StoreCounts } from './repository.js';
import { claimToRows, entityToRows, rowsToClaim, rowsToEntity, rowToSource, sourceToRow } from './rows.js';
import type { Database } from './schema.js';

export interface EngineHooks {
  /** Folds a name into the key stored in `entity_name.folded`. */
  readonly fold: (name: string) => string;
  readonly close: () => Promise<void>;
}

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK_IDS = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export class KyselyRepository implements Repository {
  readonly engine: 'sqlite' | 'postgres';

  constructor(
    private readonly db: Db,
    private readonly caps: EngineCapabilities,
    private readonly hooks: EngineHooks,
  ) {
    this.engine = caps.engine;
  }

  async transaction<T>(fn: (repo: Repository) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return (this.db as Kysely<Database>).transaction().execute((trx) => fn(new KyselyRepository(trx, this.caps, this.hooks)));
  }

  async close(): Promise<void> {
    await this.hooks.close();
  }

  private async insertChunked<T extends keyof Database & string>(table: T, rows: readonly Database[T][]): Promise<void> {
    if (rows.length === 0) return;
    const cols = Object.keys(rows[0] as object).length;
    const per = Math.max(1, Math.floor(this.caps.maxParameters / cols));
    for (const part of chunks(rows, per)) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await this.db.insertInto(table).values(part as any).execute();
    }
  }

  async importDataset(ds: Dataset, opts: { actor?: string } = {}): Promise<ImportSummary> {
    return this.transaction(async (repo) => (repo as KyselyRepository).importInTransaction(ds, opts.actor ?? 'import'));
  }

  private async importInTransaction(ds: Dataset, actor: string): Promise<ImportSummary> {
    const db = this.db;
    for (const part of chunks(ds.sources.map(sourceToRow), 200)) {
      await db
        .insertInto('source')
        .values(part)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            title: eb.ref('excluded.title'),
            author: eb.ref('excluded.author'),
            author_entity: eb.ref('excluded.author_entity'),
            date: eb.ref('excluded.date'),
            url: eb.ref('excluded.url'),
            content_hash: eb.ref('excluded.content_hash'),
            text: eb.ref('excluded.text'),
          })),
        )
        .execute();
    }
    for (const part of chunks(ds.disputes, 200)) {
      await db.insertInto('dispute').values(part.map((d) => ({ id: d.id, question: d.question }))).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ question: eb.ref('excluded.question') }))).execute();
    }
    const entityRows = ds.entities.map((e) => entityToRows(e, this.hooks.fold));
    for (const part of chunks(entityRows, 200)) {
      await db
        .insertInto('entity')
        .values(part.map((r) => r.entity))
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ type: eb.ref('excluded.type'), canonical: eb.ref('excluded.canonical'), description: eb.ref('excluded.description') })))
        .execute();
      await db.deleteFrom('entity_name').where('entity_id', 'in', part.map((r) => r.entity.id)).execute();
    }
    await this.insertChunked('entity_name', entityRows.flatMap((r) => r.names));

    const claimRows = ds.claims.map(claimToRows);
    for (const part of chunks(claimRows.map((r) => r.claim.id), CHUNK_IDS)) {
      await db.deleteFrom('evidence').where('claim_id', 'in', part).execute();
      await db.deleteFrom('attribution').where('claim_id', 'in', part).execute();
      await db.deleteFrom('claim').where('id', 'in', part).execute();
    }
    await this.insertChunked('claim', claimRows.map((r) => r.claim));
    await this.insertChunked('evidence', claimRows.flatMap((r) => r.evidence));
    await this.insertChunked('attribution', claimRows.flatMap((r) => r.attribution));

    if (ds.perspectives.length) {
      const ids = ds.perspectives.map((p) => p.id);
      await db.deleteFrom('perspective_claimant').where('perspective_id', 'in', ids).execute();
      await db.deleteFrom('perspective').where('id', 'in', ids).execute();
      await this.insertChunked('perspective', ds.perspectives.map((p) => ({ id: p.id, label: p.label })));
      await this.insertChunked('perspective_claimant', ds.perspectives.flatMap((p) => p.claimants.map((entity_id, seq) => ({ perspective_id: p.id, entity_id, seq }))));
    }
    const summary: ImportSummary = {
      sources: ds.sources.length,
      entities: ds.entities.length,
      names: entityRows.reduce((n, r) => n + r.names.length, 0),
      claims: ds.claims.length,
      perspectives: ds.perspectives.length,
      disputes: ds.disputes.length,
    };
    await this.logChange(actor, 'import', 'dataset', ds.sources.map((s) => s.id).join(',') || '-', null, summary);
    return summary;
  }

  private async logChange(actor: string, action: string, targetKind: string, targetId: string, before: unknown, after: unknown): Promise<void> {
    await this.db
      .insertInto('change_log')
      .values({ at: new Date().toISOString(), actor, action, target_kind: targetKind, target_id: targetId, before: before == null ? null : JSON.stringify(before), after: after == null ? null : JSON.stringify(after) })
      .execute();
  }

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
    const order = new Map(ids.map((id, i) => [id, i]));
    return out.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  private async hydrateEntities(rows: readonly Database['entity'][]): Promise<Entity[]> {
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
    q = opts.prefix ? q.where('folded', '>=', foldedQuery).where('folded', '<', foldedQuery + '\uffff') : q.where('folded', '=', foldedQuery);
    const rows = await q.orderBy('entity_id').limit(opts.limit ?? 100).execute();
    return rows.map((r) => ({ entityId: r.entity_id, name: r.name, kind: r.kind }));
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

  async findSourceByHash(contentHash: string): Promise<Source | undefined> {
    const r = await this.db.selectFrom('source').selectAll().where('content_hash', '=', contentHash).executeTakeFirst();
    return r && rowToSource(r);
  }

  async listSources(): Promise<Source[]> {
    return (await this.db.selectFrom('source').selectAll().orderBy('id').execute()).map(rowToSource);
  }

  async getClaim(id: string): Promise<Claim | undefined> {
    return (await this.listClaims({ ids: [id] } as ClaimFilter & { ids: string[] }))[0];
  }

  private claimQuery(f: ClaimFilter & { ids?: readonly string[] }) {
    let q = this.db.selectFrom('claim');
    if (f.ids) q = q.where('claim.id', 'in', [...f.ids]);
    if (f.entities?.length) {
      const ids = [...f.entities];
      q = q.where((eb) => eb.or([eb('claim.subject_id', 'in', ids), eb('claim.object_id', 'in', ids)]));
    }
    if (f.subject) q = q.where('claim.subject_id', '=', f.subject);
    if (f.object) q = q.where('claim.object_id', '=', f.object);
    if (f.predicates?.length) q = q.where('claim.predicate', 'in', [...f.predicates]);
    if (f.statuses?.length) q = q.where('claim.status', 'in', [...f.statuses]);
    if (f.claimants?.length) q = q.where('claim.claimant_id', 'in', [...f.claimants]);
    if (f.dispute) q = q.where('claim.dispute_id', '=', f.dispute);
    if (f.source) {
      const src = f.source;
      q = q.where((eb) => eb.exists(eb.selectFrom('evidence').select('evidence.claim_id').whereRef('evidence.claim_id', '=', 'claim.id').where('evidence.source_id', '=', src)));
    }
    if (f.fromDay !== undefined) {
      const from = f.fromDay;
      q = q.where('claim.time', 'is not', null).where((eb) => eb.or([eb('claim.t_hi', 'is', null), eb('claim.t_hi', '>=', from)]));
    }
    if (f.toDay !== undefined) {
      const to = f.toDay;
      q = q.where('claim.time', 'is not', null).where((eb) => eb.or([eb('claim.t_lo', 'is', null), eb('claim.t_lo', '<=', to)]));
    }
    return q;
  }

  async listClaims(filter: ClaimFilter = {}): Promise<Claim[]> {
    let q = this.claimQuery(filter).selectAll('claim').orderBy('claim.id');
    if (filter.limit !== undefined) q = q.limit(filter.limit).offset(filter.offset ?? 0);
    const rows = await q.execute();
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

  async countClaims(filter: ClaimFilter = {}): Promise<number> {
    const r = await this.claimQuery(filter).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async updateClaim(claim: Claim, opts: { actor?: string; action?: string } = {}): Promise<void> {
    await this.transaction(async (repo) => {
      const self = repo as KyselyRepository;
      const before = await self.getClaim(claim.id);
      if (!before) throw new NotFoundError('claim', claim.id);
      const rows = claimToRows(claim);
      await self.db.deleteFrom('evidence').where('claim_id', '=', claim.id).execute();
      await self.db.deleteFrom('attribution').where('claim_id', '=', claim.id).execute();
      await self.db.updateTable('claim').set(rows.claim).where('id', '=', claim.id).execute();
      await self.insertChunked('evidence', rows.evidence);
      await self.insertChunked('attribution', rows.attribution);
      await self.logChange(opts.actor ?? 'local', opts.action ?? 'edit', 'claim', claim.id, before, claim);
    });
  }

  async listPerspectives(): Promise<Perspective[]> {
    const ps = await this.db.selectFrom('perspective').selectAll().orderBy('id').execute();
    const cs = await this.db.selectFrom('perspective_claimant').selectAll().orderBy('perspective_id').orderBy('seq').execute();
    const by = groupBy(cs, (c) => c.perspective_id);
    return ps.map((p) => ({ id: p.id, label: p.label, claimants: (by.get(p.id) ?? []).map((c) => c.entity_id) }));
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

  async history(targetKind: 'claim' | 'entity' | 'source', targetId: string): Promise<ChangeEntry[]> {
    const rows = await this.db.selectFrom('change_log').selectAll().where('target_kind', '=', targetKind).where('target_id', '=', targetId).orderBy('id').execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actor: r.actor,
      action: r.action,
      targetKind: r.target_kind,
      targetId: r.target_id,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
    }));
  }

  /** Runs raw SQL; for engine folders and integrity checks only. */
  async rawQuery<T>(query: ReturnType<typeof sql<T>>): Promise<T[]> {
    return (await query.execute(this.db)).rows;
  }
}
