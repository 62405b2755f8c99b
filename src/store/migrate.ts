/** Brings a database to the newest schema with Kysely's migrator; the same migrations serve every engine. */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { EngineCapabilities } from './capabilities.js';
import * as m001 from './migrations/001-initial.js';
import * as m002 from './migrations/002-versions.js';
import * as m003 from './migrations/003-trigram.js';
import * as m004 from './migrations/004-accounts.js';
import * as m005 from './migrations/005-claim-read-indexes.js';
import * as m006 from './migrations/006-clustered-children.js';
import * as m007 from './migrations/007-history-commit-order.js';

type Step = { up(db: Kysely<unknown>, caps: EngineCapabilities): Promise<void>; down(db: Kysely<unknown>, caps: EngineCapabilities): Promise<void> };
const STEPS: Record<string, Step> = { '001-initial': m001, '002-versions': m002, '003-trigram': m003, '004-accounts': m004, '005-claim-read-indexes': m005, '006-clustered-children': m006, '007-history-commit-order': m007 };

class StaticProvider implements MigrationProvider {
  constructor(private readonly caps: EngineCapabilities) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, step] of Object.entries(STEPS)) out[name] = { up: (db) => step.up(db, this.caps), down: (db) => step.down(db, this.caps) };
    return out;
  }
}

/** Applies pending migrations; throws with the failing step's name. */
export async function migrateToLatest(db: Kysely<unknown>, caps: EngineCapabilities): Promise<string[]> {
  return migrateTo(db, caps);
}

/**
 * Applies or undoes migrations until `target` (a step's name) is the last applied one, or all
 * pending ones without a target; returns the names of the steps run. For upgrade tests and
 * rollbacks.
 */
export async function migrateTo(db: Kysely<unknown>, caps: EngineCapabilities, target?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider(caps) });
  const { error, results } = target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
