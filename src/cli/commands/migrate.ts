/** `isnad migrate --from FILE.sqlite --to postgres://…`: move a knowledge base to another store, verified. */
import type { Command } from 'commander';
import { IsnadError } from '../../core/errors.js';
import { migrateStore } from '../../store/migrate-store.js';
import { openStore, redactUrl } from '../../store/open-store.js';
import type { Repository } from '../../store/repository.js';
import { storeLocation, type CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('Copy a whole knowledge base (records, versions and audit history) into another, empty store, in one transaction; counts and the SHA-256 of the canonical export must match on both sides or nothing is written.')
    .option('--from <location>', 'source store: a SQLite file or postgres:// URL (default: --db, $ISNAD_DATABASE_URL, or the embedded store)')
    .requiredOption('--to <location>', 'target store: a postgres:// URL (the database must exist and be empty) or a new SQLite file')
    .addHelpText('after', '\nExamples:\n  isnad migrate --from .isnad/isnad.sqlite --to postgres://isnad@localhost/isnad\n  isnad migrate --from postgres://isnad@db/isnad --to backup.sqlite')
    .action(async (opts: { from?: string; to: string }) => {
      const from = opts.from ?? storeLocation(ctx.options).location;
      if (from === opts.to) throw new IsnadError('bad_input', '--from and --to name the same store');
      let source: Repository | undefined;
      let target: Repository | undefined;
      try {
        source = await openStore(from);
        target = await openStore(opts.to);
        const report = await migrateStore(source, target);
        ctx.emit({ fromLocation: redactUrl(from), toLocation: redactUrl(opts.to), ...report }, () => {
          const c = report.to.counts;
          return [
            `migrated ${redactUrl(from)} (${report.from.engine}) → ${redactUrl(opts.to)} (${report.to.engine})`,
            `  ${c.sources} sources, ${c.entities} entities, ${c.names} names, ${c.claims} claims, ${c.perspectives} perspectives, ${c.disputes} disputes; ${report.changesCopied} history entries`,
            `  source checksum ${report.from.checksum}`,
            `  target checksum ${report.to.checksum}`,
            '  counts and checksums match',
          ].join('\n');
        });
      } finally {
        await target?.close();
        await source?.close();
      }
    });
}
