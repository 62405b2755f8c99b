/**
 * isnad as the store benchmark's answerer (see `answerer.ts`): opens the store the benchmark
 * imported, as a user's next command or server would, builds the name index, and answers with
 * the knowledge base the CLI and the API use (a fresh one per question, as the API makes one
 * per request) — or, with `http`, serves the HTTP API and answers by fetching from it.
 */
import { serve } from '@hono/node-server';
import { KnowledgeBase } from '../src/app/knowledge-base.js';
import { historyNameIndex } from '../src/app/history-name-index.js';
import { createApp } from '../src/server/app.js';
import type { ModelBackedRepository } from '../src/store/memory/model-backed-repository.js';
import { openPostgresStore } from '../src/store/postgres/open-postgres.js';
import { POSTGRES_CAPABILITIES, SQLITE_CAPABILITIES } from '../src/store/capabilities.js';
import type { FastSqliteRepository } from '../src/store/sqlite/fast-repository.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite.js';
import { answererArgs, serveRounds, type Question, type Target } from './answerer.js';
import { collect } from './lib.js';

export type IsnadArgs = ({ readonly store: 'sqlite'; readonly file: string } | { readonly store: 'postgres'; readonly url: string }) & {
  /** Hold the claims in memory, as `isnad serve` does (waited for before answering). */
  readonly readModel?: boolean;
  /** Answer over the HTTP API (a server in this process, fetched from here) instead of in-process calls. */
  readonly http?: boolean;
};

export interface IsnadReady {
  /** Building the name index (on first search): the SQLite store's own, the PostgreSQL read model's, or (without a model) one kept from PostgreSQL's history. */
  readonly nameIndexBuildMs: number;
  readonly names: number;
  /** Building the read model (`isnad serve` does it in the background at start), when on. */
  readonly readModelBuildMs?: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

const args = answererArgs<IsnadArgs>();
// As `isnad serve` sets them.
const held = { readModel: args.readModel ?? false, ...(args.readModel ? { otherWritersLagMs: (args.store === 'sqlite' ? SQLITE_CAPABILITIES : POSTGRES_CAPABILITIES).servingLagMs } : {}) };
const repo = args.store === 'sqlite' ? await openSqliteStore({ file: args.file, ...held }) : await openPostgresStore({ url: args.url, ...held });
const holder = repo as FastSqliteRepository | ModelBackedRepository;
let t = performance.now();
const model = await holder.readModel();
const readModelBuildMs = model ? performance.now() - t : undefined;
// The index searches use: SQLite's own, the PostgreSQL read model's, or one kept from the history.
t = performance.now();
const index = (await holder.nameIndex()) ?? (await historyNameIndex(repo));
const nameIndexBuildMs = performance.now() - t;
collect();
const mem = process.memoryUsage();
const ym = (x: Target) => `${x.year}-${String(x.month).padStart(2, '0')}`;

let answer: Record<Question, (x: Target) => Promise<unknown>>;
if (args.http) {
  const app = createApp({ repo });
  const base = await new Promise<string>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(`http://127.0.0.1:${info.port}`));
    server.on('error', (err) => { throw err; });
  });
  const get = async (path: string) => {
    const res = await fetch(base + path);
    const body = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
    return body;
  };
  const e = encodeURIComponent;
  answer = {
    profile: (x) => get(`/api/entities/${e(x.entity)}`),
    asOf: (x) => get(`/api/asof?entity=${e(x.entity)}&date=${ym(x)}`),
    timeline: (x) => get(`/api/timeline?entity=${e(x.entity)}&from=${x.year}&to=${x.year + 9}`),
    lineage: (x) => get(`/api/lineage?entity=${e(x.entity)}`),
    disputes: (x) => get(`/api/disputes?entity=${e(x.entity)}`),
    search: (x) => get(`/api/search?q=${e(x.query!)}&limit=20`),
    network: (x) => get(`/api/network?focus=${e(x.entity)}&date=${ym(x)}&hops=2`),
  };
} else {
  const kb = () => new KnowledgeBase(repo);
  answer = {
    profile: (x) => kb().profile(x.entity),
    asOf: (x) => kb().asOf(x.entity, ym(x)),
    timeline: (x) => kb().timeline({ entityName: x.entity, from: String(x.year), to: String(x.year + 9) }),
    lineage: (x) => kb().lineage(x.entity),
    disputes: (x) => kb().disputes(x.entity),
    search: (x) => kb().search(x.query!, 20),
    network: (x) => kb().networkAround(x.entity, ym(x), { hops: 2 }),
  };
}
const ready: IsnadReady = { nameIndexBuildMs, names: index.size, ...(readModelBuildMs !== undefined ? { readModelBuildMs } : {}), rssBytes: mem.rss, heapUsedBytes: mem.heapUsed };
serveRounds(answer, ready);
