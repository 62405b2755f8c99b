/**
 * Names benchmark: pairs compared per second by `matchNames`; `NameIndex` build time, heap growth
 * and lookup latency (p50/p99) of one name against 100k and 1M generated names.
 *
 * Run: node --import tsx bench/names.bench.ts [--quick]
 * Prints a table and writes bench/results/names.json. Nothing here is asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { matchNames } from '../src/names/match.js';
import { NameIndex } from '../src/names/name-index.js';
import { generateNames, respell, rng } from './gen-names.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;
const collect = (): void => {
  if (gc) {
    gc();
    gc();
  }
};

const quick = process.argv.includes('--quick');
const sizes = quick ? [10_000, 100_000] : [100_000, 1_000_000];

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}

const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString(), quick };
const rows: [string, string][] = [];

// 1. Pairs per second.
{
  const names = generateNames(4000, 1);
  const r = rng(2);
  const pairs: [string, string][] = [];
  for (let i = 0; i < 20_000; i++) {
    const a = names[Math.floor(r() * names.length)] as string;
    const b = r() < 0.3 ? respell(a, r) : (names[Math.floor(r() * names.length)] as string);
    pairs.push([a, b]);
  }
  for (const [a, b] of pairs.slice(0, 2000)) matchNames(a, b); // warm-up
  const t0 = performance.now();
  let same = 0;
  for (const [a, b] of pairs) if (matchNames(a, b).decision === 'same') same++;
  const ms = performance.now() - t0;
  const pps = Math.round(pairs.length / (ms / 1000));
  results.matchNames = { pairs: pairs.length, ms: Math.round(ms), pairsPerSecond: pps, decidedSame: same };
  rows.push(['matchNames pairs/s (parse + compare, 20k pairs)', pps.toLocaleString('en-US')]);
}

// 2. Index build and lookups.
for (const n of sizes) {
  const names = generateNames(n, 42);
  collect();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const ix = new NameIndex();
  for (let i = 0; i < names.length; i++) ix.add(`e${i >> 1}`, names[i] as string);
  const buildMs = performance.now() - t0;
  collect();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1048576;
  // Queries: half re-spellings of stored names, half fresh names.
  const r = rng(99);
  const fresh = generateNames(500, 7);
  const queries: string[] = [];
  for (let i = 0; i < 500; i++) queries.push(respell(names[Math.floor(r() * names.length)] as string, r), fresh[i] as string);
  for (const q of queries.slice(0, 50)) ix.lookup(q); // warm-up
  const lat: number[] = [];
  let found = 0;
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i] as string;
    const s = performance.now();
    const res = ix.lookup(q, { limit: 10 });
    lat.push(performance.now() - s);
    if (i % 2 === 0 && res.length > 0) found++;
  }
  const p50 = percentile(lat, 50);
  const p99 = percentile(lat, 99);
  const label = n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
  results[`index_${label}`] = {
    names: n,
    entities: ix.entityCount,
    buildMs: Math.round(buildMs),
    heapDeltaMb: Math.round(heapMb),
    lookups: queries.length,
    p50Ms: +p50.toFixed(3),
    p99Ms: +p99.toFixed(3),
    respelledQueriesWithAResult: `${found}/${queries.length / 2}`,
  };
  rows.push([`NameIndex ${label}: build time`, `${(buildMs / 1000).toFixed(1)} s`]);
  rows.push([`NameIndex ${label}: heap delta`, `${Math.round(heapMb)} MB`]);
  rows.push([`NameIndex ${label}: lookup p50 / p99`, `${p50.toFixed(2)} ms / ${p99.toFixed(2)} ms`]);
  rows.push([`NameIndex ${label}: re-spelled stored names found`, `${found}/${queries.length / 2}`]);
}

const w = Math.max(...rows.map(([k]) => k.length));
console.log(`isnad names benchmark (node ${process.version}${quick ? ', --quick' : ''})`);
console.log(`${'metric'.padEnd(w)} | value`);
console.log(`${'-'.repeat(w)}-|-${'-'.repeat(20)}`);
for (const [k, v] of rows) console.log(`${k.padEnd(w)} | ${v}`);

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'names.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwritten ${out}`);
