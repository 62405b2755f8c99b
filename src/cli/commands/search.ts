/** `isnad search TEXT`: finds entities by any of their names. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

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
      const json = hits.map((h) => ({ id: h.entity.id, type: h.entity.type, canonical: h.entity.canonical, matchedName: h.matchedName, score: Number(h.score.toFixed(3)), reasons: h.reasons, description: h.entity.description }));
      ctx.emit(json, () => (hits.length ? hits.map((h) => `${h.score.toFixed(2)}  ${h.entity.canonical}  [${h.entity.id}, ${h.entity.type}]  matched “${h.matchedName}”: ${h.reasons.join('; ')}${h.entity.description ? `\n      ${h.entity.description}` : ''}`).join('\n') : `No entity has a name like “${text}”.`));
      if (!hits.length) process.exitCode = 1;
    });
}
