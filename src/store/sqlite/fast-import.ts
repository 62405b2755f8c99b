/**
 * Bulk import into SQLite with raw better-sqlite3 prepared statements in one transaction.
 *
 * Same result as the generic `Writer.importDataset` (same rows, same versions, same history
 * entry) for the case that matters at scale: a dataset whose records are all new. Rows come
 * from `rows.ts` and column lists from the rows' own keys, so new columns flow through. When
 * any record already exists (a primary-key conflict), the transaction is rolled back and the
 * caller falls back to the generic path, which replaces records and bumps versions.
 *
 * For large imports the claim, evidence, attribution and name tables' secondary indexes are dropped
 * and rebuilt afterwards (one sort instead of millions of B-tree inserts), inside the same
 * transaction, from the definitions stored in `sqlite_master`.
 */
import type Database from 'better-sqlite3';
import { EMPTY_DATASET, type Dataset } from '../../core/model.js';
import { IsnadError } from '../../core/errors.js';
import { isUniqueViolation } from '../constraint-errors.js';
import type { ImportSummary } from '../repository.js';
import { newRecordRows, REBUILD_INDEXES_AT, REBUILT_TABLES } from '../insert-new.js';
import { importAfterOf, importSummaryOf, importTargetOf, type ImportAfter } from '../writes.js';

type Row = Record<string, unknown>;

/** Rows per multi-row `insert … values (…), (…)` statement: about half the cost per row of one statement each. */
const BATCH = 32;

/** Rows waiting for one table and column list, their values flat in column order. */
interface Buffer { readonly table: string; readonly cols: string[]; values: unknown[]; rows: number }

/**
 * Buffers rows per table and column list and writes them with multi-row insert statements bound
 * by position (binding by name costs better-sqlite3 a lookup per column and row). When any buffer
 * is full, every buffer is written, in the order its table was first used: callers insert
 * parents (sources, entities) before children (claims, evidence), so foreign keys hold at each
 * statement. `flush` writes the rest.
 */
class Inserter {
  /** Buffers by table (in the order tables were first used), then by column list. */
  private readonly buffers = new Map<string, Map<string, Buffer>>();
  private readonly last = new Map<string, Buffer>();
  private readonly stmts = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}

  insert(table: string, row: Row): void {
    let b = this.last.get(table);
    if (!b || !sameKeys(b.cols, row)) {
      const cols = Object.keys(row);
      let byCols = this.buffers.get(table);
      if (!byCols) this.buffers.set(table, (byCols = new Map()));
      b = byCols.get(cols.join(','));
      if (!b) byCols.set(cols.join(','), (b = { table, cols, values: [], rows: 0 }));
      this.last.set(table, b);
    }
    // The row's keys are the buffer's columns in order (checked above); `row[k]` inside a for-in over
    // the same object is V8's fast path, where `row[col]` over a list of names is a lookup by name.
    for (const k in row) b.values.push(row[k]);
    if (++b.rows === BATCH) this.flush();
  }

  /** Writes every buffered row, parents' tables first. */
  flush(): void {
    for (const byCols of this.buffers.values()) {
      for (const b of byCols.values()) {
        if (b.rows === 0) continue;
        this.statement(b.table, b.cols, b.rows).run(b.values);
        b.values = [];
        b.rows = 0;
      }
    }
  }

  private statement(table: string, cols: readonly string[], rows: number): Database.Statement {
    const key = `${rows}:${table}(${cols.join(',')})`;
    let stmt = this.stmts.get(key);
    if (!stmt) {
      const one = `(${cols.map(() => '?').join(', ')})`;
      stmt = this.db.prepare(`insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values ${Array<string>(rows).fill(one).join(', ')}`);
      this.stmts.set(key, stmt);
    }
    return stmt;
  }
}

/** True when the row has exactly these keys in this order. */
function sameKeys(cols: readonly string[], row: Row): boolean {
  let i = 0;
  for (const k in row) if (cols[i++] !== k) return false;
  return i === cols.length;
}

class Conflict extends Error {}

/** Writes one dataset's rows and its history entry; throws {@link Conflict} when a record exists. */
function writeDataset(db: Database.Database, ins: Inserter, ds: Dataset, fold: (name: string) => string, actor: string): ImportSummary {
  const counts = importSummaryOf(ds);
  const versions: ImportAfter['versions'] = { claims: {}, entities: {} };
  try {
    for (const [table, row] of newRecordRows(ds, fold, versions)) ins.insert(table, row as unknown as Row);
    ins.flush();
  } catch (err) {
    if (isUniqueViolation(err)) throw new Conflict();
    throw err;
  }
  // The history entry, as the generic import writes it: nothing was replaced.
  const before = EMPTY_DATASET;
  const after = importAfterOf(ds, versions);
  db.prepare('insert into change_log (at, actor, action, target_kind, target_id, before, after, reverts) values (?, ?, ?, ?, ?, ?, ?, ?)').run(
    new Date().toISOString(),
    actor,
    'import',
    'dataset',
    importTargetOf(ds),
    JSON.stringify(before),
    JSON.stringify(after),
    null,
  );
  return counts;
}

/**
 * Imports the datasets, in order, in one transaction, as many `importDataset` calls would (one
 * history entry each), when none of their records exist yet; returns undefined (having changed
 * nothing) when one does, so the caller can take the generic path. Secondary indexes of the
 * claim tables are dropped and rebuilt once when the import is large (`claims`, when known
 * ahead, else the first dataset's, at least `rebuildIndexesAt` and more than the store holds).
 */
export function fastImportMany(db: Database.Database, datasets: Iterable<Dataset>, fold: (name: string) => string, actor: string, opts: { rebuildIndexesAt?: number; claims?: number } = {}): ImportSummary[] | undefined {
  const ins = new Inserter(db);
  const out: ImportSummary[] = [];
  const it = datasets[Symbol.iterator]();
  const first = it.next();
  if (first.done) return out;
  const expected = opts.claims ?? first.value.claims.length;
  const large = expected >= (opts.rebuildIndexesAt ?? REBUILD_INDEXES_AT) && expected > (db.prepare('select count(*) as n from claim').get() as { n: number }).n;
  const run = db.transaction(() => {
    const rebuild = large ? (db.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${REBUILT_TABLES.map(() => '?').join(', ')})`).all(...REBUILT_TABLES) as { name: string; sql: string }[]) : [];
    for (const ix of rebuild) db.exec(`drop index "${ix.name}"`);
    for (let next: IteratorResult<Dataset> = first; !next.done; next = it.next()) out.push(writeDataset(db, ins, next.value, fold, actor));
    for (const ix of rebuild) db.exec(ix.sql);
    if (large) assertReferencesHold(db);
  });
  // A large import checks every reference once at the end instead of row by row (SQLite
  // ignores this pragma inside a transaction, so it is set around it).
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  if (large && enforced) db.pragma('foreign_keys = OFF');
  try {
    run();
    return out;
  } catch (err) {
    if (err instanceof Conflict) return undefined;
    throw err;
  } finally {
    if (large && enforced) db.pragma('foreign_keys = ON');
  }
}

/** Throws (so the transaction rolls back) when some row refers to a record that does not exist. */
function assertReferencesHold(db: Database.Database): void {
  const broken = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
  if (broken.length === 0) return;
  const b = broken[0]!;
  // Clustered tables (WITHOUT ROWID) have no row number to report.
  const row = b.rowid === null ? '' : ` (row ${b.rowid})`;
  throw new IsnadError('bad_input', `the import refers to records that do not exist: ${broken.length} row(s), the first in table ${b.table}${row} naming a missing ${b.parent}; nothing was imported`);
}

/**
 * Imports `ds` when none of its records exist yet; returns undefined (having changed nothing)
 * when one does, so the caller can take the generic path.
 */
export function fastImport(db: Database.Database, ds: Dataset, fold: (name: string) => string, actor: string, rebuildIndexesAt = REBUILD_INDEXES_AT): ImportSummary | undefined {
  return fastImportMany(db, [ds], fold, actor, { rebuildIndexesAt })?.[0];
}
