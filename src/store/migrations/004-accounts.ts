/**
 * Accounts for server mode: users with an argon2 password hash and a role, their browser
 * sessions and their API tokens. Sessions and tokens are stored as SHA-256 hashes only, so a
 * copy of the database does not let anyone sign in. Local embedded mode never reads these.
 * Tables are created `if not exists` so the account store can also ensure them itself.
 */
import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../capabilities.js';
import { textType } from './001-initial.js';

export async function up(db: Kysely<unknown>, caps: EngineCapabilities): Promise<void> {
  const T = textType(caps);
  await db.schema
    .createTable('account')
    .ifNotExists()
    .addColumn('id', T, (c) => c.primaryKey())
    .addColumn('name', T, (c) => c.notNull().unique())
    .addColumn('role', T, (c) => c.notNull())
    .addColumn('password_hash', T, (c) => c.notNull())
    .addColumn('created_at', T, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('account_session')
    .ifNotExists()
    .addColumn('token_hash', T, (c) => c.primaryKey())
    .addColumn('account_id', T, (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('csrf_token', T, (c) => c.notNull())
    .addColumn('created_at', T, (c) => c.notNull())
    .addColumn('expires_at', T, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_session_account').ifNotExists().on('account_session').column('account_id').execute();
  await db.schema
    .createTable('account_token')
    .ifNotExists()
    .addColumn('token_hash', T, (c) => c.primaryKey())
    .addColumn('account_id', T, (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('label', T, (c) => c.notNull())
    .addColumn('created_at', T, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_token_account').ifNotExists().on('account_token').column('account_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_token').ifExists().execute();
  await db.schema.dropTable('account_session').ifExists().execute();
  await db.schema.dropTable('account').ifExists().execute();
}
