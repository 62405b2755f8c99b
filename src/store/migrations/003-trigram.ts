/**
 * Fuzzy name search on PostgreSQL: the `pg_trgm` extension and a trigram GIN index on
 * `entity_name.folded`. Runs only where {@link EngineCapabilities.trigramSearch} is true; on
 * other engines (and PostgreSQL servers without the extension) it is recorded as applied and
 * does nothing, and fuzzy search falls back to the portable implementation.
 */
import { sql, type Kysely } from 'kysely';
import type { EngineCapabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: EngineCapabilities): Promise<void> {
  if (!caps.trigramSearch) return;
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index if not exists entity_name_folded_trgm on entity_name using gin (folded gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists entity_name_folded_trgm`.execute(db);
}
