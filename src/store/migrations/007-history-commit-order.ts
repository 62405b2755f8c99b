/**
 * History ids in commit order on PostgreSQL. Readers follow `change_log` by "entries with id >
 * the last id seen", but an identity id is drawn at insert time and becomes visible at commit:
 * two writing transactions can commit out of id order, and a reader that saw the larger id
 * never sees the smaller one. A `before insert` trigger therefore takes a transaction-level
 * advisory lock, held until the writing transaction commits or rolls back, and only then draws
 * the row's id from the column's sequence (the column default is evaluated before the trigger
 * fires, so the id it drew, taken without the lock, is replaced; an id given explicitly is
 * replaced too). Writers append to the history one transaction at a time, from their first
 * entry to their commit, and ids become visible in increasing order; a rollback leaves a gap,
 * which readers need not fill. SQLite serializes writers already: there the step does nothing.
 */
import { sql, type Kysely } from 'kysely';
import type { EngineCapabilities } from '../capabilities.js';

/**
 * Key of the advisory lock that orders history appends: the ASCII bytes of "isnad_cl" as one
 * bigint, apart from keys other software takes (Kysely's migration lock is 3853314791062309107).
 * Advisory locks are per database, so stores in other databases do not wait on each other.
 */
export const HISTORY_LOCK_KEY = 7598538360879014764n;

const FUNCTION = 'change_log_commit_order';
const TRIGGER = 'change_log_commit_order';

export async function up(db: Kysely<unknown>, caps: EngineCapabilities): Promise<void> {
  if (caps.engine !== 'postgres') return;
  await sql`
    create or replace function ${sql.id(FUNCTION)}() returns trigger language plpgsql as $fn$
    begin
      perform pg_advisory_xact_lock(${sql.raw(HISTORY_LOCK_KEY.toString())});
      new.id := nextval(pg_get_serial_sequence(format('%I.%I', tg_table_schema, tg_table_name), 'id'));
      return new;
    end
    $fn$`.execute(db);
  await sql`drop trigger if exists ${sql.id(TRIGGER)} on change_log`.execute(db);
  await sql`create trigger ${sql.id(TRIGGER)} before insert on change_log for each row execute function ${sql.id(FUNCTION)}()`.execute(db);
}

export async function down(db: Kysely<unknown>, caps: EngineCapabilities): Promise<void> {
  if (caps.engine !== 'postgres') return;
  await sql`drop trigger if exists ${sql.id(TRIGGER)} on change_log`.execute(db);
  await sql`drop function if exists ${sql.id(FUNCTION)}()`.execute(db);
}
