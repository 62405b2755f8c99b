/** A fixed-window counter per key (client address, account name), kept in memory. */
export interface RateLimitOptions {
  /** Most hits per window. */
  readonly max: number;
  readonly windowMs: number;
  readonly now?: () => number;
}

export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly opts: RateLimitOptions) {}

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** Seconds until the key may try again, or 0 when it may now. */
  blockedFor(key: string): number {
    const h = this.hits.get(key);
    if (!h || h.resetAt <= this.now() || h.count < this.opts.max) return 0;
    return Math.max(1, Math.ceil((h.resetAt - this.now()) / 1000));
  }

  /** Counts one hit. */
  hit(key: string): void {
    const now = this.now();
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
    const h = this.hits.get(key);
    if (!h || h.resetAt <= now) this.hits.set(key, { count: 1, resetAt: now + this.opts.windowMs });
    else h.count++;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }
}
