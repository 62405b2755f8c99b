/** The read routes, through app.request() against a SQLite store holding the mini fixture. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from './testing.js';

let t: TestServer;
beforeAll(async () => { t = await testServer(); });
afterAll(async () => { await t.close(); });

async function get(path: string, status = 200) {
  const res = await t.app.request(path);
  const body = (await res.json()) as any;
  expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return body;
}

describe('meta', () => {
  it('health and stats', async () => {
    expect(await get('/api/health')).toEqual({ ok: true });
    const stats = await get('/api/stats');
    expect(stats).toMatchObject({ entities: 12, claims: 20, sources: 2, claimsByStatus: { candidate: 1, accepted: 19, rejected: 0 } });
  });
  it('perspectives name their claimants', async () => {
    const ps = await get('/api/perspectives');
    expect(ps.find((p: any) => p.id === 'emirate').claimants.map((c: any) => c.name)).toEqual(['River Emirate', 'Tariq Mansour']);
  });
  it('vocabulary lists predicates with descriptions and name kinds', async () => {
    const v = await get('/api/vocabulary');
    expect(v.predicates.find((p: any) => p.name === 'branch_of')).toMatchObject({ temporality: 'state', allegiance: true });
    expect(v.nameKinds.map((k: any) => k.name)).toContain('kunya');
  });
});

describe('entities', () => {
  it('search answers like `isnad search --json`', async () => {
    const hits = await get('/api/search?q=Abu%20Salim%20al-Nahri');
    expect(hits[0]).toMatchObject({ id: 'karim-haddad', type: 'person', canonical: 'Karim Haddad', matchedName: 'Abu Salim al-Nahri', score: 1 });
    expect(hits[0].reasons.length).toBeGreaterThan(0);
    await get('/api/search', 400);
    await get('/api/search?q=x&limit=0', 400);
  });
  it('lists a page with the total', async () => {
    const page = await get('/api/entities?type=organization&limit=2&offset=1');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(6);
    expect(page.items[0].names.length).toBeGreaterThan(0);
    expect((await get('/api/entities')).total).toBe(12);
    await get('/api/entities?type=planet', 400);
    await get('/api/entities?limit=501', 400);
    await get('/api/entities?offset=-1', 400);
  });
  it('a profile by id or by name; 404 when unknown', async () => {
    const p = await get('/api/entities/karim-haddad');
    expect(p.entity.canonical).toBe('Karim Haddad');
    expect(p.names.map((n: any) => n.kind)).toEqual(['real_name', 'kunya', 'nisba']);
    expect(p.roles.map((c: any) => c.id)).toEqual(['haddad-leads', 'haddad-leads-vf']);
    expect((await get('/api/entities/Tariq%20Mansour')).entity.id).toBe('tariq-mansour');
    const err = await get('/api/entities/no-such-one', 404);
    expect(err.error).toMatchObject({ code: 'not_found' });
    expect(err.error.message).toContain('no-such-one');
  });
  it('history of an entity (import is recorded as a dataset change) and 404 for unknown ids', async () => {
    expect(Array.isArray(await get('/api/entities/karim-haddad/history'))).toBe(true);
    await get('/api/entities/no-such-one/history', 404);
  });
});

describe('claims', () => {
  it('filters by entity, predicate, status, claimant, dispute, source and time', async () => {
    const byEntity = await get('/api/claims?entity=valley-front');
    expect(byEntity.total).toBe(byEntity.items.length);
    expect(byEntity.items.every((c: any) => c.subject.id === 'valley-front' || c.object?.id === 'valley-front')).toBe(true);
    const leaders = await get('/api/claims?predicate=leader_of&limit=2');
    expect(leaders.items).toHaveLength(2);
    expect(leaders.total).toBe(5);
    expect((await get('/api/claims?predicate=leader_of,founded')).total).toBe(6);
    expect((await get('/api/claims?status=candidate')).items.map((c: any) => c.id)).toEqual(['candidate-one']);
    expect((await get('/api/claims?claimant=mountain-network')).items.map((c: any) => c.id)).toEqual(['re-branch-network-says']);
    expect((await get('/api/claims?dispute=emirate-branch')).total).toBe(3);
    expect((await get('/api/claims?source=mn-statement-2009')).total).toBe(0);
    const window = await get('/api/claims?from=1998&to=1998');
    expect(window.items.map((c: any) => c.id)).toEqual(expect.arrayContaining(['haddad-killed', 'mansour-leads-vf', 'omar-leads-mn']));
    expect(window.items.map((c: any) => c.id)).not.toContain('urc-declared');
  });
  it('rejects bad filters with a 400 naming the parameter', async () => {
    const bad = await get('/api/claims?predicate=invented_predicate', 400);
    expect(bad.error.issues[0].path).toMatch(/^query\.predicate/);
    expect((await get('/api/claims?from=June%202002', 400)).error.issues[0]).toMatchObject({ code: 'invalid_edtf', path: 'query.from' });
    await get('/api/claims?status=maybe', 400);
    await get('/api/claims?limit=abc', 400);
    await get('/api/claims?entity=nobody-at-all', 404);
  });
  it('one claim with version, and 404', async () => {
    const c = await get('/api/claims/re-branch-network-says');
    expect(c).toMatchObject({ id: 're-branch-network-says', predicate: 'branch_of', stance: 'asserts', dispute: 'emirate-branch', claimant: { id: 'mountain-network' } });
    expect(c.chain.map((l: any) => l.entity?.id ?? l.source)).toEqual(['lina-farouk', 'mountain-network']);
    expect(typeof c.version).toBe('number');
    await get('/api/claims/nope', 404);
    await get('/api/claims/nope/history', 404);
  });
  it('the review queue holds the candidates', async () => {
    const q = await get('/api/review');
    expect(q).toMatchObject({ total: 1, items: [{ id: 'candidate-one', status: 'candidate' }] });
    await get('/api/review?limit=1000', 400);
  });
});

describe('views', () => {
  it('as of a date, per perspective', async () => {
    const v = await get('/api/asof?entity=valley-front&date=2000');
    expect(v.leaders.map((l: any) => l.entity.id)).toEqual(['tariq-mansour']);
    expect(v.allegiance.map((l: any) => l.entity.id)).toContain('mountain-network');
    const emirate = await get('/api/asof?entity=river-emirate&date=2005&perspective=emirate');
    expect(emirate.perspective).toBe('emirate');
    expect(emirate.allegiance).toEqual([]);
    const network = await get('/api/asof?entity=river-emirate&date=2005&perspective=network');
    expect(network.allegiance.map((a: any) => a.entity.id)).toEqual(['mountain-network']);
  });
  it('as of: a malformed EDTF date is a 400 with a clear message', async () => {
    const err = await get('/api/asof?entity=valley-front&date=2000-13-45', 400);
    expect(err.error.message).toMatch(/not a valid EDTF date/);
    expect(err.error.issues[0]).toMatchObject({ code: 'invalid_edtf', path: 'query.date' });
    await get('/api/asof?entity=valley-front', 400);
    await get('/api/asof?entity=nobody&date=2000', 404);
    await get('/api/asof?entity=valley-front&date=2000&perspective=nobody', 404);
  });
  it('lineage of a family; 400 for a person', async () => {
    const l = await get('/api/lineage?entity=valley-front');
    expect(l.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(['valley-brotherhood', 'valley-front', 'united-river-council', 'river-emirate', 'hill-group']));
    expect(l.edges.some((e: any) => e.from.id === 'valley-brotherhood' && e.to.id === 'valley-front' && e.predicate === 'renamed_to')).toBe(true);
    expect((await get('/api/lineage?entity=karim-haddad', 400)).error.code).toBe('bad_input');
  });
  it('timeline in order, within a window', async () => {
    const tl = await get('/api/timeline?entity=valley-front&from=1995&to=2000');
    expect(tl.length).toBeGreaterThan(0);
    expect(tl.every((e: any) => e.within === 'certain' || e.within === 'possible')).toBe(true);
    expect(tl.map((e: any) => e.id)).not.toContain('vf-merged');
    expect((await get('/api/timeline')).length).toBe(19);
    await get('/api/timeline?from=2005&to=2001', 400);
  });
  it('network on a date: nodes, certain and possible edges, focus and hops', async () => {
    const n = await get('/api/network?date=2000');
    const ids = n.nodes.map((x: any) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['valley-front', 'mountain-network', 'tariq-mansour', 'omar-said']));
    expect(n.nodes.find((x: any) => x.id === 'valley-front')).toEqual({ id: 'valley-front', name: 'Valley Front', type: 'organization' });
    const branch = n.edges.find((e: any) => e.source === 'valley-front' && e.predicate === 'branch_of');
    expect(branch).toMatchObject({ target: 'mountain-network', modality: 'certain', stance: 'asserts', claimIds: ['vf-branch'] });
    for (const e of n.edges) expect(ids).toEqual(expect.arrayContaining([e.source, e.target]));
    const focused = await get('/api/network?date=2000&focus=Tariq%20Mansour&hops=1');
    expect(focused.nodes.map((x: any) => x.id).sort()).toEqual(['tariq-mansour', 'valley-front']);
    const late = await get('/api/network?date=1995');
    expect(late.edges.find((e: any) => e.source === 'karim-haddad' && e.target === 'valley-brotherhood').modality).toBe('possible');
  });
  it('network: a perspective drops the other side\u2019s account', async () => {
    const emirate = await get('/api/network?date=2005&perspective=emirate');
    const e = emirate.edges.filter((x: any) => x.source === 'river-emirate' && x.predicate === 'branch_of');
    expect(e.map((x: any) => x.stance)).toEqual(['denies']);
  });
  it('network: query cost is capped', async () => {
    expect((await get('/api/network?date=2000&focus=valley-front&hops=4', 400)).error.message).toMatch(/at most 3 hops/);
    await get('/api/network?date=2000x', 400);
    await get('/api/network', 400);
  });
  it('disputes side by side, for all or one entity', async () => {
    const all = await get('/api/disputes');
    const d = all.find((x: any) => x.id === 'emirate-branch');
    expect(d.sides.map((s: any) => s.stance)).toEqual(['asserts', 'denies']);
    expect((await get('/api/disputes?entity=river-emirate')).map((x: any) => x.id)).toContain('emirate-branch');
    await get('/api/disputes?entity=nobody', 404);
  });
});

describe('sources', () => {
  it('lists sources without text', async () => {
    const list = await get('/api/sources');
    expect(list.map((s: any) => s.id)).toEqual(['farouk-2020', 'mn-statement-2009']);
    expect(list[0]).toMatchObject({ hasText: false, claims: 20 });
    expect(list[0].text).toBeUndefined();
  });
  it('one source with its claims; 404 for unknown', async () => {
    const s = await get('/api/sources/farouk-2020');
    expect(s.source.title).toBe('A History of the Valley Movements');
    expect(s.claims.length).toBe(20);
    await get('/api/sources/nope', 404);
  });
});

describe('unknown routes', () => {
  it('answer 404 in JSON', async () => {
    expect((await get('/api/nothing-here', 404)).error.code).toBe('not_found');
  });
  it('never sent a stack trace and logged no errors', () => {
    expect(t.errors).toEqual([]);
  });
});

describe('query cost caps', () => {
  it('caps the timeline and the network, and says so', async () => {
    const { createApp } = await import('./app.js');
    const small = createApp({ repo: t.repo, options: { maxTimelineEntries: 3, maxNetworkNodes: 2, validateResponses: true }, log: () => {} });
    const tl = await small.request('/api/timeline');
    expect(((await tl.json()) as unknown[]).length).toBe(3);
    expect(tl.headers.get('x-isnad-truncated')).toMatch(/16 more entries/);
    const net = (await (await small.request('/api/network?date=2000')).json()) as any;
    expect(net.nodes).toHaveLength(2);
    expect(net.truncated).toBe(true);
  });
});
