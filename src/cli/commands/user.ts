/**
 * `isnad user`: accounts for server mode (`isnad serve --auth`, or any PostgreSQL store).
 * Local embedded mode has no sign-in and never reads them.
 */
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { IsnadError } from '../../core/errors.js';
import { AuthService } from '../../server/auth/auth.js';
import { checkRole, openAccountStore, type AccountStore } from '../../server/auth/account-store.js';
import { storeLocation, type CliContext } from '../context.js';

async function withAccounts<T>(ctx: CliContext, fn: (auth: AuthService, accounts: AccountStore) => Promise<T>): Promise<T> {
  await ctx.open({ create: true });
  const accounts = await openAccountStore(storeLocation(ctx.options).location);
  try {
    return await fn(new AuthService({ accounts, secureCookies: false }), accounts);
  } finally {
    await accounts.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** The password from stdin (--password-stdin), else $ISNAD_PASSWORD, else a generated one. */
async function passwordFrom(opts: { passwordStdin?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (opts.passwordStdin) return { password: await readStdin(), generated: false };
  if (process.env.ISNAD_PASSWORD) return { password: process.env.ISNAD_PASSWORD, generated: false };
  return { password: randomBytes(15).toString('base64url'), generated: true };
}

export function register(program: Command, ctx: CliContext): void {
  const user = program
    .command('user')
    .description('Manage the accounts of server mode (isnad serve --auth): add, list, role, password, token, remove.')
    .addHelpText('after', '\nExamples:\n  isnad user add amira --role admin\n  echo "$PASS" | isnad user add omar --role editor --password-stdin\n  isnad user token omar --label laptop\n  isnad user list');

  user
    .command('add')
    .description('Add an account (viewer: reads; editor: also reviews and edits; admin: also manages accounts).')
    .argument('<name>', 'account name')
    .option('--role <role>', 'viewer, editor or admin', 'viewer')
    .option('--password-stdin', 'read the password from the first line of stdin (else $ISNAD_PASSWORD, else one is generated and printed once)')
    .action(async (name: string, opts: { role: string; passwordStdin?: boolean }) => {
      const role = checkRole(opts.role);
      const { password, generated } = await passwordFrom(opts);
      const account = await withAccounts(ctx, (auth) => auth.addUser(name, role, password));
      ctx.emit({ user: account, ...(generated ? { password } : {}) }, () => `Added ${account.name} (${account.role}).${generated ? `\nPassword (shown once): ${password}` : ''}`);
    });

  user
    .command('list')
    .description('List accounts with their roles.')
    .action(async () => {
      const all = await withAccounts(ctx, (_auth, accounts) => accounts.listAccounts());
      ctx.emit(all, () => (all.length ? all.map((a) => `${a.name}  ${a.role}  since ${a.createdAt}`).join('\n') : 'No accounts yet. Add one with: isnad user add NAME --role admin'));
    });

  user
    .command('role')
    .description('Change an account\u2019s role (ends its sessions).')
    .argument('<name>')
    .argument('<role>', 'viewer, editor or admin')
    .action(async (name: string, roleName: string) => {
      const role = checkRole(roleName);
      const a = await withAccounts(ctx, async (_auth, accounts) => {
        const updated = await accounts.updateAccount(name, { role });
        await accounts.deleteSessionsOf(updated.id);
        return updated;
      });
      ctx.emit(a, () => `${a.name} is now ${a.role === 'admin' ? 'an' : 'a'} ${a.role}.`);
    });

  user
    .command('password')
    .description('Set an account\u2019s password (ends its sessions).')
    .argument('<name>')
    .option('--password-stdin', 'read the password from the first line of stdin (else $ISNAD_PASSWORD, else one is generated and printed once)')
    .action(async (name: string, opts: { passwordStdin?: boolean }) => {
      const { password, generated } = await passwordFrom(opts);
      await withAccounts(ctx, async (auth, accounts) => {
        const updated = await accounts.updateAccount(name, { passwordHash: await auth.hashPassword(password) });
        await accounts.deleteSessionsOf(updated.id);
      });
      ctx.emit({ name, ...(generated ? { password } : {}) }, () => `Password of ${name} changed.${generated ? `\nPassword (shown once): ${password}` : ''}`);
    });

  user
    .command('token')
    .description('Issue an API token for an account (shown once; send it as Authorization: Bearer TOKEN).')
    .argument('<name>')
    .option('--label <label>', 'what the token is for', 'cli')
    .action(async (name: string, opts: { label: string }) => {
      const token = await withAccounts(ctx, async (auth, accounts) => {
        const a = await accounts.getAccount(name);
        if (!a) throw new IsnadError('not_found', `No account named "${name}".`);
        return auth.issueToken(a, opts.label);
      });
      ctx.emit({ name, label: opts.label, token }, () => token);
    });

  user
    .command('remove')
    .description('Remove an account with its sessions and tokens.')
    .argument('<name>')
    .action(async (name: string) => {
      await withAccounts(ctx, (_auth, accounts) => accounts.deleteAccount(name));
      ctx.emit({ removed: name }, () => `Removed ${name}.`);
    });
}
