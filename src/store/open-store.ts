/**
 * Opens the store a location names: a `postgres://` (or `postgresql://`) URL opens the shared
 * PostgreSQL store, anything else is a SQLite file path (or `:memory:`).
 *
 * When no location is given, `ISNAD_DATABASE_URL` names it: e.g.
 * `ISNAD_DATABASE_URL=postgres://isnad:secret@db.example/isnad isnad serve`.
 */
import { IsnadError } from '../core/errors.js';
import type { Repository } from './repository.js';
import { openPostgresStore } from './postgres/open-postgres.js';
import { openSqliteStore } from './sqlite/open-sqlite.js';

/** The environment variable that names the store when no `--db` is given. */
export const DATABASE_URL_ENV = 'ISNAD_DATABASE_URL';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * The location to open: the one given, else `ISNAD_DATABASE_URL`, else `fallback`
 * (the embedded default file).
 */
export function resolveStoreLocation(given: string | undefined, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  return given || env[DATABASE_URL_ENV] || fallback;
}

export async function openStore(location: string, opts: { readonly?: boolean } = {}): Promise<Repository> {
  if (!location) throw new IsnadError('bad_input', `No store given: pass a SQLite file or a postgres:// URL (or set ${DATABASE_URL_ENV}).`);
  if (isPostgresUrl(location)) {
    try {
      return await openPostgresStore({ url: location, readonly: opts.readonly });
    } catch (err) {
      throw new IsnadError('unsupported', `Cannot open PostgreSQL store ${redactUrl(location)}: ${(err as Error).message}`, [], { cause: err });
    }
  }
  return openSqliteStore({ file: location, readonly: opts.readonly });
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
