/**
 * The SQLite store keeps its fuzzy-search name index current without rebuilding it: its own
 * imports and entity edits replace the names of the entities they wrote, while a write by
 * another connection to the same file makes the next search rebuild it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entitiesOnly, mini, person } from '../../interop/testing/fixtures.js';
import type { Repository } from '../repository.js';
import { FastSqliteRepository } from './fast-repository.js';
import { openSqliteStore } from './open-sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'isnad-name-upkeep-'));
const opened: Repository[] = [];
afterAll(async () => {
  for (const r of opened) await r.close();
  rmSync(dir, { recursive: true, force: true });
});
let n = 0;

async function open(file = join(dir, `store-${n++}.sqlite`)): Promise<FastSqliteRepository> {
  const repo = await openSqliteStore({ file });
  opened.push(repo);
  expect(repo).toBeInstanceOf(FastSqliteRepository);
  return repo as FastSqliteRepository;
}

const found = (repo: FastSqliteRepository, name: string) => repo.nameIndex().lookup(name, { limit: 10 }).map((h) => h.entityId);

describe('the name index of the SQLite store', () => {
  it('takes in the names of entities this store imports, without a rebuild', async () => {
    const repo = await open();
    await repo.importDataset(mini());
    const index = repo.nameIndex();
    await repo.importDataset(entitiesOnly([person('p-new', 'Samir Abd Muhammad al-Khlifawi')]));
    expect(repo.nameIndex()).toBe(index);
    expect(found(repo, 'Samir al-Khlifawi')).toContain('p-new');
  });

  it('replaces the names of an entity this store edits, without a rebuild', async () => {
    const repo = await open();
    await repo.importDataset(entitiesOnly([person('p1', 'Abu Ayyub al-Masri'), person('p2', 'Hamid al-Zawi')]));
    const index = repo.nameIndex();
    expect(found(repo, 'Abu Ayyub al-Masri')).toContain('p1');
    const before = (await repo.getEntity('p1'))!;
    await repo.updateEntity({ ...person('p1', 'Abu Hamza al-Muhajir'), version: before.version }, { actor: 'test', expectedVersion: before.version });
    expect(repo.nameIndex()).toBe(index);
    expect(found(repo, 'Abu Hamza al-Muhajir')).toContain('p1');
    expect(found(repo, 'Abu Ayyub al-Masri')).not.toContain('p1');
    expect(found(repo, 'Hamid al-Zawi')).toContain('p2');
    expect(index.size).toBe(2);
  });

  it('rebuilds after another connection writes to the same file', async () => {
    const file = join(dir, 'shared.sqlite');
    const server = await open(file);
    await server.importDataset(entitiesOnly([person('p1', 'Abu Ayyub al-Masri')]));
    const index = server.nameIndex();
    expect(server.nameIndex()).toBe(index); // nothing changed: the same index
    const cli = await open(file);
    await cli.importDataset(entitiesOnly([person('p9', 'Abu Muhammad al-Adnani')]));
    expect(server.nameIndex()).not.toBe(index);
    expect(found(server, 'Abu Muhammad al-Adnani')).toContain('p9');
  });
});
