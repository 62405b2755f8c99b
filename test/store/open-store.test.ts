/** `openStore`: a path opens SQLite, a postgres:// URL opens PostgreSQL; engine-specific set-up. */
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { IsnadError } from '../../src/core/errors.js';
import { DATABASE_URL_ENV, isPostgresUrl, openStore, redactUrl, resolveStoreLocation } from '../../src/store/open-store.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres.js';
import { testEngines } from './engines.js';
import { loadMini } from './repository.suite.js';

const { engines, teardown } = await testEngines();
afterAll(teardown);
const sqlite = engines.find((e) => e.name === 'sqlite')!;
const postgres = engines.find((e) => e.name === 'postgres')!;

describe('store locations', () => {
  it('tells URLs from paths and masks passwords', () => {
    expect(isPostgresUrl('postgres://u@h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://u@h/db')).toBe(true);
    expect(isPostgresUrl('/tmp/postgres.sqlite')).toBe(false);
    expect(redactUrl('postgres://isnad:secret@db.example:5432/isnad')).toBe('postgres://isnad:***@db.example:5432/isnad');
    expect(redactUrl('postgres://isnad@db.example/isnad')).toBe('postgres://isnad@db.example/isnad');
  });

  it('takes --db first, then ISNAD_DATABASE_URL, then the embedded default', () => {
    expect(DATABASE_URL_ENV).toBe('ISNAD_DATABASE_URL');
    const env = { ISNAD_DATABASE_URL: 'postgres://u@h/db' };
    expect(resolveStoreLocation('x.sqlite', 'default.sqlite', env)).toBe('x.sqlite');
    expect(resolveStoreLocation(undefined, 'default.sqlite', env)).toBe('postgres://u@h/db');
    expect(resolveStoreLocation(undefined, 'default.sqlite', {})).toBe('default.sqlite');
  });

  it('opens a SQLite file by path', async () => {
    await (await sqlite.open()).close();
    const repo = await openStore(sqlite.lastLocation()!);
    expect(repo.engine).toBe('sqlite');
    await repo.close();
  });

  it('reports an unreachable server as an IsnadError with the password masked', async () => {
    const err = await openStore('postgres://isnad:hunter2@127.0.0.1:1/isnad').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IsnadError);
    expect((err as Error).message).toContain('postgres://isnad:***@127.0.0.1:1/isnad');
    expect((err as Error).message).not.toContain('hunter2');
  });
});

describe.skipIf(postgres.skip !== undefined)('PostgreSQL specifics', () => {
  it('opens by URL, with pg_trgm installed and the trigram index in place', async () => {
    await (await postgres.open()).close();
    const repo = await openPostgresStore({ url: postgres.lastLocation()! });
    try {
      expect(repo.engine).toBe('postgres');
      expect(repo.caps.trigramSearch).toBe(true);
      const idx = await repo.rawQuery<{ indexname: string }>(sql`select indexname from pg_indexes where tablename = 'entity_name' order by indexname`);
      expect(idx.map((r) => r.indexname)).toContain('entity_name_folded_trgm');
      const coll = await repo.rawQuery<{ collation_name: string | null }>(sql`select collation_name from information_schema.columns where table_name = 'claim' and column_name = 'id'`);
      expect(coll[0]?.collation_name).toBe('C');
    } finally {
      await repo.close();
    }
  });

  it('opens through openStore and ISNAD_DATABASE_URL', async () => {
    await (await postgres.open()).close();
    const url = resolveStoreLocation(undefined, 'unused.sqlite', { ISNAD_DATABASE_URL: postgres.lastLocation()! });
    const repo = await openStore(url);
    try {
      await repo.importDataset(loadMini());
      expect((await repo.counts()).claims).toBe(20);
    } finally {
      await repo.close();
    }
  });

  it('a read-only store reads but refuses every write on the server', async () => {
    const writable = await postgres.open();
    await writable.importDataset(loadMini());
    const repo = await openStore(postgres.lastLocation()!, { readonly: true });
    try {
      expect((await repo.counts()).claims).toBe(20);
      await expect(repo.setClaimStatus('candidate-one', 'accepted')).rejects.toThrow(/read-only/);
      expect((await repo.getClaim('candidate-one'))?.status).toBe('candidate');
    } finally {
      await repo.close();
    }
  });

  it('migrates once when several servers open the same database at the same moment', async () => {
    await (await postgres.open()).close();
    const { Client } = (await import('pg')).default;
    const url = postgres.lastLocation()!;
    // A fresh, unmigrated database next to it:
    const c = new Client({ connectionString: url });
    await c.connect();
    const name = `${new URL(url).pathname.slice(1)}_race`;
    await c.query(`create database ${name}`);
    await c.end();
    const raceUrl = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
    const repos = await Promise.all([1, 2, 3].map(() => openPostgresStore({ url: raceUrl, maxConnections: 2 })));
    try {
      const applied = await repos[0]!.rawQuery<{ name: string }>(sql`select name from kysely_migration order by name`);
      expect(applied.length).toBeGreaterThanOrEqual(3);
      expect(new Set(applied.map((r) => r.name)).size).toBe(applied.length);
    } finally {
      for (const r of repos) await r.close();
      const c2 = new Client({ connectionString: url });
      await c2.connect();
      await c2.query(`drop database if exists ${name} with (force)`);
      await c2.end();
    }
  });
});
