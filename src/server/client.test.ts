/** The exported AppType drives Hono's typed client (what web/ may use): paths, inputs and outputs are checked by tsc. */
import { hc } from 'hono/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppType } from './app.js';
import { testServer, type TestServer } from './testing.js';

let t: TestServer;
beforeAll(async () => { t = await testServer(); });
afterAll(async () => { await t.close(); });

it('a typed client reads and writes through app.request', async () => {
  const client = hc<AppType>('http://localhost', { fetch: (input: RequestInfo | URL, init?: RequestInit) => t.app.request(input, init) });
  const hits = await (await client.api.search.$get({ query: { q: 'VB' } })).json();
  expect(hits[0]?.id).toBe('valley-brotherhood');
  const profile = await client.api.entities[':id'].$get({ param: { id: 'karim-haddad' } });
  expect(profile.status).toBe(200);
  const net = await (await client.api.network.$get({ query: { date: '2000' } })).json();
  expect(net.nodes.length).toBeGreaterThan(0);
  const accepted = await client.api.claims[':id'].accept.$post({ param: { id: 'candidate-one' }, json: {} });
  expect(((await accepted.json()) as { status: string }).status).toBe('accepted');
});
