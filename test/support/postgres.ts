/**
 * PostgreSQL for tests: a throwaway cluster started by the test file itself, or an existing
 * server named by `ISNAD_TEST_DATABASE_URL`.
 *
 * - `ISNAD_TEST_DATABASE_URL=postgres://user@host:port/db` — use that server; each test file
 *   creates (and drops) databases of its own on it, so the role needs CREATEDB.
 * - otherwise `initdb`/`pg_ctl` are looked for in `ISNAD_PG_BIN`, PATH and
 *   `/usr/lib/postgresql/<version>/bin` (newest first); a cluster is made in a temporary
 *   folder (as the `postgres` OS user when running as root), started on a free loopback port
 *   with its socket in that folder, and stopped and deleted when the file's tests end.
 * - `ISNAD_REQUIRE_POSTGRES=1` (CI): if neither works, {@link postgresForTests} throws, so the
 *   test file fails with the reason; without it the caller skips with a one-line reason.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** Creates an empty database (or a copy of `template`, a database made here) and returns its URL. */
  createDatabase(opts?: { template?: string }): Promise<string>;
  /** Drops the databases made here and stops the cluster (if this file started one). */
  stop(): Promise<void>;
  /** How it was obtained, for the test title. */
  readonly description: string;
}

export type PostgresForTests = { readonly available: true; readonly server: TestPostgres } | { readonly available: false; readonly reason: string };

const REQUIRED = process.env.ISNAD_REQUIRE_POSTGRES === '1';

/**
 * Starts (or connects to) PostgreSQL for one test file. Throws when `ISNAD_REQUIRE_POSTGRES=1`
 * and PostgreSQL cannot be had; otherwise reports why it is unavailable.
 */
export async function postgresForTests(): Promise<PostgresForTests> {
  try {
    const url = process.env.ISNAD_TEST_DATABASE_URL;
    const server = url ? await useExisting(url) : await startCluster();
    return { available: true, server };
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0] ?? String(err);
    if (REQUIRED) throw new Error(`ISNAD_REQUIRE_POSTGRES=1 but PostgreSQL could not be started: ${reason}`, { cause: err });
    return { available: false, reason };
  }
}

let counter = 0;
function databaseName(): string {
  return `isnad_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
}

/** A server that holds test databases; `adminUrl` points at a database to issue CREATE DATABASE from. */
function databaseFactory(adminUrl: string, description: string, onStop: () => Promise<void>): TestPostgres {
  const made: string[] = [];
  const admin = new pg.Pool({ connectionString: adminUrl, max: 2 });
  admin.on('error', () => {});
  return {
    description,
    async createDatabase(opts = {}) {
      const name = databaseName();
      const template = opts.template === undefined ? '' : ` template ${new URL(opts.template).pathname.slice(1)}`;
      await admin.query(`create database ${name}${template}`);
      made.push(name);
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      return u.toString();
    },
    async stop() {
      try {
        for (const name of made) await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
      } finally {
        await admin.end();
        await onStop();
      }
    },
  };
}

async function useExisting(url: string): Promise<TestPostgres> {
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  await probe.end();
  return databaseFactory(url, 'ISNAD_TEST_DATABASE_URL', async () => {});
}

/** Folder holding `initdb` and `pg_ctl`, newest version first. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = [];
  if (process.env.ISNAD_PG_BIN) candidates.push(process.env.ISNAD_PG_BIN);
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(dir);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(root, v, 'bin'));
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The OS user to run the server as: ourselves, or `postgres` (else `nobody`) when we are root. */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    if (r.status === 0) {
      const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim());
      return { name, uid: Number(r.stdout.trim()), gid };
    }
  }
  throw new Error('running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as');
}

async function startCluster(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb/pg_ctl in ISNAD_PG_BIN, PATH or /usr/lib/postgresql/*/bin; on Debian: apt-get install postgresql)');
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'isnad-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = user ? ['runuser', ['-u', user.name, '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    try {
      return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      const tail = existsSync(log) ? `\n${readFileSync(log, 'utf8').split('\n').slice(-5).join('\n')}` : '';
      throw new Error(`${cmd} failed: ${(e.stderr || e.message).trim().split('\n').slice(-3).join(' ')}${tail}`);
    }
  };
  const cleanup = () => {
    if (existsSync(join(data, 'postmaster.pid'))) {
      const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
      if (user) spawnSync('runuser', ['-u', user.name, '--', join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' });
      else spawnSync(join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // If the test process dies without running afterAll, do not leave a server behind.
  process.once('exit', cleanup);
  try {
    run('initdb', ['-D', data, '-U', 'isnad', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const port = await freePort();
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50`;
    run('pg_ctl', ['-D', data, '-o', opts, '-l', log, '-w', '-t', '60', 'start']);
    const adminUrl = `postgres://isnad@127.0.0.1:${port}/postgres`;
    return databaseFactory(adminUrl, `throwaway cluster from ${bin}`, async () => {
      process.removeListener('exit', cleanup);
      cleanup();
    });
  } catch (err) {
    process.removeListener('exit', cleanup);
    cleanup();
    throw err;
  }
}
