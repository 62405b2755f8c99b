/**
 * Where server mode keeps accounts, sessions and API tokens: a small interface, and one
 * implementation over its own Kysely connection to the same database as the knowledge base
 * (SQLite file or PostgreSQL URL), in the tables of migration 004-accounts.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ConflictError, IsnadError, NotFoundError } from '../../core/errors.js';
import { POSTGRES_CAPABILITIES, SQLITE_CAPABILITIES } from '../../store/capabilities.js';
import { isPostgresUrl } from '../../store/open-store.js';
import { up as ensureAccountTables } from '../../store/migrations/004-accounts.js';
import { ROLES, type Role } from '../env.js';

export interface Account {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
}

export interface SessionRecord {
  readonly account: Account;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface AccountStore {
  createAccount(name: string, role: Role, passwordHash: string): Promise<Account>;
  /** The account and its password hash, for signing in. */
  findForLogin(name: string): Promise<(Account & { passwordHash: string }) | undefined>;
  getAccount(name: string): Promise<Account | undefined>;
  listAccounts(): Promise<Account[]>;
  countAccounts(): Promise<number>;
  updateAccount(name: string, change: { role?: Role; passwordHash?: string }): Promise<Account>;
  /** Removes the account with its sessions and tokens. */
  deleteAccount(name: string): Promise<void>;

  createSession(s: { tokenHash: string; accountId: string; csrfToken: string; expiresAt: string }): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of an account (after a password or role change). */
  deleteSessionsOf(accountId: string): Promise<void>;
  /** Forgets sessions that expired before the given ISO time. */
  deleteExpiredSessions(before: string): Promise<void>;

  createToken(t: { tokenHash: string; accountId: string; label: string }): Promise<void>;
  findToken(tokenHash: string): Promise<Account | undefined>;
  close(): Promise<void>;
}

interface AccountTables {
  account: { id: string; name: string; role: string; password_hash: string; created_at: string };
  account_session: { token_hash: string; account_id: string; csrf_token: string; created_at: string; expires_at: string };
  account_token: { token_hash: string; account_id: string; label: string; created_at: string };
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** Checks an account name: letters, digits, `.`, `_`, `@`, `-`; at most 64 characters. */
export function checkAccountName(name: string): string {
  if (!NAME.test(name)) throw new IsnadError('bad_input', `"${name}" is not a valid account name: use letters, digits, ".", "_", "@" or "-" (at most 64).`);
  return name;
}

export function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new IsnadError('bad_input', `Unknown role "${role}"; roles are ${ROLES.join(', ')}.`);
  return role as Role;
}

const toAccount = (r: AccountTables['account']): Account => ({ id: r.id, name: r.name, role: r.role as Role, createdAt: r.created_at });

export class KyselyAccountStore implements AccountStore {
  constructor(private readonly db: Kysely<AccountTables>, private readonly onClose: () => Promise<void>) {}

  async createAccount(name: string, role: Role, passwordHash: string): Promise<Account> {
    checkAccountName(name);
    if (await this.getAccount(name)) throw new ConflictError({ kind: 'account', id: name }, undefined, undefined, undefined, `An account named "${name}" already exists.`);
    const row = { id: randomUUID(), name, role, password_hash: passwordHash, created_at: new Date().toISOString() };
    await this.db.insertInto('account').values(row).execute();
    return toAccount(row);
  }

  async findForLogin(name: string): Promise<(Account & { passwordHash: string }) | undefined> {
    const r = await this.db.selectFrom('account').selectAll().where('name', '=', name).executeTakeFirst();
    return r && { ...toAccount(r), passwordHash: r.password_hash };
  }

  async getAccount(name: string): Promise<Account | undefined> {
    const r = await this.db.selectFrom('account').selectAll().where('name', '=', name).executeTakeFirst();
    return r && toAccount(r);
  }

  async listAccounts(): Promise<Account[]> {
    return (await this.db.selectFrom('account').selectAll().orderBy('name').execute()).map(toAccount);
  }

  async countAccounts(): Promise<number> {
    const r = await this.db.selectFrom('account').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async updateAccount(name: string, change: { role?: Role; passwordHash?: string }): Promise<Account> {
    const current = await this.getAccount(name);
    if (!current) throw new NotFoundError('account', name);
    const set: Partial<AccountTables['account']> = {};
    if (change.role) set.role = change.role;
    if (change.passwordHash) set.password_hash = change.passwordHash;
    if (Object.keys(set).length) await this.db.updateTable('account').set(set).where('id', '=', current.id).execute();
    return { ...current, ...(change.role ? { role: change.role } : {}) };
  }

  async deleteAccount(name: string): Promise<void> {
    const current = await this.getAccount(name);
    if (!current) throw new NotFoundError('account', name);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('account_session').where('account_id', '=', current.id).execute();
      await trx.deleteFrom('account_token').where('account_id', '=', current.id).execute();
      await trx.deleteFrom('account').where('id', '=', current.id).execute();
    });
  }

  async createSession(s: { tokenHash: string; accountId: string; csrfToken: string; expiresAt: string }): Promise<void> {
    await this.db.insertInto('account_session').values({ token_hash: s.tokenHash, account_id: s.accountId, csrf_token: s.csrfToken, created_at: new Date().toISOString(), expires_at: s.expiresAt }).execute();
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const r = await this.db
      .selectFrom('account_session')
      .innerJoin('account', 'account.id', 'account_session.account_id')
      .select(['account.id', 'account.name', 'account.role', 'account.password_hash', 'account.created_at', 'account_session.csrf_token', 'account_session.expires_at'])
      .where('account_session.token_hash', '=', tokenHash)
      .executeTakeFirst();
    return r && { account: toAccount(r), csrfToken: r.csrf_token, expiresAt: r.expires_at };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('account_session').where('token_hash', '=', tokenHash).execute();
  }

  async deleteSessionsOf(accountId: string): Promise<void> {
    await this.db.deleteFrom('account_session').where('account_id', '=', accountId).execute();
  }

  async deleteExpiredSessions(before: string): Promise<void> {
    await this.db.deleteFrom('account_session').where('expires_at', '<', before).execute();
  }

  async createToken(t: { tokenHash: string; accountId: string; label: string }): Promise<void> {
    await this.db.insertInto('account_token').values({ token_hash: t.tokenHash, account_id: t.accountId, label: t.label, created_at: new Date().toISOString() }).execute();
  }

  async findToken(tokenHash: string): Promise<Account | undefined> {
    const r = await this.db
      .selectFrom('account_token')
      .innerJoin('account', 'account.id', 'account_token.account_id')
      .select(['account.id', 'account.name', 'account.role', 'account.password_hash', 'account.created_at'])
      .where('account_token.token_hash', '=', tokenHash)
      .executeTakeFirst();
    return r && toAccount(r);
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}

/**
 * Opens the account store of the database a location names (a SQLite file or a PostgreSQL
 * URL), creating its tables when the knowledge base's migrations have not.
 */
export async function openAccountStore(location: string): Promise<AccountStore> {
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({ connectionString: location, max: 4, application_name: 'isnad-accounts' });
    pool.on('error', () => {});
    const db = new Kysely<AccountTables>({ dialect: new PostgresDialect({ pool }) });
    await ensureAccountTables(db as Kysely<unknown>, POSTGRES_CAPABILITIES);
    return new KyselyAccountStore(db, () => db.destroy());
  }
  if (location === ':memory:') throw new IsnadError('unsupported', 'Server mode needs a store file or a PostgreSQL URL, not :memory:.');
  const database = new Database(location);
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<AccountTables>({ dialect: new SqliteDialect({ database }) });
  await ensureAccountTables(db as Kysely<unknown>, SQLITE_CAPABILITIES);
  return new KyselyAccountStore(db, () => db.destroy());
}
