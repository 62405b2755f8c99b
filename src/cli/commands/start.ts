/** `isnad start`: opens the product on its embedded default and says what to do next. */
import type { Command } from 'commander';
import { storeLocation, type CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .description('Open isnad on the embedded default dataset (built on first use) and show what to run next.')
    .action(async () => {
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
          '  npx isnad --help                           every command',
        ].join('\n'),
      );
    });
}
