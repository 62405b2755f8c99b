/** `isnad lineage NAME`: the rename/merge/split tree of an organization family. */
import type { Command } from 'commander';
import { presentLineage } from '../../app/present.js';
import { IsnadError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { lineageDot, lineageMermaid, lineageTree } from '../render/lineage.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('lineage')
    .description('The lineage of an organization family: renames, mergers, declarations, splits (allegiance edges in diagrams).')
    .argument('<name>', 'any organization of the family')
    .option('--format <format>', 'text | dot | mermaid', 'text')
    .option('-a, --according-to <claimant>', 'read as this perspective or claimant tells it')
    .addHelpText('after', '\nExamples:\n  isnad lineage "Jund al-Sham"\n  isnad lineage IS --format mermaid')
    .action(async (name: string, opts: { format: string; accordingTo?: string }) => {
      if (!['text', 'dot', 'mermaid'].includes(opts.format)) throw new IsnadError('bad_input', `--format must be text, dot or mermaid, not "${opts.format}"`);
      const kb = await ctx.kb();
      const l = presentLineage(kb, await kb.lineage(name, opts.accordingTo));
      ctx.emit(l, () => (opts.format === 'dot' ? lineageDot(l) : opts.format === 'mermaid' ? lineageMermaid(l) : lineageTree(l)));
    });
}
