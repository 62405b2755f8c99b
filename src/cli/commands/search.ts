/** `isnad search TEXT`: finds entities by any of their names. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { ref } from '../../app/present.js';
import { formatTime } from '../../core/time-format.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('search')
    .description('Find entities by any of their names (case-, diacritic- and transliteration-insensitive), ranked, with why each matched.')
    .argument('<text>', 'a name or part of one')
    .option('-n, --limit <n>', 'most results', '20')
    .addHelpText('after', '\nExamples:\n  isnad search "Osama bin Laden"\n  isnad search al-Baghdadi --json')
    .action(async (text: string, opts: { limit: string }) => {
      const kb = await ctx.kb();
      const hits = await kb.search(text, Math.max(1, Number(opts.limit) || 20));
      const json: Array<{ id: string; type: string; canonical: string; matchedName: string; score: number; reasons: readonly string[]; description?: string; roles: Array<{ predicate: string; object?: { id: string; name: string }; time?: string; timeText: string; claim: string }> }> = [];
      for (const h of hits) {
        const roles = (await kb.rolesOf(h.entity.id)).map((c) => ({ predicate: c.predicate, object: c.object ? ref(kb, c.object) : undefined, time: c.time, timeText: formatTime(c.time), claim: c.id }));
        json.push({ id: h.entity.id, type: h.entity.type, canonical: h.entity.canonical, matchedName: h.matchedName, score: Number(h.score.toFixed(3)), reasons: h.reasons, description: h.entity.description, roles });
      }
      ctx.emit(json, () =>
        json.length
          ? json
              .map((h) => {
                const lines = [`${h.score.toFixed(2)}  ${h.canonical}  [${h.id}, ${h.type}]  matched “${h.matchedName}”`, `      why: ${h.reasons.join('; ')}`];
                if (h.description) lines.push(`      ${h.description}`);
                for (const r of h.roles.slice(0, 4)) lines.push(`      ${r.predicate.replace(/_/g, ' ')} ${r.object?.name ?? ''}, ${r.timeText}`);
                return lines.join('\n');
              })
              .join('\n')
          : `No entity has a name like “${text}”.`,
      );
      if (!hits.length) process.exitCode = 1;
    });
}
