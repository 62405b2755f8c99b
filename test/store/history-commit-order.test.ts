/**
 * History ids on PostgreSQL become visible in increasing order (migration 007), so a reader
 * following "entries with id > the last id seen" misses none: a second writer waits for the
 * first to commit before it takes its id. Without the migration (rolled back to 006) the second
 * writer commits first and the reader loses the first writer's entry. Skipped with one line when
 * PostgreSQL cannot be had; required under CI.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_CAPABILITIES } from '../../src/store/capabilities.js';
import { migrateTo } from '../../src/store/migrate.js';
import type { ModelBackedRepository } from '../../src/store/memory/model-backed-repository.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres.js';
import { postgresForTests, type PostgresForTests } from '../support/postgres.js';
import { loadMini } from './repository.suite.js';

const server: PostgresForTests = await postgresForTests();
afterAll(async () => {
  if (server.available) await server.server.stop();
});

const INSERT = "insert into change_log (at, actor, action, target_kind, target_id) values (now()::text, $1, 'edit', 'entity', $1) returning id";
/** Backends of this database waiting on an advisory lock (the history lock), or only `pid`. */
const WAITING = "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory' and ($1::int is null or pid = $1)";

async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

const maxId = async (c: pg.Client): Promise<number> => Number((await c.query('select coalesce(max(id), 0) as id from change_log')).rows[0].id);
const idsAfter = async (c: pg.Client, seen: number): Promise<number[]> => (await c.query('select id from change_log where id > $1 order by id', [seen])).rows.map((r: { id: string }) => Number(r.id));

/**
 * Whether `write` finishes first ('done') or a backend (`pid`, or any when null) is first seen
 * waiting on the history lock ('waiting'), watched from `watcher`.
 */
async function doneOrWaiting(write: Promise<unknown>, watcher: pg.Client, pid: number | null): Promise<'done' | 'waiting'> {
  let finished = false;
  const done = write.then(
    () => ((finished = true), 'done' as const),
    () => ((finished = true), 'done' as const),
  );
  const waiting = (async () => {
    const deadline = Date.now() + 10_000;
    while (!finished) {
      if ((await watcher.query(WAITING, [pid])).rows[0].n > 0) return 'waiting' as const;
      if (Date.now() > deadline) throw new Error('the write neither finished nor waited on the history lock');
      await new Promise((r) => setTimeout(r, 10));
    }
    return 'done' as const;
  })();
  return Promise.race([done, waiting]);
}

interface Observed {
  /** Whether B's insert finished while A was open, or waited on the lock. */
  b: 'done' | 'waiting';
  aId: number;
  bId: number;
  /** The newest id a reader saw while A was open. */
  seen: number;
  /** What that reader finds afterwards by following "id > seen". */
  followed: number[];
}

/**
 * A inserts a history entry and stays open; B inserts one (committing at once if it can); a
 * reader notes the newest id; A commits, then B; the reader follows the history from there.
 */
async function race(url: string): Promise<Observed> {
  const [a, b, reader] = [await connect(url), await connect(url), await connect(url)];
  try {
    const bPid = Number((await b.query('select pg_backend_pid() as pid')).rows[0].pid);
    await a.query('begin');
    const aId = Number((await a.query(INSERT, ['a'])).rows[0].id);
    await b.query('begin');
    const bInsert = b.query(INSERT, ['b']).then((r) => Number(r.rows[0].id));
    const state = await doneOrWaiting(bInsert, reader, bPid);
    if (state === 'done') await b.query('commit');
    const seen = await maxId(reader);
    await a.query('commit');
    const bId = await bInsert;
    if (state === 'waiting') await b.query('commit');
    return { b: state, aId, bId, seen, followed: await idsAfter(reader, seen) };
  } finally {
    for (const c of [a, b, reader]) await c.end();
  }
}

/** Two stores on a new database holding the mini fixture, and a plain client to watch from; `close` ends all three. */
async function twoWriters(): Promise<{ first: ModelBackedRepository; second: ModelBackedRepository; reader: pg.Client; close: () => Promise<void> }> {
  if (!server.available) throw new Error(server.reason);
  const url = await server.server.createDatabase();
  const [first, second] = [await openPostgresStore({ url }), await openPostgresStore({ url })];
  const reader = await connect(url);
  await first.importDataset(loadMini(), { actor: 'fixture' });
  return { first, second, reader, close: async () => (await reader.end(), await first.close(), await second.close()) };
}

describe.skipIf(!server.available)(`history ids in commit order on PostgreSQL${server.available ? '' : ` (skipped: ${server.reason})`}`, () => {
  it('makes a second writer wait for the first to commit, so a reader following the ids misses neither entry', async () => {
    if (!server.available) return;
    const url = await server.server.createDatabase();
    await (await openPostgresStore({ url })).close();
    const seen = await race(url);
    expect(seen.b).toBe('waiting');
    expect(seen.seen).toBeLessThan(seen.aId);
    expect(seen.aId).toBeLessThan(seen.bId);
    expect(seen.followed).toEqual([seen.aId, seen.bId]);
  });

  it('without the migration (at 006) the second writer commits first and the reader loses the first entry; up again, it waits', async () => {
    if (!server.available) return;
    const url = await server.server.createDatabase();
    await (await openPostgresStore({ url })).close();
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    try {
      await migrateTo(db, POSTGRES_CAPABILITIES, '006-clustered-children');
      const before = await race(url);
      expect(before.b).toBe('done');
      expect(before.seen).toBe(before.bId);
      expect(before.aId).toBeLessThan(before.bId);
      expect(before.followed).not.toContain(before.aId);

      expect(await migrateTo(db, POSTGRES_CAPABILITIES)).toEqual(['007-history-commit-order']);
      const after = await race(url);
      expect(after.b).toBe('waiting');
      expect(after.followed).toEqual([after.aId, after.bId]);
    } finally {
      await db.destroy();
    }
  });

  it('orders the repository’s own writes: a rename waits for an open transaction that wrote first', async () => {
    if (!server.available) return;
    const { first, second, reader, close } = await twoWriters();
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    try {
      const [e1, e2] = await first.listEntities({ limit: 2 });
      if (!e1 || !e2) throw new Error('the fixture has fewer than two entities');
      let opened!: (id: number) => void;
      const wrote = new Promise<number>((r) => (opened = r));
      const held = first.transaction(async (tx) => {
        await tx.updateEntity({ ...e1, canonical: `${e1.canonical} (A)` }, { actor: 'a' });
        opened(await tx.latestChangeId());
        await released;
      });
      const aId = await wrote;
      const renaming = second.updateEntity({ ...e2, canonical: `${e2.canonical} (B)` }, { actor: 'b' });
      expect(await doneOrWaiting(renaming, reader, null)).toBe('waiting');
      const seen = await maxId(reader);
      expect(seen).toBeLessThan(aId);
      release();
      await held;
      await renaming;
      const followed = await second.listChanges({ afterId: seen });
      expect(followed.map((c) => [c.actor, c.targetId])).toEqual([
        ['a', e1.id],
        ['b', e2.id],
      ]);
      expect(followed[0]!.id).toBe(aId);
      expect((await second.getEntity(e2.id))?.canonical).toBe(`${e2.canonical} (B)`);
    } finally {
      // An assertion that failed while the transaction was open must not leave it (and close) hanging.
      release();
      await close();
    }
  });

  it('turns the deadlock a multi-record transaction can meet into a clean outcome: the single write runs again, and neither writer sees a raw deadlock', async () => {
    if (!server.available) return;
    const { first, second, reader, close } = await twoWriters();
    try {
      const [entity] = await first.listEntities({ limit: 1 });
      const [claim] = await first.listClaims({ limit: 1 });
      if (!entity || !claim) throw new Error('the fixture has no entity or claim');
      let go!: () => void;
      const gate = new Promise<void>((r) => (go = r));
      let wrote!: () => void;
      const didWrite = new Promise<void>((r) => (wrote = r));
      // A merge-like transaction: its first write takes the history lock, then it locks a claim row.
      const merging = first.transaction(async (tx) => {
        await tx.updateEntity({ ...entity, canonical: `${entity.canonical} (merged)` }, { actor: 'merge' });
        wrote();
        await gate;
        await tx.updateClaim({ ...claim, note: 'moved by the merge' }, { actor: 'merge' });
      });
      await didWrite;
      // A single edit of that claim: it locks the row, then waits for the history lock.
      const editing = second.updateClaim({ ...claim, note: 'edited' }, { actor: 'editor' });
      expect(await doneOrWaiting(editing, reader, null)).toBe('waiting');
      go();
      const outcomes = await Promise.allSettled([merging, editing]);
      const described = outcomes.map((o) => (o.status === 'fulfilled' ? 'saved' : `${(o.reason as { code?: string }).code}: ${(o.reason as Error).message}`));
      // No raw PostgreSQL deadlock reaches a caller; whichever was aborted ends as a conflict to retry, or saved on its second run.
      for (const d of described) expect(d).toMatch(/^(saved|conflict: )/);
      expect(described).toContain('saved');
      const stored = await second.getClaim(claim.id);
      expect(['moved by the merge', 'edited']).toContain(stored?.note);
    } finally {
      await close();
    }
  });
});
