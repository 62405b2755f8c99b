/**
 * The knowledge base's name search: index matches, exact and prefix matches merged and ranked,
 * and only the entities shown loaded (in one call), with a vanished entity's place given to the
 * next hit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { entitiesOnly, person } from '../interop/testing/fixtures.js';
import type { Repository } from '../store/repository.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite.js';
import { nameSearcher } from './name-search.js';

const people = entitiesOnly([person('p-ayyub', 'Abu Ayyub al-Masri'), person('p-hamza', 'Abu Hamza al-Muhajir'), person('p-umar', 'Abu Umar al-Baghdadi'), person('p-bakr', 'Abu Bakr al-Baghdadi'), person('p-zawi', 'Hamid al-Zawi')]);

const repos: Repository[] = [];
afterAll(async () => {
  for (const r of repos) await r.close();
});

async function store(): Promise<Repository> {
  const repo = await openSqliteStore({ file: ':memory:' });
  repos.push(repo);
  await repo.importDataset(people);
  return repo;
}

describe('nameSearcher', () => {
  it('puts the exact name first and loads only the entities it returns, in one call', async () => {
    const repo = await store();
    const calls: string[][] = [];
    const search = nameSearcher(repo, (ids) => (calls.push([...ids]), repo.getEntities(ids)));
    // Abu Bakr al-Baghdadi is another man (another kunya): left out, not loaded.
    const hits = await search.search('Abu Umar al-Baghdadi', 5);
    expect(hits.map((h) => [h.entity.id, h.score])).toEqual([['p-umar', 1]]);
    expect(calls).toEqual([['p-umar']]);
    // Four names start with "abu"; with a limit of two, two entities are loaded.
    calls.length = 0;
    expect(await search.search('abu', 2)).toHaveLength(2);
    expect(calls.map((c) => c.length)).toEqual([2]);
  });

  it('orders equal scores by the name that matched, and honours the limit', async () => {
    const repo = await store();
    const hits = await nameSearcher(repo).search('abu', 3);
    expect(hits.map((h) => h.matchedName)).toEqual(['Abu Ayyub al-Masri', 'Abu Bakr al-Baghdadi', 'Abu Hamza al-Muhajir']);
    expect(new Set(hits.map((h) => h.score)).size).toBe(1);
  });

  it('gives the place of an entity that is gone to the next hit', async () => {
    const repo = await store();
    const withoutBakr = (ids: readonly string[]) => repo.getEntities(ids.filter((id) => id !== 'p-bakr'));
    const hits = await nameSearcher(repo, withoutBakr).search('abu', 3);
    expect(hits.map((h) => h.entity.id)).toEqual(['p-ayyub', 'p-hamza', 'p-umar']);
  });
});
