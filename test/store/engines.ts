/**
 * The store engines the suites run against: SQLite always (a fresh file under the OS temp
 * folder for each store), PostgreSQL when it can be had (see `test/support/postgres.ts`): a
 * fresh database for each store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyRepository } from '../../src/store/kysely-repository.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres.js';
import type { FastSqliteRepository } from '../../src/store/sqlite/fast-repository.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite.js';
import { postgresForTests } from '../support/postgres.js';

export interface EngineHarness {
  readonly name: 'sqlite' | 'postgres';
  /** How this harness opens the engine, when there is more than one way (e.g. `with read model`). */
  readonly variant?: string;
  /** Set when the engine is unavailable here: the one-line reason its tests are skipped. */
  readonly skip?: string;
  /** A new, empty, migrated store; closed by {@link TestEngines.teardown}. */
  open(): Promise<KyselyRepository>;
  /** Where the last store opened lives (file path or URL). */
  readonly lastLocation: () => string | undefined;
  /**
   * Closes the stores opened so far, after each test: a PostgreSQL store's idle connections would
   * otherwise stay open until the pool's idle timeout, and a quick run of tests each opening
   * stores can reach the server's connection limit.
   */
  release(): Promise<void>;
}

export interface TestEngines {
  readonly engines: readonly EngineHarness[];
  teardown(): Promise<void>;
}

export async function testEngines(): Promise<TestEngines> {
  const opened: KyselyRepository[] = [];
  const release = async () => {
    for (const repo of opened.splice(0)) await repo.close().catch(() => {});
  };
  const dir = mkdtempSync(join(tmpdir(), 'isnad-store-test-'));
  let n = 0;
  let lastSqlite: string | undefined;
  const sqliteOpening = (readModel: boolean): EngineHarness => ({
    name: 'sqlite',
    ...(readModel ? { variant: 'with read model' } : {}),
    async open() {
      lastSqlite = join(dir, `store-${n++}.sqlite`);
      const repo = await openSqliteStore({ file: lastSqlite, readModel });
      opened.push(repo);
      // Built now, so every read after this store's writes is answered by the model (kept current from the history).
      if (readModel) await (repo as FastSqliteRepository).readModel();
      return repo;
    },
    lastLocation: () => lastSqlite,
    release,
  });
  const pg = await postgresForTests();
  let lastPg: string | undefined;
  // One database migrated once, copied for each store (CREATE DATABASE … TEMPLATE), so a fresh
  // store costs a file copy rather than a run of the migrations.
  let template: Promise<string> | undefined;
  const migratedTemplate = async () => {
    if (!pg.available) throw new Error('unavailable');
    const url = await pg.server.createDatabase();
    await (await openPostgresStore({ url, maxConnections: 1 })).close();
    return url;
  };
  const postgresOpening = (readModel: boolean): EngineHarness => {
    const variant = readModel ? { variant: 'with read model' } : {};
    if (!pg.available) return { name: 'postgres', ...variant, skip: pg.reason, open: () => Promise.reject(new Error(pg.reason)), lastLocation: () => undefined, release };
    return {
      name: 'postgres',
      ...variant,
      async open() {
        template ??= migratedTemplate();
        lastPg = await pg.server.createDatabase({ template: await template });
        const repo = await openPostgresStore({ url: lastPg, maxConnections: 4, readModel });
        opened.push(repo);
        // Built now, so every read after this store's writes is answered by the model (kept current from the history).
        if (readModel) await repo.readModel();
        return repo;
      },
      lastLocation: () => lastPg,
      release,
    };
  };
  if (!pg.available) console.log(`postgres store tests skipped: ${pg.reason} (set ISNAD_REQUIRE_POSTGRES=1 to make this an error)`);
  return {
    engines: [sqliteOpening(false), sqliteOpening(true), postgresOpening(false), postgresOpening(true)],
    async teardown() {
      await release();
      if (pg.available) await pg.server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
