/**
 * The curated default dataset through the API: every view of every entity answers without a
 * server error, and every answer matches its response schema.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDataset } from '../interop/native/read-dataset.js';
import { openStore } from '../store/open-store.js';
import type { Repository } from '../store/repository.js';
import { createApp } from './app.js';

const DATASET = new URL('../../data/islamic-state-al-qaeda.yaml', import.meta.url);
let repo: Repository;
let dir: string;
let app: ReturnType<typeof createApp>;
const errors: unknown[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'isnad-dataset-api-'));
  repo = await openStore(join(dir, 'kb.sqlite'));
  await repo.importDataset(readDataset(readFileSync(DATASET, 'utf8'), { file: 'islamic-state-al-qaeda.yaml' }));
  app = createApp({ repo, options: { validateResponses: true }, log: (e) => errors.push(e) });
}, 120_000);
afterAll(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

it('answers every view of every entity, each matching its schema', async () => {
  const { items } = (await (await app.request('/api/entities?limit=500')).json()) as { items: { id: string; type: string }[] };
  expect(items.length).toBeGreaterThan(20);
  const failures: string[] = [];
  const check = async (path: string, ok: number[] = [200]) => {
    const res = await app.request(path);
    if (!ok.includes(res.status)) failures.push(`${path} → ${res.status} ${(await res.text()).slice(0, 200)}`);
  };
  for (const path of ['/api/stats', '/api/disputes', '/api/timeline', '/api/network?date=2008-06', '/api/network?date=2014-07', '/api/sources', '/api/review', '/api/perspectives']) await check(path);
  for (const { id, type } of items) {
    await check(`/api/entities/${id}`);
    await check(`/api/claims?entity=${id}`);
    await check(`/api/timeline?entity=${id}`);
    await check(`/api/asof?entity=${id}&date=2008-06`);
    await check(`/api/network?date=2010&focus=${id}&hops=3`);
    await check(`/api/disputes?entity=${id}`);
    await check(`/api/lineage?entity=${id}`, type === 'organization' ? [200] : [400]);
  }
  for (const s of (await (await app.request('/api/sources')).json()) as { id: string }[]) await check(`/api/sources/${s.id}`);
  expect(failures).toEqual([]);
  expect(errors).toEqual([]);
}, 300_000);
