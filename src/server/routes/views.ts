/**
 * The derived views, each per perspective: as of a date, lineage, timeline, network as of a
 * date, disputes. They answer exactly what the CLI answers, through the same services.
 */
import { Hono } from 'hono';
import { formatTime } from '../../core/time-format.js';
import { networkAt } from '../../core/perspective/index.js';
import { presentAsOf, presentDisputes, presentLineage, presentTimeline } from '../../app/present.js';
import type { Env } from '../env.js';
import { checked, guard, input, route } from '../route-spec.js';
import { AsOfOut, AsOfQuery, DisputesOut, DisputesQuery, LineageOut, LineageQuery, NetworkOut, NetworkQuery, TimelineOut, TimelineQuery } from '../schemas.js';

const asof = route({ method: 'get', path: '/api/asof', tag: 'views', access: 'viewer', summary: 'An organization as of a date: its form and name, leaders, deputies, spokesmen, allegiance, conflicts', query: AsOfQuery, response: AsOfOut, errors: [404] });
const lineage = route({ method: 'get', path: '/api/lineage', tag: 'views', access: 'viewer', summary: 'The rename/merge/split/pledge graph of an organization family', query: LineageQuery, response: LineageOut, errors: [404] });
const timeline = route({ method: 'get', path: '/api/timeline', tag: 'views', access: 'viewer', summary: 'Dated claims in order, each certainly or possibly within the window; capped (X-Isnad-Truncated says so)', query: TimelineQuery, response: TimelineOut, errors: [404] });
const network = route({ method: 'get', path: '/api/network', tag: 'views', access: 'viewer', summary: 'Every relation that holds on a date (certain or possible), optionally within hops of a focus', query: NetworkQuery, response: NetworkOut, errors: [404] });
const disputes = route({ method: 'get', path: '/api/disputes', tag: 'views', access: 'viewer', summary: 'Contested propositions with each side\u2019s claims next to each other', query: DisputesQuery, response: DisputesOut, errors: [404] });

export const viewRoutes = new Hono<Env>()
  .get(asof.path, guard(asof.access), input('query', AsOfQuery), async (c) => {
    const q = c.req.valid('query');
    const kb = await c.var.deps.kb();
    return c.json(checked(c, asof, presentAsOf(kb, await kb.asOf(q.entity, q.date, q.perspective), q.perspective)));
  })
  .get(lineage.path, guard(lineage.access), input('query', LineageQuery), async (c) => {
    const q = c.req.valid('query');
    const kb = await c.var.deps.kb();
    return c.json(checked(c, lineage, presentLineage(kb, await kb.lineage(q.entity, q.perspective))));
  })
  .get(timeline.path, guard(timeline.access), input('query', TimelineQuery), async (c) => {
    const q = c.req.valid('query');
    const kb = await c.var.deps.kb();
    const entries = await kb.timeline({ ...(q.entity ? { entityName: q.entity } : {}), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...(q.perspective ? { perspective: q.perspective } : {}) });
    const max = c.var.deps.options.maxTimelineEntries;
    if (entries.length > max) c.header('X-Isnad-Truncated', `${entries.length - max} more entries; narrow the window`);
    return c.json(checked(c, timeline, presentTimeline(kb, entries.slice(0, max))));
  })
  .get(network.path, guard(network.access), input('query', NetworkQuery), async (c) => {
    const q = c.req.valid('query');
    const { repo, options } = c.var.deps;
    const kb = await c.var.deps.kb();
    const net = q.focus
      ? await kb.networkAround(q.focus, q.date, { hops: q.hops, maxNodes: options.maxNetworkNodes, ...(q.perspective ? { perspective: q.perspective } : {}) })
      : networkAt(q.date, await kb.viewed(await repo.listClaims({ statuses: ['accepted'] }), q.perspective), { hops: q.hops, maxNodes: options.maxNetworkNodes });
    await kb.loadLabels(net.nodes); // already there for a focused network
    const nodes = net.nodes.map((id) => {
      const e = kb.lookup(id);
      return { id, name: e?.canonical ?? id, type: e?.type ?? 'unknown' };
    });
    const edges = net.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, predicate: e.predicate, modality: e.modality, stance: e.stance, claimIds: [...e.claimIds] }));
    return c.json(checked(c, network, { date: q.date, dateText: formatTime(q.date), perspective: q.perspective ?? 'overall', nodes, edges, truncated: net.truncated }));
  })
  .get(disputes.path, guard(disputes.access), input('query', DisputesQuery), async (c) => {
    const q = c.req.valid('query');
    const kb = await c.var.deps.kb();
    return c.json(checked(c, disputes, presentDisputes(kb, await kb.disputes(q.entity))));
  });
