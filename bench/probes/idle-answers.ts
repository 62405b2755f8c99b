/**
 * What an idle spell does to the answers that follow it: 2,000 profile and as-of answers a round,
 * three rounds, IDLE seconds (default 90) idle, two more rounds; per round the major and minor page
 * faults, p50, p99, slowest, and the time of the first 50 answers. Run under the server's flags or
 * others: `node --max-semi-space-size=64 [--min-semi-space-size=64] --import tsx bench/probes/idle-answers.ts`
 * over STORE (default bench/tmp/prof.sqlite, see make-store.ts).
 */
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite.js';
import { FastSqliteRepository } from '../../src/store/sqlite/fast-repository.js';
import { KnowledgeBase } from '../../src/app/knowledge-base.js';
import { Rng } from '../generate/prng.js';
const repo = (await openSqliteStore({ file: process.env.STORE ?? 'bench/tmp/prof.sqlite', readonly: true, readModel: true })) as FastSqliteRepository;
await repo.readModel();
const all = repo.raw.prepare("select id from entity where type in ('person','organization')").pluck().all() as string[];
const orgs = repo.raw.prepare("select id from entity where type = 'organization'").pluck().all() as string[];
const rng = new Rng(3);
const idle = Number(process.env.IDLE ?? 90);
async function round(label: string) {
  const f0 = process.resourceUsage().majorPageFault; const m0 = process.resourceUsage().minorPageFault; const ts: number[] = [];
  for (let i = 0; i < 2000; i++) { const kb = new KnowledgeBase(repo); const t = performance.now(); if (i % 2) await kb.profile(rng.pick(all)); else await kb.asOf(rng.pick(orgs), `${rng.int(1985, 2019)}-06`); ts.push(performance.now() - t); }
  const first = ts.slice(0, 50).reduce((a, b) => a + b, 0);
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(14), 'majflt', process.resourceUsage().majorPageFault - f0, 'minflt', process.resourceUsage().minorPageFault - m0, 'p50', ts[1000]!.toFixed(3), 'p99', ts[1980]!.toFixed(3), 'max', ts.at(-1)!.toFixed(2), 'first50 ms', first.toFixed(1));
}
for (let i = 0; i < 3; i++) await round('warm ' + i);
await new Promise((r) => setTimeout(r, idle * 1000));
await round(`after ${idle}s idle`);
await round('again');
