/**
 * The shared store: PostgreSQL through `pg`'s connection pool and Kysely's PostgresDialect,
 * migrated on open with the same migrations as SQLite; with `readModel`, views read from memory.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ModelBackedRepository } from '../memory/model-backed-repository.js';
import { migrateToLatest } from '../migrate.js';
import type { Database as Schema } from '../schema.js';
import { defaultFold } from '../fold.js';
import type { PostgresStoreOptions } from './postgres-config.js';
import { probeCapabilities, trigramInstalled } from './postgres-capabilities.js';
import { copyImportMany } from './copy-import.js';

export type { PostgresStoreOptions } from './postgres-config.js';

/** Opens (migrating if needed) a PostgreSQL store. The database must exist. */
export async function openPostgresStore(opts: PostgresStoreOptions): Promise<ModelBackedRepository> {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.maxConnections ?? 10,
    application_name: opts.applicationName ?? 'isnad',
    // A read-only store is read-only on the server too, not only by not migrating.
    ...(opts.readonly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // An idle client's error (server restart, network) must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    let caps = await probeCapabilities(db as Kysely<unknown>);
    if (!opts.readonly) await migrateToLatest(db as Kysely<unknown>, caps);
    caps = Object.freeze({ ...caps, trigramSearch: await trigramInstalled(db as Kysely<unknown>) });
    const repo = new ModelBackedRepository(db, caps, {
      fold: defaultFold,
      bulkImport: (datasets, o) => copyImportMany(pool, datasets, defaultFold, o),
      close: async () => {
        await db.destroy();
      },
    });
    repo.useReadModel = opts.readModel ?? false;
    repo.otherWritersLagMs = opts.otherWritersLagMs ?? 0;
    return repo;
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
