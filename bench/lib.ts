/** Small helpers shared by the benchmarks: timing, percentiles, memory, tables. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gcFn = runInNewContext('gc') as (() => void) | undefined;

/** Full garbage collection (twice), so heap figures mean live data. */
export function collect(): void {
  gcFn?.();
  gcFn?.();
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface Latency {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
  /** Stopped early by the time box. */
  readonly capped?: boolean;
}

/**
 * Times `run` over the targets (after `warm` warm-up calls on other targets), one call at a
 * time; stops after `budgetMs` of measured time (at least `minN` calls) and says so.
 */
export async function measure<T>(targets: readonly T[], warm: readonly T[], run: (t: T) => Promise<unknown> | unknown, opts: { budgetMs?: number; minN?: number } = {}): Promise<Latency> {
  for (const t of warm) await run(t);
  const times: number[] = [];
  const budget = opts.budgetMs ?? Infinity;
  let spent = 0;
  let capped = false;
  for (const t of targets) {
    const t0 = performance.now();
    await run(t);
    const dt = performance.now() - t0;
    times.push(dt);
    spent += dt;
    if (spent > budget && times.length >= (opts.minN ?? 100)) {
      capped = times.length < targets.length;
      break;
    }
  }
  const sorted = times.sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, max: sorted[sorted.length - 1] ?? NaN, ...(capped ? { capped } : {}) };
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function ms(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '–';
  if (x < 0.1) return `${(x * 1000).toFixed(0)} µs`;
  if (x < 10) return `${x.toFixed(2)} ms`;
  return `${x.toFixed(0)} ms`;
}

export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !b || Number.isNaN(a) || Number.isNaN(b)) return '–';
  const r = a / b;
  return r < 0.01 ? `${r.toFixed(4)}` : r < 1 ? r.toFixed(3) : r.toFixed(2);
}

export function rate(perSecond: number): string {
  return `${Math.round(perSecond).toLocaleString('en-US')}/s`;
}

/** A plain-text table with aligned columns. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

/**
 * Times several ways of answering the same questions, interleaved in rounds of `round` targets
 * (so load on the machine hits them alike): each runner gets its warm-up calls, then each round
 * of targets is run by every runner in turn while it is within its time box (`budgetMs` of
 * measured time, at least `minN`). Rounds rather than single targets: alternating systems call
 * by call made each answer start with caches (the CPU's, V8's) filled by another system, which
 * at 100,000 claims slowed isnad's profile from 0.19 to 0.43 ms at p50 and oxigraph's alike.
 * A `selfTimed` runner resolves with the milliseconds it measured where the work ran (another
 * process), so the time to pass the question and answer between processes is not counted.
 */
export async function measureInterleaved<T>(
  targets: readonly T[],
  warm: readonly T[],
  runners: Record<string, { run: (t: T) => Promise<unknown> | unknown; budgetMs?: number; warm?: number; minN?: number; selfTimed?: boolean }>,
  minN = 100,
  warmBudgetMs = 5000,
  round = 100,
): Promise<Record<string, Latency>> {
  const names = Object.keys(runners);
  for (const n of names) {
    const t0 = performance.now();
    for (const t of warm.slice(0, runners[n]!.warm ?? warm.length)) {
      await runners[n]!.run(t);
      if (performance.now() - t0 > warmBudgetMs) break;
    }
  }
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const spent: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const capped: Record<string, boolean> = {};
  const failures: Record<string, number> = {};
  for (let from = 0; from < targets.length; from += round) {
    let any = false;
    for (const n of names) {
      const r = runners[n]!;
      for (const t of targets.slice(from, from + round)) {
        if (spent[n]! > (r.budgetMs ?? Infinity) && times[n]!.length >= (r.minN ?? minN)) {
          capped[n] = true;
          break;
        }
        any = true;
        const t0 = performance.now();
        let answered: unknown;
        try {
          answered = await r.run(t);
        } catch (err) {
          failures[n] = (failures[n] ?? 0) + 1;
          if (failures[n]! > 5) throw err;
          continue;
        }
        const dt = r.selfTimed ? Number(answered) : performance.now() - t0;
        times[n]!.push(dt);
        spent[n]! += dt;
      }
    }
    if (!any) break;
  }
  const out: Record<string, Latency> = {};
  for (const n of names) {
    const sorted = times[n]!.sort((a, b) => a - b);
    out[n] = { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, max: sorted[sorted.length - 1] ?? NaN, ...(capped[n] ? { capped: true } : {}) };
  }
  return out;
}
