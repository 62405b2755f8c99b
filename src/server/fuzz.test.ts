/**
 * Hostile input on every route: SQL injection, path traversal and markup payloads in every
 * parameter, and property-based fuzzing of query strings and bodies. Nothing may crash (5xx),
 * hang, or echo a stack; every refusal is a JSON error.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeSpecs } from './route-spec.js';
import { testServer, type TestServer } from './testing.js';
import { z } from 'zod';

let t: TestServer;
beforeAll(async () => { t = await testServer(); });
afterAll(async () => { await t.close(); });

const PAYLOADS = [
  "' OR 1=1 --",
  "x'); DROP TABLE claim; --",
  '"; DELETE FROM entity; --',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '%00',
  '\u0000',
  '${7*7}',
  '{"$gt":""}',
  'a'.repeat(5000),
  '-1',
  '1e309',
  '2000/1999',
  '..',
];

function queryNames(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return Object.keys(js.properties ?? {});
}

async function expectSafe(method: string, path: string, body?: unknown) {
  const res = await t.app.request(path, {
    method,
    ...(body !== undefined ? { headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  // 501 is local mode's answer on the account routes; anything else from 500 up is a bug.
  if (res.status !== 501) expect(res.status, `${method} ${path} → ${res.status} ${text.slice(0, 200)}`).toBeLessThan(500);
  expect(res.headers.get('content-type') ?? '').toMatch(/json/);
  expect(text).not.toMatch(/node_modules|\.ts:\d+|\n\s+at /);
  JSON.parse(text);
  return res;
}

describe('hostile parameters', () => {
  it('every GET route survives every payload in every query and path parameter', async () => {
    const countsBefore = await t.repo.counts();
    for (const spec of routeSpecs().filter((s) => s.method === 'get')) {
      const names = queryNames(spec.query);
      for (const p of PAYLOADS) {
        const enc = encodeURIComponent(p);
        const path = spec.path.replace(/:(\w+)/g, enc);
        if (path !== spec.path) await expectSafe('GET', path);
        for (const name of names) await expectSafe('GET', `${spec.path.replace(/:(\w+)/g, 'vb-founded')}?${name}=${enc}&date=2000&entity=valley-front&q=x`);
      }
    }
    expect(await t.repo.counts()).toEqual(countsBefore);
  });
  it('write routes survive payloads as ids and body fields, and change nothing they should not', async () => {
    for (const p of PAYLOADS) {
      const enc = encodeURIComponent(p);
      await expectSafe('POST', `/api/claims/${enc}/accept`, {});
      await expectSafe('PATCH', `/api/claims/${enc}`, { note: p });
      await expectSafe('PATCH', '/api/claims/vb-founded', { time: p });
      await expectSafe('PATCH', '/api/claims/vb-founded', { object: p });
      await expectSafe('PATCH', '/api/claims/vb-founded', { predicate: p });
      await expectSafe('POST', '/api/entities/merge', { keep: p, merge: 'karim-haddad' });
    }
    const claim = (await (await t.app.request('/api/claims/vb-founded')).json()) as { predicate: string; time: string };
    expect(claim).toMatchObject({ predicate: 'founded', time: '1990' });
  });
});

describe('fuzzing', () => {
  const arbValue = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...PAYLOADS), fc.integer().map(String), fc.constantFrom('2000', '2006-36', '2002-07~', '../2014', '2006/2012'));
  it('random query strings on every GET route never cause a 5xx', async () => {
    const gets = routeSpecs().filter((s) => s.method === 'get');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets), fc.dictionary(fc.constantFrom('q', 'limit', 'offset', 'type', 'entity', 'date', 'from', 'to', 'perspective', 'focus', 'hops', 'predicate', 'status', 'claimant', 'dispute', 'source', 'after'), arbValue, { maxKeys: 5 }), fc.string({ maxLength: 20 }), async (spec, params, id) => {
        const qs = new URLSearchParams(params).toString();
        await expectSafe('GET', `${spec.path.replace(/:(\w+)/g, encodeURIComponent(id) || 'x')}${qs ? `?${qs}` : ''}`);
      }),
      { numRuns: 1500 },
    );
  }, 120_000);
  it('random JSON bodies on the write routes never cause a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('PATCH /api/claims/re-branch-author', 'POST /api/claims/candidate-one/reject', 'POST /api/entities/merge'), fc.oneof(fc.jsonValue(), fc.string(), fc.record({ time: arbValue, note: arbValue, confidence: fc.double(), expectedVersion: fc.integer() }, { requiredKeys: [] })), async (route, body) => {
        const [method, path] = route.split(' ') as [string, string];
        await expectSafe(method, path, typeof body === 'string' ? body : body);
      }),
      { numRuns: 500 },
    );
  }, 120_000);
});
