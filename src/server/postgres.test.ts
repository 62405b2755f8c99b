/**
 * Server mode on PostgreSQL: the same app, accounts and audit over a throwaway PostgreSQL
 * database (skipped with one line when PostgreSQL cannot be had; required under CI), reading
 * from the server and, as `isnad serve` does, from the read model kept current from the history.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresForTests, type PostgresForTests } from '../../test/support/postgres.js';
import { readDataset } from '../interop/native/read-dataset.js';
import { openPostgresStore } from '../store/postgres/open-postgres.js';
import type { Repository } from '../store/repository.js';
import { createApp } from './app.js';
import { AuthService, CSRF_HEADER } from './auth/auth.js';
import { openAccountStore, type AccountStore } from './auth/account-store.js';
import { MINI_FIXTURE } from './testing.js';

const pg: PostgresForTests = await postgresForTests();
const PASSWORD = 'correct horse battery';
afterAll(async () => {
  if (pg.available) await pg.server.stop();
});

describe.skipIf(!pg.available).each([false, true])(`server mode on PostgreSQL (read model: %s)${pg.available ? '' : ` (skipped: ${pg.reason})`}`, (readModel) => {
  let repo: Repository;
  let accounts: AccountStore;
  let app: ReturnType<typeof createApp>;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    if (!pg.available) return;
    const url = await pg.server.createDatabase();
    const store = await openPostgresStore({ url, readModel });
    repo = store;
    await repo.importDataset(readDataset(readFileSync(MINI_FIXTURE, 'utf8'), { file: 'mini.yaml', now: '2020-01-01T00:00:00Z' }), { actor: 'fixture' });
    // Built now, so the views below read from it (the store's own writes are followed at the next read).
    if (readModel) expect((await store.readModel())?.size).toBeGreaterThan(0);
    accounts = await openAccountStore(url);
    const auth = new AuthService({ accounts, secureCookies: false, argon: { memoryCost: 1024, timeCost: 1 } });
    app = createApp({ repo, auth, log: () => {}, options: { validateResponses: true } });
    for (const [name, role] of [['ada', 'admin'], ['ed', 'editor'], ['vi', 'viewer']] as const) token[role] = await auth.issueToken(await auth.addUser(name, role, PASSWORD), 'test');
  }, 120_000);
  afterAll(async () => {
    await accounts?.close();
    await repo?.close();
  });

  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    app.request(path, { method, headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const as = (role: string) => ({ Authorization: `Bearer ${token[role]}` });

  it('reads every view', async () => {
    for (const path of ['/api/stats', '/api/search?q=VB', '/api/entities/karim-haddad', '/api/claims?entity=river-emirate', '/api/asof?entity=valley-front&date=2000', '/api/lineage?entity=valley-front', '/api/timeline?entity=river-emirate', '/api/network?date=2000', '/api/disputes', '/api/sources/farouk-2020', '/api/review']) {
      const res = await call('GET', path, as('viewer'));
      expect(res.status, path).toBe(200);
    }
  });
  it('enforces roles, records the user, refuses stale writes and reverts', async () => {
    expect((await call('GET', '/api/stats')).status).toBe(401);
    expect((await call('POST', '/api/claims/candidate-one/accept', as('viewer'), {})).status).toBe(403);
    const { version } = (await (await call('GET', '/api/claims/candidate-one', as('viewer'))).json()) as { version: number };
    expect((await call('POST', '/api/claims/candidate-one/accept', as('editor'), { expectedVersion: version })).status).toBe(200);
    const stale = await call('POST', '/api/claims/candidate-one/reject', as('admin'), { expectedVersion: version });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as any).error.changedSince[0]).toMatchObject({ actor: 'ed', action: 'accept' });
    const history = (await (await call('GET', '/api/claims/candidate-one/history', as('viewer'))).json()) as any[];
    const change = history.at(-1);
    expect(change).toMatchObject({ actor: 'ed', action: 'accept' });
    const revert = await call('POST', `/api/changes/${change.id}/revert`, as('editor'));
    expect(revert.status).toBe(200);
    expect(((await (await call('GET', '/api/claims/candidate-one', as('viewer'))).json()) as any).status).toBe('candidate');
  });
  it('signs in with a cookie session and checks CSRF on writes', async () => {
    const res = await call('POST', '/api/auth/login', {}, { name: 'ed', password: PASSWORD });
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await call('POST', '/api/claims/vb-founded/reject', { Cookie: cookie }, {})).status).toBe(403);
    expect((await call('POST', '/api/claims/vb-founded/reject', { Cookie: cookie, [CSRF_HEADER]: csrfToken }, {})).status).toBe(200);
  });
});
