/** The initial schema: written once with Kysely's schema builder, so it runs on SQLite and PostgreSQL. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { EngineCapabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: EngineCapabilities): Promise<void> {
  const T = textType(caps);
  await db.schema
    .createTable('source')
    .addColumn('id', T, (c) => c.primaryKey())
    .addColumn('kind', T, (c) => c.notNull())
    .addColumn('title', T, (c) => c.notNull())
    .addColumn('author', T)
    .addColumn('author_entity', T)
    .addColumn('date', T)
    .addColumn('url', T)
    .addColumn('content_hash', T)
    .addColumn('text', T)
    .execute();
  await db.schema.createIndex('source_content_hash').on('source').column('content_hash').execute();

  await db.schema
    .createTable('entity')
    .addColumn('id', T, (c) => c.primaryKey())
    .addColumn('type', T, (c) => c.notNull().check(sql`type in ('person', 'organization', 'place')`))
    .addColumn('canonical', T, (c) => c.notNull())
    .addColumn('description', T)
    .execute();

  await db.schema
    .createTable('entity_name')
    .addColumn('entity_id', T, (c) => c.notNull().references('entity.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', T, (c) => c.notNull())
    .addColumn('kind', T, (c) => c.notNull())
    .addColumn('lang', T)
    .addColumn('note', T)
    .addColumn('sources', T, (c) => c.notNull())
    .addColumn('folded', T, (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_name_pk', ['entity_id', 'seq'])
    .execute();
  await db.schema.createIndex('entity_name_folded').on('entity_name').column('folded').execute();

  await db.schema
    .createTable('dispute')
    .addColumn('id', T, (c) => c.primaryKey())
    .addColumn('question', T, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('claim')
    .addColumn('id', T, (c) => c.primaryKey())
    .addColumn('subject_id', T, (c) => c.notNull().references('entity.id'))
    .addColumn('predicate', T, (c) => c.notNull())
    .addColumn('object_id', T, (c) => c.references('entity.id'))
    .addColumn('value', T)
    .addColumn('time', T)
    .addColumn('t_lo', 'integer')
    .addColumn('t_hi', 'integer')
    .addColumn('stance', T, (c) => c.notNull().check(sql`stance in ('asserts', 'denies')`))
    .addColumn('confidence', caps.floatType)
    .addColumn('status', T, (c) => c.notNull().check(sql`status in ('candidate', 'accepted', 'rejected')`))
    .addColumn('dispute_id', T, (c) => c.references('dispute.id'))
    .addColumn('note', T)
    .addColumn('recorded_by', T, (c) => c.notNull())
    .addColumn('recorded_at', T, (c) => c.notNull())
    .addColumn('claimant_id', T)
    .addColumn('proposition', T, (c) => c.notNull())
    .execute();
  for (const col of ['subject_id', 'object_id', 'predicate', 'dispute_id', 'status', 'claimant_id', 'proposition'] as const) {
    await db.schema.createIndex(`claim_${col}`).on('claim').column(col).execute();
  }
  await db.schema.createIndex('claim_time').on('claim').columns(['t_lo', 't_hi']).execute();

  await db.schema
    .createTable('evidence')
    .addColumn('claim_id', T, (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('source_id', T, (c) => c.notNull().references('source.id'))
    .addColumn('quote', T, (c) => c.notNull())
    .addColumn('page', T)
    .addColumn('start_pos', 'integer')
    .addColumn('end_pos', 'integer')
    .addColumn('section', T)
    .addPrimaryKeyConstraint('evidence_pk', ['claim_id', 'seq'])
    .execute();
  await db.schema.createIndex('evidence_source').on('evidence').column('source_id').execute();

  await db.schema
    .createTable('attribution')
    .addColumn('claim_id', T, (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('entity_id', T, (c) => c.references('entity.id'))
    .addColumn('source_id', T, (c) => c.references('source.id'))
    .addColumn('via', T)
    .addColumn('date', T)
    .addPrimaryKeyConstraint('attribution_pk', ['claim_id', 'seq'])
    .execute();
  await db.schema.createIndex('attribution_entity').on('attribution').column('entity_id').execute();

  await db.schema
    .createTable('perspective')
    .addColumn('id', T, (c) => c.primaryKey())
    .addColumn('label', T, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('perspective_claimant')
    .addColumn('perspective_id', T, (c) => c.notNull().references('perspective.id').onDelete('cascade'))
    .addColumn('entity_id', T, (c) => c.notNull().references('entity.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('perspective_claimant_pk', ['perspective_id', 'seq'])
    .execute();

  await db.schema
    .createTable('change_log')
    .addColumn('id', caps.autoIncrementType, (c) => (caps.engine === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('at', T, (c) => c.notNull())
    .addColumn('actor', T, (c) => c.notNull())
    .addColumn('action', T, (c) => c.notNull())
    .addColumn('target_kind', T, (c) => c.notNull())
    .addColumn('target_id', T, (c) => c.notNull())
    .addColumn('before', T)
    .addColumn('after', T)
    .execute();
  await db.schema.createIndex('change_log_target').on('change_log').columns(['target_kind', 'target_id']).execute();
}

/** `text`, with the engine's code-point collation where its default is not (see {@link EngineCapabilities.textCollation}). */
export function textType(caps: EngineCapabilities): 'text' | RawBuilder<unknown> {
  return caps.textCollation ? sql`text collate ${sql.id(caps.textCollation)}` : 'text';
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['change_log', 'perspective_claimant', 'perspective', 'attribution', 'evidence', 'claim', 'dispute', 'entity_name', 'entity', 'source']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
