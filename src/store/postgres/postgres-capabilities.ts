/**
 * Capabilities of one PostgreSQL server, found out by asking it: whether it offers pg_trgm
 * (Debian's `postgresql-15` ships it; a managed server may not).
 */
import { sql, type Kysely } from 'kysely';
import { POSTGRES_CAPABILITIES, type EngineCapabilities } from '../capabilities.js';

/** Before migrating: can the extension be created here? */
export async function probeCapabilities(db: Kysely<unknown>): Promise<EngineCapabilities> {
  const r = await sql<{ available: boolean }>`select exists (select 1 from pg_available_extensions where name = 'pg_trgm') as available`.execute(db);
  return Object.freeze({ ...POSTGRES_CAPABILITIES, trigramSearch: r.rows[0]?.available === true });
}

/** After migrating: is the extension installed in this database (so queries may use it)? */
export async function trigramInstalled(db: Kysely<unknown>): Promise<boolean> {
  const r = await sql<{ installed: boolean }>`select exists (select 1 from pg_extension where extname = 'pg_trgm') as installed`.execute(db);
  return r.rows[0]?.installed === true;
}
