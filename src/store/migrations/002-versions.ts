/**
 * Optimistic concurrency and revertible history: a `version` on every claim and entity (bumped
 * by each write, checked against the version a writer last read), and `change_log.reverts`
 * naming the change a revert undid.
 */
import type { Kysely } from 'kysely';
import type { EngineCapabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: EngineCapabilities): Promise<void> {
  await db.schema.alterTable('claim').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('entity').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('change_log').addColumn('reverts', caps.autoIncrementType).execute();
  await db.schema.createIndex('change_log_reverts').on('change_log').column('reverts').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('change_log_reverts').ifExists().execute();
  await db.schema.alterTable('change_log').dropColumn('reverts').execute();
  await db.schema.alterTable('entity').dropColumn('version').execute();
  await db.schema.alterTable('claim').dropColumn('version').execute();
}
