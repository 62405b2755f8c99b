/** Entities: search by any name, list, profile, history, and merging two records into one. */
import { Hono } from 'hono';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { presentProfile } from '../../app/present.js';
import type { Env } from '../env.js';
import { checked, guard, input, route } from '../route-spec.js';
import { citeClaim, entitySummary } from '../present.js';
import { CitedClaim, EntitiesQuery, EntityPage, HistoryOut, IdParam, MergeBody, ProfileOut, SearchQuery, SearchResults, SplitBody } from '../schemas.js';

const search = route({ method: 'get', path: '/api/search', tag: 'entities', access: 'viewer', summary: 'Entities by any of their names (transliteration-aware), ranked, with why each matched', query: SearchQuery, response: SearchResults });
const list = route({ method: 'get', path: '/api/entities', tag: 'entities', access: 'viewer', summary: 'Entities with their names, a page at a time', query: EntitiesQuery, response: EntityPage });
const profile = route({ method: 'get', path: '/api/entities/:id', tag: 'entities', access: 'viewer', summary: 'An entity\u2019s profile: names with kinds and sources, roles, events, relations, who says what', params: IdParam, response: ProfileOut, errors: [404] });
const history = route({ method: 'get', path: '/api/entities/:id/history', tag: 'history', access: 'viewer', summary: 'Every recorded change to an entity, oldest first', params: IdParam, response: HistoryOut, errors: [404] });
const split = route({ method: 'post', path: '/api/entities/split', tag: 'review', access: 'editor', summary: 'Record that two entity records are different people or groups (a distinct_from resolution claim; blocks a merge)', body: SplitBody, response: CitedClaim, errors: [404] });
const merge = route({ method: 'post', path: '/api/entities/merge', tag: 'review', access: 'editor', summary: 'Record that two entity records are one person or group (a same_as resolution claim)', body: MergeBody, response: CitedClaim, errors: [404, 409] });

export const entityRoutes = new Hono<Env>()
  .get(search.path, guard(search.access), input('query', SearchQuery), async (c) => {
    const { q, limit } = c.req.valid('query');
    const hits = await (await c.var.deps.kb()).search(q, limit);
    const body = hits.map((h) => ({ id: h.entity.id, type: h.entity.type, canonical: h.entity.canonical, matchedName: h.matchedName, score: Number(h.score.toFixed(3)), reasons: [...h.reasons], ...(h.entity.description ? { description: h.entity.description } : {}) }));
    return c.json(checked(c, search, body));
  })
  .get(list.path, guard(list.access), input('query', EntitiesQuery), async (c) => {
    const { type, limit, offset } = c.req.valid('query');
    const { repo } = c.var.deps;
    const items = await repo.listEntities({ type, limit, offset });
    const total = type ? (await repo.listEntities({ type })).length : (await repo.counts()).entities;
    return c.json(checked(c, list, { items: items.map(entitySummary), total }));
  })
  .get(history.path, guard(history.access), input('param', IdParam), async (c) => {
    const { id } = c.req.valid('param');
    const { repo } = c.var.deps;
    const entries = await repo.history('entity', id);
    if (!entries.length && !(await repo.getEntity(id))) throw new NotFoundError('entity', id);
    return c.json(checked(c, history, entries));
  })
  .get(profile.path, guard(profile.access), input('param', IdParam), async (c) => {
    const kb = await c.var.deps.kb();
    return c.json(checked(c, profile, presentProfile(kb, await kb.profile(c.req.valid('param').id))));
  })
  .post(merge.path, guard(merge.access), input('json', MergeBody), async (c) => {
    const body = c.req.valid('json');
    const { repo } = c.var.deps;
    const [keep, merged] = [await repo.getEntity(body.keep), await repo.getEntity(body.merge)];
    if (!keep) throw new NotFoundError('entity', body.keep);
    if (!merged) throw new NotFoundError('entity', body.merge);
    if (body.expectedVersion !== undefined && merged.version !== undefined && merged.version !== body.expectedVersion) {
      throw new ConflictError({ kind: 'entity', id: merged.id }, merged, body.expectedVersion, merged.version);
    }
    const claim = await repo.recordResolution({ kind: 'merge', subject: body.merge, object: body.keep, ...(body.note ? { note: body.note } : {}) }, { actor: c.var.user?.name ?? 'local' });
    return c.json(checked(c, merge, await citeClaim(await c.var.deps.kb(), claim)));
  })
  .post(split.path, guard(split.access), input('json', SplitBody), async (c) => {
    const body = c.req.valid('json');
    const { repo } = c.var.deps;
    for (const id of [body.entity, body.other]) if (!(await repo.getEntity(id))) throw new NotFoundError('entity', id);
    const claim = await repo.recordResolution({ kind: 'split', subject: body.entity, object: body.other, ...(body.note ? { note: body.note } : {}) }, { actor: c.var.user?.name ?? 'local' });
    return c.json(checked(c, split, await citeClaim(await c.var.deps.kb(), claim)));
  });
