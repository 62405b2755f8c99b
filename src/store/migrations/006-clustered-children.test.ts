/**
 * Migration 006 on SQLite: evidence, attribution and names become clustered (WITHOUT ROWID)
 * tables with every row and index kept, both on a new store and on one upgraded from 005 with
 * data in it, and back again on the way down.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { mini } from '../../interop/testing/fixtures.js';
import { SQLITE_CAPABILITIES } from '../capabilities.js';
import { defaultFold } from '../fold.js';
import { KyselyRepository } from '../kysely-repository.js';
import { migrateTo } from '../migrate.js';
import type { Database as Schema } from '../schema.js';
import { CLUSTERED_TABLES } from './006-clustered-children.js';

const fixture = mini();

let open: Kysely<Schema>[] = [];
afterEach(async () => {
  for (const db of open) await db.destroy();
  open = [];
});

function store(): { raw: Database.Database; db: Kysely<Schema>; repo: KyselyRepository } {
  const raw = new Database(':memory:');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) });
  open.push(db);
  return { raw, db, repo: new KyselyRepository(db, SQLITE_CAPABILITIES, { fold: defaultFold, close: async () => {} }) };
}

const clustered = (raw: Database.Database, table: string) => /without rowid\s*$/i.test(raw.prepare("select sql from sqlite_master where type = 'table' and name = ?").pluck().get(table) as string);
const indexes = (raw: Database.Database) => raw.prepare("select name, sql from sqlite_master where type = 'index' and sql is not null order by name").all();
const contents = (raw: Database.Database) => Object.fromEntries(CLUSTERED_TABLES.map((t) => [t, raw.prepare(`select * from "${t}" order by 1, 2`).all()]));

describe('migration 006: clustered child tables', () => {
  it('creates evidence, attribution and names clustered on a new store, and nothing else', async () => {
    const { raw, db } = store();
    await migrateTo(db as Kysely<unknown>, SQLITE_CAPABILITIES);
    for (const t of CLUSTERED_TABLES) expect(clustered(raw, t), t).toBe(true);
    for (const t of ['claim', 'entity', 'source']) expect(clustered(raw, t), t).toBe(false);
  });

  it('upgrades a 005 store with data, keeping every row, index and the same export', async () => {
    const { raw, db, repo } = store();
    await migrateTo(db as Kysely<unknown>, SQLITE_CAPABILITIES, '005-claim-read-indexes');
    await repo.importDataset(fixture, { actor: 'test' });
    const before = { rows: contents(raw), indexes: indexes(raw), exported: await repo.exportDataset() };
    expect(before.rows.evidence!.length).toBeGreaterThan(0);
    for (const t of CLUSTERED_TABLES) expect(clustered(raw, t), t).toBe(false);

    expect(await migrateTo(db as Kysely<unknown>, SQLITE_CAPABILITIES, '006-clustered-children')).toEqual(['006-clustered-children']);
    for (const t of CLUSTERED_TABLES) expect(clustered(raw, t), t).toBe(true);
    expect(contents(raw)).toEqual(before.rows);
    expect(indexes(raw)).toEqual(before.indexes);
    expect(await repo.exportDataset()).toEqual(before.exported);
    expect(raw.pragma('foreign_key_check')).toEqual([]);

    // Down again: the tables are plain ones with the same rows.
    await migrateTo(db as Kysely<unknown>, SQLITE_CAPABILITIES, '005-claim-read-indexes');
    for (const t of CLUSTERED_TABLES) expect(clustered(raw, t), t).toBe(false);
    expect(contents(raw)).toEqual(before.rows);
    expect(indexes(raw)).toEqual(before.indexes);
  });

  it('finishes a rebuild a killed process left half done (one table already clustered)', async () => {
    const { raw, db, repo } = store();
    await migrateTo(db as Kysely<unknown>, SQLITE_CAPABILITIES);
    await repo.importDataset(fixture, { actor: 'test' });
    const rows = contents(raw);
    // As if the step had run but not been recorded: undo only the record and one table.
    await migrateTo(db as Kysely<unknown>, SQLITE_CAPABILITIES, '005-claim-read-indexes');
    raw.exec("create table evidence__x as select * from evidence; drop table evidence;");
    raw.exec("create table evidence (claim_id text not null references claim (id) on delete cascade, seq integer not null, source_id text not null references source (id), quote text not null, page text, start_pos integer, end_pos integer, section text, constraint evidence_pk primary key (claim_id, seq)) without rowid; insert into evidence select * from evidence__x; drop table evidence__x; create index evidence_source on evidence (source_id);");
    expect(clustered(raw, 'evidence')).toBe(true);
    await migrateTo(db as Kysely<unknown>, SQLITE_CAPABILITIES);
    for (const t of CLUSTERED_TABLES) expect(clustered(raw, t), t).toBe(true);
    expect(contents(raw)).toEqual(rows);
  });
});
