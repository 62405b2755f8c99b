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
import { foldName } from '../src/names/fold.js';
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
  const cpu0 = process.cpuUsage();
  let same = 0;
  for (const [a, b] of pairs) if (matchNames(a, b).decision === 'same') same++;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const pps = Math.round(pairs.length / (ms / 1000));
  const ppsCpu = Math.round(pairs.length / (cpuMs / 1000));
  results.matchNames = { pairs: pairs.length, ms: Math.round(ms), cpuMs: Math.round(cpuMs), pairsPerSecond: pps, pairsPerCpuSecond: ppsCpu, decidedSame: same };
  rows.push(['matchNames pairs/s (parse + compare; wall / per CPU-second)', `${pps.toLocaleString('en-US')} / ${ppsCpu.toLocaleString('en-US')}`]);
}

// 2. Index build and lookups.
for (const n of sizes) {
  collect();
  const heapStart = process.memoryUsage().heapUsed;
  const names = generateNames(n, 42);
  collect();
  const heap0 = process.memoryUsage().heapUsed;
  const namesMb = (heap0 - heapStart) / 1048576;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const ix = new NameIndex();
  for (let i = 0; i < names.length; i++) ix.add(`e${i >> 1}`, names[i] as string);
  const buildMs = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  const buildCpuMs = (c1.user + c1.system) / 1000;
  collect();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1048576;
  // Queries: half re-spellings of stored names, half fresh names.
  const r = rng(99);
  const fresh = generateNames(500, 7);
  const queries: string[] = [];
  const expected: string[] = [];
  const originals: string[] = [];
  for (let i = 0; i < 500; i++) {
    const k = Math.floor(r() * names.length);
    queries.push(respell(names[k] as string, r), fresh[i] as string);
    expected.push(`e${k >> 1}`, '');
    originals.push(names[k] as string, '');
  }
  for (const q of queries.slice(0, 50)) ix.lookup(q); // warm-up
  const lat: number[] = [];
  let found = 0;
  const lc0 = process.cpuUsage();
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i] as string;
    const s = performance.now();
    const res = ix.lookup(q, { limit: 10 });
    lat.push(performance.now() - s);
    // Found: the entity itself, or a stored name identical to it after folding (generated names
    // repeat, and identical names of different entities cannot be told apart).
    if (i % 2 === 0) {
      const key = foldName(originals[i] as string);
      if (res.some((x) => x.entityId === expected[i] || foldName(x.name) === key)) found++;
    }
  }
  const lc1 = process.cpuUsage(lc0);
  const cpuPerLookupMs = (lc1.user + lc1.system) / 1000 / queries.length;
  const p50 = percentile(lat, 50);
  const p99 = percentile(lat, 99);
  const label = n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
  results[`index_${label}`] = {
    names: n,
    entities: ix.entityCount,
    buildMs: Math.round(buildMs),
    buildCpuMs: Math.round(buildCpuMs),
    nameStringsHeapMb: Math.round(namesMb),
    indexHeapMb: Math.round(heapMb),
    lookups: queries.length,
    p50Ms: +p50.toFixed(3),
    p99Ms: +p99.toFixed(3),
    meanCpuPerLookupMs: +cpuPerLookupMs.toFixed(3),
    respelledQueriesFoundInTop10: `${found}/${queries.length / 2}`,
  };
  rows.push([`NameIndex ${label}: build time (wall / CPU)`, `${(buildMs / 1000).toFixed(1)} s / ${(buildCpuMs / 1000).toFixed(1)} s`]);
  rows.push([`NameIndex ${label}: heap, index (name strings apart)`, `${Math.round(heapMb)} MB (+${Math.round(namesMb)} MB)`]);
  rows.push([`NameIndex ${label}: lookup p50 / p99 (wall)`, `${p50.toFixed(2)} ms / ${p99.toFixed(2)} ms`]);
  rows.push([`NameIndex ${label}: lookup mean CPU time`, `${cpuPerLookupMs.toFixed(2)} ms`]);
  rows.push([`NameIndex ${label}: re-spelled stored name found in top 10`, `${found}/${queries.length / 2}`]);
}

const w = Math.max(...rows.map(([k]) => k.length));
const load = (await import('node:os')).loadavg()[0] ?? 0;
console.log(`isnad names benchmark (node ${process.version}${quick ? ', --quick' : ''}; load average ${load.toFixed(1)} — wall times include waiting for a CPU)`);
console.log(`${'metric'.padEnd(w)} | value`);
console.log(`${'-'.repeat(w)}-|-${'-'.repeat(20)}`);
for (const [k, v] of rows) console.log(`${k.padEnd(w)} | ${v}`);

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'names.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwritten ${out}`);
