/**
 * `isnad user` and `isnad serve` refusing to expose local mode, through the real binary.
 * Commands run asynchronously, so the test worker stays responsive while they do.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir, type CliResult } from '../../../test/support/cli.js';
import { MINI } from '../../../test/support/fixtures.js';
import { openAccountStore } from '../../server/auth/account-store.js';

function isnad(args: readonly string[], opts: { input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'isnad.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ISNAD_DATABASE_URL: '', ISNAD_DB: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

let db: string;
beforeAll(async () => {
  db = join(tempDir(), 'kb.sqlite');
  expect((await isnad(['--db', db, 'import', MINI])).code).toBe(0);
}, 60_000);

const T = 60_000;
describe('isnad user', () => {
  it('adds an account with a password from stdin', async () => {
    const add = await isnad(['--db', db, 'user', 'add', 'amira', '--role', 'admin', '--password-stdin'], { input: 'a long password here\n' });
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('Added amira (admin).');
  }, T);
  it('generates and shows a password once when none is given', async () => {
    const gen = (await isnad(['--db', db, '--json', 'user', 'add', 'omar', '--role', 'editor']));
    expect(JSON.parse(gen.stdout)).toMatchObject({ user: { name: 'omar', role: 'editor' }, password: expect.any(String) });
  }, T);
  it('refuses duplicates, unknown roles and short passwords', async () => {
    expect((await isnad(['--db', db, 'user', 'add', 'omar'])).code).toBe(2);
    expect((await isnad(['--db', db, 'user', 'add', 'x', '--role', 'overlord'])).stderr).toMatch(/Unknown role/);
  }, T);
  it('refuses short passwords', async () => {
    expect((await isnad(['--db', db, 'user', 'add', 'y', '--password-stdin'], { input: 'short\n' })).stderr).toMatch(/at least 10/);
  }, T);
  it('changes a role and issues a token', async () => {
    expect((await isnad(['--db', db, 'user', 'role', 'omar', 'viewer'])).stdout).toContain('omar is now a viewer.');
    expect((await isnad(['--db', db, 'user', 'token', 'omar'])).stdout.trim()).toMatch(/^isnad_[A-Za-z0-9_-]{40,}$/);
  }, T);
  it('lists accounts; only argon2id hashes are stored', async () => {
    const list = JSON.parse((await isnad(['--db', db, '--json', 'user', 'list'])).stdout) as { name: string; role: string }[];
    expect(list.map((a) => `${a.name}:${a.role}`)).toEqual(['amira:admin', 'omar:viewer']);
    const accounts = await openAccountStore(db);
    expect((await accounts.findForLogin('amira'))?.passwordHash).toMatch(/^\$argon2id\$/);
    await accounts.close();
  }, T);
  it('removes an account; removing it again is "not found"', async () => {
    expect((await isnad(['--db', db, 'user', 'remove', 'omar'])).stdout).toContain('Removed omar.');
    expect((await isnad(['--db', db, 'user', 'remove', 'omar'])).code).toBe(1);
  }, T);
  it('serve refuses to expose local mode beyond loopback', async () => {
    const r = (await isnad(['--db', db, 'serve', '--host', '0.0.0.0', '--port', '0']));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--auth/);
  }, T);
  it('has --help', async () => {
    expect((await isnad(['user', '--help'])).stdout).toMatch(/Usage: isnad user/);
  }, T);
});
