/**
 * The store benchmark asks each system its questions in a process of its own (an "answerer"):
 * isnad over the store file the benchmark imported, isnad's HTTP server, oxigraph over the same
 * data. The benchmark sends a round of targets; the answerer times each answer where it runs
 * and sends the times back, so neither the messages between processes nor another system's
 * heap, caches or garbage are counted.
 *
 * Why apart: in one process with isnad, oxigraph's WebAssembly memory (3.8 GB at 1M claims)
 * and its generated Turtle slowed isnad's answers by 30–50% (profile 0.35 ms against 0.22 ms
 * at p50 without it); and a process that has just generated and imported a million claims
 * answers with a larger heap, and longer collections, than one that opens the store as a user
 * does. A worker thread was tried first: it still shares V8's collector threads.
 */
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One question about one target, as the benchmark draws them. */
export interface Target {
  readonly entity: string;
  readonly year: number;
  readonly month: number;
  /** Fuzzy search: the noisy name asked of isnad. */
  readonly query?: string;
  /** Fuzzy search: the longest plain word of it, asked of oxigraph. */
  readonly word?: string;
}

export type Question = 'profile' | 'asOf' | 'timeline' | 'lineage' | 'disputes' | 'search' | 'network';

/** Benchmark → answerer: answer these targets in order, stopping once `budgetMs` of answering is spent. */
interface Round {
  readonly kind: 'round';
  readonly question: Question;
  readonly targets: readonly Target[];
  readonly budgetMs: number;
}

/** Answerer → benchmark. */
type Reply<Ready> =
  | { readonly kind: 'progress'; readonly message: string }
  | { readonly kind: 'ready'; readonly ready: Ready }
  | { readonly kind: 'answered'; readonly times: number[]; readonly failures: string[] };

/** Child side: reports progress, then that it is ready, then answers rounds with `answer` until killed. */
export function serveRounds<Ready>(answer: Record<Question, (t: Target) => unknown>, ready: Ready): void {
  process.on('message', async (m: Round) => {
    const times: number[] = [];
    const failures: string[] = [];
    let spent = 0;
    for (const t of m.targets) {
      if (spent > m.budgetMs) break;
      const t0 = performance.now();
      try {
        await answer[m.question](t);
      } catch (err) {
        failures.push((err as Error).message);
        continue;
      }
      const dt = performance.now() - t0;
      times.push(dt);
      spent += dt;
    }
    reply({ kind: 'answered', times, failures });
  });
  reply({ kind: 'ready', ready });
}

/** Child side: a progress line for the benchmark's log. */
export function progress(message: string): void {
  reply({ kind: 'progress', message });
}

function reply<Ready>(m: Reply<Ready>): void {
  if (!process.send) throw new Error('an answerer runs as a child process of store.bench.ts');
  process.send(m);
}

/** The arguments a child was started with (see {@link startAnswerer}). */
export function answererArgs<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

export interface Answerer<Ready> {
  readonly ready: Ready;
  /** Times of the targets answered (in order, failures left out), stopping past `budgetMs`. */
  round(question: Question, targets: readonly Target[], budgetMs: number): Promise<{ times: number[]; failures: string[] }>;
  /** Resolves once the process has gone idle (see {@link untilIdle}); the milliseconds waited so far in all. */
  settle(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `file` (next to this one) as an answerer, under `nodeFlags` besides a large heap limit, and resolves once it is ready. */
export function startAnswerer<Ready>(file: string, args: unknown, log: (message: string) => void, nodeFlags: readonly string[] = [], heapMb = 16384): Promise<Answerer<Ready>> {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx', `--max-old-space-size=${heapMb}`, ...nodeFlags],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let pending: { resolve: (r: { times: number[]; failures: string[] }) => void; reject: (err: Error) => void } | undefined;
  let stopping = false;
  let settledMs = 0;
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      const err = new Error(`${file} exited (${signal ?? `code ${code}`})`);
      pending?.reject(err);
      reject(err);
    });
    child.on('message', (m: Reply<Ready>) => {
      if (m.kind === 'progress') log(m.message);
      else if (m.kind === 'answered') {
        const p = pending;
        pending = undefined;
        p?.resolve({ times: m.times, failures: m.failures });
      } else {
        resolve({
          ready: m.ready,
          round: (question, targets, budgetMs) =>
            new Promise((ok, no) => {
              if (pending) throw new Error('one round at a time');
              pending = { resolve: ok, reject: no };
              const r: Round = { kind: 'round', question, targets, budgetMs };
              child.send(r);
            }),
          settle: async () => (settledMs += await untilIdle(child.pid!)),
          stop: () => {
            stopping = true;
            if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
            return new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill();
            });
          },
        });
      }
    });
  });
}

/** CPU time of every thread of a process in nanoseconds (Linux's /proc), or undefined where there is none. */
function cpuNs(pid: number): number | undefined {
  try {
    let total = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    return total;
  } catch {
    return undefined;
  }
}

/**
 * Waits until a process is idle: its threads together ran under 0.1 ms in a 2 ms window (at
 * most `maxMs`). A round ends when the answers are sent, but the process may still be working
 * (collections its V8 defers to an idle moment, on its main and helper threads); on two cores
 * such work would run during the next system's round and be counted there. In the runs of 26
 * November the processes were idle at once (about the poll's 2 ms a round). Returns the
 * milliseconds waited (0 where /proc is missing).
 */
export async function untilIdle(pid: number, maxMs = 500): Promise<number> {
  const start = performance.now();
  let last = cpuNs(pid);
  if (last === undefined) return 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    const now = cpuNs(pid);
    if (now === undefined || now - last < 100_000 || performance.now() - start > maxMs) return performance.now() - start;
    last = now;
  }
}
