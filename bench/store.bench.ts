/**
 * Store benchmark: for each size of the generated knowledge base, bulk import (claims/s), store
 * size on disk, memory, and latency p50/p99 of the analyst's questions — entity profile, as-of
 * view of an organization, decade timeline of an entity, lineage of an organization family,
 * disputes of an entity, fuzzy name search, network as of a date (2 hops) — through the
 * application services the CLI and the API use (`KnowledgeBase`, a fresh one per question, as
 * the API makes one per request), over the HTTP API, and the same data and questions in oxigraph
 * (in-memory, Turtle in 50,000-claim chunks, SPARQL) in the same run. Each system answers in a
 * process of its own that opens the store as a user's next command would (`answerer.ts` says
 * why), in rounds of 100 targets, alternating.
 *
 * Run: node --import tsx bench/store.bench.ts [--sizes small,default,large] [--queries 1000]
 *      [--warm 100] [--no-oxigraph] [--no-http] [--oxigraph-large] [--seed N] [--store postgres]
 *      [--no-read-model]
 * isnad answers as `isnad serve` does, with the claims held in memory (the read model, built
 * before the first question); `--no-read-model` reads them from the store, as a one-off CLI
 * command does.
 * `--store postgres` benchmarks the shared mode instead of the embedded SQLite file: a throwaway
 * PostgreSQL cluster (or `ISNAD_TEST_DATABASE_URL`), imported through the generic path, one
 * transaction per 50,000-claim chunk; with the read model, names are searched over what it holds.
 * Prints one table per size; writes bench/results/store-<size>[-postgres].json and (SQLite)
 * bench/results/store.json.
 * Nothing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import pg from 'pg';
import { FastSqliteRepository } from '../src/store/sqlite/fast-repository.js';
import { openPostgresStore } from '../src/store/postgres/open-postgres.js';
import type { Repository } from '../src/store/repository.js';
import { postgresForTests } from '../test/support/postgres.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite.js';
import type { Dataset } from '../src/core/model.js';
import { generateKb, SIZES, type SizeName } from './generate/kb.js';
import { noisyQuery } from './generate/name-parts.js';
import { Rng } from './generate/prng.js';
import { collect, mb, measureInRounds, warmUp, ms, rate, ratio, table, type Latency, type RoundRunner } from './lib.js';
import { SERVER_NODE_FLAGS } from '../src/cli/server-heap.js';
import { startAnswerer, type Answerer, type Question, type Target } from './answerer.js';
import type { IsnadArgs, IsnadReady } from './isnad-answerer.js';
import type { OxigraphArgs, OxigraphReady } from './oxigraph-answerer.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const TMP = join(HERE, 'tmp');
const RESULTS = join(HERE, 'results');

function arg(name: string, fallback: string): string {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const a = process.argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : process.argv[i + 1] ?? fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const sizes = arg('sizes', 'small,default').split(',').map((s) => s.trim()) as SizeName[];
const QUERIES = Number(arg('queries', '1000'));
const WARM = Number(arg('warm', '100'));
const SEED = Number(arg('seed', '20161101'));
const OX_BUDGET_MS = Number(arg('oxigraph-budget-ms', '20000'));
/** Time box for each isnad question (measured time), so a slow question cannot stall the run; n says how many ran. */
const BUDGET_MS = Number(arg('budget-ms', '30000'));
/** Fewest measured runs of each isnad question, time box or not. */
const MIN_N = Number(arg('min-n', '100'));
/** Most seconds oxigraph may spend loading one size; past it the load stops and only its rate is reported. */
const OX_MAX_LOAD_S = Number(arg('oxigraph-max-load-s', '300'));
const CHUNK = 50_000;
/** Which store to benchmark: the embedded SQLite file (default) or PostgreSQL. */
const STORE = arg('store', 'sqlite') as 'sqlite' | 'postgres';
if (STORE !== 'sqlite' && STORE !== 'postgres') throw new Error(`--store must be sqlite or postgres, not ${STORE}`);
const STORE_LABEL = STORE === 'postgres' ? 'PostgreSQL' : 'SQLite';
const resultFile = (size: string) => join(RESULTS, `store-${size}${STORE === 'postgres' ? '-postgres' : ''}.json`);
/** Questions not asked of oxigraph (e.g. `--oxigraph-skip asOf,lineage` when its property paths take minutes). */
const OX_SKIP = new Set(arg('oxigraph-skip', '').split(',').filter(Boolean));

/** The benchmark's questions, as the answerers take them. */
type QueryName = Question;
const QUERY_LABELS: Record<QueryName, string> = {
  profile: 'entity profile',
  asOf: 'as-of view of an organization',
  timeline: 'timeline of an entity over a decade',
  lineage: 'lineage of an organization family',
  disputes: 'disputes of an entity',
  search: 'fuzzy name search',
  network: 'network as of a date (2 hops)',
};
const KIND: Record<QueryName, 'point' | 'multi-hop' | 'search'> = { profile: 'point', asOf: 'point', disputes: 'point', lineage: 'multi-hop', network: 'multi-hop', timeline: 'multi-hop', search: 'search' };


interface SizeResult {
  size: string;
  /** The store benchmarked (absent in results written before PostgreSQL was added: SQLite). */
  store?: string;
  claims: number;
  entities: number;
  names: number;
  sources: number;
  generateMs: number;
  /** 1-minute load average at the start and end of the size's run. */
  loadavg: number[];
  isnad: { importMs: number; claimsPerSecond: number; diskBytes: number; rssBytes: number; heapUsedBytes: number; nameIndexBuildMs: number; /** Absent when the claims were read from the store (`--no-read-model`). */ readModelBuildMs?: number; /** V8 flags the answering processes ran under (those `isnad serve` uses with the read model). */ nodeFlags?: readonly string[]; queries: Partial<Record<QueryName, Latency>> };
  http?: Partial<Record<QueryName, Latency>>;
  oxigraph?: { loadMs: number; claimsPerSecond: number; /** The oxigraph process's whole RSS after loading (before it ran apart: the growth of the benchmark's RSS). */ rssBytes: number; queries: Partial<Record<QueryName, Latency>>; partial?: string } | { skipped: string };
}

function targetsFor(rng: Rng, n: number, pool: readonly string[], names?: (id: string) => string): Target[] {
  const out: Target[] = [];
  for (let i = 0; i < n; i++) {
    const entity = rng.pick(pool);
    const t: Target = { entity, year: rng.int(1985, 2019), month: rng.int(1, 12) };
    if (names) {
      const query = noisyQuery(rng, names(entity));
      const word = query.split(/[\s-]+/).filter((w) => /^[a-z']+$/i.test(w) && !/^(al|el|abu|bin|ibn)$/i.test(w)).sort((a, b) => b.length - a.length)[0] ?? query;
      out.push({ ...t, query, word });
    } else out.push(t);
  }
  return out;
}

async function runSize(sizeName: SizeName): Promise<SizeResult> {
  const size = SIZES[sizeName];
  const load0 = os.loadavg()[0]!;
  const log = (m: string) => process.stderr.write(`[store.bench ${sizeName}] ${m}\n`);
  mkdirSync(TMP, { recursive: true });
  const file = join(TMP, `store-${sizeName}.sqlite`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });

  // ---- generate + import (only the import calls are timed) ----
  const t0 = performance.now();
  const kb = generateKb(sizeName, SEED);
  let generateMs = performance.now() - t0;
  let stopPostgres = async () => {};
  let pgUrl = '';
  let repo: Repository;
  if (STORE === 'postgres') {
    const pgs = await postgresForTests();
    if (!pgs.available) throw new Error(`PostgreSQL is not available: ${pgs.reason}`);
    pgUrl = await pgs.server.createDatabase();
    stopPostgres = () => pgs.server.stop();
    repo = await openPostgresStore({ url: pgUrl });
    log(`PostgreSQL: ${pgs.server.description}`);
  } else repo = await openSqliteStore({ file });
  const fast = repo instanceof FastSqliteRepository ? repo : undefined;
  // The whole load as one bulk import (`importMany`): the base, then 50,000-claim chunks as the
  // generator streams them; only time spent importing is counted, not generating.
  const disputedPool: string[] = [];
  const rngPool = new Rng(SEED ^ 0x5eed);
  let claims = 0;
  let genInImport = 0;
  function* stream(): Generator<Dataset> {
    yield kb.base;
    const it = kb.claimChunks(CHUNK);
    for (;;) {
      const tg = performance.now();
      const next = it.next();
      genInImport += performance.now() - tg;
      if (next.done) return;
      const chunk = next.value;
      for (const c of chunk.claims) if ((c.dispute || c.stance === 'denies') && rngPool.chance(0.2)) disputedPool.push(c.subject);
      claims += chunk.claims.length;
      if ((claims / CHUNK) % 20 === 0) log(`imported ${claims.toLocaleString('en-US')} claims`);
      yield chunk;
    }
  }
  let t = performance.now();
  await repo.importMany(stream(), { actor: 'bench', claims: size.claims });
  const importMs = performance.now() - t - genInImport;
  generateMs += genInImport;
  log(`import done: ${claims} claims in ${(importMs / 1000).toFixed(1)} s (${rate(claims / (importMs / 1000))}); generation ${(generateMs / 1000).toFixed(1)} s`);
  let diskBytes: number;
  if (fast) {
    fast.raw.pragma('wal_checkpoint(TRUNCATE)');
    diskBytes = [file, `${file}-wal`].filter(existsSync).reduce((n, f) => n + statSync(f).size, 0);
  } else {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query('vacuum analyze');
    diskBytes = Number((await client.query<{ n: string }>('select pg_database_size(current_database()) as n')).rows[0]!.n);
    await client.end();
  }

  const counts = await repo.counts();
  // Questions are answered by processes that open the store as a user's next command would (see answerer.ts).
  await repo.close();

  // ---- targets ----
  const entityById = new Map(kb.base.entities.map((e) => [e.id, e]));
  const people = kb.base.entities.filter((e) => e.type === 'person').map((e) => e.id);
  const orgs = kb.base.entities.filter((e) => e.type === 'organization').map((e) => e.id);
  const all = [...people, ...orgs];
  const nameOf = (id: string) => {
    const e = entityById.get(id)!;
    return e.names[Math.floor((id.charCodeAt(id.length - 1) * 7 + id.length) % e.names.length)]!.name;
  };
  const rng = new Rng(SEED ^ 0xbe7c4);
  const total = QUERIES + WARM;
  const mixDisputes = [...disputedPool, ...all.slice(0, 0)];
  const targets: Record<QueryName, Target[]> = {
    profile: targetsFor(rng, total, all),
    asOf: targetsFor(rng, total, orgs),
    timeline: targetsFor(rng, total, all),
    lineage: targetsFor(rng, total, orgs),
    disputes: [...targetsFor(rng, Math.ceil(total / 2), mixDisputes.length ? mixDisputes : all), ...targetsFor(rng, Math.floor(total / 2), all)],
    search: targetsFor(rng, total, all, nameOf),
    network: targetsFor(rng, total, all),
  };
  // Interleave the disputed and uniform halves.
  targets.disputes = targets.disputes.map((_, i) => targets.disputes[(i % 2) * Math.ceil(total / 2) + Math.floor(i / 2)] ?? targets.disputes[i]!);
  const split = (xs: Target[]) => ({ warm: xs.slice(0, WARM), run: xs.slice(WARM) });

  // ---- the answerers: isnad, its HTTP server, oxigraph; each in a process of its own ----
  const readModel = !flag('no-read-model');
  const stores: IsnadArgs = STORE === 'postgres' ? { store: 'postgres', url: pgUrl, readModel } : { store: 'sqlite', file, readModel };
  // With the read model, under the flags `isnad serve` starts itself with (src/cli/server-heap.ts).
  const serverFlags = stores.readModel ? SERVER_NODE_FLAGS : [];
  const isnad = await startAnswerer<IsnadReady>('./isnad-answerer.ts', stores, log, serverFlags);
  const answerers: Answerer<unknown>[] = [isnad];
  const { nameIndexBuildMs } = isnad.ready;
  log(`name index: ${isnad.ready.names.toLocaleString('en-US')} names in ${(nameIndexBuildMs / 1000).toFixed(1)} s`);
  const { readModelBuildMs } = isnad.ready;
  if (readModelBuildMs !== undefined) log(`read model: ${claims.toLocaleString('en-US')} claims in ${(readModelBuildMs / 1000).toFixed(1)} s`);
  let http: Answerer<IsnadReady> | undefined;
  if (!flag('no-http')) answerers.push((http = await startAnswerer<IsnadReady>('./isnad-answerer.ts', { ...stores, http: true }, log, serverFlags)));
  let ox: SizeResult['oxigraph'];
  let oxigraph: Answerer<OxigraphReady> | undefined;
  if (flag('no-oxigraph')) ox = { skipped: '--no-oxigraph' };
  else if (sizeName === 'large' && !flag('oxigraph-large')) ox = { skipped: 'not run at 10M claims (in-memory store; pass --oxigraph-large)' };
  else {
    const started = await startAnswerer<OxigraphReady>('./oxigraph-answerer.ts', { size: sizeName, seed: SEED, chunk: CHUNK, maxLoadSeconds: OX_MAX_LOAD_S } satisfies OxigraphArgs, log);
    answerers.push(started);
    const { loadMs, loaded, triples, rssBytes, partial } = started.ready;
    log(`oxigraph load: ${(loadMs / 1000).toFixed(1)} s (${rate(loaded / (loadMs / 1000))}), ${triples} triples`);
    if (!partial) oxigraph = started;
    ox = { loadMs, claimsPerSecond: loaded / (loadMs / 1000), rssBytes, queries: {}, ...(partial ? { partial } : {}) };
  }

  // ---- the questions, in rounds ----
  /** Who answers question `q`, each with its time box and warm-up (oxigraph's is short: its slow questions take seconds). */
  const runnersFor = (q: QueryName): Record<string, RoundRunner<Target>> => {
    // The next system's round starts once this one's process has gone idle (answerer.ts: untilIdle).
    const asks = (a: Answerer<unknown>) => async (ts: readonly Target[], budgetMs: number) => {
      const answered = await a.round(q, ts, budgetMs);
      await a.settle();
      return answered;
    };
    const runners: Record<string, RoundRunner<Target>> = { isnad: { round: asks(isnad), budgetMs: BUDGET_MS } };
    if (http) runners.http = { round: asks(http), budgetMs: BUDGET_MS };
    if (oxigraph && !OX_SKIP.has(q)) runners.oxigraph = { round: asks(oxigraph), budgetMs: OX_BUDGET_MS, warm: 3, minN: 3 };
    return runners;
  };
  // Every system first answers every question's warm-up targets once, so the first question
  // measured does not pay alone for code compiled and pages read for the first time (each
  // question then warms up again right before it is measured).
  for (const q of Object.keys(QUERY_LABELS) as QueryName[]) await warmUp(runnersFor(q), split(targets[q]).warm);
  const queries: Partial<Record<QueryName, Latency>> = {};
  const httpQueries: Partial<Record<QueryName, Latency>> = {};
  for (const q of Object.keys(QUERY_LABELS) as QueryName[]) {
    const { warm, run } = split(targets[q]);
    const runners = runnersFor(q);
    try {
      const res = await measureInRounds(run, warm, runners, MIN_N);
      queries[q] = res.isnad;
      if (res.http) httpQueries[q] = res.http;
      if (res.oxigraph && ox && 'queries' in ox) ox.queries[q] = res.oxigraph;
      log(`${q}: isnad p50 ${ms(res.isnad!.p50)} p99 ${ms(res.isnad!.p99)} (n=${res.isnad!.n})${res.http ? `; http p50 ${ms(res.http.p50)}` : ''}${res.oxigraph ? `; oxigraph p50 ${ms(res.oxigraph.p50)} p99 ${ms(res.oxigraph.p99)} (n=${res.oxigraph.n})` : ''}`);
    } catch (err) {
      log(`${q} failed: ${(err as Error).stack}`);
    }
  }
  const waited: string[] = [];
  for (const [name, a] of [['isnad', isnad], ['http', http], ['oxigraph', oxigraph]] as const) if (a) waited.push(`${name} ${((await a.settle()) / 1000).toFixed(1)} s`);
  log(`waited for each process to go idle after its rounds: ${waited.join(', ')}`);
  for (const a of answerers) await a.stop();
  await stopPostgres();
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });

  return {
    size: sizeName,
    store: STORE_LABEL,
    claims,
    entities: counts.entities,
    names: counts.names,
    sources: counts.sources,
    generateMs,
    loadavg: [load0, os.loadavg()[0]!],
    isnad: { importMs, claimsPerSecond: claims / (importMs / 1000), diskBytes, rssBytes: isnad.ready.rssBytes, heapUsedBytes: isnad.ready.heapUsedBytes, nameIndexBuildMs, ...(readModelBuildMs !== undefined ? { readModelBuildMs } : {}), nodeFlags: serverFlags, queries },
    ...(http ? { http: httpQueries } : {}),
    oxigraph: ox,
  };
}

/** The table for one size. */
export function render(r: SizeResult): string {
  const ox = r.oxigraph && 'loadMs' in r.oxigraph ? r.oxigraph : undefined;
  const head = `### ${r.size}: ${r.claims.toLocaleString('en-US')} claims, ${r.entities.toLocaleString('en-US')} entities, ${r.names.toLocaleString('en-US')} names, ${r.sources.toLocaleString('en-US')} sources`;
  const summary = table(
    ['measure', `isnad (${r.store ?? 'SQLite'})`, 'oxigraph (memory)', 'isnad ÷ oxigraph'],
    [
      ['bulk import', rate(r.isnad.claimsPerSecond), ox ? rate(ox.claimsPerSecond) : '–', ox ? `${(r.isnad.claimsPerSecond / ox.claimsPerSecond).toFixed(1)}× faster` : '–'],
      ['import time', `${(r.isnad.importMs / 1000).toFixed(1)} s`, ox ? `${(ox.loadMs / 1000).toFixed(1)} s` : '–', ''],
      ['store size on disk', mb(r.isnad.diskBytes), 'in memory', ''],
      ['memory (process RSS / JS heap)', `${mb(r.isnad.rssBytes)} / ${mb(r.isnad.heapUsedBytes)}`, ox ? `${mb(ox.rssBytes)} RSS (own process)` : '–', ''],
      ['name index build (lazy, once)', `${(r.isnad.nameIndexBuildMs / 1000).toFixed(1)} s`, '–', ''],
      ['claims read from', r.isnad.readModelBuildMs !== undefined ? `memory (read model built in ${(r.isnad.readModelBuildMs / 1000).toFixed(1)} s${r.isnad.nodeFlags?.length ? `; node ${r.isnad.nodeFlags.join(' ')}` : ''})` : 'the store', '–', ''],
    ],
  );
  const rows = (Object.keys(QUERY_LABELS) as QueryName[]).map((q) => {
    const a = r.isnad.queries[q];
    const o = ox?.queries[q];
    const h = r.http?.[q];
    return [
      QUERY_LABELS[q],
      a ? `${a.n}${a.capped ? '*' : ''}` : '–',
      ms(a?.p50),
      ms(a?.p99),
      o ? `${o.n}${o.capped ? '*' : ''}` : '–',
      ms(o?.p50),
      ms(o?.p99),
      ratio(a?.p50, o?.p50),
      ratio(a?.p99, o?.p99),
      h ? ms(h.p50) : '–',
      h && a ? (h.p50 >= a.p50 ? `+${ms(h.p50 - a.p50)}` : `−${ms(a.p50 - h.p50)}`) : '–',
    ];
  });
  const latency = table(['query', 'n', 'isnad p50', 'isnad p99', 'ox n', 'oxigraph p50', 'oxigraph p99', 'ratio p50', 'ratio p99', 'HTTP p50', 'HTTP added p50'], rows);
  const notes = [
    ox ? '' : `oxigraph: ${r.oxigraph && 'skipped' in r.oxigraph ? r.oxigraph.skipped : 'not run'}`,
    ox?.partial ? `oxigraph: ${ox.partial}` : '',
    ox && Object.values(ox.queries).some((l) => l?.capped) ? `* time-boxed: oxigraph at ${OX_BUDGET_MS / 1000} s, isnad at ${BUDGET_MS / 1000} s of measured time per question (at least ${MIN_N} runs; oxigraph 3)` : '',
    `load average during the run: ${r.loadavg.map((x) => x.toFixed(1)).join(' → ')} (${os.cpus().length} cores; other work on the machine inflates latencies)`,
    'ratio = isnad time ÷ oxigraph time (below 1: isnad faster; 0.2 = 5× faster)',
  ].filter(Boolean);
  return [head, '', summary, '', latency, '', ...notes.map((n) => `- ${n}`)].join('\n');
}

const results: SizeResult[] = [];
mkdirSync(RESULTS, { recursive: true });
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
if (sizes.length > 1 && !flag('child')) {
  // One process per size, so one size's memory (oxigraph's WebAssembly heap never shrinks) does not colour the next.
  console.log(`\n## Store benchmark (${machine.cpus} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; ${QUERIES} queries per question after ${WARM} warm-up)\n`);
  const rest = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--sizes') && all[i - 1] !== '--sizes');
  for (const s of sizes) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', fileURLToPath(import.meta.url), '--sizes', s, '--child', ...rest], { stdio: 'inherit' });
    if (r.status !== 0) console.log(`size ${s} failed (${r.status ?? r.signal})`);
    else results.push((JSON.parse(readFileSync(resultFile(s), 'utf8')) as { result: SizeResult }).result);
  }
} else {
  if (!flag('child')) console.log(`\n## Store benchmark (${machine.cpus} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; ${QUERIES} queries per question after ${WARM} warm-up)\n`);
  for (const s of sizes) {
    if (!(s in SIZES)) throw new Error(`unknown size ${s} (sizes: ${Object.keys(SIZES).join(', ')})`);
    const r = await runSize(s);
    results.push(r);
    writeFileSync(resultFile(s), `${JSON.stringify({ machine, date: new Date().toISOString(), seed: SEED, queries: QUERIES, warm: WARM, result: r }, null, 2)}\n`);
    console.log(`${render(r)}\n`);
    collect();
  }
}
if (!flag('child') && STORE === 'sqlite') {
  // Sizes run now replace those of an earlier run in store.json; others are kept (runs of one size at a time add up).
  const file = join(RESULTS, 'store.json');
  let earlier: SizeResult[] = [];
  try {
    earlier = (JSON.parse(readFileSync(file, 'utf8')) as { sizes?: SizeResult[] }).sizes ?? [];
  } catch {
    earlier = [];
  }
  const order = Object.keys(SIZES);
  const merged = [...earlier.filter((e) => !results.some((r) => r.size === e.size)), ...results].sort((a, b) => order.indexOf(a.size) - order.indexOf(b.size));
  writeFileSync(file, `${JSON.stringify({ machine, date: new Date().toISOString(), seed: SEED, queries: QUERIES, warm: WARM, sizes: merged }, null, 2)}\n`);
}
