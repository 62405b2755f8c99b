/**
 * The name index of a store that keeps none itself stays current from the store's history:
 * names written by this connection or another one (another server process, another user) are
 * found on the next search, names replaced are forgotten, and a reverted import rebuilds it.
 * Run on every engine; PostgreSQL is where it serves.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../store/repository.js';
import { entitiesOnly, person } from '../interop/testing/fixtures.js';
import type { KyselyRepository } from '../store/kysely-repository.js';
import { openPostgresStore } from '../store/postgres/open-postgres.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite.js';
import { testEngines } from '../../test/store/engines.js';
import { entitiesTouched, historyNameIndex } from './history-name-index.js';

const { engines, teardown } = await testEngines();
const extra: KyselyRepository[] = [];
afterAll(async () => {
  for (const r of extra) await r.close();
  await teardown();
});


describe('entitiesTouched', () => {
  const entry = (e: Partial<ChangeEntry>): ChangeEntry => ({ id: 1, at: '', actor: 'a', action: 'edit', targetKind: 'claim', targetId: 'c1', before: null, after: null, ...e });
  it('names the entities of entity changes and of imports, none for claims and sources', () => {
    expect(entitiesTouched([entry({ targetKind: 'claim' }), entry({ targetKind: 'source', targetId: 's1' })])).toEqual(new Set());
    expect(entitiesTouched([entry({ targetKind: 'entity', targetId: 'p1' }), entry({ targetKind: 'dataset', action: 'import', after: { ids: { entities: ['p2', 'p3'] } } })])).toEqual(new Set(['p1', 'p2', 'p3']));
  });
  it('cannot tell for a reverted import or an unknown kind of change', () => {
    expect(entitiesTouched([entry({ targetKind: 'dataset', action: 'revert', after: { restored: {} } })])).toBeUndefined();
    expect(entitiesTouched([entry({ targetKind: 'perspective' })])).toBeUndefined();
  });
});

for (const engine of engines) {
  const suite = engine.skip ? describe.skip : describe;
  suite(`history name index (${engine.name})`, () => {
    const found = async (repo: KyselyRepository, name: string) => (await historyNameIndex(repo)).lookup(name, { limit: 10 }).map((h) => h.entityId);
    const second = async (): Promise<KyselyRepository> => {
      const where = engine.lastLocation()!;
      const repo = engine.name === 'postgres' ? await openPostgresStore({ url: where, maxConnections: 1 }) : await openSqliteStore({ file: where });
      extra.push(repo);
      return repo;
    };

    it('finds names written since the last search, by this connection or another, and forgets replaced ones', async () => {
      const repo = await engine.open();
      await repo.importDataset(entitiesOnly([person('p1', 'Abu Ayyub al-Masri'), person('p2', 'Hamid al-Zawi')]));
      const index = await historyNameIndex(repo);
      expect(await found(repo, 'Abu Ayyub al-Masri')).toContain('p1');

      const other = await second();
      await other.importDataset(entitiesOnly([person('p9', 'Abu Muhammad al-Adnani')]));
      const before = (await other.getEntity('p1'))!;
      await other.updateEntity({ ...person('p1', 'Abu Hamza al-Muhajir'), version: before.version }, { actor: 'test', expectedVersion: before.version });

      expect(await found(repo, 'Abu Muhammad al-Adnani')).toContain('p9');
      expect(await found(repo, 'Abu Hamza al-Muhajir')).toContain('p1');
      expect(await found(repo, 'Abu Ayyub al-Masri')).not.toContain('p1');
      expect(await historyNameIndex(repo)).toBe(index); // replayed, not rebuilt
      expect(index.size).toBe(3);
    });

    it('rebuilds after a change whose entities it cannot tell (a reverted import)', async () => {
      const repo = await engine.open();
      await repo.importDataset(entitiesOnly([person('p1', 'Abu Ayyub al-Masri')]));
      const index = await historyNameIndex(repo);
      await repo.importDataset(entitiesOnly([person('p5', 'Abu Omar al-Shishani')]));
      const imported = (await repo.listChanges()).at(-1)!;
      expect(await found(repo, 'Abu Omar al-Shishani')).toContain('p5');
      await repo.revertChange(imported.id, { actor: 'test' });
      expect(await found(repo, 'Abu Omar al-Shishani')).not.toContain('p5');
      expect(await historyNameIndex(repo)).not.toBe(index);
    });
  });
}
