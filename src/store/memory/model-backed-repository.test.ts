/**
 * The model-backed store when reads, writes and checks of the history overlap (the shared
 * store's server answers many requests at once): a read that began while a view ran ends; this
 * store's own write is seen by its next read even when a check begun before the write was still
 * under way; a source read under way when a write replaced it is not kept. Run over SQLite
 * through the generic Kysely path, which this class serves on any engine; the checks are slowed
 * down by hand to make the overlaps certain.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../bench/generate/kb.js';
import type { Dataset, Source } from '../../core/model.js';
import { SQLITE_CAPABILITIES } from '../capabilities.js';
import { defaultFold } from '../fold.js';
import { migrateToLatest } from '../migrate.js';
import type { Database as Schema } from '../schema.js';
import type { StoreReads } from './kysely-read-model.js';
import { ModelBackedRepository } from './model-backed-repository.js';

const generated = generateDataset('tiny', 7);
const opened: ModelBackedRepository[] = [];
afterEach(async () => {
  for (const r of opened.splice(0)) await r.close();
});

async function modelled(): Promise<{ repo: ModelBackedRepository; store: StoreReads; syncs: { count: number } }> {
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  await migrateToLatest(db as Kysely<unknown>, SQLITE_CAPABILITIES);
  const repo = new ModelBackedRepository(db, SQLITE_CAPABILITIES, { fold: defaultFold, close: () => db.destroy() });
  opened.push(repo);
  await repo.importDataset({ ...generated, claims: generated.claims.slice(0, 50) }, { actor: 'test' });
  repo.useReadModel = true;
  const model = (await repo.readModel())!;
  const syncs = { count: 0 };
  const sync = model.sync.bind(model);
  model.sync = () => (syncs.count++, sync());
  return { repo, store: (model as unknown as { store: StoreReads }).store, syncs };
}

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  return { opened: new Promise<void>((resolve) => (open = resolve)), open };
}

/** Makes the next call of `store[method]` wait, after the store has answered, until the returned gate opens. */
function holdNext<K extends keyof StoreReads>(store: StoreReads, method: K): { open: () => void; reached: Promise<void> } {
  const original = store[method] as (...args: unknown[]) => Promise<unknown>;
  const held = gate();
  const reached = gate();
  let first = true;
  (store as unknown as Record<K, unknown>)[method] = async (...args: unknown[]) => {
    const answer = await original.apply(store, args);
    if (first) {
      first = false;
      reached.open();
      await held.opened;
    }
    return answer;
  };
  return { open: held.open, reached: reached.opened };
}

const noRecords: Dataset = { sources: [], entities: [], perspectives: [], disputes: [], claims: [] };

describe('the model-backed store, with reads, writes and checks overlapping', () => {
  it('ends a read made outside views while a view runs, when the view ends first', async () => {
    const { repo, store, syncs } = await modelled();
    const slow = holdNext(store, 'listChanges');
    const view = gate();
    const viewing = repo.oneView(() => view.opened);
    const reading = repo.getClaims([generated.claims[0]!.id]);
    await slow.reached;
    view.open();
    await viewing;
    slow.open();
    expect((await reading).map((c) => c.id)).toEqual([generated.claims[0]!.id]);
    expect(syncs.count).toBeLessThanOrEqual(2);
  });

  it("sees its own write at the next read, though a check begun before the write was under way", async () => {
    const { repo, store } = await modelled();
    const id = generated.claims[0]!.id;
    expect((await repo.getClaim(id))?.status).toBe('accepted');
    const slow = holdNext(store, 'listChanges');
    const before = repo.getClaim(id); // its check has read the history, not yet put anything in place
    await slow.reached;
    await repo.setClaimStatus(id, 'rejected', { actor: 'me' });
    const after = repo.getClaim(id);
    slow.open();
    await before;
    expect((await after)?.status).toBe('rejected');
    expect((await repo.oneView(() => repo.getClaim(id)))?.status).toBe('rejected');
  });

  it('does not keep a source read under way when a write replaced it', async () => {
    const { repo, store } = await modelled();
    const source: Source = generated.sources[0]!;
    const titled = (title: string): Dataset => ({ ...noRecords, sources: [{ ...source, title }] });
    await repo.importDataset(titled('first edition'), { actor: 'me' });
    await repo.getClaim(generated.claims[0]!.id); // follows the import: the source is to be read again
    const slow = holdNext(store, 'getSources');
    const reading = repo.getSources([source.id]);
    await slow.reached;
    await repo.importDataset(titled('second edition'), { actor: 'me' });
    expect((await repo.getSources([source.id]))[0]?.title).toBe('second edition');
    slow.open();
    expect((await reading)[0]?.title).toBe('first edition');
    expect((await repo.getSources([source.id]))[0]?.title).toBe('second edition');
    expect((await repo.oneView(() => repo.getSources([source.id])))[0]?.title).toBe('second edition');
  });
});
