/**
 * Every write of the repository, run inside one transaction by the caller: imports, edits,
 * status changes, resolutions and reverts. Each keeps the records' versions (optimistic
 * concurrency) and appends what it did to the audit history in the same transaction.
 * Column lists come from the row objects of `rows.ts`, the one place that knows both shapes.
 */
import type { Kysely, Transaction } from 'kysely';
import { ConflictError, IsnadError, NotFoundError } from '../core/errors.js';
import type { Claim, Dataset, Dispute, Entity, Perspective, Source } from '../core/model.js';
import { stripUndefined } from '../core/validate-dataset.js';
import type { ClaimStatus } from '../core/vocabulary.js';
import type { EngineCapabilities } from './capabilities.js';
import { appendChange, getChange } from './change-log.js';
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
interface ImportAfter {
  readonly counts: ImportSummary;
  readonly ids: { readonly [K in keyof Dataset]: string[] };
  /** Versions the import left on each claim and entity it wrote. */
  readonly versions: { readonly claims: Record<string, number>; readonly entities: Record<string, number> };
}

type WriteCtx = { actor: string; action: string; expectedVersion?: number; reverts?: number };

const STATUS_ACTION: Record<ClaimStatus, string> = { accepted: 'accept', rejected: 'reject', candidate: 'reopen' };

/** Columns to overwrite on an upsert: every column of the row but its key and version. */
function updatableColumns(row: object): string[] {
  return Object.keys(row).filter((c) => c !== 'id' && c !== 'version');
}

/** Deep equality of two records as JSON, ignoring `version` and key order. */
export function sameRecord(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).filter((k) => k !== 'version').sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

/** True when a database error is a foreign-key violation (SQLite or PostgreSQL). */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

export class Writer {
  /** Id of the last history entry this writer appended. */
  private lastChange = 0;

  constructor(
    private readonly db: Db,
    private readonly caps: EngineCapabilities,
    private readonly fold: (name: string) => string,
    private readonly reads: WriterReads,
  ) {}

  private async insertChunked<T extends keyof Database & string>(table: T, rows: readonly Database[T][]): Promise<void> {
    if (rows.length === 0) return;
    const cols = Object.keys(rows[0] as object).length;
    const per = Math.max(1, Math.floor(this.caps.maxParameters / cols));
    for (const part of chunks(rows, per)) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await this.db.insertInto(table).values(part as any).execute();
    }
  }

  // ---- import ----

  async importDataset(ds: Dataset, actor: string): Promise<ImportSummary> {
    const before = await this.snapshot(ds);
    const versions = await this.upsertDataset(ds);
    const counts: ImportSummary = {
      sources: ds.sources.length,
      entities: ds.entities.length,
      names: ds.entities.reduce((n, e) => n + e.names.length, 0),
      claims: ds.claims.length,
      perspectives: ds.perspectives.length,
      disputes: ds.disputes.length,
    };
    const after: ImportAfter = {
      counts,
      ids: {
        sources: ds.sources.map((s) => s.id),
        entities: ds.entities.map((e) => e.id),
        claims: ds.claims.map((c) => c.id),
        perspectives: ds.perspectives.map((p) => p.id),
        disputes: ds.disputes.map((d) => d.id),
      },
      versions,
    };
    await appendChange(this.db, { actor, action: 'import', targetKind: 'dataset', targetId: ds.sources.map((s) => s.id).join(',') || '-', before, after });
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
  private async upsertDataset(ds: Dataset): Promise<ImportAfter['versions']> {
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

  private async versionsOf(table: 'claim' | 'entity', ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom(table).select(['id', 'version']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, Number(r.version)]));
  }

  // ---- claims ----

  async updateClaim(claim: Claim, ctx: WriteCtx): Promise<Claim> {
    const before = await this.reads.getClaim(claim.id);
    if (!before) throw new NotFoundError('claim', claim.id);
    return this.replaceClaim(before, claim, ctx);
  }

  async setClaimStatus(id: string, status: ClaimStatus, ctx: Omit<WriteCtx, 'action'>): Promise<Claim> {
    const before = await this.reads.getClaim(id);
    if (!before) throw new NotFoundError('claim', id);
    return this.replaceClaim(before, { ...before, status }, { ...ctx, action: STATUS_ACTION[status] });
  }

  /** Overwrites `before` with `claim` when the versions agree; bumps the version; logs. */
  private async replaceClaim(before: Claim, claim: Claim, ctx: WriteCtx): Promise<Claim> {
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

  private async insertClaim(claim: Claim): Promise<Claim> {
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

  async updateEntity(entity: Entity, ctx: WriteCtx): Promise<Entity> {
    const before = await this.reads.getEntity(entity.id);
    if (!before) throw new NotFoundError('entity', entity.id);
    return this.replaceEntity(before, entity, ctx);
  }

  private async replaceEntity(before: Entity, entity: Entity, ctx: WriteCtx): Promise<Entity> {
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

  // ---- revert ----

  async revertChange(changeId: number, actor: string): Promise<ChangeEntry> {
    const entry = await getChange(this.db, changeId);
    if (!entry) throw new NotFoundError('change', String(changeId));
    let id: number;
    if (entry.targetKind === 'claim' || entry.targetKind === 'entity') id = await this.revertRecord(entry, entry.targetKind, actor);
    else if (entry.targetKind === 'dataset' && entry.action === 'import') id = await this.revertImport(entry, actor);
    else throw new IsnadError('unsupported', `changes to ${entry.targetKind} records cannot be reverted`);
    return (await getChange(this.db, id))!;
  }

  private async revertRecord(entry: ChangeEntry, kind: 'claim' | 'entity', actor: string): Promise<number> {
    const target = { kind, id: entry.targetId };
    const current: Claim | Entity | undefined = kind === 'claim' ? await this.reads.getClaim(entry.targetId) : await this.reads.getEntity(entry.targetId);
    const after = entry.after as { version?: number } | null;
    const before = entry.before as (Claim & Entity) | null;
    // The record must stand as the change left it (its content; a later revert may have
    // restored that content under a newer version).
    const stale = after === null ? current !== undefined : current === undefined || !sameRecord(current, after);
    if (stale) {
      throw new ConflictError(target, current, after?.version, current?.version, `${kind} "${entry.targetId}" has changed since change ${entry.id}; revert the later changes first.`);
    }
    const ctx: WriteCtx = { actor, action: 'revert', reverts: entry.id };
    if (before === null) {
      // The change created the record: delete it.
      try {
        await this.db.deleteFrom(kind).where('id', '=', entry.targetId).execute();
      } catch (err) {
        if (isForeignKeyViolation(err)) throw new ConflictError(target, current, undefined, current?.version, `${kind} "${entry.targetId}" cannot be removed: other records refer to it.`);
        throw err;
      }
      return appendChange(this.db, { actor, action: 'revert', targetKind: kind, targetId: entry.targetId, before: current ?? null, after: null, reverts: entry.id });
    }
    if (current) {
      if (kind === 'claim') await this.replaceClaim(current as Claim, before as Claim, ctx);
      else await this.replaceEntity(current as Entity, before as Entity, ctx);
      return this.lastChange;
    }
    // The change deleted the record (a revert of a creation): put it back.
    const version = (before.version ?? 0) + 1;
    let restored: Claim | Entity;
    if (kind === 'claim') restored = await this.insertClaim({ ...(before as Claim), version });
    else {
      const rows = entityToRows({ ...(before as Entity), version }, this.fold);
      await this.db.insertInto('entity').values(rows.entity).execute();
      await this.insertChunked('entity_name', rows.names);
      restored = (await this.reads.getEntity(entry.targetId))!;
    }
    return appendChange(this.db, { actor, action: 'revert', targetKind: kind, targetId: entry.targetId, before: null, after: restored, reverts: entry.id });
  }

  /**
   * Undoes an import: deletes the records it created and restores those it replaced. Refused
   * when a claim or entity it wrote has been changed since, or when later records refer to
   * what it created.
   */
  private async revertImport(entry: ChangeEntry, actor: string): Promise<number> {
    const before = entry.before as Dataset;
    const after = entry.after as ImportAfter;
    const target = { kind: 'dataset', id: entry.targetId };
    for (const [table, want] of [['claim', after.versions.claims], ['entity', after.versions.entities]] as const) {
      for (const part of chunks(Object.keys(want), CHUNK_IDS)) {
        const now = await this.versionsOf(table, part);
        const changed = part.filter((id) => now.get(id) !== want[id]);
        if (changed.length) throw new ConflictError(target, undefined, undefined, undefined, `the import (change ${entry.id}) cannot be reverted: ${table} ${changed.slice(0, 5).map((id) => `"${id}"`).join(', ')}${changed.length > 5 ? ` and ${changed.length - 5} more` : ''} changed since; revert those changes first.`);
      }
    }
    const had = (xs: readonly { id: string }[]) => new Set(xs.map((x) => x.id));
    const created = {
      claim: after.ids.claims.filter((id) => !had(before.claims).has(id)),
      perspective: after.ids.perspectives.filter((id) => !had(before.perspectives).has(id)),
      entity: after.ids.entities.filter((id) => !had(before.entities).has(id)),
      source: after.ids.sources.filter((id) => !had(before.sources).has(id)),
      dispute: after.ids.disputes.filter((id) => !had(before.disputes).has(id)),
    };
    // Created claims go first and replaced records come back before created entities,
    // sources and disputes go, so nothing the import left behind still refers to them.
    await this.deleteCreated(entry, target, 'claim', created.claim);
    await this.upsertDataset(before);
    for (const table of ['perspective', 'entity', 'source', 'dispute'] as const) await this.deleteCreated(entry, target, table, created[table]);
    return appendChange(this.db, { actor, action: 'revert', targetKind: 'dataset', targetId: entry.targetId, before: null, after: { restored: { claims: before.claims.length, entities: before.entities.length }, deleted: Object.fromEntries(Object.entries(created).map(([k, v]) => [k, v.length])) }, reverts: entry.id });
  }

  private async deleteCreated(entry: ChangeEntry, target: { kind: string; id: string }, table: 'claim' | 'perspective' | 'entity' | 'source' | 'dispute', ids: readonly string[]): Promise<void> {
    for (const part of chunks(ids, CHUNK_IDS)) {
      try {
        await this.db.deleteFrom(table).where('id', 'in', part).execute();
      } catch (err) {
        if (isForeignKeyViolation(err)) throw new ConflictError(target, undefined, undefined, undefined, `the import (change ${entry.id}) cannot be reverted: later records refer to a ${table} it created.`);
        throw err;
      }
    }
  }
}
