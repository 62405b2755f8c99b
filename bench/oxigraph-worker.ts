/**
 * oxigraph for the store benchmark, in a process of its own: it generates the same knowledge
 * base (same size and seed), loads it as Turtle in 50,000-claim chunks and answers the
 * benchmark's questions in SPARQL, timing each answer itself.
 *
 * Why apart: in one process with isnad, oxigraph's WebAssembly memory (3.8 GB at 1M claims) and
 * its generated Turtle slowed isnad's own answers by 30–50% (profile 0.35 ms against 0.22 ms at
 * p50 without it), which no user of either system meets. A worker thread still shared V8's
 * garbage-collection threads with isnad. Each system is timed where it runs, so neither pays for
 * the other's collections or for the messages between the processes.
 */
import oxigraph from 'oxigraph';
import { generateKb, SIZES, type SizeName } from './generate/kb.js';
import { OXIGRAPH, toTurtle } from './rdf.js';

export interface OxigraphWorkerData {
  readonly size: SizeName;
  readonly seed: number;
  readonly chunk: number;
  readonly maxLoadSeconds: number;
}

export type OxigraphQuestion = keyof typeof OXIGRAPH;

export interface OxigraphTarget {
  readonly entity: string;
  readonly year: number;
  readonly month: number;
  readonly word?: string;
}

/** Messages from the worker: progress, the load's outcome, and each answer's time. */
export type OxigraphReply =
  | { readonly kind: 'progress'; readonly message: string }
  | { readonly kind: 'loaded'; readonly loadMs: number; readonly loaded: number; readonly triples: number; readonly rssBytes: number; readonly partial?: string }
  | { readonly kind: 'answered'; readonly ms: number }
  | { readonly kind: 'failed'; readonly message: string };

/** Messages to the worker: one question about one target. */
export interface OxigraphAsk {
  readonly question: OxigraphQuestion;
  readonly target: OxigraphTarget;
}

const DAY = 86_400_000;
const dayOf = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY);

if (!process.send) throw new Error('oxigraph-worker.ts runs as a child process of store.bench.ts (see oxigraph.ts)');
const { size, seed, chunk, maxLoadSeconds } = JSON.parse(process.argv[2] ?? '{}') as OxigraphWorkerData;
const send = (m: OxigraphReply) => process.send!(m);

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
  if ((loaded / chunk) % 4 === 0) send({ kind: 'progress', message: `oxigraph loaded ${loaded.toLocaleString('en-US')} claims (${Math.round(loaded / (loadMs / 1000)).toLocaleString('en-US')} claims/s)` });
  if (loadMs / 1000 > maxLoadSeconds && loaded < SIZES[size].claims) {
    partial = `load stopped after ${(loadMs / 1000).toFixed(0)} s at ${loaded.toLocaleString('en-US')} of ${SIZES[size].claims.toLocaleString('en-US')} claims (time box --oxigraph-max-load-s ${maxLoadSeconds}); rate is of the part loaded; questions not asked`;
    break;
  }
}
send({ kind: 'loaded', loadMs, loaded, triples: store.size, rssBytes: process.memoryUsage().rss, ...(partial ? { partial } : {}) });

const query = (text: string) => store.query(text);
const asked: Record<OxigraphQuestion, (x: OxigraphTarget) => unknown> = {
  profile: (x) => OXIGRAPH.profile(query, x.entity),
  asOf: (x) => OXIGRAPH.asOf(query, x.entity, dayOf(x.year, x.month, 15)),
  timeline: (x) => OXIGRAPH.timeline(query, x.entity, dayOf(x.year, 1, 1), dayOf(x.year + 9, 12, 31)),
  lineage: (x) => OXIGRAPH.lineage(query, x.entity),
  disputes: (x) => OXIGRAPH.disputes(query, x.entity),
  search: (x) => OXIGRAPH.search(query, x.word ?? ''),
  network: (x) => OXIGRAPH.network(query, x.entity, dayOf(x.year, x.month, 15)),
};
process.on('message', ({ question, target }: OxigraphAsk) => {
  try {
    const t = performance.now();
    asked[question](target);
    send({ kind: 'answered', ms: performance.now() - t });
  } catch (err) {
    send({ kind: 'failed', message: (err as Error).message });
  }
});
