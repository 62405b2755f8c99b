/**
 * `isnad review`: the review queue on the command line. Candidate claims from ingested documents
 * are listed with their evidence in context; accept, reject, edit them, or merge an entity an
 * ingest created into the one already known. Every decision is recorded with who made it.
 */
import type { Command } from 'commander';
import { cite } from '../../app/present.js';
import { IsnadError, NotFoundError } from '../../core/errors.js';
import type { Claim } from '../../core/model.js';
import { STANCES, type Stance } from '../../core/vocabulary.js';
import { checkClaim } from '../../app/check-claim.js';
import type { CliContext } from '../context.js';
import { sentence, chainText } from '../render/claims.js';

/** The quote inside its surrounding text, marked »like this«. */
function inContext(text: string | undefined, start: number | undefined, end: number | undefined, quote: string): string {
  if (!text || start === undefined || end === undefined) return `»${quote}«`;
  const from = Math.max(0, text.lastIndexOf('\n', start) + 1, start - 120);
  const nl = text.indexOf('\n', end);
  const to = Math.min(text.length, nl < 0 ? text.length : nl, end + 120);
  return `${from > 0 ? '…' : ''}${text.slice(from, start)}»${text.slice(start, end)}«${text.slice(end, to)}${to < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

export function register(program: Command, ctx: CliContext): void {
  const review = program
    .command('review')
    .description('Review candidate claims from ingested documents: list (default), accept, reject, edit, merge-entity.')
    .addHelpText('after', '\nExamples:\n  isnad review\n  isnad review accept doc-report-1a2b3c4d-c001 --by "J. Analyst"\n  isnad review edit doc-report-1a2b3c4d-c002 --time 2006-36\n  isnad review merge-entity al-zawi hamid-al-zawi-1a2b3c');

  review
    .command('list', { isDefault: true })
    .description('List candidate claims with their evidence in context.')
    .option('--source <id>', 'only candidates from this source')
    .option('-n, --limit <n>', 'most candidates to show', '50')
    .action(async (opts: { source?: string; limit: string }) => {
      const kb = await ctx.kb();
      const filter = { statuses: ['candidate' as const], ...(opts.source ? { source: opts.source } : {}) };
      const total = await kb.repo.countClaims(filter);
      const claims = await kb.repo.listClaims({ ...filter, limit: Math.max(1, Number(opts.limit) || 50) });
      await kb.preload(claims);
      const cited = claims.map((c) => cite(kb, c));
      ctx.emit({ total, items: cited }, () => {
        if (!claims.length) return 'No candidate claims to review.';
        const out = [`${total} candidate claim${total === 1 ? '' : 's'}${total > claims.length ? ` (showing ${claims.length})` : ''}:`];
        claims.forEach((c, i) => {
          const e = c.evidence[0];
          const text = e ? kb.sourceSync(e.source)?.text : undefined;
          out.push('', `[${c.id}] ${sentence(cited[i]!)}${c.time ? ` (${cited[i]!.timeText})` : ''}`, `    per ${chainText(cited[i]!)}`);
          if (e) out.push(`    ${inContext(text, e.locator?.start, e.locator?.end, e.quote)}`);
        });
        out.push('', 'Decide with: isnad review accept ID… | reject ID… | edit ID --time … | merge-entity KEEP MERGE');
        return out.join('\n');
      });
    });

  const decide = (status: 'accepted' | 'rejected') => async (ids: string[], opts: { by: string }) => {
    const repo = await ctx.open();
    const done: Claim[] = [];
    for (const id of ids) {
      const c = await repo.getClaim(id);
      if (!c) throw new NotFoundError('claim', id);
      if (status === 'accepted' && !c.evidence.some((e) => e.quote.trim() && e.source)) throw new IsnadError('missing_evidence', `claim ${id} has no evidence quote; edit it before accepting`);
      done.push(await repo.setClaimStatus(id, status, { actor: opts.by }));
    }
    ctx.emit({ [status]: done.map((c) => c.id) }, () => done.map((c) => `${status} ${c.id} (by ${opts.by})`).join('\n'));
  };
  const by = process.env.USER ?? 'analyst';
  review.command('accept').description('Accept candidate claims: they count in every view from now on.').argument('<ids...>').option('--by <name>', 'who decides', by).action(decide('accepted'));
  review.command('reject').description('Reject candidate claims: kept for the record, left out of every view.').argument('<ids...>').option('--by <name>', 'who decides', by).action(decide('rejected'));

  review
    .command('edit')
    .description('Correct a claim before accepting it; checked like a dataset file (vocabulary, EDTF, entity types).')
    .argument('<id>')
    .option('--predicate <p>')
    .option('--subject <entity-id>')
    .option('--object <entity-id>')
    .option('--time <edtf>')
    .option('--stance <stance>', STANCES.join(' | '))
    .option('--confidence <n>', '0..1')
    .option('--note <text>')
    .option('--by <name>', 'who edits', by)
    .action(async (id: string, opts: Record<string, string | undefined>) => {
      const repo = await ctx.open();
      const current = await repo.getClaim(id);
      if (!current) throw new NotFoundError('claim', id);
      if (opts.stance && !STANCES.includes(opts.stance as Stance)) throw new IsnadError('bad_input', `--stance must be ${STANCES.join(' or ')}`);
      const confidence = opts.confidence === undefined ? undefined : Number(opts.confidence);
      if (confidence !== undefined && !(confidence >= 0 && confidence <= 1)) throw new IsnadError('bad_input', '--confidence must be a number from 0 to 1');
      const edited = {
        ...current,
        ...(opts.predicate ? { predicate: opts.predicate } : {}),
        ...(opts.subject ? { subject: opts.subject } : {}),
        ...(opts.object ? { object: opts.object } : {}),
        ...(opts.time ? { time: opts.time } : {}),
        ...(opts.stance ? { stance: opts.stance } : {}),
        ...(confidence !== undefined ? { confidence } : {}),
        ...(opts.note ? { note: opts.note } : {}),
      } as Claim;
      await checkClaim(repo, edited);
      const saved = await repo.updateClaim(edited, { actor: opts.by ?? by, action: 'edit' });
      ctx.emit(saved, () => `edited ${saved.id}`);
    });

  review
    .command('merge-entity')
    .description('Merge an entity (e.g. one an ingest created) into another: names and claims move to KEEP; the decision is recorded as a same_as claim.')
    .argument('<keep>', 'id of the entity to keep')
    .argument('<merge>', 'id of the entity merged into it')
    .option('--by <name>', 'who decides', by)
    .action(async (keepId: string, mergeId: string, opts: { by: string }) => {
      const repo = await ctx.open();
      const [keep, merge] = [await repo.getEntity(keepId), await repo.getEntity(mergeId)];
      if (!keep) throw new NotFoundError('entity', keepId);
      if (!merge) throw new NotFoundError('entity', mergeId);
      if (keep.type !== merge.type) throw new IsnadError('bad_input', `${keep.canonical} is a ${keep.type} and ${merge.canonical} a ${merge.type}: they cannot be one entity`);
      const moved = await repo.transaction(async (tx) => {
        const have = new Set(keep.names.map((n) => n.name));
        await tx.updateEntity({ ...keep, names: [...keep.names, ...merge.names.filter((n) => !have.has(n.name))] }, { actor: opts.by, action: 'merge' });
        const claims = await tx.listClaims({ entities: [mergeId] });
        const rewrites = (await tx.listClaims({ claimants: [mergeId] })).filter((c) => !claims.some((x) => x.id === c.id));
        const swap = (id: string | undefined) => (id === mergeId ? keepId : id);
        for (const c of [...claims, ...rewrites]) {
          await tx.updateClaim({ ...c, subject: swap(c.subject)!, ...(c.object ? { object: swap(c.object) } : {}), attribution: c.attribution.map((a) => (a.entity === mergeId ? { ...a, entity: keepId } : a)) }, { actor: opts.by, action: 'merge' });
        }
        await tx.recordResolution({ kind: 'merge', subject: keepId, object: mergeId }, { actor: opts.by });
        return claims.length + rewrites.length;
      });
      ctx.emit({ keep: keepId, merged: mergeId, claimsMoved: moved }, () => `merged ${merge.canonical} [${mergeId}] into ${keep.canonical} [${keepId}]: ${moved} claims moved; recorded as same_as (by ${opts.by})`);
    });
}
