/**
 * Server mode's sign-in: argon2id password hashes, browser sessions in HttpOnly SameSite=Strict
 * cookies (Secure off loopback) with a per-session CSRF token, bearer API tokens, and a limit on
 * failed sign-ins per client and account. Sessions and tokens are stored only as SHA-256 hashes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { IsnadError } from '../../core/errors.js';
import type { AuthUser, Env, Role } from '../env.js';
import { checkAccountName, type Account, type AccountStore } from './account-store.js';
import { RateLimiter } from './rate-limit.js';

export const CSRF_HEADER = 'X-CSRF-Token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthOptions {
  readonly accounts: AccountStore;
  /** Mark cookies Secure (and use the `__Host-` prefix): on when the server is not on loopback. */
  readonly secureCookies: boolean;
  /** Default is 12 hours. */
  readonly sessionTtlMs?: number;
  /** Failed sign-ins allowed per client and account name within the window; default 5 per 15 minutes. */
  readonly loginLimit?: { readonly max: number; readonly windowMs: number };
  /** argon2 cost; the defaults are the library's (argon2id, 64 MiB, 3 passes). Tests lower them. */
  readonly argon?: { readonly memoryCost?: number; readonly timeCost?: number };
  readonly now?: () => number;
}

export const MIN_PASSWORD = 10;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The client's address as the socket reports it (proxies' headers are not trusted). */
function clientOf(c: Context<Env>): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

export class AuthService {
  readonly accounts: AccountStore;
  readonly cookieName: string;
  private readonly ttl: number;
  private readonly perAccount: RateLimiter;
  private readonly perClient: RateLimiter;
  private dummyHash?: Promise<string>;

  constructor(private readonly opts: AuthOptions) {
    this.accounts = opts.accounts;
    this.cookieName = opts.secureCookies ? '__Host-isnad_session' : 'isnad_session';
    this.ttl = opts.sessionTtlMs ?? 12 * 3600_000;
    const limit = opts.loginLimit ?? { max: 5, windowMs: 15 * 60_000 };
    this.perAccount = new RateLimiter({ ...limit, now: opts.now });
    this.perClient = new RateLimiter({ max: limit.max * 4, windowMs: limit.windowMs, now: opts.now });
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  hashPassword(password: string): Promise<string> {
    if (password.length < MIN_PASSWORD) throw new IsnadError('bad_input', `A password needs at least ${MIN_PASSWORD} characters.`);
    if (password.length > 1000) throw new IsnadError('bad_input', 'A password may have at most 1000 characters.');
    return argon2.hash(password, { type: argon2.argon2id, ...this.opts.argon });
  }

  async addUser(name: string, role: Role, password: string): Promise<Account> {
    checkAccountName(name);
    return this.accounts.createAccount(name, role, await this.hashPassword(password));
  }

  /** Checks a password; on success opens a session and sets its cookie. */
  async login(c: Context<Env>, name: string, password: string): Promise<{ account: Account; csrfToken: string }> {
    const client = clientOf(c);
    const accountKey = `${client}|${name.toLowerCase()}`;
    const wait = Math.max(this.perAccount.blockedFor(accountKey), this.perClient.blockedFor(client));
    if (wait > 0) {
      throw new HTTPException(429, { message: `Too many failed sign-ins; try again in ${wait} seconds.`, cause: { retryAfter: wait } });
    }
    const found = await this.accounts.findForLogin(name);
    // Verify against a dummy hash when there is no such account, so timing does not tell.
    this.dummyHash ??= argon2.hash('not-a-real-password', { type: argon2.argon2id, ...this.opts.argon });
    const ok = await argon2.verify(found?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!found || !ok) {
      this.perAccount.hit(accountKey);
      this.perClient.hit(client);
      throw new IsnadError('unauthorized', 'Wrong account name or password.');
    }
    this.perAccount.reset(accountKey);
    await this.accounts.deleteExpiredSessions(new Date(this.now()).toISOString());
    const token = secret('');
    const csrfToken = secret('');
    await this.accounts.createSession({ tokenHash: sha256(token), accountId: found.id, csrfToken, expiresAt: new Date(this.now() + this.ttl).toISOString() });
    setCookie(c, this.cookieName, token, { httpOnly: true, secure: this.opts.secureCookies, sameSite: 'Strict', path: '/', maxAge: Math.floor(this.ttl / 1000) });
    const { passwordHash: _hash, ...account } = found;
    return { account, csrfToken };
  }

  async logout(c: Context<Env>): Promise<void> {
    const token = getCookie(c, this.cookieName);
    if (token) await this.accounts.deleteSession(sha256(token));
    deleteCookie(c, this.cookieName, { path: '/', secure: this.opts.secureCookies });
  }

  /** Issues an API token for an account; only its hash is kept, so it is shown once. */
  async issueToken(account: { id: string }, label: string): Promise<string> {
    const token = secret('isnad_');
    await this.accounts.createToken({ tokenHash: sha256(token), accountId: account.id, label });
    return token;
  }

  /** Who is calling: a bearer token, else a session cookie; undefined when neither is valid. */
  async authenticate(c: Context<Env>): Promise<AuthUser | undefined> {
    const header = c.req.header('Authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new IsnadError('unauthorized', 'The Authorization header must be "Bearer <token>".');
      const account = await this.accounts.findToken(sha256(m[1]!));
      if (!account) throw new IsnadError('unauthorized', 'Unknown or revoked API token.');
      return { id: account.id, name: account.name, role: account.role, via: 'token' };
    }
    const token = getCookie(c, this.cookieName);
    if (!token) return undefined;
    const session = await this.accounts.findSession(sha256(token));
    if (!session) return undefined;
    if (Date.parse(session.expiresAt) <= this.now()) {
      await this.accounts.deleteSession(sha256(token));
      return undefined;
    }
    const a = session.account;
    return { id: a.id, name: a.name, role: a.role, via: 'session', csrfToken: session.csrfToken };
  }

  /**
   * CSRF defence for cookie sessions: a write must carry the session's token in the
   * `X-CSRF-Token` header (cross-origin writes are refused before this, in every mode, by
   * `sameOriginWrites`). Bearer tokens are not sent by browsers on their own, so need none.
   */
  checkCsrf(c: Context<Env>, user: AuthUser | undefined): void {
    if (!UNSAFE.has(c.req.method) || user?.via !== 'session') return;
    const sent = c.req.header(CSRF_HEADER);
    if (!sent || !user.csrfToken || !sameSecret(sent, user.csrfToken)) {
      throw new IsnadError('forbidden', `CSRF check failed: send the session's token in the ${CSRF_HEADER} header (from POST /api/auth/login or GET /api/auth/me).`);
    }
  }
}
