/**
 * Bulk import into PostgreSQL with `COPY … FROM STDIN`, in one transaction on one connection.
 *
 * The same rows, versions and history entries as the generic `Writer.importDataset`, for the
 * case that matters at scale: datasets whose records are all new (an archive loaded into the
 * shared store). Array inserts (`insert … select from unnest(…)`) made PostgreSQL parse every
 * value twice and check every reference row by row; COPY streams the rows as text.
 *
 * A large import (at least `rebuildIndexesAt` claims, and more than the store holds) also drops
 * the secondary indexes and the foreign keys of the claim and name tables, and puts them back
 * at the end: one sort per index instead of millions of B-tree inserts, and one join per
 * reference instead of a lookup per row. PostgreSQL's DDL is transactional, so an import that
 * fails, or whose process dies, leaves the tables, their indexes and their constraints as they
 * were. While it runs, other connections' reads and writes of those tables wait for it.
 *
 * When any record already exists (a primary-key conflict), the transaction is rolled back and
 * `undefined` is returned, so the caller can take the generic path, which replaces records.
 */
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EMPTY_DATASET, type Dataset } from '../../core/model.js';
import { IsnadError } from '../../core/errors.js';
import { appendChange } from '../change-log.js';
import { isForeignKeyViolation, isUniqueViolation } from '../constraint-errors.js';
import { newRecordRows, REBUILD_INDEXES_AT, REBUILT_TABLES } from '../insert-new.js';
import type { ImportSummary } from '../repository.js';
import type { Database } from '../schema.js';
import { importAfterOf, importSummaryOf, importTargetOf, type ImportAfter } from '../writes.js';

export interface CopyImportOptions {
  readonly actor: string;
  /** Claims expected in all the datasets, when known ahead (else the first dataset's count decides the rebuild). */
  readonly claims?: number;
  readonly rebuildIndexesAt?: number;
}

/** Bytes of COPY text handed to the connection at a time. */
const CHUNK_CHARS = 1 << 16;

/**
 * One value in COPY's text format: `\N` for null, backslash escapes for the characters that
 * separate fields and rows. (Text a store keeps never holds NUL; `assertStorable` rejects it.)
 */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const s = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : s;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Rows of one table with the union of their columns, in the order first seen. */
interface TableRows {
  readonly columns: string[];
  readonly known: Set<string>;
  readonly rows: Record<string, unknown>[];
}

/** The COPY text of rows, a chunk at a time, so the server parses one chunk while the next is made. */
function* copyLines(t: TableRows): Generator<string> {
  let out = '';
  for (const row of t.rows) {
    for (let i = 0; i < t.columns.length; i++) out += (i ? '\t' : '') + copyText(row[t.columns[i]!]);
    out += '\n';
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

class Conflict extends Error {}

/** A Kysely bound to one client that is already in a transaction (its BEGIN and COMMIT are ours, so releasing it is too). */
function onClient(client: pg.PoolClient): Kysely<Database> {
  const connection = { query: client.query.bind(client), release: () => {} };
  const pool = { connect: async () => connection, end: async () => {} };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
}

/** The error for a reference to a record that exists nowhere, from PostgreSQL's foreign-key violation. */
function missingReference(table: string | undefined, err: unknown): IsnadError {
  const detail = ((err as { detail?: string }).detail ?? '').replace(/\.$/, '');
  return new IsnadError('bad_input', `the import refers to records that do not exist: in table ${table ?? '?'}, ${detail}; nothing was imported`, [], { cause: err });
}

/** Writes one dataset's rows by COPY, table by table in the order of each table's first row (parents first), and its history entry. */
async function writeDataset(client: pg.PoolClient, db: Kysely<Database>, ds: Dataset, fold: (name: string) => string, actor: string): Promise<ImportSummary> {
  const versions: ImportAfter['versions'] = { claims: {}, entities: {} };
  const tables = new Map<string, TableRows>();
  for (const [table, row] of newRecordRows(ds, fold, versions)) {
    let t = tables.get(table);
    if (!t) tables.set(table, (t = { columns: [], known: new Set(), rows: [] }));
    for (const k in row) {
      if (!t.known.has(k)) {
        t.known.add(k);
        t.columns.push(k);
      }
    }
    t.rows.push(row as unknown as Record<string, unknown>);
  }
  try {
    for (const [table, t] of tables) {
      const columns = t.columns.map((c) => `"${c}"`).join(', ');
      await pipeline(Readable.from(copyLines(t)), client.query(copyFrom(`copy "${table}" (${columns}) from stdin`)));
    }
  } catch (err) {
    if (isUniqueViolation(err)) throw new Conflict();
    throw err;
  }
  // The history entry, as the generic import writes it: nothing was replaced.
  await appendChange(db, { actor, action: 'import', targetKind: 'dataset', targetId: importTargetOf(ds), before: EMPTY_DATASET, after: importAfterOf(ds, versions) });
  return importSummaryOf(ds);
}

interface Dropped {
  readonly indexes: { name: string; def: string }[];
  readonly foreignKeys: { table: string; name: string; def: string }[];
}

/** Drops the secondary indexes and foreign keys of the tables a bulk import fills; returns how to make them again. */
async function dropForRebuild(client: pg.PoolClient): Promise<Dropped> {
  const tables = [...REBUILT_TABLES];
  const foreignKeys = (
    await client.query<{ table: string; name: string; def: string }>(
      "select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'f' and conrelid = any(select (quote_ident(current_schema()) || '.' || quote_ident(t))::regclass from unnest($1::text[]) as t) order by conname",
      [tables],
    )
  ).rows;
  const indexes = (
    await client.query<{ name: string; def: string }>(
      "select indexname as name, indexdef as def from pg_indexes where schemaname = current_schema() and tablename = any($1::text[]) and indexname not in (select conname from pg_constraint where contype in ('p', 'u')) order by indexname",
      [tables],
    )
  ).rows;
  for (const fk of foreignKeys) await client.query(`alter table ${fk.table} drop constraint "${fk.name}"`);
  for (const ix of indexes) await client.query(`drop index "${ix.name}"`);
  return { indexes, foreignKeys };
}

/** Builds the dropped indexes again and adds the foreign keys back, which checks every reference the import made. */
async function rebuild(client: pg.PoolClient, dropped: Dropped): Promise<void> {
  // Sorting a million keys in memory instead of in temporary files; for this transaction only.
  await client.query("set local maintenance_work_mem = '256MB'");
  for (const ix of dropped.indexes) await client.query(ix.def);
  // A violation names the referencing table, as one from COPY does (both reported by the caller).
  for (const fk of dropped.foreignKeys) await client.query(`alter table ${fk.table} add constraint "${fk.name}" ${fk.def}`);
}

/**
 * Imports the datasets, in order, in one transaction, as many `importDataset` calls would (one
 * history entry each), when none of their records exist yet; returns undefined (having changed
 * nothing) when one does. A reference to a record that exists nowhere fails the whole import with
 * a `bad_input` error naming the table and key.
 */
export async function copyImportMany(pool: pg.Pool, datasets: Iterable<Dataset>, fold: (name: string) => string, opts: CopyImportOptions): Promise<ImportSummary[] | undefined> {
  const it = datasets[Symbol.iterator]();
  const first = it.next();
  if (first.done) return [];
  const client = await pool.connect();
  const db = onClient(client);
  let failed: unknown;
  try {
    await client.query('begin');
    const expected = opts.claims ?? first.value.claims.length;
    const held = expected >= (opts.rebuildIndexesAt ?? REBUILD_INDEXES_AT) ? Number((await client.query<{ n: string }>('select count(*) as n from claim')).rows[0]!.n) : Infinity;
    const dropped = expected > held ? await dropForRebuild(client) : undefined;
    const out: ImportSummary[] = [];
    for (let next: IteratorResult<Dataset> = first; !next.done; next = it.next()) out.push(await writeDataset(client, db, next.value, fold, opts.actor));
    if (dropped) await rebuild(client, dropped);
    await client.query('commit');
    return out;
  } catch (err) {
    failed = err;
    await client.query('rollback').catch(() => {});
    if (err instanceof Conflict) return undefined;
    throw isForeignKeyViolation(err) ? missingReference((err as { table?: string }).table, err) : err;
  } finally {
    // A connection whose COPY broke off may be in any state: it is closed rather than reused.
    client.release(failed !== undefined && !(failed instanceof Conflict) ? (failed as Error) : undefined);
    await db.destroy();
  }
}
