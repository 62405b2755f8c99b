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
}
