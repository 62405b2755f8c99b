/** Claims: filtered lists, one claim, its history, and the review actions (accept, reject, edit). */
import { Hono } from 'hono';
import type { z } from 'zod';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { parseTime } from '../../core/time.js';
import type { Predicate } from '../../core/vocabulary.js';
import type { ClaimFilter } from '../../store/repository.js';
import type { Env } from '../env.js';
import { checked, guard, input, route } from '../route-spec.js';
import { citeClaim, citeClaims } from '../present.js';
import { checkClaim, mergePatch } from '../claim-edit.js';
import { CitedClaim, ClaimPage, ClaimPatch, ClaimsQuery, HistoryOut, IdParam, PageQuery, VersionBody } from '../schemas.js';

const DAY = 86_400_000;

const list = route({ method: 'get', path: '/api/claims', tag: 'claims', access: 'viewer', summary: 'Claims filtered by entity, predicate, status, claimant, dispute, source and time window', query: ClaimsQuery, response: ClaimPage, errors: [404] });
const one = route({ method: 'get', path: '/api/claims/:id', tag: 'claims', access: 'viewer', summary: 'One claim with its citation', params: IdParam, response: CitedClaim, errors: [404] });
const history = route({ method: 'get', path: '/api/claims/:id/history', tag: 'history', access: 'viewer', summary: 'Every recorded change to a claim, oldest first', params: IdParam, response: HistoryOut, errors: [404] });
const review = route({ method: 'get', path: '/api/review', tag: 'review', access: 'viewer', summary: 'The review queue: candidate claims, a page at a time', query: PageQuery, response: ClaimPage });
const accept = route({ method: 'post', path: '/api/claims/:id/accept', tag: 'review', access: 'editor', summary: 'Accept a claim', params: IdParam, body: VersionBody, response: CitedClaim, errors: [404, 409] });
const reject = route({ method: 'post', path: '/api/claims/:id/reject', tag: 'review', access: 'editor', summary: 'Reject a claim', params: IdParam, body: VersionBody, response: CitedClaim, errors: [404, 409] });
const edit = route({ method: 'patch', path: '/api/claims/:id', tag: 'review', access: 'editor', summary: 'Edit a claim\u2019s predicate, subject, object, time, stance, confidence or note; checked like the dataset loader', params: IdParam, body: ClaimPatch, response: CitedClaim, errors: [404, 409] });

export const claimRoutes = new Hono<Env>()
  .get(list.path, guard(list.access), input('query', ClaimsQuery), async (c) => {
    const q: z.output<typeof ClaimsQuery> = c.req.valid('query');
    const kb = await c.var.deps.kb();
    const filter: ClaimFilter = {
      ...(q.entity ? { entities: [(await kb.resolve(q.entity)).id] } : {}),
      ...(q.claimant ? { claimants: [(await kb.resolve(q.claimant)).id] } : {}),
      ...(q.predicate ? { predicates: q.predicate as Predicate[] } : {}),
      ...(q.status ? { statuses: q.status } : {}),
      ...(q.dispute ? { dispute: q.dispute } : {}),
      ...(q.source ? { source: q.source } : {}),
      ...(q.from ? { fromDay: Math.floor(parseTime(q.from).start.earliest / DAY) } : {}),
      ...(q.to ? { toDay: Math.floor(parseTime(q.to).end.latest / DAY) } : {}),
    };
    const { repo } = c.var.deps;
    const [claims, total] = [await repo.listClaims({ ...filter, limit: q.limit, offset: q.offset }), await repo.countClaims(filter)];
    return c.json(checked(c, list, { items: await citeClaims(kb, claims), total }));
  })
  .get(review.path, guard(review.access), input('query', PageQuery), async (c) => {
    const { limit, offset } = c.req.valid('query');
    const { repo } = c.var.deps;
    const filter: ClaimFilter = { statuses: ['candidate'] };
    const claims = await repo.listClaims({ ...filter, limit, offset });
    return c.json(checked(c, review, { items: await citeClaims(await c.var.deps.kb(), claims), total: await repo.countClaims(filter) }));
  })
  .get(history.path, guard(history.access), input('param', IdParam), async (c) => {
    const { id } = c.req.valid('param');
    const { repo } = c.var.deps;
    const entries = await repo.history('claim', id);
    if (!entries.length && !(await repo.getClaim(id))) throw new NotFoundError('claim', id);
    return c.json(checked(c, history, entries));
  })
  .get(one.path, guard(one.access), input('param', IdParam), async (c) => {
    const { id } = c.req.valid('param');
    const claim = await c.var.deps.repo.getClaim(id);
    if (!claim) throw new NotFoundError('claim', id);
    return c.json(checked(c, one, await citeClaim(await c.var.deps.kb(), claim)));
  })
  .post(accept.path, guard(accept.access), input('param', IdParam), input('json', VersionBody), async (c) => {
    const { id } = c.req.valid('param');
    const { expectedVersion } = c.req.valid('json');
    const claim = await c.var.deps.repo.setClaimStatus(id, 'accepted', { actor: c.var.user?.name ?? 'local', expectedVersion });
    return c.json(checked(c, accept, await citeClaim(await c.var.deps.kb(), claim)));
  })
  .post(reject.path, guard(reject.access), input('param', IdParam), input('json', VersionBody), async (c) => {
    const { id } = c.req.valid('param');
    const { expectedVersion } = c.req.valid('json');
    const claim = await c.var.deps.repo.setClaimStatus(id, 'rejected', { actor: c.var.user?.name ?? 'local', expectedVersion });
    return c.json(checked(c, reject, await citeClaim(await c.var.deps.kb(), claim)));
  })
  .patch(edit.path, guard(edit.access), input('param', IdParam), input('json', ClaimPatch), async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const { repo } = c.var.deps;
    const current = await repo.getClaim(id);
    if (!current) throw new NotFoundError('claim', id);
    // A stale edit is a conflict whatever else is wrong with it.
    if (patch.expectedVersion !== undefined && current.version !== undefined && patch.expectedVersion !== current.version) {
      throw new ConflictError({ kind: 'claim', id }, current, patch.expectedVersion, current.version);
    }
    const next = mergePatch(current, patch);
    await checkClaim(repo, next);
    const saved = await repo.updateClaim(next, { actor: c.var.user?.name ?? 'local', expectedVersion: patch.expectedVersion ?? current.version, action: 'edit' });
    return c.json(checked(c, edit, await citeClaim(await c.var.deps.kb(), saved)));
  });
