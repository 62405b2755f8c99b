/** `isnad serve`: the HTTP JSON API and the web app, on loopback unless told otherwise. */
import type { Command } from 'commander';
import { IsnadError } from '../../core/errors.js';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback, listen, webDist } from '../../server/listen.js';
import { PROJECT_ROOT, type CliContext } from '../context.js';

export interface ServeOptions {
  readonly host: string;
  readonly port: string;
}

export function parsePort(port: string): number {
  const n = Number(port);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new IsnadError('bad_input', `--port must be a number from 0 to 65535, not "${port}".`);
  return n;
}

/** Serves until interrupted; shared with `isnad start`. */
export async function serveUntilStopped(ctx: CliContext, opts: ServeOptions): Promise<void> {
  const repo = await ctx.open();
  const kb = await ctx.kb();
  const webRoot = webDist(PROJECT_ROOT);
  const running = await listen({ repo, kb, host: opts.host, port: parsePort(opts.port), ...(webRoot ? { webRoot } : {}) });
  process.stdout.write(`isnad is serving ${webRoot ? 'the web app and ' : ''}the API at ${running.url}\n`);
  process.stdout.write(`  API description: ${running.url}openapi.json${webRoot ? '' : '  (the web app is not built, so only the API is served)'}\n`);
  if (!isLoopback(opts.host)) process.stdout.write(`  warning: listening on ${opts.host}, not loopback; local mode has no sign-in, so anyone who can reach it can edit.\n`);
  process.stdout.write('  Stop with Ctrl-C.\n');
  await running.closed;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('Serve the HTTP JSON API (and the web app, when built) on loopback.')
    .option('--host <host>', 'interface to listen on', DEFAULT_HOST)
    .option('--port <port>', 'port to listen on', String(DEFAULT_PORT))
    .addHelpText('after', `\nExamples:\n  isnad serve\n  isnad serve --port 8080\n  isnad serve --db other.sqlite\n\nThe API is described at /openapi.json.`)
    .action(async (opts: ServeOptions) => {
      await serveUntilStopped(ctx, opts);
    });
}
