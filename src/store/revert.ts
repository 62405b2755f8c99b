/**
 * Reverting a change of the audit history: a claim or entity goes back to its `before` state
 * (or goes away, when the change created it); an import's created records go and the records
 * it replaced come back. A revert is itself a change, recorded with `reverts` naming the one
 * it undid, so it can be reverted in turn. Runs inside the writer's transaction.
 */
import { isForeignKeyViolation } from './constraint-errors.js';
import type { Kysely, Transaction } from 'kysely';
import { ConflictError, IsnadError, NotFoundError } from '../core/errors.js';
import type { Claim, Dataset, Entity } from '../core/model.js';
import { appendChange, getChange } from './change-log.js';
import type { ChangeEntry } from './repository.js';
import type { Database } from './schema.js';
import { chunks, CHUNK_IDS, type ImportAfter, type Writer, type WriteContext, type WriterReads } from './writes.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Deep equality of two records as JSON, ignoring `version` and key order. */
export function sameRecord(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).filter((k) => k !== 'version').sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

export class Reverter {
  constructor(
    private readonly db: Db,
    private readonly w: Writer,
    private readonly reads: WriterReads,
  ) {}

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
    const ctx: WriteContext = { actor, action: 'revert', reverts: entry.id };
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
      if (kind === 'claim') await this.w.replaceClaim(current as Claim, before as Claim, ctx);
      else await this.w.replaceEntity(current as Entity, before as Entity, ctx);
      return this.w.lastChange;
    }
    // The change deleted the record (a revert of a creation): put it back.
    const version = (before.version ?? 0) + 1;
    let restored: Claim | Entity;
    if (kind === 'claim') restored = await this.w.insertClaim({ ...(before as Claim), version });
    else restored = await this.w.insertEntity({ ...(before as Entity), version });
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
        const now = await this.w.versionsOf(table, part);
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
    await this.w.upsertDataset(before);
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
