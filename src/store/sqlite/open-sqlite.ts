/**
 * The embedded store: one SQLite file (better-sqlite3), WAL journal, foreign keys on,
 * migrated on open.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SQLITE_CAPABILITIES } from '../capabilities.js';
import { KyselyRepository } from '../kysely-repository.js';
import { migrateToLatest } from '../migrate.js';
import type { Database as Schema } from '../schema.js';
import { defaultFold } from '../fold.js';
import { FastSqliteRepository } from './fast-repository.js';

export interface SqliteStoreOptions {
  /** Path of the database file, or `:memory:`. */
  readonly file: string;
  readonly readonly?: boolean;
  /**
   * Hold the claims in memory and answer views from there (`read-model.ts`): for a long-running
   * server over a large store; costs about 1 GB of memory and 15–20 s at start per million claims.
   */
  readonly readModel?: boolean;
  /** See `FastSqliteRepository.otherWritersLagMs` (default 0: each view checks for other connections' commits). */
  readonly otherWritersLagMs?: number;
}

/** Opens (creating and migrating if needed) a SQLite store. */
export async function openSqliteStore(opts: SqliteStoreOptions): Promise<KyselyRepository> {
  if (opts.file !== ':memory:' && !opts.readonly) mkdirSync(dirname(opts.file), { recursive: true });
  const database = new Database(opts.file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  database.pragma('foreign_keys = ON');
  if (!opts.readonly) {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
  }
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  if (!opts.readonly) await migrateToLatest(db as Kysely<unknown>, SQLITE_CAPABILITIES);
  const repo = new FastSqliteRepository(db, database, SQLITE_CAPABILITIES, {
    fold: defaultFold,
    close: async () => {
      await db.destroy();
    },
  });
  repo.useReadModel = opts.readModel ?? false;
  repo.otherWritersLagMs = opts.otherWritersLagMs ?? 0;
  return repo;
}
