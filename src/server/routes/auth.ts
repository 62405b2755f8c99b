/**
 * Server mode's sign-in and account management. In local mode there are no accounts: `me`
 * reports the single local user and the rest answer 501.
 */
import { Hono, type Context } from 'hono';
import { IsnadError } from '../../core/errors.js';
import type { Env } from '../env.js';
import type { AuthService } from '../auth/auth.js';
import { checked, guard, input, route } from '../route-spec.js';
import { LoginBody, NameParam, NewUserBody, Ok, SessionOut, TokenBody, TokenOut, UserOut, UserPatch, UsersOut } from '../schemas.js';

const me = route({ method: 'get', path: '/api/auth/me', tag: 'auth', access: 'public', summary: 'Who is signed in (and the CSRF token of the session), or that the server runs in local mode', response: SessionOut });
const login = route({ method: 'post', path: '/api/auth/login', tag: 'auth', access: 'public', summary: 'Sign in: sets an HttpOnly session cookie and returns the CSRF token to send with writes', body: LoginBody, response: SessionOut, errors: [401, 429, 501] });
const logout = route({ method: 'post', path: '/api/auth/logout', tag: 'auth', access: 'viewer', summary: 'End the session', response: Ok, errors: [501] });
const token = route({ method: 'post', path: '/api/auth/tokens', tag: 'auth', access: 'viewer', summary: 'Issue an API token for yourself (shown once; send it as Authorization: Bearer)', body: TokenBody, response: TokenOut, errors: [501] });
const users = route({ method: 'get', path: '/api/users', tag: 'users', access: 'admin', summary: 'Every account with its role', response: UsersOut, errors: [501] });
const addUser = route({ method: 'post', path: '/api/users', tag: 'users', access: 'admin', summary: 'Add an account', body: NewUserBody, response: UserOut, errors: [409, 501] });
const editUser = route({ method: 'patch', path: '/api/users/:name', tag: 'users', access: 'admin', summary: 'Change an account\u2019s role or password (ends its sessions)', params: NameParam, body: UserPatch, response: UserOut, errors: [404, 409, 501] });
const removeUser = route({ method: 'delete', path: '/api/users/:name', tag: 'users', access: 'admin', summary: 'Remove an account with its sessions and tokens', params: NameParam, response: Ok, errors: [404, 409, 501] });

function authOf(c: Context<Env>): AuthService {
  const auth = c.var.deps.auth;
  if (!auth) throw new IsnadError('unsupported', 'This server runs in local mode, without accounts; start it with `isnad serve --auth` for sign-in.');
  return auth;
}

/** Refuses to leave the server without an admin. */
async function keepAnAdmin(auth: AuthService, name: string, nextRole: string | undefined): Promise<void> {
  const all = await auth.accounts.listAccounts();
  const admins = all.filter((a) => a.role === 'admin');
  if (admins.length === 1 && admins[0]!.name === name && nextRole !== 'admin') {
    throw new IsnadError('conflict', `"${name}" is the only admin; make another admin first.`);
  }
}

export const authRoutes = new Hono<Env>()
  .get(me.path, guard(me.access), (c) => {
    const user = c.var.user;
    const mode = c.var.deps.auth ? ('server' as const) : ('local' as const);
    return c.json(checked(c, me, { mode, user: user ? { name: user.name, role: user.role } : null, ...(user?.csrfToken ? { csrfToken: user.csrfToken } : {}) }));
  })
  .post(login.path, guard(login.access), input('json', LoginBody), async (c) => {
    const { name, password } = c.req.valid('json');
    const { account, csrfToken } = await authOf(c).login(c, name, password);
    return c.json(checked(c, login, { mode: 'server' as const, user: { name: account.name, role: account.role }, csrfToken }));
  })
  .post(logout.path, guard(logout.access), async (c) => {
    await authOf(c).logout(c);
    return c.json(checked(c, logout, { ok: true as const }));
  })
  .post(token.path, guard(token.access), input('json', TokenBody), async (c) => {
    const { label } = c.req.valid('json');
    const issued = await authOf(c).issueToken(c.var.user!, label);
    return c.json(checked(c, token, { token: issued, label }));
  })
  .get(users.path, guard(users.access), async (c) => c.json(checked(c, users, await authOf(c).accounts.listAccounts())))
  .post(addUser.path, guard(addUser.access), input('json', NewUserBody), async (c) => {
    const b = c.req.valid('json');
    return c.json(checked(c, addUser, await authOf(c).addUser(b.name, b.role, b.password)));
  })
  .patch(editUser.path, guard(editUser.access), input('param', NameParam), input('json', UserPatch), async (c) => {
    const { name } = c.req.valid('param');
    const b = c.req.valid('json');
    const auth = authOf(c);
    if (b.role) await keepAnAdmin(auth, name, b.role);
    const updated = await auth.accounts.updateAccount(name, { ...(b.role ? { role: b.role } : {}), ...(b.password ? { passwordHash: await auth.hashPassword(b.password) } : {}) });
    await auth.accounts.deleteSessionsOf(updated.id);
    return c.json(checked(c, editUser, updated));
  })
  .delete(removeUser.path, guard(removeUser.access), input('param', NameParam), async (c) => {
    const { name } = c.req.valid('param');
    const auth = authOf(c);
    await keepAnAdmin(auth, name, undefined);
    await auth.accounts.deleteAccount(name);
    return c.json(checked(c, removeUser, { ok: true as const }));
  });
