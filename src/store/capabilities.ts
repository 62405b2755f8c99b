/**
 * What differs between store engines, as data rather than `if (postgres)` scattered in queries.
 */
export interface EngineCapabilities {
  readonly engine: 'sqlite' | 'postgres';
  /** Column type for auto-numbered keys. */
  readonly autoIncrementType: 'integer' | 'bigint';
  /** Column type for 64-bit floats. */
  readonly floatType: 'real' | 'double precision';
  /** Trigram index for fuzzy name search (pg_trgm). */
  readonly trigramSearch: boolean;
  /** Most bind parameters one statement may carry. */
  readonly maxParameters: number;
}

export const SQLITE_CAPABILITIES: EngineCapabilities = Object.freeze({
  engine: 'sqlite',
  autoIncrementType: 'integer',
  floatType: 'real',
  trigramSearch: false,
  maxParameters: 32_000,
});

export const POSTGRES_CAPABILITIES: EngineCapabilities = Object.freeze({
  engine: 'postgres',
  autoIncrementType: 'bigint',
  floatType: 'double precision',
  trigramSearch: true,
  maxParameters: 65_000,
});
