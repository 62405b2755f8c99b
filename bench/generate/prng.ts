/** mulberry32: a small seeded PRNG returning floats in [0, 1); every seeded generator here uses it. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small seeded PRNG (mulberry32) with the draws the generator needs; no Math.random anywhere. */
export class Rng {
  /** Uniform in [0, 1). */
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** Index in [0, n) skewed towards 0: P(i < k) = (k / n)^(1 / skew). */
  skewed(n: number, skew: number): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), skew)));
  }
  /** Zipf-like pick: earlier items are more common. */
  zipf<T>(xs: readonly T[], skew = 1.6): T {
    return xs[this.skewed(xs.length, skew)]!;
  }
  /** Picks a key by weight. */
  weighted<K extends string>(table: readonly (readonly [K, number])[], total: number): K {
    let r = this.next() * total;
    for (const [k, w] of table) {
      r -= w;
      if (r < 0) return k;
    }
    return table[table.length - 1]![0];
  }
  /** A derived generator, so streams drawn for one purpose do not shift another's. */
  fork(salt: number): Rng {
    return new Rng((Math.imul(this.int(0, 0x7fffffff), 2654435761) ^ salt) >>> 0);
  }
}
