/**
 * Shared by the reliability scripts: argument parsing, the `isnad` child process (started on
 * loopback, killed by its PID), throwaway stores, a seeded random source and table printing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../bench/generate/prng.js';
import { freePort } from '../../test/support/postgres.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'isnad.mjs');
export const CURATED = join(ROOT, 'data', 'islamic-state-al-qaeda.yaml');
export const RESULTS = join(ROOT, 'bench', 'results');

export type StoreKind = 'sqlite' | 'postgres';

/** `--name value` flags, with defaults. */
export function flag(name: string, fallback: string, argv: readonly string[] = process.argv.slice(2)): string {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && argv[i + 1] !== undefined) return argv[i + 1]!;
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

export function storesFrom(value: string): StoreKind[] {
  if (value === 'both') return ['sqlite', 'postgres'];
  if (value === 'sqlite' || value === 'postgres') return [value];
  throw new Error(`--store takes sqlite, postgres or both, not "${value}"`);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}


/** The environment for `isnad` children: no store named by the caller's environment. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ISNAD_DATABASE_URL: '', ISNAD_DB: '', NO_COLOR: '1', ...extra };
}

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `isnad ARGS…` to completion (killed by PID after `timeoutMs`). */
export function runIsnad(args: readonly string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => killPid(child, 'SIGKILL'), opts.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

export async function runIsnadOk(args: readonly string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<string> {
  const r = await runIsnad(args, opts);
  if (r.code !== 0) throw new Error(`isnad ${args.join(' ')} failed (${r.code ?? r.signal}): ${r.stderr.trim().slice(0, 500)}`);
  return r.stdout;
}

/** Sends a signal to one child by its PID (never by name); ignores a child already gone. */
export function killPid(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(child.pid, signal);
  } catch {
    /* already exited */
  }
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  readonly log: () => string;
  /** SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
  stop(): Promise<void>;
}

/** Starts `isnad serve --db DB --port P` on 127.0.0.1 and waits until /api/health answers. */
export async function startServer(db: string, opts: { auth?: boolean; timeoutMs?: number } = {}): Promise<Server> {
  const port = await freePort();
  const args = [BIN, '--db', db, 'serve', '--host', '127.0.0.1', '--port', String(port), ...(opts.auth ? ['--auth'] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (log = (log + d).slice(-20_000)));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (log = (log + d).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  const server: Server = {
    child,
    url,
    log: () => log,
    async stop() {
      killPid(child, 'SIGTERM');
      const t = setTimeout(() => killPid(child, 'SIGKILL'), 5000);
      await exited(child);
      clearTimeout(t);
    },
  };
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`isnad serve exited early (${child.exitCode ?? child.signalCode}): ${log.slice(-1000)}`);
    if (Date.now() > deadline) {
      killPid(child, 'SIGKILL');
      throw new Error(`isnad serve did not answer within ${opts.timeoutMs ?? 120_000} ms: ${log.slice(-1000)}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return server;
    } catch {
      /* not yet listening */
    }
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A seeded generator (the benches' mulberry32), so a run can be repeated with `--seed`. */
export const seeded = mulberry32;

/** A plain-text table with right-aligned numbers. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers.map(String), ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.every((r) => typeof r[i] === 'number'));
  const line = (r: readonly string[]) => '| ' + r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, i) => (numeric[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [line(cells[0]!), sep, ...cells.slice(1).map(line)].join('\n');
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export function writeResults(name: string, data: unknown): string {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, name);
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}

export function machine(): Record<string, unknown> {
  return { node: process.version, platform: process.platform, arch: process.arch, at: new Date().toISOString() };
}

/**
 * A throwaway PostgreSQL cluster (test/support/postgres.ts) or undefined with the reason.
 * The caller must `stop()` it.
 */
export async function throwawayPostgres(): Promise<{ server: import('../../test/support/postgres.js').TestPostgres } | { reason: string }> {
  const { postgresForTests } = await import('../../test/support/postgres.js');
  const pg = await postgresForTests();
  return pg.available ? { server: pg.server } : { reason: pg.reason };
}

/** Creates an editor account and returns a Bearer token for it (server mode). */
export async function editorToken(db: string, name = 'loadtest'): Promise<string> {
  await runIsnadOk(['--db', db, 'user', 'add', name, '--role', 'editor', '--password-stdin'], { input: 'reliability-password-123\n' });
  const out = await runIsnadOk(['--db', db, 'user', 'token', name, '--label', 'reliability']);
  const token = out.trim().split('\n').pop()!.trim();
  if (!token.startsWith('isnad_')) throw new Error(`unexpected token output: ${out}`);
  return token;
}

export { freePort };
