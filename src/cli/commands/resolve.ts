/**
 * `isnad resolve`: proposes merges of entity records that look like one entity, for review;
 * `--apply A=B` records the merge (a same_as claim attributed to the reviewer), `--reject A=B`
 * records that they are different (distinct_from). Decisions are claims and can be undone.
 */
import type { Command } from 'commander';
import { IsnadError } from '../../core/errors.js';
import { proposeMerges, type DecidedPair } from '../../names/index.js';
import type { CliContext } from '../context.js';

function pair(s: string): [string, string] {
  const [a, b, ...rest] = s.split('=');
  if (!a || !b || rest.length) throw new IsnadError('bad_input', `give a pair as ID=ID, not "${s}"`);
  return [a, b];
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('resolve')
    .description('List entity records that may be one entity (merge candidates) with a score and reasons; record reviewed decisions with --apply / --reject.')
    .option('--apply <pairs...>', 'record that ID=ID are one entity (same_as)')
    .option('--reject <pairs...>', 'record that ID=ID are different entities (distinct_from)')
    .option('--by <name>', 'who decides (recorded with the decision)', process.env.USER ?? 'analyst')
    .option('--note <text>', 'why (recorded with the decision)')
    .option('--undecided', 'also list weak candidates the matcher cannot decide')
    .option('-n, --limit <n>', 'most candidates to list', '50')
    .addHelpText('after', '\nExamples:\n  isnad resolve\n  isnad resolve --apply usama-bin-ladin=osama-bin-laden --note "same man, two romanisations"\n  isnad resolve --reject al-zawi=al-badri')
    .action(async (opts: { apply?: string[]; reject?: string[]; by: string; note?: string; undecided?: boolean; limit: string }) => {
      const repo = await ctx.open();
      const decisions = [...(opts.apply ?? []).map((p) => ['merge', ...pair(p)] as const), ...(opts.reject ?? []).map((p) => ['split', ...pair(p)] as const)];
      if (decisions.length) {
        const recorded: import('../../core/model.js').Claim[] = [];
        for (const [kind, a, b] of decisions) {
          for (const id of [a, b]) if (!(await repo.getEntity(id))) throw new IsnadError('not_found', `no entity with id "${id}"`);
          recorded.push(await repo.recordResolution({ kind, subject: a, object: b, ...(opts.note ? { note: opts.note } : {}) }, { actor: opts.by }));
        }
        ctx.emit({ recorded }, () => recorded.map((c) => `recorded ${c.predicate} ${c.subject} ${c.object} as claim ${c.id} (by ${opts.by})`).join('\n'));
        return;
      }
      const entities = await repo.listEntities();
      const decided: DecidedPair[] = (await repo.listClaims({ predicates: ['same_as', 'distinct_from'], statuses: ['accepted'] })).map((c) => ({ a: c.subject, b: c.object ?? '', predicate: c.predicate as 'same_as' | 'distinct_from' }));
      const candidates = proposeMerges(entities, { decided, includeUndecided: opts.undecided ?? false }).slice(0, Math.max(1, Number(opts.limit) || 50));
      const name = new Map(entities.map((e) => [e.id, e.canonical]));
      ctx.emit(candidates, () =>
        candidates.length
          ? candidates.map((c) => `${c.score.toFixed(2)} ${c.decision.padEnd(9)} ${name.get(c.a)} [${c.a}]  ~  ${name.get(c.b)} [${c.b}]\n      ${c.reasons.join('; ')}`).join('\n') + '\n\nReview, then: isnad resolve --apply A=B (same) or --reject A=B (different)'
          : 'No merge candidates: no two records look like one entity.',
      );
    });
}
