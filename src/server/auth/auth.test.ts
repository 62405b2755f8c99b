/**
 * Server mode: sign-in, roles on every route (the authorization matrix), CSRF for cookie
 * sessions, secure cookie flags, the sign-in rate limit, audit with the user's name, revert.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../store/repository.js';
import { createApp } from '../app.js';
import type { Role } from '../env.js';
import { routeSpecs, type RouteSpec } from '../route-spec.js';
import { miniStore } from '../testing.js';
import { AuthService, CSRF_HEADER } from './auth.js';
import { openAccountStore, type AccountStore } from './account-store.js';

const ARGON = { memoryCost: 1024, timeCost: 1 };
const PASSWORD = 'correct horse battery';
let repo: Repository;
let dir: string;
let accounts: AccountStore;
let auth: AuthService;
let app: ReturnType<typeof createApp>;
const tokens: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  ({ repo, dir } = await miniStore());
  accounts = await openAccountStore(join(dir, 'test.sqlite'));
  auth = new AuthService({ accounts, secureCookies: false, argon: ARGON, loginLimit: { max: 5, windowMs: 60_000 } });
  app = createApp({ repo, auth, log: () => {}, options: { validateResponses: true } });
  for (const [name, role] of [['ada', 'admin'], ['ed', 'editor'], ['vi', 'viewer']] as const) {
    const account = await auth.addUser(name, role, PASSWORD);
    tokens[role] = await auth.issueToken(account, 'test');
  }
});
afterAll(async () => {
  await accounts.close();
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

const bearer = (role: Role | undefined): Record<string, string> => (role ? { Authorization: `Bearer ${tokens[role]}` } : {});
function send(method: string, path: string, opts: { headers?: Record<string, string>; body?: unknown } = {}) {
  return app.request(path, {
    method,
    headers: { ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...opts.headers },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
}

/** A request that exercises a route with plausible input. */
function sample(spec: RouteSpec, role: string): { path: string; body?: unknown } {
  let path = spec.path
    .replace(':name', 'nobody-here')
    .replace(':id', spec.path.startsWith('/api/changes') ? '999999' : spec.path.startsWith('/api/entities') ? 'karim-haddad' : spec.path.startsWith('/api/sources') ? 'farouk-2020' : 'vb-founded');
  const query: Record<string, string> = { '/api/search': 'q=VB', '/api/asof': 'entity=valley-front&date=2000', '/api/lineage': 'entity=valley-front', '/api/network': 'date=2000' };
  if (spec.method === 'get' && query[spec.path]) path += `?${query[spec.path]}`;
  const bodies: Record<string, unknown> = {
    'post /api/entities/merge': { keep: 'karim-haddad', merge: 'abu-salim-al-jabali' },
    'post /api/entities/split': { entity: 'karim-haddad', other: 'tariq-mansour' },
    'patch /api/claims/:id': { note: `edited by ${role}` },
    'post /api/auth/login': { name: 'vi', password: PASSWORD },
    'post /api/users': { name: `new-${role}`, password: 'long enough password', role: 'viewer' },
    'patch /api/users/:name': { role: 'viewer' },
    'post /api/auth/tokens': { label: 'matrix' },
  };
  const body = bodies[`${spec.method} ${spec.path}`] ?? (spec.method === 'get' || spec.method === 'delete' ? undefined : {});
  return { path, ...(body !== undefined ? { body } : {}) };
}

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

describe('authorization matrix: every route × every role', () => {
  const roles = [undefined, 'viewer', 'editor', 'admin'] as const;
  for (const spec of routeSpecs()) {
    for (const role of roles) {
      const allowed = spec.access === 'public' || (role !== undefined && RANK[role] >= RANK[spec.access]);
      it(`${spec.method.toUpperCase()} ${spec.path} as ${role ?? 'anonymous'}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const { path, body } = sample(spec, role ?? 'anon');
        const res = await send(spec.method.toUpperCase(), path, { headers: bearer(role), body });
        const json = (await res.json()) as any;
        if (allowed) expect([401, 403], JSON.stringify(json)).not.toContain(res.status);
        else {
          expect(res.status).toBe(role ? 403 : 401);
          expect(json.error.code).toBe(role ? 'forbidden' : 'unauthorized');
        }
        expect(res.status).toBeLessThan(500);
      });
    }
  }
  it('covers every declared route', () => {
    expect(routeSpecs().length).toBeGreaterThanOrEqual(32);
  });
  it('an unknown or malformed bearer token is a 401', async () => {
    expect((await send('GET', '/api/stats', { headers: { Authorization: 'Bearer isnad_nope' } })).status).toBe(401);
    expect((await send('GET', '/api/stats', { headers: { Authorization: 'Basic abc' } })).status).toBe(401);
  });
  it('the web app and the API description stay public', async () => {
    expect((await send('GET', '/openapi.json')).status).toBe(200);
    expect((await send('GET', '/api/health')).status).toBe(200);
  });
});

async function login(name: string, password = PASSWORD, headers: Record<string, string> = {}) {
  const res = await send('POST', '/api/auth/login', { body: { name, password }, headers });
  const cookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as any;
  return { res, body, cookie: cookie.split(';')[0]!, setCookie: cookie };
}

describe('sessions and CSRF', () => {
  it('sign-in sets an HttpOnly SameSite=Strict cookie and hands out the CSRF token', async () => {
    const { res, body, setCookie } = await login('ed');
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ mode: 'server', user: { name: 'ed', role: 'editor' }, csrfToken: expect.any(String) });
    expect(setCookie).toMatch(/^isnad_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i);
  });
  it('cookies are Secure with the __Host- prefix off loopback', async () => {
    const secureApp = createApp({ repo, auth: new AuthService({ accounts, secureCookies: true, argon: ARGON }), log: () => {} });
    const res = await secureApp.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'vi', password: PASSWORD }) });
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-isnad_session=.*Secure/i);
  });
  it('a cookie session reads freely but writes only with the CSRF token', async () => {
    const { cookie, body } = await login('ed');
    expect((await send('GET', '/api/stats', { headers: { Cookie: cookie } })).status).toBe(200);
    const me = (await (await send('GET', '/api/auth/me', { headers: { Cookie: cookie } })).json()) as any;
    expect(me).toEqual({ mode: 'server', user: { name: 'ed', role: 'editor' }, csrfToken: body.csrfToken });
    const without = await send('POST', '/api/claims/candidate-one/reject', { headers: { Cookie: cookie }, body: {} });
    expect(without.status).toBe(403);
    expect(((await without.json()) as any).error.message).toMatch(/CSRF/);
    const wrong = await send('POST', '/api/claims/candidate-one/reject', { headers: { Cookie: cookie, [CSRF_HEADER]: 'forged' }, body: {} });
    expect(wrong.status).toBe(403);
    const foreign = await send('POST', '/api/claims/candidate-one/reject', { headers: { Cookie: cookie, [CSRF_HEADER]: body.csrfToken, Origin: 'https://evil.example', Host: 'localhost' }, body: {} });
    expect(foreign.status).toBe(403);
    const ok = await send('POST', '/api/claims/candidate-one/reject', { headers: { Cookie: cookie, [CSRF_HEADER]: body.csrfToken, Origin: 'http://localhost', Host: 'localhost' }, body: {} });
    expect(ok.status).toBe(200);
    await send('POST', '/api/claims/candidate-one/accept', { headers: bearer('editor'), body: {} });
  });
  it('a form post from another site cannot sign in either', async () => {
    const res = await send('POST', '/api/auth/login', { body: { name: 'ed', password: PASSWORD }, headers: { Origin: 'https://evil.example', Host: 'localhost' } });
    expect(res.status).toBe(403);
  });
  it('logout ends the session', async () => {
    const { cookie, body } = await login('vi');
    expect((await send('POST', '/api/auth/logout', { headers: { Cookie: cookie, [CSRF_HEADER]: body.csrfToken } })).status).toBe(200);
    expect((await send('GET', '/api/stats', { headers: { Cookie: cookie } })).status).toBe(401);
  });
  it('a session expires after its time to live', async () => {
    let clock = Date.now();
    const timed = createApp({ repo, auth: new AuthService({ accounts, secureCookies: false, argon: ARGON, sessionTtlMs: 60_000, now: () => clock }), log: () => {} });
    const res = await timed.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'vi', password: PASSWORD }) });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=60/);
    expect((await timed.request('/api/stats', { headers: { Cookie: cookie } })).status).toBe(200);
    clock += 61_000;
    expect((await timed.request('/api/stats', { headers: { Cookie: cookie } })).status).toBe(401);
  });
  it('passwords are stored as argon2id hashes only', async () => {
    const a = await accounts.findForLogin('ed');
    expect(a?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(a?.passwordHash).not.toContain(PASSWORD);
  });
});

describe('sign-in rate limit', () => {
  it('after 5 failures the account is locked for the window, even with the right password', async () => {
    const limited = createApp({ repo, auth: new AuthService({ accounts, secureCookies: false, argon: ARGON, loginLimit: { max: 5, windowMs: 60_000 } }), log: () => {} });
    const attempt = (password: string) => limited.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'ada', password }) });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong password')).status).toBe(401);
    const blocked = await attempt(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as any).error.code).toBe('rate_limited');
  });
  it('a wrong password and an unknown account get the same answer', async () => {
    const a = (await (await send('POST', '/api/auth/login', { body: { name: 'vi', password: 'nope nope nope' } })).json()) as any;
    const b = (await (await send('POST', '/api/auth/login', { body: { name: 'no-such-user', password: 'nope nope nope' } })).json()) as any;
    expect(a).toEqual(b);
  });
});

describe('accounts', () => {
  it('admins add users; duplicates are a 409; editors cannot manage users', async () => {
    const add = await send('POST', '/api/users', { headers: bearer('admin'), body: { name: 'newbie', password: 'long enough password', role: 'editor' } });
    expect(add.status).toBe(200);
    expect(await add.json()).toMatchObject({ name: 'newbie', role: 'editor' });
    expect((await send('POST', '/api/users', { headers: bearer('admin'), body: { name: 'newbie', password: 'long enough password', role: 'editor' } })).status).toBe(409);
    expect((await send('POST', '/api/users', { headers: bearer('admin'), body: { name: 'shorty', password: 'short', role: 'editor' } })).status).toBe(400);
    expect((await send('POST', '/api/users', { headers: bearer('editor'), body: { name: 'x', password: 'long enough password', role: 'admin' } })).status).toBe(403);
    const list = (await (await send('GET', '/api/users', { headers: bearer('admin') })).json()) as any[];
    expect(list.map((u) => u.name)).toContain('newbie');
    expect(JSON.stringify(list)).not.toMatch(/argon|password/i);
  });
  it('a role change ends the account\u2019s sessions; the last admin stays an admin', async () => {
    const { cookie } = await login('newbie');
    expect((await send('PATCH', '/api/users/newbie', { headers: bearer('admin'), body: { role: 'viewer' } })).status).toBe(200);
    expect((await send('GET', '/api/stats', { headers: { Cookie: cookie } })).status).toBe(401);
    const last = await send('PATCH', '/api/users/ada', { headers: bearer('admin'), body: { role: 'editor' } });
    expect(last.status).toBe(409);
    expect((await send('DELETE', '/api/users/ada', { headers: bearer('admin') })).status).toBe(409);
    expect((await send('DELETE', '/api/users/newbie', { headers: bearer('admin') })).status).toBe(200);
  });
});

describe('audit and revert', () => {
  it('records the user as the actor, shows it in the history, and reverts (recorded too)', async () => {
    const before = (await (await send('GET', '/api/claims/re-branch-author', { headers: bearer('viewer') })).json()) as any;
    const edit = await send('PATCH', '/api/claims/re-branch-author', { headers: bearer('editor'), body: { time: '2003-36/2007', expectedVersion: before.version } });
    expect(edit.status).toBe(200);
    const history = (await (await send('GET', '/api/claims/re-branch-author/history', { headers: bearer('viewer') })).json()) as any[];
    const change = history.at(-1);
    expect(change).toMatchObject({ actor: 'ed', action: 'edit', targetId: 're-branch-author' });
    expect((await send('POST', `/api/changes/${change.id}/revert`, { headers: bearer('viewer') })).status).toBe(403);
    const revert = await send('POST', `/api/changes/${change.id}/revert`, { headers: bearer('editor') });
    expect(revert.status).toBe(200);
    expect(await revert.json()).toMatchObject({ action: 'revert', actor: 'ed', reverts: change.id });
    const after = (await (await send('GET', '/api/claims/re-branch-author', { headers: bearer('viewer') })).json()) as any;
    expect(after.time).toBe(before.time);
    const all = (await (await send('GET', `/api/changes?after=${change.id - 1}`, { headers: bearer('viewer') })).json()) as any[];
    expect(all.map((c) => c.action)).toEqual(expect.arrayContaining(['edit', 'revert']));
  });
  it('a stale write by another user is a 409 naming who changed it', async () => {
    const { version } = (await (await send('GET', '/api/claims/vb-renamed', { headers: bearer('viewer') })).json()) as any;
    expect((await send('PATCH', '/api/claims/vb-renamed', { headers: bearer('admin'), body: { note: 'admin first', expectedVersion: version } })).status).toBe(200);
    const stale = await send('PATCH', '/api/claims/vb-renamed', { headers: bearer('editor'), body: { note: 'editor second', expectedVersion: version } });
    expect(stale.status).toBe(409);
    const err = ((await stale.json()) as any).error;
    expect(err.changedSince).toEqual([expect.objectContaining({ actor: 'ada', action: 'edit' })]);
    expect(err.current.note).toBe('admin first');
  });
  it('reverting an unknown change is a 404', async () => {
    expect((await send('POST', '/api/changes/999999/revert', { headers: bearer('editor') })).status).toBe(404);
  });
});

describe('local mode', () => {
  it('has no sign-in: me reports the local user, login answers 501', async () => {
    const local = createApp({ repo, log: () => {} });
    expect(await (await local.request('/api/auth/me')).json()).toEqual({ mode: 'local', user: { name: 'local', role: 'admin' } });
    expect((await local.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'a', password: 'b' }) })).status).toBe(501);
  });
});
