/**
 * `isnad serve` over a SQLite store holds its claims in memory and says so; what another
 * process writes to the same file (here the `isnad review` command) shows in the server's
 * next answer, read from that model. It runs under the V8 flags a read model wants
 * (`server-heap.ts`), in a child that goes when the command does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../e2e/harness.js';
import { isnad } from '../support/cli.js';
import { MINI } from '../support/fixtures.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let server: RunningServer;
beforeAll(async () => {
  server = await startServer([MINI]);
});
afterAll(async () => {
  await server?.stop();
});

const claim = async (id: string) => (await (await fetch(`${server.url}/api/claims/${id}`)).json()) as { status: string };
const profileClaims = async (entity: string) => JSON.stringify(await (await fetch(`${server.url}/api/entities/${entity}`)).json());

describe('isnad serve with the read model', () => {
  it('loads the claims into memory and answers from them what another process has since written', async () => {
    const deadline = Date.now() + 60_000;
    while (!/Views now read \d+ claims from memory/.test(server.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(server.output()).toMatch(/Views now read \d+ claims from memory/);
    expect((await claim('candidate-one')).status).toBe('candidate');
    expect(await profileClaims('tariq-mansour')).toContain('candidate-one');

    const review = await isnad(['--db', server.db, 'review', 'reject', 'candidate-one', '--by', 'tester']);
    expect(review.code, review.stderr).toBe(0);
    expect((await claim('candidate-one')).status).toBe('rejected');
    expect(await profileClaims('tariq-mansour')).not.toContain('candidate-one');
  });
});

/** The processes whose parent is `pid`, with their command lines (Linux's /proc). */
function childrenOf(pid: number): { pid: number; argv: string[] }[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return ppid === pid ? [{ pid: Number(d), argv: readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0') }] : [];
    } catch {
      return []; // gone meanwhile
    }
  });
}

describe.runIf(existsSync('/proc/self/stat'))('isnad serve under the flags of a server with a read model', () => {
  it('serves from a child Node with a larger young generation, which stops when the command is killed', async () => {
    const mine = await startServer([MINI]);
    try {
      const [child] = childrenOf(mine.pid);
      // A young generation of 64 MB that V8 does not shrink when the server has been idle.
      expect(child?.argv).toEqual(expect.arrayContaining(['--max-semi-space-size=64', '--min-semi-space-size=64']));
      expect((await fetch(`${mine.url}/api/health`)).ok).toBe(true);
      process.kill(mine.pid, 'SIGKILL');
      const deadline = Date.now() + 10_000;
      while (existsSync(`/proc/${child!.pid}`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(existsSync(`/proc/${child!.pid}`)).toBe(false);
    } finally {
      await mine.stop();
    }
  });
});
