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

/** One system answering rounds of targets (in its own process), timing each answer itself. */
export interface RoundRunner<T> {
  /** Answers `targets` in order, stopping once `budgetMs` of answering is spent; the times of those answered. */
  round(targets: readonly T[], budgetMs: number): Promise<{ times: number[]; failures: string[] }>;
  /** Measured time allowed for the question (at least `minN` answers are still taken). */
  readonly budgetMs?: number;
  /** Warm-up targets to answer first (default: all of `warm`). */
  readonly warm?: number;
  readonly minN?: number;
}

/** Each system answers its warm-up targets (`warm`, or its first `RoundRunner.warm` of them), unmeasured, within 5 s. */
export async function warmUp<T>(runners: Record<string, RoundRunner<T>>, warm: readonly T[]): Promise<void> {
  for (const r of Object.values(runners)) await r.round(warm.slice(0, r.warm ?? warm.length), 5000);
}

/**
 * Times several systems answering the same questions, alternating in rounds of `round` targets
 * (so load on the machine hits them alike): each gets its warm-up round, then each round of
 * targets is answered by every system still within its time box (`budgetMs` of measured time,
 * at least `minN` answers). Rounds rather than single targets: alternating systems call by call
 * made each answer start with caches (the CPU's, V8's) another system had filled, which at
 * 100,000 claims slowed isnad's profile from 0.19 to 0.43 ms at p50, and oxigraph's alike.
 */
export async function measureInRounds<T>(targets: readonly T[], warm: readonly T[], runners: Record<string, RoundRunner<T>>, minN = 100, round = 100): Promise<Record<string, Latency>> {
  const names = Object.keys(runners);
  await warmUp(runners, warm);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const spent: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const capped: Record<string, boolean> = {};
  const failures: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let from = 0; from < targets.length; from += round) {
    let any = false;
    for (const n of names) {
      const r = runners[n]!;
      const budget = r.budgetMs ?? Infinity;
      const need = (r.minN ?? minN) - times[n]!.length;
      if (spent[n]! > budget && need <= 0) {
        capped[n] = true;
        continue;
      }
      any = true;
      // Past its time box a system still answers until it has its minimum.
      const part = targets.slice(from, from + round);
      const over = spent[n]! > budget;
      const res = await r.round(over ? part.slice(0, need) : part, over ? Number.MAX_SAFE_INTEGER : Math.min(Number.MAX_SAFE_INTEGER, budget - spent[n]!));
      if (!over && res.times.length + res.failures.length < part.length) capped[n] = true;
      times[n]!.push(...res.times);
      spent[n]! += res.times.reduce((a, b) => a + b, 0);
      failures[n]!.push(...res.failures);
      if (failures[n]!.length > 5) throw new Error(`${n}: ${failures[n]!.length} questions failed; the first: ${failures[n]![0]}`);
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
