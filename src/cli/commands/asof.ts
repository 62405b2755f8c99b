/** `isnad asof DATE NAME`: an organization as of a date, certain vs possible, conflicts shown. */
import type { Command } from 'commander';
import { presentAsOf } from '../../app/present.js';
import { parseTime } from '../../core/time.js';
import type { CliContext } from '../context.js';
import { chainText, citation } from '../render/claims.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('asof')
    .description('What an organization was called, who led it and whom it owed allegiance to on a date; each answer certain or only possible, with sources and conflicts.')
    .argument('<date>', 'EDTF date, e.g. 2008-06, 2007, 2006-36 (late 2006)')
    .argument('<name>', 'any name of the organization, or its id')
    .option('-a, --according-to <claimant>', 'read only as this perspective or claimant tells it (e.g. islamic-state, al-qaeda, or a name)')
    .addHelpText('after', '\nExamples:\n  isnad asof 2008-06 ISI\n  isnad asof 2007 AQM\n  isnad asof 2009 ISI --according-to al-qaeda')
    .action(async (date: string, name: string, opts: { accordingTo?: string }) => {
      parseTime(date);
      const kb = await ctx.kb();
      const v = presentAsOf(kb, await kb.asOf(name, date, opts.accordingTo), opts.accordingTo);
      ctx.emit(v, () => {
        const out = [`${v.entity.name} as of ${v.dateText} (${v.date})${opts.accordingTo ? `, ${opts.accordingTo}'s account` : ', all accounts'}`];
        const items = (title: string, list: typeof v.leaders) => {
          out.push('', `${title}:`);
          if (!list.length) out.push('  (nothing in the sources for this date)');
          for (const i of list) {
            const names = (list: readonly { claimant?: { name: string } }[]) => [...new Set(list.map((c) => c.claimant?.name ?? '?'))].join(', ');
            const direct = i.claims.filter((c) => c.predicate !== 'pledged_allegiance_to');
            const how = i.contested ? `contested: asserted by ${names(direct.length ? direct : i.claims)}; denied by ${names(i.deniedBy ?? [])}` : i.modality === 'certain' ? 'certainly' : 'possibly';
            out.push(`  ${i.entity.name} — ${how}${i.contested && i.modality === 'possible' ? ', and only possibly on this date' : ''}${i.detail ? `  (${i.detail})` : ''}`);
            for (const c of i.claims.slice(0, 3)) out.push(`      ${c.predicate} ${c.timeText}; per ${chainText(c)}${c.confidence !== undefined ? `; confidence ${c.confidence}` : ''}`, `      ${citation(c, 90)}`);
            if (i.claims.length > 3) out.push(`      (+${i.claims.length - 3} more claims; --json lists all)`);
            for (const c of (i.deniedBy ?? []).slice(0, 3)) out.push(`      denied: per ${chainText(c)}`, `      ${citation(c, 90)}`);
          }
        };
        out.push('', 'Called:');
        if (!v.forms.length) out.push('  (no form current on that date)');
        for (const f of v.forms) {
          out.push(`  ${f.entity.name} — ${f.modality === 'certain' ? 'certainly' : 'possibly'}; names: ${f.names.map((n) => n.name).join(', ')}`);
          for (const c of f.claims) out.push(`      via ${c.subject.name} ${c.predicate.replace(/_/g, ' ')} ${c.object?.name ?? ''} (${c.timeText})`);
        }
        items('Led by', v.leaders);
        if (v.deputies.length) items('Deputies', v.deputies);
        if (v.spokesmen.length) items('Spokesmen', v.spokesmen);
        items('Allegiance', v.allegiance);
        if (v.conflicts.length) {
          out.push('', 'Conflicting accounts for this date:');
          for (const c of v.conflicts) {
            const who = (list: typeof c.asserting) => [...new Set(list.map((x) => x.claimant?.name ?? '?'))].join(', ');
            out.push(`  ${c.topic}`, `    asserts: ${who(c.asserting)}`, `    denies:  ${who(c.denying)}`);
          }
          out.push('  (isnad disputes NAME shows each side with its chain and quotes)');
        }
        if (v.notes.length) out.push('', 'Notes:', ...v.notes.map((n) => `  ${n}`));
        return out.join('\n');
      });
    });
}
