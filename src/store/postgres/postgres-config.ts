/** What `openPostgresStore` needs to know; the subset of `pg`'s pool settings isnad uses. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` (or `postgresql://`). */
  readonly url: string;
  /** Most connections the pool opens. Default is `10`. */
  readonly maxConnections?: number;
  /** Skip migrations and make every transaction read-only (for replicas and read-only roles). Default is `false`. */
  readonly readonly?: boolean;
  /** Name recorded as `application_name` on the server. Default is `'isnad'`. */
  readonly applicationName?: string;
  /**
   * Hold the claims and entities in memory and answer views from there (`memory/read-model.ts`):
   * for a long-running server; about 1 GB of memory per million claims. Default is `false`.
   */
  readonly readModel?: boolean;
  /** See `ModelBackedRepository.otherWritersLagMs`. Default is `0` (each view checks for other processes' commits). */
  readonly otherWritersLagMs?: number;
}
