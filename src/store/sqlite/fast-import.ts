/**
 * Bulk import into SQLite with raw better-sqlite3 prepared statements in one transaction.
 *
 * Same result as the generic `Writer.importDataset` (same rows, same versions, same history
 * entry) for the case that matters at scale: a dataset whose records are all new. Rows come
 * from `rows.ts` and column lists from the rows' own keys, so new columns flow through. When
 * any record already exists (a primary-key conflict), the transaction is rolled back and the
 * caller falls back to the generic path, which replaces records and bumps versions.
 *
 * For large imports the claim, evidence and attribution tables' secondary indexes are dropped
 * and rebuilt afterwards (one sort instead of millions of B-tree inserts), inside the same
 * transaction, from the definitions stored in `sqlite_master`.
 */
import type Database from 'better-sqlite3';
import type { Claim, Dataset } from '../../core/model.js';
import type { ImportSummary } from '../repository.js';
import { claimToRows, entityToRows, sourceToRow } from '../rows.js';
import { importAfterOf, importSummaryOf } from '../writes.js';
import { dayBounds } from './fast-time.js';

/** Imports with at least this many claims (and more than the store holds) rebuild indexes afterwards. */
export const REBUILD_INDEXES_AT = 50_000;

type Row = Record<string, unknown>;

class Inserter {
  private readonly stmts = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}
  insert(table: string, row: Row): void {
    let s = this.stmts.get(table);
    if (!s) {
      const cols = Object.keys(row);
      s = this.db.prepare(`insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`);
      this.stmts.set(table, s);
    }
    s.run(row);
  }
}

/** Claim rows as `claimToRows` makes them, with the day bounds computed without the general EDTF parser. */
export function fastClaimRows(c: Claim): ReturnType<typeof claimToRows> {
  if (!c.time) return claimToRows(c);
  const { time, ...rest } = c;
  const rows = claimToRows(rest);
  const [lo, hi] = dayBounds(time);
  rows.claim.time = time;
  rows.claim.t_lo = lo;
  rows.claim.t_hi = hi;
  return rows;
}

class Conflict extends Error {}

function isPrimaryKeyConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

const INDEXED_TABLES = ['claim', 'evidence', 'attribution'];

/** Writes one dataset's rows and its history entry; throws {@link Conflict} when a record exists. */
function writeDataset(db: Database.Database, ins: Inserter, ds: Dataset, fold: (name: string) => string, actor: string): ImportSummary {
  const counts = importSummaryOf(ds);
  const versions = { claims: {} as Record<string, number>, entities: {} as Record<string, number> };
  try {
    for (const s of ds.sources) ins.insert('source', sourceToRow(s) as unknown as Row);
    for (const d of ds.disputes) ins.insert('dispute', { id: d.id, question: d.question });
    for (const e of ds.entities) {
      const r = entityToRows(e, fold);
      ins.insert('entity', r.entity as unknown as Row);
      versions.entities[r.entity.id] = r.entity.version;
      for (const n of r.names) ins.insert('entity_name', n as unknown as Row);
    }
    for (const c of ds.claims) {
      const r = fastClaimRows(c);
      ins.insert('claim', r.claim as unknown as Row);
      versions.claims[r.claim.id] = r.claim.version;
      for (const e of r.evidence) ins.insert('evidence', e as unknown as Row);
      for (const a of r.attribution) ins.insert('attribution', a as unknown as Row);
    }
    for (const p of ds.perspectives) {
      ins.insert('perspective', { id: p.id, label: p.label });
      p.claimants.forEach((entity_id, seq) => ins.insert('perspective_claimant', { perspective_id: p.id, entity_id, seq }));
    }
  } catch (err) {
    if (isPrimaryKeyConflict(err)) throw new Conflict();
    throw err;
  }
  // The history entry, as the generic import writes it: nothing was replaced, so `before` is empty.
  const before: Dataset = { sources: [], entities: [], claims: [], perspectives: [], disputes: [] };
  const after = importAfterOf(ds, versions);
  db.prepare('insert into change_log (at, actor, action, target_kind, target_id, before, after, reverts) values (?, ?, ?, ?, ?, ?, ?, ?)').run(
    new Date().toISOString(),
    actor,
    'import',
    'dataset',
    ds.sources.map((s) => s.id).join(',') || '-',
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
  const run = db.transaction(() => {
    let rebuild: { name: string; sql: string }[] | undefined;
    for (const ds of datasets) {
      if (!rebuild) {
        rebuild = [];
        const expected = opts.claims ?? ds.claims.length;
        if (expected >= (opts.rebuildIndexesAt ?? REBUILD_INDEXES_AT)) {
          const have = (db.prepare('select count(*) as n from claim').get() as { n: number }).n;
          if (expected > have) {
            rebuild = db.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${INDEXED_TABLES.map(() => '?').join(', ')})`).all(...INDEXED_TABLES) as { name: string; sql: string }[];
            for (const ix of rebuild) db.exec(`drop index "${ix.name}"`);
          }
        }
      }
      out.push(writeDataset(db, ins, ds, fold, actor));
    }
    for (const ix of rebuild ?? []) db.exec(ix.sql);
  });
  try {
    run();
    return out;
  } catch (err) {
    if (err instanceof Conflict) return undefined;
    throw err;
  }
}

/**
 * Imports `ds` when none of its records exist yet; returns undefined (having changed nothing)
 * when one does, so the caller can take the generic path.
 */
export function fastImport(db: Database.Database, ds: Dataset, fold: (name: string) => string, actor: string, rebuildIndexesAt = REBUILD_INDEXES_AT): ImportSummary | undefined {
  return fastImportMany(db, [ds], fold, actor, { rebuildIndexesAt })?.[0];
}
