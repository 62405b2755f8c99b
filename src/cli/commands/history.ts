/**
 * `isnad history [KIND ID]` lists the audit history (every import, edit, review decision, merge
 * and revert, with who and when); `isnad revert CHANGE` undoes one change, itself recorded.
 */
import type { Command } from 'commander';
import { IsnadError, NotFoundError } from '../../core/errors.js';
import type { ChangeEntry } from '../../store/repository.js';
import type { CliContext } from '../context.js';

const line = (c: ChangeEntry) => `#${c.id}  ${c.at}  ${c.actor.padEnd(16)} ${c.action.padEnd(8)} ${c.targetKind} ${c.targetId}${c.reverts !== undefined ? `  (reverts #${c.reverts})` : ''}`;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('history')
    .description('The audit history: every change with who made it and when; of one record when KIND and ID are given.')
    .argument('[kind]', 'claim | entity | source')
    .argument('[id]', 'the record id')
    .option('-n, --limit <n>', 'most entries (whole store)', '50')
    .addHelpText('after', '\nExamples:\n  isnad history\n  isnad history claim isi-declared\n  isnad revert 42')
    .action(async (kind: string | undefined, id: string | undefined, opts: { limit: string }) => {
      const repo = await ctx.open();
      if (kind && !['claim', 'entity', 'source'].includes(kind)) throw new IsnadError('bad_input', 'kind must be claim, entity or source');
      if (kind && !id) throw new IsnadError('bad_input', `give the id of the ${kind}`);
      let entries: ChangeEntry[];
      if (kind && id) entries = await repo.history(kind as 'claim' | 'entity' | 'source', id);
      else {
        const all = await repo.listChanges({ limit: 100_000 });
        entries = all.slice(-Math.max(1, Number(opts.limit) || 50));
      }
      ctx.emit(entries, () => (entries.length ? entries.map(line).join('\n') : 'No changes recorded.'));
    });

  program
    .command('revert')
    .description('Undo one change (restore what it replaced); the revert is itself recorded and can be undone.')
    .argument('<change>', 'change number, as `isnad history` lists it')
    .option('--by <name>', 'who reverts', process.env.USER ?? 'analyst')
    .action(async (change: string, opts: { by: string }) => {
      const repo = await ctx.open();
      const n = Number(change.replace(/^#/, ''));
      if (!Number.isInteger(n) || n < 1) throw new IsnadError('bad_input', `"${change}" is not a change number`);
      if (!(await repo.getChange(n))) throw new NotFoundError('change', String(n));
      const entry = await repo.revertChange(n, { actor: opts.by });
      ctx.emit(entry, () => `reverted #${n}: ${line(entry)}`);
    });
}
