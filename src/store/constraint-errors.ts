/**
 * Database errors by kind, the same on SQLite and PostgreSQL, for the writes that react to them.
 */

const codeOf = (err: unknown): unknown => (err as { code?: unknown } | null)?.code;

/** True when a database error is a foreign-key violation (SQLite or PostgreSQL). */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = codeOf(err);
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** True when a database error is a primary-key or unique violation: a record with that key exists. */
export function isUniqueViolation(err: unknown): boolean {
  const code = codeOf(err);
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/**
 * True when PostgreSQL aborted the transaction to break a deadlock (`40P01`): two writers each
 * waiting on a lock the other holds (see migration 007). The transaction was rolled back whole.
 */
export function isDeadlock(err: unknown): boolean {
  return codeOf(err) === '40P01';
}
