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

type Db = Kysely<Database> | Transaction<Database>;

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

/**
 * Writes a dataset none of whose records is stored (see {@link noneStored}); returns the
 * versions written, each record's own (default 1), as the upsert path gives a new record.
 */
export async function insertNew(db: Db, caps: EngineCapabilities, fold: (name: string) => string, ds: Dataset): Promise<{ claims: Record<string, number>; entities: Record<string, number> }> {
  for (const key of ['perspectives', 'disputes'] as const) ds[key].forEach((r, i) => assertStorable(r, `${key}[${i}]`));
  const versions = { claims: {} as Record<string, number>, entities: {} as Record<string, number> };
  await insertChunked(db, caps, 'source', ds.sources.map(sourceToRow));
  await insertChunked(db, caps, 'dispute', ds.disputes.map((d) => ({ id: d.id, question: d.question })));
  const entityRows = ds.entities.map((e) => entityToRows(e, fold));
  await insertChunked(db, caps, 'entity', entityRows.map((r) => r.entity));
  await insertChunked(db, caps, 'entity_name', entityRows.flatMap((r) => r.names));
  for (const r of entityRows) versions.entities[r.entity.id] = r.entity.version;
  const claimRows = ds.claims.map(claimToRows);
  await insertChunked(db, caps, 'claim', claimRows.map((r) => r.claim));
  await insertChunked(db, caps, 'evidence', claimRows.flatMap((r) => r.evidence));
  await insertChunked(db, caps, 'attribution', claimRows.flatMap((r) => r.attribution));
  for (const r of claimRows) versions.claims[r.claim.id] = r.claim.version;
  await insertChunked(db, caps, 'perspective', ds.perspectives.map((p) => ({ id: p.id, label: p.label })));
  await insertChunked(db, caps, 'perspective_claimant', ds.perspectives.flatMap((p) => p.claimants.map((entity_id, seq) => ({ perspective_id: p.id, entity_id, seq }))));
  return versions;
}
