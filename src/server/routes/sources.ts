/** Sources: the list without texts, and one source with its text and every evidence span in it. */
import { Hono } from 'hono';
import { NotFoundError } from '../../core/errors.js';
import type { Env } from '../env.js';
import { checked, guard, input, route } from '../route-spec.js';
import { citeClaims, sourceMeta } from '../present.js';
import { IdParam, SourceList, SourceOut } from '../schemas.js';

const list = route({ method: 'get', path: '/api/sources', tag: 'sources', access: 'viewer', summary: 'Every source, without its text, with how many claims cite it', response: SourceList });
const one = route({ method: 'get', path: '/api/sources/:id', tag: 'sources', access: 'viewer', summary: 'A source with its text (when stored), the evidence spans in it and the claims they support', params: IdParam, response: SourceOut, errors: [404] });

export const sourceRoutes = new Hono<Env>()
  .get(list.path, guard(list.access), async (c) => {
    const { repo } = c.var.deps;
    const sources = await repo.listSources();
    const body = [];
    for (const s of sources) body.push({ ...sourceMeta(s), hasText: s.text !== undefined, claims: await repo.countClaims({ source: s.id }) });
    return c.json(checked(c, list, body));
  })
  .get(one.path, guard(one.access), input('param', IdParam), async (c) => {
    const { id } = c.req.valid('param');
    const { repo } = c.var.deps;
    const source = await repo.getSource(id);
    if (!source) throw new NotFoundError('source', id);
    const claims = await repo.listClaims({ source: id });
    const spans = new Map<string, { start: number; end: number; claimIds: string[] }>();
    for (const cl of claims) {
      for (const ev of cl.evidence) {
        const { start, end } = ev.locator ?? {};
        if (ev.source !== id || start === undefined || end === undefined) continue;
        const key = `${start}:${end}`;
        const span = spans.get(key) ?? { start, end, claimIds: [] };
        if (!span.claimIds.includes(cl.id)) span.claimIds.push(cl.id);
        spans.set(key, span);
      }
    }
    const ordered = [...spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    return c.json(checked(c, one, { source, spans: ordered, claims: await citeClaims(await c.var.deps.kb(), claims) }));
  });
