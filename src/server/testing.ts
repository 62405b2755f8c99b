/** Test support: an app over a fresh SQLite store (temp file) holding test/fixtures/mini.yaml. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataset } from '../interop/native/read-dataset.js';
import { openStore } from '../store/open-store.js';
import type { Repository } from '../store/repository.js';
import { createApp, type CreateAppOptions } from './app.js';

export const MINI_FIXTURE = new URL('../../test/fixtures/mini.yaml', import.meta.url);

export interface TestServer {
  readonly app: ReturnType<typeof createApp>;
  readonly repo: Repository;
  readonly errors: unknown[];
  close(): Promise<void>;
}

export async function miniStore(): Promise<{ repo: Repository; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-server-'));
  const repo = await openStore(join(dir, 'test.sqlite'));
  await repo.importDataset(readDataset(readFileSync(MINI_FIXTURE, 'utf8'), { file: 'mini.yaml', now: '2020-01-01T00:00:00Z' }), { actor: 'fixture' });
  return { repo, dir };
}

export async function testServer(extra: Partial<CreateAppOptions> = {}): Promise<TestServer> {
  const { repo, dir } = await miniStore();
  const errors: unknown[] = [];
  const app = createApp({ repo, log: (e) => errors.push(e), ...extra, options: { validateResponses: true, ...extra.options } });
  return {
    app,
    repo,
    errors,
    async close() {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
