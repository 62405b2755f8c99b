/** `isnad show NAME`: an entity profile. */
import type { Command } from 'commander';
import { presentProfile, type CitedClaim } from '../../app/present.js';
import type { CliContext } from '../context.js';
import { chainText, citation, sentence } from '../render/claims.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('Profile of a person, organization or place: every name with its kind and sources, roles over time, events, and who asserts what.')
    .argument('<name>', 'any name of the entity, or its id')
    .addHelpText('after', '\nExamples:\n  isnad show "Abu Musab al-Zarqawi"\n  isnad show isi --json')
    .action(async (name: string) => {
      const kb = await ctx.kb();
      const p = presentProfile(kb, await kb.profile(name));
      ctx.emit(p, () => {
        const out: string[] = [`${p.entity.canonical}  [${p.entity.id}, ${p.entity.type}]`];
        if (p.entity.description) out.push(p.entity.description);
        out.push('', 'Names:');
        for (const n of p.names) out.push(`  ${n.name.padEnd(38)} ${n.kind.padEnd(16)} ${n.sources.join(', ')}${n.note ? `  (${n.note})` : ''}`);
        const section = (title: string, list: readonly CitedClaim[]) => {
          if (!list.length) return;
          out.push('', `${title}:`);
          for (const c of list) out.push(`  ${c.timeText.padEnd(28)} ${sentence(c)}${c.stance === 'denies' || c.chain.length > 1 ? `  (per ${chainText(c)})` : ''}`, `  ${' '.repeat(28)} ${citation(c, 90)}`);
        };
        section('Roles', p.roles);
        section('Events', p.events);
        section('Relations', p.relations);
        out.push('', 'Who asserts what:');
        for (const g of p.byClaimant) out.push(`  ${g.claimant.name}: ${g.claims.length} claim${g.claims.length === 1 ? '' : 's'}`);
        return out.join('\n');
      });
    });
}
