/** `isnad serve`: the HTTP JSON API and the web app, on loopback unless told otherwise. */
import type { Command } from 'commander';
import { IsnadError } from '../../core/errors.js';
import { isPostgresUrl } from '../../store/open-store.js';
import { AuthService } from '../../server/auth/auth.js';
import { openAccountStore } from '../../server/auth/account-store.js';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback, listen, webDist } from '../../server/listen.js';
import { ModelBackedRepository } from '../../store/memory/model-backed-repository.js';
import { FastSqliteRepository } from '../../store/sqlite/fast-repository.js';
import { PROJECT_ROOT, storeLocation, type CliContext } from '../context.js';
import { rerunAsServer, stopWithParent, wantsServerRerun } from '../server-heap.js';

export interface ServeOptions {
  readonly host: string;
  readonly port: string;
  /** Server mode: sign-in with accounts and roles. Always on for a PostgreSQL store. */
  readonly auth?: boolean;
  /** Hold the store's claims in memory for faster views (default on; `--no-read-model`). */
  readonly readModel?: boolean;
}

export function parsePort(port: string): number {
  const n = Number(port);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new IsnadError('bad_input', `--port must be a number from 0 to 65535, not "${port}".`);
  return n;
}

/** Serves until interrupted; shared with `isnad start`. */
export async function serveUntilStopped(ctx: CliContext, opts: ServeOptions): Promise<void> {
  const port = parsePort(opts.port);
  const { location } = storeLocation(ctx.options);
  const serverMode = Boolean(opts.auth) || isPostgresUrl(location);
  if (!serverMode && !isLoopback(opts.host)) {
    throw new IsnadError('bad_input', `Local mode has no sign-in, so it listens on loopback only; to serve on ${opts.host}, run server mode: isnad serve --auth --host ${opts.host}`);
  }
  const repo = await ctx.open();
  if (opts.readModel !== false && (repo instanceof FastSqliteRepository || repo instanceof ModelBackedRepository)) holdClaimsInMemory(repo);
  const kb = await ctx.kb();
  const webRoot = webDist(PROJECT_ROOT);
  const accounts = serverMode ? await openAccountStore(location) : undefined;
  const auth = accounts ? new AuthService({ accounts, secureCookies: !isLoopback(opts.host) }) : undefined;
  const running = await listen({ repo, kb, host: opts.host, port, ...(webRoot ? { webRoot } : {}), app: auth ? { auth } : {} });
  process.stdout.write(`isnad is serving ${webRoot ? 'the web app and ' : ''}the API at ${running.url}${auth ? ' (server mode: sign-in required)' : ''}\n`);
  if (accounts && (await accounts.countAccounts()) === 0) process.stdout.write('  No accounts yet: add one with  isnad user add NAME --role admin\n');
  process.stdout.write(`  API description: ${running.url}openapi.json${webRoot ? '' : '  (the web app is not built, so only the API is served)'}\n`);
  if (auth && !isLoopback(opts.host)) process.stdout.write('  Cookies are marked Secure: put a TLS-terminating proxy in front of this server.\n');
  process.stdout.write('  Stop with Ctrl-C.\n');
  try {
    await running.closed;
  } finally {
    await accounts?.close();
  }
}

/** Builds the store's read model in the background (views read the store until it is ready) and says when it is. */
function holdClaimsInMemory(repo: FastSqliteRepository | ModelBackedRepository): void {
  repo.useReadModel = true;
  // Thousands of views a second need not each ask the store whether another process wrote.
  repo.otherWritersLagMs = repo.caps.servingLagMs;
  const started = performance.now();
  repo.readModel().then(
    (model) => model && process.stdout.write(`  Views now read ${model.size} claims from memory (loaded in ${((performance.now() - started) / 1000).toFixed(1)} s).\n`),
    (err: Error) => process.stderr.write(`isnad: could not hold the claims in memory (${err.message}); views read the store.\n`),
  );
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('Serve the HTTP JSON API (and the web app, when built) on loopback.')
    .option('--host <host>', 'interface to listen on', DEFAULT_HOST)
    .option('--port <port>', 'port to listen on', String(DEFAULT_PORT))
    .option('--auth', 'server mode: accounts and roles (viewer/editor/admin) on every route; always on for PostgreSQL')
    .option('--no-read-model', 'answer views from the store only (the SQLite file or the PostgreSQL server), without holding its claims and entities in memory (about 1 GB per million claims)')
    .addHelpText('after', `\nExamples:\n  isnad serve\n  isnad serve --port 8080\n  isnad serve --db other.sqlite\n  isnad user add amira --role admin && isnad serve --auth\n  isnad serve --db postgres://isnad@db.example/isnad --host 0.0.0.0\n\nThe API is described at /openapi.json.`)
    .action(async (opts: ServeOptions) => {
      // The read model wants a larger young generation, which Node takes only at start.
      if (opts.readModel !== false && wantsServerRerun()) {
        process.exitCode = await rerunAsServer();
        return;
      }
      stopWithParent();
      await serveUntilStopped(ctx, opts);
    });
}
