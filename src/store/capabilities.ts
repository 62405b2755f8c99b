/**
 * What differs between store engines, as data rather than `if (postgres)` scattered in queries.
 */
export interface EngineCapabilities {
  readonly engine: 'sqlite' | 'postgres';
  /** Column type for auto-numbered keys. */
  readonly autoIncrementType: 'integer' | 'bigint';
  /** Column type for 64-bit floats. */
  readonly floatType: 'real' | 'double precision';
  /**
   * Trigram index for fuzzy name search (pg_trgm). On PostgreSQL it is true when the server
   * offers the extension; the migration that creates the extension and its index runs only then.
   * Default is `false`.
   */
  readonly trigramSearch: boolean;
  /**
   * Collation given to every text column, so ordering and range comparisons are by code point
   * (bytes of UTF-8) on every engine: SQLite's default BINARY collation already does that;
   * PostgreSQL's database default (e.g. `en_US.UTF-8`) does not, so its text columns are declared
   * `collate "C"`. `null` means the engine's default is already by code point. Default is `null`.
   */
  readonly textCollation: 'C' | null;
  /** Most bind parameters one statement may carry. */
  readonly maxParameters: number;
  /**
   * Bulk inserts pass one array per column and `unnest` them (PostgreSQL) instead of a `values`
   * list with a parameter per cell: the server parses one small statement instead of thousands
   * of value lists. Default is `false`.
   */
  readonly columnArrayInserts: boolean;
  /**
   * How long a server's views may go without checking the history for other processes' commits
   * (`otherWritersLagMs` of a store with a read model): about a hundred times what a check costs.
   * On SQLite a check is a read transaction on the file (2–7 µs), so 1 ms; on PostgreSQL it is a
   * round trip to the server (0.2–0.3 ms here), so 20 ms, which no reader can tell from at once.
   */
  readonly servingLagMs: number;
}

export const SQLITE_CAPABILITIES: EngineCapabilities = Object.freeze({
  engine: 'sqlite',
  autoIncrementType: 'integer',
  floatType: 'real',
  trigramSearch: false,
  textCollation: null,
  maxParameters: 32_000,
  columnArrayInserts: false,
  servingLagMs: 1,
});

export const POSTGRES_CAPABILITIES: EngineCapabilities = Object.freeze({
  engine: 'postgres',
  autoIncrementType: 'bigint',
  floatType: 'double precision',
  trigramSearch: true,
  textCollation: 'C',
  maxParameters: 65_000,
  columnArrayInserts: true,
  servingLagMs: 20,
});
