/**
 * Loopback load test of `isnad serve` on SQLite and PostgreSQL with a mixed workload:
 * ~85% reads (search, entity profile, as-of, timeline, claim lists, claim reads) and ~15%
 * writes (PATCH a claim's note with the version just read; accept/reject toggles), through
 * autocannon's programmatic API. A 409 whose body says `conflict` is a genuine version race
 * (two connections edited the same claim) and is counted apart; any other non-2xx, any 5xx and
 * any socket error or timeout is an error, and the script exits 1 when there is one.
 *
 *   node --import tsx scripts/reliability/load.ts [--seconds 60] [--store sqlite|postgres|both] [--connections 10]
 *
 * Results: bench/results/load.json.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../../src/interop/native/read-dataset.js';
import { openStore } from '../../src/store/open-store.js';
import { CURATED, editorToken, flag, machine, removeDir, seeded, startServer, storesFrom, table, tempDir, throwawayPostgres, writeResults, type Server, type StoreKind } from './common.js';

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  '2xx': number;
}
type Autocannon = (opts: Record<string, unknown>, cb?: (err: unknown, res: AutocannonResult) => void) => { on(ev: string, fn: (...a: unknown[]) => void): void; stop?: () => void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECONDS = Number(flag('seconds', '60'));
const CONNECTIONS = Number(flag('connections', '10'));
const STORES = storesFrom(flag('store', 'both'));
const SEED = Number(flag('seed', '1'));
/**
 * Each connection loops over two requests (autocannon resets the context per loop): the first
 * starts a write (reads the claim, so the second can send the version it read) with this
 * probability, else it is a read; writes are thus WRITE_START / 2 = 15% of requests.
 */
const WRITE_START = 0.3;

type Kind = 'search' | 'profile' | 'asof' | 'timeline' | 'claims' | 'read-for-write' | 'patch-note' | 'toggle-status';
const READ_KINDS: readonly Kind[] = ['search', 'profile', 'asof', 'timeline', 'claims'];

interface KindStats {
  count: number;
  ok: number;
  conflicts: number;
  other: Record<string, number>;
}

export interface StoreLoadResult {
  readonly store: StoreKind;
  readonly seconds: number;
  readonly connections: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly reads: number;
  readonly writes: number;
  readonly writesOk: number;
  readonly conflicts409: number;
  readonly non2xxOther: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly byKind: Record<string, KindStats>;
  readonly serverErrorsInLog: number;
}

interface Fixture {
  entities: { id: string; type: string; canonical: string }[];
  claims: { id: string }[];
}

async function prepareFixture(server: Server, headers: Record<string, string>): Promise<Fixture> {
  const get = async (path: string) => {
    const res = await fetch(server.url + path, { headers });
    if (!res.ok) throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  const ents = (await get('/api/entities?limit=500')) as { items: Fixture['entities'] };
  const claims = (await get('/api/claims?limit=500')) as { items: Fixture['claims'] };
  return { entities: ents.items, claims: claims.items };
}

async function loadOne(store: StoreKind, url: string, token: string, server: Server): Promise<StoreLoadResult> {
  const auth = { Authorization: `Bearer ${token}` };
  const fx = await prepareFixture(server, auth);
  const orgs = fx.entities.filter((e) => e.type === 'organization');
  const people = fx.entities.filter((e) => e.type === 'person');
  // Note edits go to one pool and status toggles to another; both are small, so connections race.
  const notePool = fx.claims.slice(0, 40).map((c) => c.id);
  const togglePool = fx.claims.slice(40, 60).map((c) => c.id);
  const rand = seeded(SEED + (store === 'postgres' ? 1000 : 0));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const stats = new Map<Kind, KindStats>();
  const bump = (kind: Kind, status: number, body: string) => {
    const s = stats.get(kind) ?? { count: 0, ok: 0, conflicts: 0, other: {} };
    stats.set(kind, s);
    s.count++;
    if (status >= 200 && status < 300) s.ok++;
    else if (status === 409 && /"code"\s*:\s*"conflict"/.test(body)) s.conflicts++;
    else s.other[String(status)] = (s.other[String(status)] ?? 0) + 1;
  };
  let noteCounter = 0;

  const years = ['2003', '2004-06', '2006', '2008', '2010', '2013-04', '2014-06-29', '2016', '2019'];
  const step = (first: boolean): AutocannonRequest => ({
    method: 'GET',
    path: '/api/health',
    setupRequest(req, ctx) {
      const pending = ctx.pending as { kind: Kind; id: string; version: number; status: string } | undefined;
      if (pending) {
        ctx.pending = undefined;
        ctx.kind = pending.kind;
        if (pending.kind === 'patch-note') {
          return { ...req, method: 'PATCH', path: `/api/claims/${encodeURIComponent(pending.id)}`, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ note: `load-test edit ${++noteCounter}`, expectedVersion: pending.version }) };
        }
        const action = pending.status === 'rejected' ? 'accept' : 'reject';
        return { ...req, method: 'POST', path: `/api/claims/${encodeURIComponent(pending.id)}/${action}`, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ expectedVersion: pending.version }) };
      }
      if (first && rand() < WRITE_START) {
        const next: Kind = rand() < 0.5 ? 'patch-note' : 'toggle-status';
        const id = pick(next === 'patch-note' ? notePool : togglePool);
        ctx.kind = 'read-for-write';
        ctx.readFor = { kind: next, id };
        return { ...req, method: 'GET', path: `/api/claims/${encodeURIComponent(id)}`, headers: auth, body: undefined };
      }
      const kind = pick(READ_KINDS);
      ctx.kind = kind;
      let path: string;
      switch (kind) {
        case 'search': {
          const name = pick(fx.entities).canonical;
          path = `/api/search?q=${encodeURIComponent(name.slice(0, 3 + Math.floor(rand() * Math.max(1, name.length - 3))))}&limit=10`;
          break;
        }
        case 'profile':
          path = `/api/entities/${encodeURIComponent(pick(fx.entities).id)}`;
          break;
        case 'asof':
          path = `/api/asof?entity=${encodeURIComponent(pick(orgs).id)}&date=${pick(years)}`;
          break;
        case 'timeline':
          path = `/api/timeline?entity=${encodeURIComponent(pick(rand() < 0.5 ? orgs : people).id)}`;
          break;
        default:
          path = `/api/claims?entity=${encodeURIComponent(pick(fx.entities).id)}&limit=50`;
      }
      return { ...req, method: 'GET', path, headers: auth, body: undefined };
    },
    onResponse(status, body, ctx) {
      const kind = ctx.kind as Kind;
      bump(kind, status, body);
      if (kind === 'read-for-write') {
        const readFor = ctx.readFor as { kind: Kind; id: string };
        ctx.readFor = undefined;
        if (status === 200) {
          const claim = JSON.parse(body) as { version?: number; status: string };
          ctx.pending = { kind: readFor.kind, id: readFor.id, version: claim.version ?? 0, status: claim.status };
        }
      }
    },
  });

  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: SECONDS, timeout: 30, requests: [step(true), step(false)], expectBody: undefined },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
  });

  const byKind = Object.fromEntries([...stats.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const writes = (stats.get('patch-note')?.count ?? 0) + (stats.get('toggle-status')?.count ?? 0);
  const writesOk = (stats.get('patch-note')?.ok ?? 0) + (stats.get('toggle-status')?.ok ?? 0);
  const conflicts = [...stats.values()].reduce((n, s) => n + s.conflicts, 0);
  const otherNon2xx = [...stats.values()].reduce((n, s) => n + Object.values(s.other).reduce((a, b) => a + b, 0), 0);
  const counted = [...stats.values()].reduce((n, s) => n + s.count, 0);
  return {
    store,
    seconds: SECONDS,
    connections: CONNECTIONS,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    reads: counted - writes,
    writes,
    writesOk,
    conflicts409: conflicts,
    non2xxOther: otherNon2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    byKind,
    serverErrorsInLog: (server.log().match(/isnad server error/g) ?? []).length,
  };
}

async function buildStore(location: string): Promise<void> {
  const repo = await openStore(location);
  try {
    await repo.importDataset(readDataset(readFileSync(CURATED, 'utf8'), { file: CURATED }), { actor: 'load-test' });
  } finally {
    await repo.close();
  }
}

async function runStore(store: StoreKind): Promise<StoreLoadResult | { store: StoreKind; skipped: string }> {
  const dir = tempDir('isnad-load-');
  let pg: Awaited<ReturnType<typeof throwawayPostgres>> | undefined;
  let server: Server | undefined;
  try {
    let location: string;
    if (store === 'sqlite') {
      location = join(dir, 'load.sqlite');
    } else {
      pg = await throwawayPostgres();
      if (!('server' in pg)) return { store, skipped: pg.reason };
      location = await pg.server.createDatabase();
    }
    await buildStore(location);
    const token = await editorToken(location);
    server = await startServer(location, { auth: true });
    process.stderr.write(`load: ${store}: serving at ${server.url}; ${SECONDS} s with ${CONNECTIONS} connections …\n`);
    return await loadOne(store, server.url, token, server);
  } finally {
    await server?.stop();
    if (pg && 'server' in pg) await pg.server.stop();
    removeDir(dir);
  }
}

async function main(): Promise<number> {
  const results: (StoreLoadResult | { store: StoreKind; skipped: string })[] = [];
  for (const store of STORES) results.push(await runStore(store));
  const done = results.filter((r): r is StoreLoadResult => !('skipped' in r));
  console.log(`isnad load test: ${SECONDS} s per store, ${CONNECTIONS} connections, ~85% reads / ~15% writes, loopback, server mode (Bearer token)`);
  console.log(
    table(
      ['store', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'reads', 'writes', 'writes ok', '409 races', 'non-2xx other', 'errors'],
      done.map((r) => [r.store, r.requests, r.requestsPerSecond, r.p50Ms, r.p99Ms, r.maxMs, r.reads, r.writes, r.writesOk, r.conflicts409, r.non2xxOther, r.errors + r.timeouts]),
    ),
  );
  for (const r of results) if ('skipped' in r) console.log(`${r.store}: skipped (${r.skipped})`);
  const file = writeResults('load.json', { command: `node --import tsx scripts/reliability/load.ts --seconds ${SECONDS} --store ${flag('store', 'both')}`, machine: machine(), seed: SEED, results });
  console.log(`results: ${file}`);
  const bad = done.filter((r) => r.errors + r.timeouts + r.non2xxOther + r.serverErrorsInLog > 0);
  if (bad.length) console.error(`FAIL: errors on ${bad.map((r) => r.store).join(', ')}`);
  return bad.length || results.some((r) => 'skipped' in r && process.env.ISNAD_REQUIRE_POSTGRES === '1') ? 1 : 0;
}

process.exitCode = await main();
