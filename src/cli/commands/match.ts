/** `isnad match NAME NAME`: are two names the same person? Score, decision and why. */
import type { Command } from 'commander';
import { matchNames } from '../../names/index.js';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('match')
    .description('Compare two names part by part (kunya, ism, nasab, nisba …): a score, a decision (same / different / undecided) and the reasons.')
    .argument('<a>', 'first name')
    .argument('<b>', 'second name')
    .addHelpText('after', '\nExamples:\n  isnad match "Usama bin Ladin" "Osama bin Laden"\n  isnad match "Abu Umar al-Baghdadi" "Abu Bakr al-Baghdadi" --json')
    .action((a: string, b: string) => {
      const r = matchNames(a, b);
      ctx.emit({ a, b, score: Number(r.score.toFixed(3)), decision: r.decision, reasons: r.reasons }, () => [`${r.decision.toUpperCase()}  (score ${r.score.toFixed(2)})`, ...r.reasons.map((x) => `  - ${x}`)].join('\n'));
    });
}
