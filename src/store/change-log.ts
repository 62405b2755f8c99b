/**
 * The append-only audit history (`change_log`), as plain functions over a Kysely handle or
 * transaction: every write of the repository calls {@link appendChange} inside its own
 * transaction, so a change and its record commit together or not at all.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ChangeEntry } from './repository.js';
import type { ChangeRow, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A change to append: an entry without its id, `at` defaulting to now. */
export type NewChange = Omit<ChangeEntry, 'id' | 'at'> & { readonly at?: string };

/** Appends one entry; returns its id. */
export async function appendChange(db: Db, c: NewChange): Promise<number> {
  const row = await db
    .insertInto('change_log')
    .values({
      at: c.at ?? new Date().toISOString(),
      actor: c.actor,
      action: c.action,
      target_kind: c.targetKind,
      target_id: c.targetId,
      before: c.before == null ? null : JSON.stringify(c.before),
      after: c.after == null ? null : JSON.stringify(c.after),
      reverts: c.reverts ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export function rowToChange(r: Selectable<ChangeRow>): ChangeEntry {
  const entry: ChangeEntry = {
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    targetKind: r.target_kind,
    targetId: r.target_id,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  };
  return r.reverts === null || r.reverts === undefined ? entry : { ...entry, reverts: Number(r.reverts) };
}

export async function getChange(db: Db, id: number): Promise<ChangeEntry | undefined> {
  const r = await db.selectFrom('change_log').selectAll().where('id', '=', id).executeTakeFirst();
  return r && rowToChange(r);
}

/** Id of the newest entry, 0 when the history is empty. */
export async function latestChangeId(db: Db): Promise<number> {
  const row = await db.selectFrom('change_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function listChanges(db: Db, opts: { afterId?: number; limit?: number; targetKind?: string; targetId?: string } = {}): Promise<ChangeEntry[]> {
  let q = db.selectFrom('change_log').selectAll().orderBy('id');
  if (opts.targetKind !== undefined) q = q.where('target_kind', '=', opts.targetKind);
  if (opts.targetId !== undefined) q = q.where('target_id', '=', opts.targetId);
  if (opts.afterId !== undefined) q = q.where('id', '>', opts.afterId);
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  return (await q.execute()).map(rowToChange);
}
