/** Opens the store a location names: a SQLite file path, or (later) a postgres:// URL. */
import { IsnadError } from '../core/errors.js';
import type { Repository } from './repository.js';
import { openSqliteStore } from './sqlite/open-sqlite.js';

export async function openStore(location: string, opts: { readonly?: boolean } = {}): Promise<Repository> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new IsnadError('unsupported', 'PostgreSQL support is not built into this version yet.');
  }
  return openSqliteStore({ file: location, readonly: opts.readonly });
}
