/** The audit history as a whole, and reverting one change (itself recorded). */
import { Hono } from 'hono';
import type { Env } from '../env.js';
import { checked, guard, input, route } from '../route-spec.js';
import { ChangeIdParam, ChangeOut, ChangesOut, ChangesQuery } from '../schemas.js';

const list = route({ method: 'get', path: '/api/changes', tag: 'history', access: 'viewer', summary: 'The audit history, oldest first, a page at a time (after = the last id you have)', query: ChangesQuery, response: ChangesOut });
const revert = route({ method: 'post', path: '/api/changes/:id/revert', tag: 'history', access: 'editor', summary: 'Undo one change; the revert is recorded as a change of its own. 409 when later changes must be reverted first', params: ChangeIdParam, response: ChangeOut, errors: [404, 409] });

export const changeRoutes = new Hono<Env>()
  .get(list.path, guard(list.access), input('query', ChangesQuery), async (c) => {
    const q = c.req.valid('query');
    return c.json(checked(c, list, await c.var.deps.repo.listChanges({ ...(q.after !== undefined ? { afterId: q.after } : {}), limit: q.limit })));
  })
  .post(revert.path, guard(revert.access), input('param', ChangeIdParam), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(checked(c, revert, await c.var.deps.repo.revertChange(id, { actor: c.var.user?.name ?? 'local' })));
  });
