/**
 * The Node a server with a read model runs under. The model holds ~1 GB of heap per million
 * claims; each collection of V8's young generation then pauses the server for 3–5 ms, and with
 * the default size (16 MB) one comes every few hundred requests, so it sets the slowest
 * percent of answers. With 64 MB they come a quarter as often. Measured at 1M claims with a
 * second server process beside it taking turns (bench/tmp scripts, 3,000 answers each): p99 of
 * the profile 2.96 → 0.72 ms, of the as-of view 3.1 → 0.97 ms, the p50s unchanged.
 *
 * The minimum is set to the same size because V8 shrinks the young generation of a process
 * that has been idle for a minute or so (its memory reducer), back to where collections come
 * every few requests: at 1M claims, 2,000 profile and as-of answers right after 90 s idle had a
 * p99 of 8.4 ms and took 69 young collections, against 0.70 ms and one before the idle spell
 * (bench/probes/idle-answers.ts); with the minimum set, 0.91 ms and two. A server waits between
 * users, so every quiet spell would otherwise end in slow answers. The price is a little at the
 * median: in a probe with two answerers taking turns after an idle spell, as-of 163 → 185 µs at
 * p50 while its p99 went 4.09 → 1.86 ms (bench/probes/rounds-after-idle.ts).
 *
 * Node reads the size only when it starts, so `isnad serve` starts itself again with it, once.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** V8 flags for a serving process that holds a read model. */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64', '--min-semi-space-size=64'];

/** Set in the child, so it does not start yet another. */
const RERUN_ENV = 'ISNAD_SERVER_RERUN';

/** True when this process should start itself again under {@link SERVER_NODE_FLAGS}: not yet under them, not already such a child, not turned off (`ISNAD_SERVER_RERUN=0`). */
export function wantsServerRerun(): boolean {
  return process.env[RERUN_ENV] === undefined && !SERVER_NODE_FLAGS.every((f) => process.execArgv.includes(f));
}

/**
 * Runs this same command again in a child Node under {@link SERVER_NODE_FLAGS} and resolves
 * with its exit code. The child has its own process group (not on Windows), so a terminal's
 * Ctrl-C reaches it once, through this process, which passes on SIGINT, SIGTERM and SIGHUP; and it stops when
 * this process dies (see {@link stopWithParent}).
 */
export function rerunAsServer(): Promise<number> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [RERUN_ENV]: '1' },
    // A process group of its own (on Windows `detached` would open a console window instead).
    detached: process.platform !== 'win32',
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of signals) process.on(s, forward);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/** In a child started by {@link rerunAsServer}: exit when the parent has gone (its IPC channel closes), and let the channel keep nothing alive. */
export function stopWithParent(): void {
  if (process.env[RERUN_ENV] !== '1' || !process.channel) return;
  process.on('disconnect', () => process.exit(1));
  process.channel.unref();
}
