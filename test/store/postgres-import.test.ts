/**
 * Imports into the shared store on its own terms (skipped with one line when PostgreSQL cannot
 * be had; required under CI): while another connection writes the same records (the import
 * finds them absent, inserts, meets the other connection's key, and is rolled back and run
 * again on the path that replaces records), and after a table gained a column.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/model.js';
import { person } from '../../src/interop/testing/fixtures.js';
import { POSTGRES_CAPABILITIES } from '../../src/store/capabilities.js';
import { insertChunked } from '../../src/store/insert-new.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres.js';
import type { Database } from '../../src/store/schema.js';
import { postgresForTests, type PostgresForTests } from '../support/postgres.js';
import { loadMini } from './repository.suite.js';

const server: PostgresForTests = await postgresForTests();
afterAll(async () => {
  if (server.available) await server.server.stop();
});

describe.skipIf(!server.available)(`imports on PostgreSQL${server.available ? '' : ` (skipped: ${server.reason})`}`, () => {
  it('waits for a record another connection is inserting, then replaces it instead of failing', async () => {
    if (!server.available) return;
    const url = await server.server.createDatabase();
    const repo = await openPostgresStore({ url });
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      const mini = loadMini();
      await repo.importDataset(mini, { actor: 'fixture' });
      await other.query('begin');
      await other.query("insert into entity (id, type, canonical, version) values ('twice-person', 'person', 'Written Elsewhere', 1)");
      const ds: Dataset = { sources: [], entities: [person('twice-person', 'Twice Person')], claims: [{ ...mini.claims[0]!, id: 'twice-claim' }], perspectives: [], disputes: [] };
      const importing = repo.importDataset(ds, { actor: 'late' });
      // The import cannot see the uncommitted row, so it inserts, and waits on its key.
      const deadline = Date.now() + 10_000;
      while ((await other.query("select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")).rows[0].n === 0) {
        if (Date.now() > deadline) throw new Error('the import never waited on the other connection');
        await new Promise((r) => setTimeout(r, 20));
      }
      await other.query('commit');
      await importing;
      expect(await repo.getEntity('twice-person')).toMatchObject({ canonical: 'Twice Person', version: 2 });
      expect(await repo.getClaim('twice-claim')).toMatchObject({ subject: mini.claims[0]!.subject, version: 1 });
      expect((await repo.listChanges()).map((c) => [c.action, c.actor])).toEqual([
        ['import', 'fixture'],
        ['import', 'late'],
      ]);
    } finally {
      await other.end();
      await repo.close();
    }
  });

  it('inserts a column the table gained after its column types were read (one array per column)', async () => {
    if (!server.available) return;
    const url = await server.server.createDatabase();
    const repo = await openPostgresStore({ url });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    try {
      // The first import reads the entity table's column types; then the table gains a column.
      await repo.importDataset({ sources: [], entities: [person('first', 'First Person')], claims: [], perspectives: [], disputes: [] });
      await db.schema.alterTable('entity').addColumn('extra', 'text').execute();
      const row = { id: 'second', type: 'person', canonical: 'Second, "quoted" {braced} \\ NULL', description: null, version: 1, extra: 'x' };
      await insertChunked(db, POSTGRES_CAPABILITIES, 'entity', [row as Database['entity']]);
      const stored = await db.selectFrom('entity').selectAll().where('id', '=', 'second').executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ canonical: row.canonical, description: null, extra: 'x' });
    } finally {
      await db.destroy();
      await repo.close();
    }
  });
});
