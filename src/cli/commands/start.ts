/**
 * `isnad start` (what `npm start` runs): opens the product on its embedded default (built on
 * first use), says what to try, and serves the web app and the API on loopback until stopped.
 */
import type { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/listen.js';
import { storeLocation, type CliContext } from '../context.js';
import { serveUntilStopped } from './serve.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .description('Open isnad on the embedded default dataset (built on first use), show what to run next, and serve the web app and API on loopback.')
    .option('--no-serve', 'print the summary and exit instead of serving')
    .option('--host <host>', 'interface to listen on', DEFAULT_HOST)
    .option('--port <port>', 'port to listen on', String(DEFAULT_PORT))
    .action(async (opts: { serve: boolean; host: string; port: string }) => {
      const repo = await ctx.open();
      const counts = await repo.counts();
      const { location } = storeLocation(ctx.options);
      ctx.emit({ store: location, counts }, () =>
        [
          `isnad is ready: ${location}`,
          `  ${counts.entities} entities, ${counts.names} names, ${counts.claims} claims, ${counts.sources} sources, ${counts.disputes} disputes`,
          '',
          'Try:',
          '  npx isnad asof 2008-06 ISI                 who led ISI, what it was called, whom it owed allegiance',
          '  npx isnad asof 2007 AQM                    what AQM had become by 2007',
          '  npx isnad lineage "Jund al-Sham"           the family tree from Jund al-Sham to IS',
          '  npx isnad disputes ISI                     each side of the contested questions',
          '  npx isnad show "Abu Musab al-Zarqawi"      a profile with every name and its sources',
          '  npx isnad timeline --entity ISI --from 2006 --to 2011',
          '  npx isnad search "Osama bin Laden"',
          '  npx isnad serve                            the web app and the HTTP API on loopback',
          '  npx isnad --help                           every command',
          '',
        ].join('\n'),
      );
      if (opts.serve) await serveUntilStopped(ctx, { host: opts.host, port: opts.port });
    });
}
