/**
 * oxigraph as the store benchmark's answerer (see `answerer.ts`): generates the same knowledge
 * base (same size and seed), loads it as Turtle in 50,000-claim chunks into an in-memory store,
 * and answers the benchmark's questions in SPARQL (`rdf.ts`).
 */
import oxigraph from 'oxigraph';
import { answererArgs, progress, serveRounds, type Question, type Target } from './answerer.js';
import { generateKb, SIZES, type SizeName } from './generate/kb.js';
import { OXIGRAPH, toTurtle } from './rdf.js';

export interface OxigraphArgs {
  readonly size: SizeName;
  readonly seed: number;
  readonly chunk: number;
  readonly maxLoadSeconds: number;
}

export interface OxigraphReady {
  readonly loadMs: number;
  readonly loaded: number;
  readonly triples: number;
  /** The process's RSS once loaded. */
  readonly rssBytes: number;
  /** Set when the load was time-boxed; the questions are then not asked. */
  readonly partial?: string;
}

const DAY = 86_400_000;
const dayOf = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY);

const { size, seed, chunk, maxLoadSeconds } = answererArgs<OxigraphArgs>();
const store = new oxigraph.Store();
const isOrg = (id: string) => id.startsWith('o');
const kb = generateKb(size, seed);
let loadMs = 0;
let loaded = 0;
let partial: string | undefined;
const load = (ttl: string) => {
  const t = performance.now();
  store.load(ttl, { format: 'text/turtle', no_transaction: true });
  loadMs += performance.now() - t;
};
load(toTurtle(kb.base, isOrg));
for (const part of kb.claimChunks(chunk)) {
  load(toTurtle(part, isOrg));
  loaded += part.claims.length;
  if ((loaded / chunk) % 4 === 0) progress(`oxigraph loaded ${loaded.toLocaleString('en-US')} claims (${Math.round(loaded / (loadMs / 1000)).toLocaleString('en-US')} claims/s)`);
  if (loadMs / 1000 > maxLoadSeconds && loaded < SIZES[size].claims) {
    partial = `load stopped after ${(loadMs / 1000).toFixed(0)} s at ${loaded.toLocaleString('en-US')} of ${SIZES[size].claims.toLocaleString('en-US')} claims (time box --oxigraph-max-load-s ${maxLoadSeconds}); rate is of the part loaded; questions not asked`;
    break;
  }
}

const query = (text: string) => store.query(text);
const answer: Record<Question, (x: Target) => unknown> = {
  profile: (x) => OXIGRAPH.profile(query, x.entity),
  asOf: (x) => OXIGRAPH.asOf(query, x.entity, dayOf(x.year, x.month, 15)),
  timeline: (x) => OXIGRAPH.timeline(query, x.entity, dayOf(x.year, 1, 1), dayOf(x.year + 9, 12, 31)),
  lineage: (x) => OXIGRAPH.lineage(query, x.entity),
  disputes: (x) => OXIGRAPH.disputes(query, x.entity),
  search: (x) => OXIGRAPH.search(query, x.word ?? ''),
  network: (x) => OXIGRAPH.network(query, x.entity, dayOf(x.year, x.month, 15)),
};
const ready: OxigraphReady = { loadMs, loaded, triples: store.size, rssBytes: process.memoryUsage().rss, ...(partial ? { partial } : {}) };
serveRounds(answer, ready);
