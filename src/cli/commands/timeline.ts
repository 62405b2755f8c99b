/** `isnad timeline`: chronological, uncertainty visible, one citation per line. */
import type { Command } from 'commander';
import { presentTimeline } from '../../app/present.js';
import { parseTime } from '../../core/time.js';
import type { CliContext } from '../context.js';
import { chainText, citation, sentence } from '../render/claims.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('timeline')
    .description('A chronology of dated claims, with date uncertainty kept visible and a citation per entry.')
    .option('-e, --entity <name>', 'only claims involving this entity')
    .option('--from <date>', 'EDTF date: only what can fall on or after it')
    .option('--to <date>', 'EDTF date: only what can fall on or before it')
    .option('-a, --according-to <claimant>', 'read as this perspective or claimant tells it')
    .option('--family', 'with --entity: include the organization\'s earlier and later forms (its lineage family)')
    .option('--undated', 'list undated claims at the end')
    .addHelpText('after', '\nExamples:\n  isnad timeline --entity ISI --from 2006 --to 2011\n  isnad timeline --json')
    .action(async (opts: { entity?: string; from?: string; to?: string; accordingTo?: string; undated?: boolean; family?: boolean }) => {
      if (opts.from) parseTime(opts.from);
      if (opts.to) parseTime(opts.to);
      const kb = await ctx.kb();
      const entries = presentTimeline(kb, await kb.timeline({ entityName: opts.entity, from: opts.from, to: opts.to, perspective: opts.accordingTo, includeUndated: opts.undated, family: opts.family }));
      ctx.emit(entries, () => {
        if (!entries.length) return 'No dated claims match.';
        return entries
          .map((e) => {
            const flag = e.within === 'possible' ? ' (may fall outside the window)' : '';
            const per = e.chain.length > 1 || e.stance === 'denies' ? `  [per ${chainText(e)}]` : '';
            return `${e.timeText.padEnd(30)} ${sentence(e)}${per}${flag}\n${' '.repeat(31)}${citation(e, 90)}`;
          })
          .join('\n');
      });
    });
}
