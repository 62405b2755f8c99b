/**
 * Importing records the store does not hold yet: plain inserts in statements as large as the
 * engine takes, parents before children, without the upsert path's reads of what each record
 * replaces (its versions, its old evidence, attribution and names). An archive loaded in chunks
 * is almost all new records; on PostgreSQL the upsert path wrote ~5,000 claims/s.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Dataset } from '../core/model.js';
import type { EngineCapabilities } from './capabilities.js';
import { assertStorable, claimToRows, entityToRows, sourceToRow } from './rows.js';
import type { Database } from './schema.js';
import type { ImportAfter } from './writes.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Imports with at least this many claims (and more than the store holds) drop the claim tables' secondary indexes and rebuild them afterwards. */
export const REBUILD_INDEXES_AT = 50_000;

/** A single dataset with at least this many claims goes to the engine's bulk import (PostgreSQL's COPY), when it has one. */
export const BULK_IMPORT_AT = 1_000;

/** The tables whose secondary indexes (and, on PostgreSQL, foreign keys) a large import rebuilds. */
export const REBUILT_TABLES = ['claim', 'evidence', 'attribution', 'entity_name'] as const;

/** Ids asked per existence probe. */
const PROBE_IDS = 500;

/** Rows per statement when each column goes as one array. */
const ROWS_PER_ARRAY_INSERT = 10_000;

/** Inserts rows in as few statements as the engine allows (see `columnArrayInserts`). */
export async function insertChunked<T extends keyof Database & string>(db: Db, caps: EngineCapabilities, table: T, rows: readonly Database[T][]): Promise<void> {
  if (rows.length === 0) return;
  if (caps.columnArrayInserts) {
    for (let i = 0; i < rows.length; i += ROWS_PER_ARRAY_INSERT) await insertColumns(db, table, rows.slice(i, i + ROWS_PER_ARRAY_INSERT) as readonly object[]);
    return;
  }
  const cols = Object.keys(rows[0] as object).length;
  const per = Math.max(1, Math.floor(caps.maxParameters / cols));
  for (let i = 0; i < rows.length; i += per) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await db.insertInto(table).values(rows.slice(i, i + per) as any).execute();
  }
}

/** Column types by table, as the server names them (`text`, `integer`, …), shared by the stores of this process (the migrations made them alike). */
const columnTypes = new Map<string, Promise<Map<string, string>>>();

function typesOf(db: Db, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    types = sql<{ name: string; type: string }>`select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`
      .execute(db)
      .then((r) => new Map(r.rows.map((c) => [c.name, c.type])));
    // A failed lookup (no such table yet) is asked again next time.
    types.catch(() => columnTypes.delete(table));
    columnTypes.set(table, types);
  }
  return types;
}

/** One `insert … select * from unnest($1::type[], …)` of these rows: an array per column, nulls where a row has no value. */
async function insertColumns(db: Db, table: string, rows: readonly object[]): Promise<void> {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  let types = await typesOf(db, table);
  if (cols.some((c) => !types.has(c))) {
    // Read before a migration added the column (another store of this process, an older one): read again.
    columnTypes.delete(table);
    types = await typesOf(db, table);
  }
  const arrays = cols.map((c) => {
    const type = types.get(c);
    if (!type) throw new Error(`insert into ${table}: no column "${c}"`);
    const values = rows.map((r) => (r as Record<string, unknown>)[c] ?? null);
    return sql`${values}::${sql.raw(`${type}[]`)}`;
  });
  await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(db);
}

/** True when none of the dataset's records (sources, entities, claims, perspectives, disputes) is stored, by id. */
export async function noneStored(db: Db, ds: Dataset): Promise<boolean> {
  const tables = [
    ['source', ds.sources],
    ['entity', ds.entities],
    ['claim', ds.claims],
    ['perspective', ds.perspectives],
    ['dispute', ds.disputes],
  ] as const;
  for (const [table, records] of tables) {
    for (let i = 0; i < records.length; i += PROBE_IDS) {
      const ids = records.slice(i, i + PROBE_IDS).map((r) => r.id);
      if (await db.selectFrom(table).select('id').where('id', 'in', ids).limit(1).executeTakeFirst()) return false;
    }
  }
  return true;
}

/** The tables a dataset's records go to. */
type RecordTable = 'source' | 'dispute' | 'entity' | 'entity_name' | 'claim' | 'evidence' | 'attribution' | 'perspective' | 'perspective_claimant';

/** One row of a dataset and its table. */
export type TableRow = { [T in RecordTable]: readonly [T, Database[T]] }[RecordTable];

/**
 * The rows of a dataset whose records are all new, record by record, each record's rows after
 * the records they refer to (sources, disputes and entities before claims), so writing them in
 * the order of each table's first row keeps every reference. Fills `versions` as it goes: each
 * record's own (default 1), as the replacing path gives a new record. A generator, so a bulk
 * import writes each row as it is made rather than holding a chunk's rows at once.
 * Perspectives and disputes are checked storable before the first row (sources, entities and
 * claims are checked as their rows are made), so no path writes text the store would not keep.
 */
export function* newRecordRows(ds: Dataset, fold: (name: string) => string, versions: ImportAfter['versions']): Generator<TableRow> {
  for (const key of ['perspectives', 'disputes'] as const) ds[key].forEach((r, i) => assertStorable(r, `${key}[${i}]`));
  for (const s of ds.sources) yield ['source', sourceToRow(s)];
  for (const d of ds.disputes) yield ['dispute', { id: d.id, question: d.question }];
  for (const e of ds.entities) {
    const r = entityToRows(e, fold);
    versions.entities[r.entity.id] = r.entity.version;
    yield ['entity', r.entity];
    for (const n of r.names) yield ['entity_name', n];
  }
  for (const c of ds.claims) {
    const r = claimToRows(c);
    versions.claims[r.claim.id] = r.claim.version;
    yield ['claim', r.claim];
    for (const e of r.evidence) yield ['evidence', e];
    for (const a of r.attribution) yield ['attribution', a];
  }
  for (const p of ds.perspectives) {
    yield ['perspective', { id: p.id, label: p.label }];
    for (const [seq, entity_id] of p.claimants.entries()) yield ['perspective_claimant', { perspective_id: p.id, entity_id, seq }];
  }
}

/**
 * Writes a dataset none of whose records is stored (see {@link noneStored}), table by table in
 * the order of each table's first row; returns the versions written.
 */
export async function insertNew(db: Db, caps: EngineCapabilities, fold: (name: string) => string, ds: Dataset): Promise<ImportAfter['versions']> {
  const versions: ImportAfter['versions'] = { claims: {}, entities: {} };
  const byTable = new Map<RecordTable, object[]>();
  for (const [table, row] of newRecordRows(ds, fold, versions)) {
    let rows = byTable.get(table);
    if (!rows) byTable.set(table, (rows = []));
    rows.push(row);
  }
  for (const [table, rows] of byTable) await insertChunked(db, caps, table, rows as readonly Database[typeof table][]);
  return versions;
}
