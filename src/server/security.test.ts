/** Security headers, no stack traces, static files with SPA fallback, source spans. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../app/knowledge-base.js';
import { readDataset } from '../interop/native/read-dataset.js';
import { createApp } from './app.js';
import { testServer, type TestServer } from './testing.js';

let t: TestServer;
let web: string;
beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'isnad-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>isnad</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'isnad-secret.txt'), 'secret');
  t = await testServer({ webRoot: web });
});
afterAll(async () => {
  await t.close();
  rmSync(web, { recursive: true, force: true });
});

describe('headers', () => {
  it('every response carries CSP, nosniff and frame denial', async () => {
    for (const path of ['/api/health', '/api/nothing', '/', '/entities/x', '/openapi.json']) {
      const res = await t.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
  it('API answers are not cached, errors included', async () => {
    for (const [path, status] of [['/api/stats', 200], ['/api/entities/no-such-entity', 404], ['/api/asof?entity=x&date=not-a-date', 400]] as const) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });
});

describe('errors', () => {
  it('an unexpected error is a 500 without its message or stack', async () => {
    const logged: unknown[] = [];
    const app = createApp({ repo: t.repo, kb: () => { throw new Error('secret internals at /srv/isnad/x.ts:12'); }, log: (e) => logged.push(e) });
    const res = await app.request('/api/search?q=x');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Internal server error.', issues: [] } });
    expect(text).not.toMatch(/secret|\.ts:|at /);
    expect(logged).toHaveLength(1);
  });
  it('a 400 lists issues but no stack', async () => {
    const text = await (await t.app.request('/api/network?date=not-a-date&hops=9')).text();
    expect(text).not.toMatch(/\.ts:\d|node_modules|    at /);
    expect(JSON.parse(text).error.issues.map((i: any) => i.path).sort()).toEqual(['query.date', 'query.hops']);
  });
});

describe('the web app', () => {
  it('serves files and falls back to index.html for deep links', async () => {
    const js = await t.app.request('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toBe('console.log(1)');
    for (const path of ['/', '/entities/karim-haddad', '/network?date=2000']) {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('<title>isnad</title>');
    }
  });
  it('never serves a file outside its folder', async () => {
    for (const path of ['/../isnad-secret.txt', '/%2e%2e/isnad-secret.txt', '/assets/..%2f..%2fisnad-secret.txt', '/%2e%2e%2fisnad-secret.txt']) {
      const text = await (await t.app.request(path)).text();
      expect(text, path).not.toContain('secret');
    }
  });
  it('unknown API paths stay JSON 404s', async () => {
    const res = await t.app.request('/api/entities/karim-haddad/nothing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
  });
});

describe('source viewer', () => {
  it('gives the text and every evidence span with its claims', async () => {
    const text = 'In 1990 Haddad founded the Brotherhood. Around 1995 it took the name Valley Front.';
    const ds = readDataset(
      [
        'format: isnad/1',
        'defaults: { source: doc-1, status: accepted }',
        `sources: [{ id: doc-1, kind: article, title: Doc One, text: ${JSON.stringify(text)} }]`,
        'claims:',
        '  - { id: d1, subject: karim-haddad, predicate: founded, object: valley-brotherhood, time: "1990", evidence: "Haddad founded the Brotherhood" }',
        '  - { id: d2, subject: valley-brotherhood, predicate: renamed_to, object: valley-front, time: "1995~", evidence: "it took the name Valley Front" }',
        '  - { id: d3, subject: valley-brotherhood, predicate: renamed_to, object: valley-front, stance: denies, evidence: "it took the name Valley Front" }',
      ].join('\n'),
      { file: 'extra.yaml', existing: { entityType: (id) => (id === 'karim-haddad' ? 'person' : 'organization'), hasSource: () => false, sourceAuthorEntity: () => undefined, sourceText: () => undefined, hasDispute: () => false } },
    );
    await t.repo.importDataset(ds);
    const res = await t.app.request('/api/sources/doc-1');
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.source.text).toBe(text);
    const s = text.indexOf('Haddad founded');
    const r = text.indexOf('it took');
    expect(body.spans).toEqual([
      { start: s, end: s + 'Haddad founded the Brotherhood'.length, claimIds: ['d1'] },
      { start: r, end: r + 'it took the name Valley Front'.length, claimIds: ['d2', 'd3'] },
    ]);
    const list = (await (await t.app.request('/api/sources')).json()) as any[];
    expect(list.find((x) => x.id === 'doc-1')).toMatchObject({ hasText: true, claims: 3 });
    expect(list.find((x) => x.id === 'doc-1').text).toBeUndefined();
    expect(new KnowledgeBase(t.repo)).toBeDefined();
  });
});

describe('cross-site writes and DNS rebinding (local mode too)', () => {
  it('refuses a write from a page of another site, by Origin or Sec-Fetch-Site', async () => {
    const evil = await t.app.request('/api/claims/vb-founded/reject', { method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, body: 'x' });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as any).error.message).toMatch(/Cross-site/);
    const fetchMeta = await t.app.request('/api/claims/vb-founded/reject', { method: 'POST', headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(fetchMeta.status).toBe(403);
    const opaque = await t.app.request('/api/claims/vb-founded/reject', { method: 'POST', headers: { Origin: 'null' } });
    expect(opaque.status).toBe(403);
    expect(((await (await t.app.request('/api/claims/vb-founded')).json()) as any).status).toBe('accepted');
  });
  it('lets the app\u2019s own pages and non-browser clients write', async () => {
    const own = await t.app.request('/api/claims/vb-founded/accept', { method: 'POST', headers: { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' } });
    expect(own.status).toBe(200);
    expect((await t.app.request('/api/claims/vb-founded/accept', { method: 'POST' })).status).toBe(200);
    // Reads stay open to anyone who can reach the server.
    expect((await t.app.request('/api/stats', { headers: { Origin: 'https://evil.example' } })).status).toBe(200);
  });
  it('on loopback, answers only to loopback host names', async () => {
    const app = createApp({ repo: t.repo, allowedHosts: ['localhost', '127.0.0.1', '[::1]'], log: () => {} });
    expect((await app.request('http://localhost:4311/api/health')).status).toBe(200);
    expect((await app.request('http://127.0.0.1:4311/api/health')).status).toBe(200);
    const rebound = await app.request('http://attacker.example:4311/api/stats');
    expect(rebound.status).toBe(403);
    expect(((await rebound.json()) as any).error.message).toMatch(/Unexpected Host/);
  });
});
