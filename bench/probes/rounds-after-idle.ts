/**
 * Two answerer processes (the benchmark's) taking turns in rounds of 100 after IDLE seconds idle
 * (default 90; in the benchmark isnad's idle through oxigraph's load): p50 and p99 of the first's
 * profile, as-of and timeline answers, 1,000 each. FLAGS: comma-separated V8 flags for both.
 * `FLAGS=--max-semi-space-size=64,--min-semi-space-size=64 node --import tsx bench/probes/rounds-after-idle.ts`
 * over STORE (default bench/tmp/prof.sqlite, see make-store.ts).
 */
import Database from 'better-sqlite3';
import { startAnswerer } from '../answerer.js';
import type { IsnadReady } from '../isnad-answerer.js';
import { Rng } from '../generate/prng.js';
const file = process.env.STORE ?? 'bench/tmp/prof.sqlite';
const raw = new Database(file, { readonly: true });
const all = raw.prepare("select id from entity where type in ('person','organization')").pluck().all() as string[];
const orgs = raw.prepare("select id from entity where type = 'organization'").pluck().all() as string[];
raw.close();
const flags = (process.env.FLAGS ?? '').split(',').filter(Boolean);
const a = await startAnswerer<IsnadReady>('./isnad-answerer.ts', { store: 'sqlite', file, readModel: true }, () => {}, flags);
const b = await startAnswerer<IsnadReady>('./isnad-answerer.ts', { store: 'sqlite', file, readModel: true, http: true }, () => {}, flags);
const rng = new Rng(21);
const mk = (pool: string[], n: number) => Array.from({ length: n }, () => ({ entity: rng.pick(pool), year: rng.int(1985, 2019), month: rng.int(1, 12) }));
for (const q of ['profile', 'asOf', 'timeline'] as const) { const t = mk(q === 'asOf' ? orgs : all, 100); await a.round(q, t, 1e9); await b.round(q, t, 1e9); }
await new Promise((r) => setTimeout(r, Number(process.env.IDLE ?? 90) * 1000));
const out: string[] = [];
for (const q of ['profile', 'asOf', 'timeline'] as const) {
  const t = mk(q === 'asOf' ? orgs : all, 1100);
  await a.round(q, t.slice(0, 100), 1e9); await b.round(q, t.slice(0, 100), 1e9);
  const times: number[] = [];
  for (let i = 100; i < 1100; i += 100) { times.push(...(await a.round(q, t.slice(i, i + 100), 1e9)).times); await b.round(q, t.slice(i, i + 100), 1e9); }
  times.sort((x, y) => x - y);
  out.push(`${q} p50 ${(times[500]! * 1000).toFixed(0)} µs p99 ${times[990]!.toFixed(2)} ms`);
}
console.log(`[${flags.join(' ')}]`, out.join(' | '));
await a.stop?.(); await b.stop?.();
process.exit(0);
