/**
 * Every write of the repository, run inside one transaction by the caller: imports, edits,
 * status changes, resolutions and reverts. Each keeps the records' versions (optimistic
 * concurrency) and appends what it did to the audit history in the same transaction.
 * Column lists come from the row objects of `rows.ts`, the one place that knows both shapes.
 */
import type { Kysely, Transaction } from 'kysely';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { EMPTY_DATASET, type Claim, type Dataset, type Dispute, type Entity, type Perspective, type Source } from '../core/model.js';
import { stripUndefined } from '../core/validate-dataset.js';
import type { ClaimStatus } from '../core/vocabulary.js';
import type { EngineCapabilities } from './capabilities.js';
import { appendChange } from './change-log.js';
import { insertChunked, insertNew, noneStored } from './insert-new.js';
import { Reverter } from './revert.js';
import type { ChangeEntry, ImportSummary, Resolution } from './repository.js';
import { assertStorable, claimToRows, entityToRows, rowToSource, sourceToRow } from './rows.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export const CHUNK_IDS = 500;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The reads a writer needs, bound to the same transaction. */
export interface WriterReads {
  getClaim(id: string): Promise<Claim | undefined>;
  getClaims(ids: readonly string[]): Promise<Claim[]>;
  getEntity(id: string): Promise<Entity | undefined>;
  getEntities(ids: readonly string[]): Promise<Entity[]>;
  listSources(): Promise<Source[]>;
  listPerspectives(): Promise<Perspective[]>;
  listDisputes(): Promise<Dispute[]>;
}

/** What an import's history entry keeps, so the import can be reverted. */
export interface ImportAfter {
  readonly counts: ImportSummary;
  readonly ids: { readonly [K in keyof Dataset]: string[] };
  /** Versions the import left on each claim and entity it wrote. */
  readonly versions: { readonly claims: Record<string, number>; readonly entities: Record<string, number> };
}

/** Longest history target an import gets: PostgreSQL cannot index a much longer key (2,704 bytes). */
const MAX_TARGET = 200;

/**
 * The history target of an import: the ids of the sources it brings, comma-separated, cut to
 * {@link MAX_TARGET} characters with a count of the rest (an archive import brings thousands).
 */
export function importTargetOf(ds: Dataset): string {
  if (ds.sources.length === 0) return '-';
  let out = '';
  for (const [i, s] of ds.sources.entries()) {
    const next = out ? `${out},${s.id}` : s.id;
    if (next.length > MAX_TARGET) return `${out || s.id.slice(0, MAX_TARGET)},… (+${ds.sources.length - i} more)`;
    out = next;
  }
  return out;
}

/** How many records of each kind a dataset holds: an import's summary. */
export function importSummaryOf(ds: Dataset): ImportSummary {
  return {
    sources: ds.sources.length,
    entities: ds.entities.length,
    names: ds.entities.reduce((n, e) => n + e.names.length, 0),
    claims: ds.claims.length,
    perspectives: ds.perspectives.length,
    disputes: ds.disputes.length,
  };
}

/** The `after` of an import's history entry: counts, the ids written and their versions. */
export function importAfterOf(ds: Dataset, versions: ImportAfter['versions']): ImportAfter {
  return {
    counts: importSummaryOf(ds),
    ids: {
      sources: ds.sources.map((s) => s.id),
      entities: ds.entities.map((e) => e.id),
      claims: ds.claims.map((c) => c.id),
      perspectives: ds.perspectives.map((p) => p.id),
      disputes: ds.disputes.map((d) => d.id),
    },
    versions,
  };
}

/** Who writes, as what action, against which version; `reverts` for the writes of a revert. */
export type WriteContext = { actor: string; action: string; expectedVersion?: number; reverts?: number };

const STATUS_ACTION: Record<ClaimStatus, string> = { accepted: 'accept', rejected: 'reject', candidate: 'reopen' };

/** Columns to overwrite on an upsert: every column of the row but its key and version. */
function updatableColumns(row: object): string[] {
  return Object.keys(row).filter((c) => c !== 'id' && c !== 'version');
}

export class Writer {
  /** Id of the last history entry this writer appended. */
  lastChange = 0;

  constructor(
    private readonly db: Db,
    private readonly caps: EngineCapabilities,
    readonly fold: (name: string) => string,
    private readonly reads: WriterReads,
  ) {}

  private insertChunked<T extends keyof Database & string>(table: T, rows: readonly Database[T][]): Promise<void> {
    return insertChunked(this.db, this.caps, table, rows);
  }

  // ---- import ----

  /**
   * Imports a dataset, replacing stored records with the same ids. When none is stored (an
   * archive loaded chunk by chunk), it is inserted without reading what it would replace, unless
   * `upsert` says to take the replacing path anyway.
   */
  async importDataset(ds: Dataset, actor: string, opts: { upsert?: boolean } = {}): Promise<ImportSummary> {
    const fresh = !opts.upsert && (await noneStored(this.db, ds));
    const before = fresh ? EMPTY_DATASET : await this.snapshot(ds);
    const versions = fresh ? await insertNew(this.db, this.caps, this.fold, ds) : await this.upsertDataset(ds);
    const after = importAfterOf(ds, versions);
    const counts = after.counts;
    await appendChange(this.db, { actor, action: 'import', targetKind: 'dataset', targetId: importTargetOf(ds), before, after });
    return counts;
  }

  /** The records a dataset would replace, as they stand now. */
  private async snapshot(ds: Dataset): Promise<Dataset> {
    const sourceIds = new Set(ds.sources.map((s) => s.id));
    const perspectiveIds = new Set(ds.perspectives.map((p) => p.id));
    const disputeIds = new Set(ds.disputes.map((d) => d.id));
    const sources: Source[] = [];
    for (const part of chunks([...sourceIds], CHUNK_IDS)) {
      const rows = await this.db.selectFrom('source').selectAll().where('id', 'in', part).execute();
      sources.push(...rows.map(rowToSource));
    }
    return {
      sources,
      entities: ds.entities.length ? await this.reads.getEntities(ds.entities.map((e) => e.id)) : [],
      claims: ds.claims.length ? await this.reads.getClaims(ds.claims.map((c) => c.id)) : [],
      perspectives: perspectiveIds.size ? (await this.reads.listPerspectives()).filter((p) => perspectiveIds.has(p.id)) : [],
      disputes: disputeIds.size ? (await this.reads.listDisputes()).filter((d) => disputeIds.has(d.id)) : [],
    };
  }

  /**
   * Writes every record of the dataset, replacing records with the same id; a replaced claim
   * or entity gets its stored version + 1, a new one the version it carries (default 1).
   * Returns the versions written.
   */
  /** @internal for revert.ts */
  async upsertDataset(ds: Dataset): Promise<ImportAfter['versions']> {
    const db = this.db;
    // Sources, entities and claims are checked by their row conversion in rows.ts.
    for (const key of ['perspectives', 'disputes'] as const) ds[key].forEach((r, i) => assertStorable(r, `${key}[${i}]`));
    const sourceRows = ds.sources.map(sourceToRow);
    for (const part of chunks(sourceRows, 200)) {
      const cols = updatableColumns(part[0] as object);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await db.insertInto('source').values(part).onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(cols.map((c) => [c, eb.ref(`excluded.${c}` as any)])))).execute();
    }
    for (const part of chunks(ds.disputes, 200)) {
      await db.insertInto('dispute').values(part.map((d) => ({ id: d.id, question: d.question }))).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ question: eb.ref('excluded.question') }))).execute();
    }
    const versions = { claims: {} as Record<string, number>, entities: {} as Record<string, number> };

    const entityRows = ds.entities.map((e) => entityToRows(e, this.fold));
    for (const part of chunks(entityRows, 200)) {
      const ids = part.map((r) => r.entity.id);
      const old = await this.versionsOf('entity', ids);
      const cols = updatableColumns(part[0]!.entity);
      await db
        .insertInto('entity')
        .values(part.map((r) => r.entity))
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ ...Object.fromEntries(cols.map((c) => [c, eb.ref(`excluded.${c}` as any)])), version: eb('entity.version', '+', 1) })))
        .execute();
      for (const r of part) versions.entities[r.entity.id] = old.has(r.entity.id) ? old.get(r.entity.id)! + 1 : r.entity.version;
      await db.deleteFrom('entity_name').where('entity_id', 'in', ids).execute();
    }
    await this.insertChunked('entity_name', entityRows.flatMap((r) => r.names));

    const claimRows = ds.claims.map(claimToRows);
    for (const part of chunks(claimRows, 200)) {
      const ids = part.map((r) => r.claim.id);
      const old = await this.versionsOf('claim', ids);
      await db.deleteFrom('evidence').where('claim_id', 'in', ids).execute();
      await db.deleteFrom('attribution').where('claim_id', 'in', ids).execute();
      const cols = updatableColumns(part[0]!.claim);
      const per = Math.max(1, Math.floor(this.caps.maxParameters / (cols.length + 2)));
      for (const rows of chunks(part, per)) {
        await db
          .insertInto('claim')
          .values(rows.map((r) => r.claim))
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ ...Object.fromEntries(cols.map((c) => [c, eb.ref(`excluded.${c}` as any)])), version: eb('claim.version', '+', 1) })))
          .execute();
      }
      for (const r of part) versions.claims[r.claim.id] = old.has(r.claim.id) ? old.get(r.claim.id)! + 1 : r.claim.version;
    }
    await this.insertChunked('evidence', claimRows.flatMap((r) => r.evidence));
    await this.insertChunked('attribution', claimRows.flatMap((r) => r.attribution));

    if (ds.perspectives.length) {
      const ids = ds.perspectives.map((p) => p.id);
      for (const part of chunks(ids, CHUNK_IDS)) {
        await db.deleteFrom('perspective_claimant').where('perspective_id', 'in', part).execute();
        await db.deleteFrom('perspective').where('id', 'in', part).execute();
      }
      await this.insertChunked('perspective', ds.perspectives.map((p) => ({ id: p.id, label: p.label })));
      await this.insertChunked('perspective_claimant', ds.perspectives.flatMap((p) => p.claimants.map((entity_id, seq) => ({ perspective_id: p.id, entity_id, seq }))));
    }
    return versions;
  }

  /** @internal for revert.ts */
  async versionsOf(table: 'claim' | 'entity', ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom(table).select(['id', 'version']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, Number(r.version)]));
  }

  // ---- claims ----

  async updateClaim(claim: Claim, ctx: WriteContext): Promise<Claim> {
    const before = await this.reads.getClaim(claim.id);
    if (!before) throw new NotFoundError('claim', claim.id);
    return this.replaceClaim(before, claim, ctx);
  }

  async setClaimStatus(id: string, status: ClaimStatus, ctx: Omit<WriteContext, 'action'>): Promise<Claim> {
    const before = await this.reads.getClaim(id);
    if (!before) throw new NotFoundError('claim', id);
    return this.replaceClaim(before, { ...before, status }, { ...ctx, action: STATUS_ACTION[status] });
  }

  /** Overwrites `before` with `claim` when the versions agree; bumps the version; logs. */
  /** @internal for revert.ts */
  async replaceClaim(before: Claim, claim: Claim, ctx: WriteContext): Promise<Claim> {
    const current = before.version ?? 1;
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== current) throw new ConflictError({ kind: 'claim', id: claim.id }, before, ctx.expectedVersion, current);
    const rows = claimToRows(claim);
    const { id, version: _v, ...rest } = rows.claim;
    const res = await this.db
      .updateTable('claim')
      .set({ ...rest, version: current + 1 })
      .where('id', '=', id)
      .where('version', '=', current)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) {
      const now = await this.reads.getClaim(id);
      throw new ConflictError({ kind: 'claim', id }, now, ctx.expectedVersion ?? current, now?.version);
    }
    await this.db.deleteFrom('evidence').where('claim_id', '=', id).execute();
    await this.db.deleteFrom('attribution').where('claim_id', '=', id).execute();
    await this.insertChunked('evidence', rows.evidence);
    await this.insertChunked('attribution', rows.attribution);
    const after = (await this.reads.getClaim(id))!;
    this.lastChange = await appendChange(this.db, { actor: ctx.actor, action: ctx.action, targetKind: 'claim', targetId: id, before, after, reverts: ctx.reverts });
    return after;
  }

  /** @internal for revert.ts */
  async insertClaim(claim: Claim): Promise<Claim> {
    const rows = claimToRows(claim);
    await this.db.insertInto('claim').values(rows.claim).execute();
    await this.insertChunked('evidence', rows.evidence);
    await this.insertChunked('attribution', rows.attribution);
    return (await this.reads.getClaim(claim.id))!;
  }

  async recordResolution(r: Resolution, actor: string): Promise<Claim> {
    const predicate = r.kind === 'merge' ? 'same_as' : 'distinct_from';
    const id = r.id ?? `resolution-${predicate}-${r.subject}-${r.object}`;
    const now = new Date().toISOString();
    const claim: Claim = stripUndefined({
      id,
      subject: r.subject,
      predicate,
      object: r.object,
      stance: 'asserts',
      attribution: [stripUndefined({ entity: r.claimant, via: `entity resolution by ${actor}`, date: now.slice(0, 10) })],
      evidence: r.evidence ?? [],
      status: r.status ?? 'accepted',
      note: r.note,
      recordedBy: actor,
      recordedAt: now,
    } satisfies Claim);
    const existing = await this.reads.getClaim(id);
    if (existing) return this.replaceClaim(existing, claim, { actor, action: r.kind });
    const after = await this.insertClaim(claim);
    await appendChange(this.db, { actor, action: r.kind, targetKind: 'claim', targetId: id, before: null, after });
    return after;
  }

  // ---- entities ----

  /** @internal for revert.ts */
  async insertEntity(entity: Entity): Promise<Entity> {
    const rows = entityToRows(entity, this.fold);
    await this.db.insertInto('entity').values(rows.entity).execute();
    await this.insertChunked('entity_name', rows.names);
    return (await this.reads.getEntity(entity.id))!;
  }

  async updateEntity(entity: Entity, ctx: WriteContext): Promise<Entity> {
    const before = await this.reads.getEntity(entity.id);
    if (!before) throw new NotFoundError('entity', entity.id);
    return this.replaceEntity(before, entity, ctx);
  }

  /** @internal for revert.ts */
  async replaceEntity(before: Entity, entity: Entity, ctx: WriteContext): Promise<Entity> {
    const current = before.version ?? 1;
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== current) throw new ConflictError({ kind: 'entity', id: entity.id }, before, ctx.expectedVersion, current);
    const rows = entityToRows(entity, this.fold);
    const { id, version: _v, ...rest } = rows.entity;
    const res = await this.db
      .updateTable('entity')
      .set({ ...rest, version: current + 1 })
      .where('id', '=', id)
      .where('version', '=', current)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) {
      const now = await this.reads.getEntity(id);
      throw new ConflictError({ kind: 'entity', id }, now, ctx.expectedVersion ?? current, now?.version);
    }
    await this.db.deleteFrom('entity_name').where('entity_id', '=', id).execute();
    await this.insertChunked('entity_name', rows.names);
    const after = (await this.reads.getEntity(id))!;
    this.lastChange = await appendChange(this.db, { actor: ctx.actor, action: ctx.action, targetKind: 'entity', targetId: id, before, after, reverts: ctx.reverts });
    return after;
  }

  async revertChange(changeId: number, actor: string): Promise<ChangeEntry> {
    return new Reverter(this.db, this, this.reads).revertChange(changeId, actor);
  }
}
