/** The initial schema: written once with Kysely's schema builder, so it runs on SQLite and PostgreSQL. */
import { sql, type Kysely } from 'kysely';
import type { EngineCapabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: EngineCapabilities): Promise<void> {
  await db.schema
    .createTable('source')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('author_entity', 'text')
    .addColumn('date', 'text')
    .addColumn('url', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('text', 'text')
    .execute();
  await db.schema.createIndex('source_content_hash').on('source').column('content_hash').execute();

  await db.schema
    .createTable('entity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('person', 'organization', 'place')`))
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .execute();

  await db.schema
    .createTable('entity_name')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entity.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('note', 'text')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('folded', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_name_pk', ['entity_id', 'seq'])
    .execute();
  await db.schema.createIndex('entity_name_folded').on('entity_name').column('folded').execute();

  await db.schema
    .createTable('dispute')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('claim')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull().references('entity.id'))
    .addColumn('predicate', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.references('entity.id'))
    .addColumn('value', 'text')
    .addColumn('time', 'text')
    .addColumn('t_lo', 'integer')
    .addColumn('t_hi', 'integer')
    .addColumn('stance', 'text', (c) => c.notNull().check(sql`stance in ('asserts', 'denies')`))
    .addColumn('confidence', caps.floatType)
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('candidate', 'accepted', 'rejected')`))
    .addColumn('dispute_id', 'text', (c) => c.references('dispute.id'))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('claimant_id', 'text')
    .addColumn('proposition', 'text', (c) => c.notNull())
    .execute();
  for (const col of ['subject_id', 'object_id', 'predicate', 'dispute_id', 'status', 'claimant_id', 'proposition'] as const) {
    await db.schema.createIndex(`claim_${col}`).on('claim').column(col).execute();
  }
  await db.schema.createIndex('claim_time').on('claim').columns(['t_lo', 't_hi']).execute();

  await db.schema
    .createTable('evidence')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('page', 'text')
    .addColumn('start_pos', 'integer')
    .addColumn('end_pos', 'integer')
    .addColumn('section', 'text')
    .addPrimaryKeyConstraint('evidence_pk', ['claim_id', 'seq'])
    .execute();
  await db.schema.createIndex('evidence_source').on('evidence').column('source_id').execute();

  await db.schema
    .createTable('attribution')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.references('entity.id'))
    .addColumn('source_id', 'text', (c) => c.references('source.id'))
    .addColumn('via', 'text')
    .addColumn('date', 'text')
    .addPrimaryKeyConstraint('attribution_pk', ['claim_id', 'seq'])
    .execute();
  await db.schema.createIndex('attribution_entity').on('attribution').column('entity_id').execute();

  await db.schema
    .createTable('perspective')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('perspective_claimant')
    .addColumn('perspective_id', 'text', (c) => c.notNull().references('perspective.id').onDelete('cascade'))
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entity.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('perspective_claimant_pk', ['perspective_id', 'seq'])
    .execute();

  await db.schema
    .createTable('change_log')
    .addColumn('id', caps.autoIncrementType, (c) => (caps.engine === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('change_log_target').on('change_log').columns(['target_kind', 'target_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['change_log', 'perspective_claimant', 'perspective', 'attribution', 'evidence', 'claim', 'dispute', 'entity_name', 'entity', 'source']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
