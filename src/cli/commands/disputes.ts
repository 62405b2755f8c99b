/** `isnad disputes [NAME]`: contested propositions, each side with claimant, chain, date and quote. */
import type { Command } from 'commander';
import { presentDisputes } from '../../app/present.js';
import type { CliContext } from '../context.js';
import { chainText, citation } from '../render/claims.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('disputes')
    .description('Contested propositions with each side: claimant, chain of transmission, date and quote.')
    .argument('[name]', 'only disputes involving this entity')
    .addHelpText('after', '\nExamples:\n  isnad disputes\n  isnad disputes ISI --json')
    .action(async (name: string | undefined) => {
      const kb = await ctx.kb();
      const ds = presentDisputes(kb, await kb.disputes(name));
      ctx.emit(ds, () => {
        if (!ds.length) return 'No disputes found.';
        return ds
          .map((d) => {
            const out = [`■ ${d.question}  [${d.id}]`];
            for (const s of d.sides) {
              out.push(`  ${s.stance === 'asserts' ? 'Asserting' : 'Denying'}:`);
              for (const c of s.claims) out.push(`    ${c.claimant?.name ?? '?'}: ${c.subject.name} ${c.predicate.replace(/_/g, ' ')} ${c.object?.name ?? ''} (${c.timeText})${c.confidence !== undefined ? `, confidence ${c.confidence}` : ''}`, `      chain: ${chainText(c)}`, `      ${citation(c, 100)}`);
            }
            return out.join('\n');
          })
          .join('\n\n');
      });
    });
}
