/**
 * SQLite: the tables read as a claim's or an entity's children — evidence, attribution and
 * entity names — stored clustered by their primary key (`WITHOUT ROWID`), so reading a claim's
 * evidence is one B-tree seek and a short scan instead of an index seek and a table fetch per
 * row, and a bulk import maintains one B-tree per row instead of two. Nothing refers to these
 * tables, so each is rebuilt in place (new table, copy, drop, rename, its indexes again) inside
 * one savepoint: a process killed midway leaves the old tables. Tables already clustered are
 * left alone, so a rerun after such a kill finishes the job. PostgreSQL has no such storage
 * option; there the step does nothing.
 */
import { sql, type Kysely } from 'kysely';
import type { EngineCapabilities } from '../capabilities.js';

export const CLUSTERED_TABLES = ['evidence', 'attribution', 'entity_name'] as const;

export async function up(db: Kysely<unknown>, caps: EngineCapabilities): Promise<void> {
  if (caps.engine !== 'sqlite') return;
  await rebuildAll(db, true);
}

export async function down(db: Kysely<unknown>, caps: EngineCapabilities): Promise<void> {
  if (caps.engine !== 'sqlite') return;
  await rebuildAll(db, false);
}

async function rebuildAll(db: Kysely<unknown>, clustered: boolean): Promise<void> {
  await sql`savepoint clustered_children`.execute(db);
  try {
    for (const table of CLUSTERED_TABLES) await rebuild(db, table, clustered);
    await sql`release clustered_children`.execute(db);
  } catch (err) {
    await sql`rollback to clustered_children`.execute(db);
    await sql`release clustered_children`.execute(db);
    throw err;
  }
}

/** Recreates `table` from its own definition, with or without `WITHOUT ROWID`, keeping rows and indexes. */
async function rebuild(db: Kysely<unknown>, table: string, clustered: boolean): Promise<void> {
  const def = (await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db)).rows[0]?.sql;
  if (!def) throw new Error(`table ${table} does not exist`);
  const suffix = /\s*without\s+rowid\s*$/i;
  if (suffix.test(def) === clustered) return;
  const body = def.slice(def.indexOf('(')).replace(suffix, '');
  const indexes = (await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db)).rows.map((r) => r.sql);
  const scratch = `${table}__rebuild`;
  await sql.raw(`create table "${scratch}" ${body}${clustered ? ' without rowid' : ''}`).execute(db);
  await sql.raw(`insert into "${scratch}" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${scratch}" rename to "${table}"`).execute(db);
  for (const ix of indexes) await sql.raw(ix).execute(db);
}
