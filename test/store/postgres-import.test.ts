/**
 * Imports into the shared store on its own terms (skipped with one line when PostgreSQL cannot
 * be had; required under CI): while another connection writes the same records (the import
 * finds them absent, inserts, meets the other connection's key, and is rolled back and run
 * again on the path that replaces records), after a table gained a column, and by COPY
 * (`copy-import.ts`): the same rows and history as the generic path, the indexes and foreign
 * keys a large import drops put back, and nothing left behind by an import that fails.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/model.js';
import { generateDataset } from '../../bench/generate/kb.js';
import type { Claim } from '../../src/core/model.js';
import { person } from '../../src/interop/testing/fixtures.js';
import type { ModelBackedRepository } from '../../src/store/memory/model-backed-repository.js';
import { POSTGRES_CAPABILITIES } from '../../src/store/capabilities.js';
import { insertChunked } from '../../src/store/insert-new.js';
import { defaultFold } from '../../src/store/fold.js';
import { copyImportMany } from '../../src/store/postgres/copy-import.js';
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

  describe('by COPY', () => {
    const generated = generateDataset('tiny', 42);
    const base = { ...generated, claims: [], disputes: [] };
    /** The dataset's claims (with their disputes) in chunks after its sources and entities, as an archive is loaded. */
    const chunks = (() => {
      const out: Dataset[] = [base];
      const byDispute = new Map(generated.disputes.map((d) => [d.id, d]));
      for (let i = 0; i < generated.claims.length; i += 700) {
        const claims = generated.claims.slice(i, i + 700);
        const disputes = [...new Set(claims.flatMap((c) => (c.dispute ? [c.dispute] : [])))].flatMap((id) => {
          const d = byDispute.get(id);
          byDispute.delete(id);
          return d ? [d] : [];
        });
        out.push({ sources: [], entities: [], perspectives: [], claims, disputes });
      }
      return out;
    })();
    const withoutTimes = (xs: readonly { at: string }[]) => xs.map(({ at: _at, ...rest }) => rest);

    /** Indexes and constraints of the store's tables, as the server would make them again. */
    async function catalog(url: string): Promise<string[]> {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const ix = await c.query<{ d: string }>('select indexdef as d from pg_indexes where schemaname = current_schema() order by indexname');
        const con = await c.query<{ d: string }>("select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as d from pg_constraint where connamespace = current_schema()::regnamespace order by conrelid::regclass::text, conname");
        return [...ix.rows, ...con.rows].map((r) => r.d);
      } finally {
        await c.end();
      }
    }

    /** The object ids of the store's indexes: an index dropped and built again has a new one. */
    async function indexOids(url: string): Promise<string[]> {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query<{ oid: string }>("select indexrelid::text as oid from pg_index join pg_class t on t.oid = indrelid where t.relname in ('claim', 'evidence', 'attribution', 'entity_name') and not indisprimary order by 1")).rows.map((r) => r.oid);
      } finally {
        await c.end();
      }
    }

    /** A store whose imports go by COPY, dropping and rebuilding indexes from the first claim on; and one that takes the generic path. */
    async function pair(opts: { readModel?: boolean } = {}): Promise<{ bulk: ModelBackedRepository; generic: ModelBackedRepository; bulkUrl: string; genericUrl: string }> {
      if (!server.available) throw new Error('no PostgreSQL');
      const [bulkUrl, genericUrl] = [await server.server.createDatabase(), await server.server.createDatabase()];
      const bulk = await openPostgresStore({ url: bulkUrl, readModel: opts.readModel ?? false });
      const generic = await openPostgresStore({ url: genericUrl });
      bulk.rebuildIndexesAt = 1;
      bulk.bulkImportAt = 1;
      generic.bulkImportAt = Infinity;
      return { bulk, generic, bulkUrl, genericUrl };
    }

    it('writes the rows and history the generic path writes, and puts back every index and foreign key it dropped', async () => {
      const { bulk, generic, bulkUrl, genericUrl } = await pair();
      try {
        const before = await catalog(bulkUrl);
        expect(before.filter((d) => / FOREIGN KEY /.test(d)).length).toBeGreaterThanOrEqual(8);
        const oids = await indexOids(bulkUrl);
        expect(oids.length).toBeGreaterThanOrEqual(8);
        expect(await bulk.importMany(chunks, { actor: 'bulk', claims: generated.claims.length })).toEqual(await generic.importMany(chunks, { actor: 'bulk' }));
        // Built again (so the bulk path ran, and dropped them), each as it was defined.
        expect((await indexOids(bulkUrl)).filter((o) => oids.includes(o))).toEqual([]);
        expect(await bulk.exportDataset()).toEqual(await generic.exportDataset());
        expect(await bulk.counts()).toEqual(await generic.counts());
        expect(withoutTimes(await bulk.listChanges())).toEqual(withoutTimes(await generic.listChanges()));
        expect(await catalog(bulkUrl)).toEqual(before);
        expect(await catalog(bulkUrl)).toEqual(await catalog(genericUrl));
        // Importing the records again replaces them: COPY meets their keys, and the generic path runs.
        const again = chunks.map((c) => ({ ...c, claims: c.claims.map((x): Claim => ({ ...x, note: 'again\twith a tab, a \\ and a\nnew line' })) }));
        expect(await bulk.importMany(again, { actor: 'again' })).toEqual(await generic.importMany(again, { actor: 'again' }));
        expect(await bulk.exportDataset()).toEqual(await generic.exportDataset());
        expect(withoutTimes(await bulk.listChanges())).toEqual(withoutTimes(await generic.listChanges()));
      } finally {
        await bulk.close();
        await generic.close();
      }
    }, 60_000);

    it('keeps text that COPY must escape exactly as given', async () => {
      const { bulk, generic, bulkUrl } = await pair();
      const pool = new pg.Pool({ connectionString: bulkUrl, max: 1 });
      try {
        const odd = ['tab\there', 'line\nbreak', 'carriage\rreturn', 'back\\slash \\N', '\\N', 'ends with \\', 'Abū Muṣʿab al-Zarqāwī', 'emoji 🙂 and "quotes" {braces}', ''];
        const ds: Dataset = { ...base, entities: base.entities.map((e, i) => ({ ...e, canonical: `${odd[i % odd.length]!} ${i}`, ...(i % 3 === 0 ? { description: odd[(i + 1) % odd.length]! } : {}) })) };
        expect(await copyImportMany(pool, [ds], defaultFold, { actor: 'odd' })).toEqual([await generic.importDataset(ds, { actor: 'odd' })]);
        expect(await bulk.exportDataset()).toEqual(await generic.exportDataset());
        expect((await bulk.getEntity(ds.entities[1]!.id))?.canonical).toBe(`${odd[1]} 1`);
      } finally {
        await pool.end();
        await bulk.close();
        await generic.close();
      }
    }, 60_000);

    for (const rebuild of [true, false]) {
      it(`rolls the whole import back when a claim names a record that exists nowhere (${rebuild ? 'foreign keys added back at the end' : 'foreign keys checked row by row'})`, async () => {
        const { bulk, bulkUrl } = await pair();
        try {
          if (!rebuild) bulk.rebuildIndexesAt = Infinity;
          const before = await catalog(bulkUrl);
          const dangling: Claim = { ...generated.claims.find((c) => !c.dispute)!, id: 'dangling', subject: 'nobody-at-all' };
          const broken = [base, { sources: [], entities: [], perspectives: [], disputes: [], claims: [dangling] }];
          await expect(bulk.importMany(broken, { actor: 'bulk', claims: 2 })).rejects.toThrow(/refers to records that do not exist: in table claim, Key \(subject_id\)=\(nobody-at-all\) is not present in table "entity"; nothing was imported/);
          expect(await bulk.counts()).toMatchObject({ entities: 0, claims: 0, sources: 0 });
          expect(await bulk.listChanges()).toEqual([]);
          expect(await catalog(bulkUrl)).toEqual(before);
          expect((await bulk.importMany([base], { actor: 'bulk', claims: 2 }))[0]?.entities).toBe(generated.entities.length);
        } finally {
          await bulk.close();
        }
      }, 60_000);
    }

    it('leaves nothing behind when the datasets stop halfway (a reader that fails), and the indexes as they were', async () => {
      const { bulk, bulkUrl } = await pair();
      try {
        const before = await catalog(bulkUrl);
        function* failing(): Generator<Dataset> {
          yield chunks[0]!;
          yield chunks[1]!;
          throw new Error('the file ended early');
        }
        await expect(bulk.importMany(failing(), { actor: 'bulk', claims: generated.claims.length })).rejects.toThrow('the file ended early');
        expect(await bulk.counts()).toMatchObject({ entities: 0, claims: 0, sources: 0 });
        expect(await bulk.listChanges()).toEqual([]);
        expect(await catalog(bulkUrl)).toEqual(before);
        // A stream of records partly stored cannot be replayed on the generic path: said, and nothing written.
        await bulk.importMany([chunks[0]!], { actor: 'bulk' });
        const stream = function* () {
          yield* chunks.slice(0, 2);
        };
        await expect(bulk.importMany(stream(), { actor: 'bulk' })).rejects.toThrow(/stored already/);
        expect((await bulk.counts()).claims).toBe(0);
      } finally {
        await bulk.close();
      }
    }, 60_000);

    it('leaves the store as it was when the importing process is killed halfway (SIGKILL), its indexes and foreign keys back', async () => {
      const { bulk, bulkUrl } = await pair();
      const before = await catalog(bulkUrl);
      const oids = await indexOids(bulkUrl);
      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../support/bulk-import-child.ts', import.meta.url)), bulkUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const watcher = new pg.Client({ connectionString: bulkUrl });
      await watcher.connect();
      try {
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', (d: Buffer) => d.toString().includes('stalled') && resolve());
          child.on('exit', (code) => reject(new Error(`the importing process ended (${code}) before it stalled: ${stderr}`)));
        });
        // Halfway: its transaction has dropped the indexes and foreign keys and written two chunks.
        const inFlight = "select count(*)::int as n from pg_stat_activity where application_name = 'isnad-bulk-import-child' and state = 'idle in transaction'";
        expect((await watcher.query(inFlight)).rows[0].n).toBe(1);
        child.kill('SIGKILL');
        const deadline = Date.now() + 10_000;
        while ((await watcher.query("select count(*)::int as n from pg_stat_activity where application_name = 'isnad-bulk-import-child'")).rows[0].n > 0) {
          if (Date.now() > deadline) throw new Error('the server kept the connection of the killed import');
          await new Promise((r) => setTimeout(r, 20));
        }
        expect(await bulk.counts()).toMatchObject({ entities: 0, claims: 0, sources: 0, disputes: 0 });
        expect(await bulk.listChanges()).toEqual([]);
        expect(await catalog(bulkUrl)).toEqual(before);
        expect(await indexOids(bulkUrl)).toEqual(oids);
        // And the store takes the same import whole afterwards.
        expect((await bulk.importMany(chunks, { actor: 'again', claims: generated.claims.length })).reduce((n, s) => n + s.claims, 0)).toBe(generated.claims.length);
        expect(await catalog(bulkUrl)).toEqual(before);
      } finally {
        child.kill('SIGKILL');
        await watcher.end();
        await bulk.close();
      }
    }, 60_000);

    it('shows what it imported to a store that answers from its read model at once', async () => {
      const { bulk } = await pair({ readModel: true });
      try {
        await bulk.importMany([chunks[0]!], { actor: 'bulk' });
        expect(await bulk.listClaims({})).toEqual([]);
        await bulk.importMany(chunks.slice(1, 3), { actor: 'bulk' });
        const ids = [...chunks[1]!.claims, ...chunks[2]!.claims].map((c) => c.id).sort();
        expect((await bulk.listClaims({})).map((c) => c.id).sort()).toEqual(ids);
      } finally {
        await bulk.close();
      }
    }, 60_000);
  });
});

