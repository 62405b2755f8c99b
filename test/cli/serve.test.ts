/**
 * `isnad serve` over a SQLite store holds its claims in memory and says so; what another
 * process writes to the same file (here the `isnad review` command) shows in the server's
 * next answer, read from that model.
 */
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
