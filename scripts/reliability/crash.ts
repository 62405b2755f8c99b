/**
 * Crash test: kill -9 a process in the middle of large imports and API edits, restart, check.
 *
 * For each store (SQLite file; PostgreSQL through a throwaway cluster) and each trial: a fresh
 * copy of the curated store; `crash-worker.ts` imports generated documents (one source and its
 * claims, evidence, entities and names per file, one transaction each; a few thousand claims in
 * all) while editing curated claims through the API with the version it read; it prints an ACK
 * line after each commit, which this script appends to an ack log. At a seeded random moment
 * the worker gets SIGKILL. Then the store is reopened (`openStore`, as a restarting server does)
 * and checked:
 *
 * - SQLite `PRAGMA integrity_check` = ok and `PRAGMA foreign_key_check` empty; on PostgreSQL,
 *   amcheck's `bt_index_check` on every index (when the extension is available) and the same
 *   orphan queries (evidence, attribution, names, claims without their parent rows);
 * - every generated document is fully present (source, entities, names, claims, evidence) or
 *   absent;
 * - every acknowledged document is present; every acknowledged edit is there (the claim's
 *   version is at least the acknowledged one, equal content when equal, and its history entry
 *   exists).
 *
 *   node --import tsx scripts/reliability/crash.ts [--trials 50] [--store sqlite|postgres|both] [--seed 1]
 *
 * Exits 1 on any violation. Results: bench/results/crash.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { readDataset } from '../../src/interop/native/read-dataset.js';
import { openStore } from '../../src/store/open-store.js';
import { CURATED, ROOT, childEnv, exited, flag, killPid, machine, removeDir, seeded, storesFrom, table, tempDir, throwawayPostgres, writeResults, type StoreKind } from './common.js';

const WORKER = fileURLToPath(new URL('./crash-worker.ts', import.meta.url));

/** What to clean up when interrupted: the running worker and the temp folder. */
const live = { worker: undefined as ChildProcess | undefined, dir: undefined as string | undefined };
function onSignal(signal: NodeJS.Signals): void {
  if (live.worker) killPid(live.worker, 'SIGKILL');
  if (live.dir) removeDir(live.dir);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

export interface CrashOptions {
  readonly stores: readonly StoreKind[];
  readonly trials: number;
  readonly seed: number;
  /** Generated documents and claims per document. */
  readonly docs: number;
  readonly claimsPerDoc: number;
  readonly log?: (line: string) => void;
}

export interface TrialResult {
  readonly store: StoreKind;
  readonly trial: number;
  readonly killAfterMs: number;
  readonly killed: boolean;
  readonly docsAcked: number;
  readonly docsPresent: number;
  readonly editsAcked: number;
  readonly violations: readonly string[];
}

export interface StoreSummary {
  readonly store: StoreKind;
  readonly trials: number;
  readonly killedMidRun: number;
  readonly killMsMin: number;
  readonly killMsMedian: number;
  readonly killMsMax: number;
  readonly fullRunMs: number;
  readonly docsAcked: number;
  readonly docsPartial: number;
  readonly editsAcked: number;
  readonly editsLost: number;
  readonly integrityFailures: number;
  readonly violations: number;
  readonly skipped?: string;
}

interface DocSpec {
  readonly source: string;
  readonly prefix: string;
  readonly claims: number;
  readonly entities: number;
  readonly names: number;
}

/** Writes `docs` YAML documents; each is one source with its own organization, people and claims. */
export function generateDocs(dir: string, docs: number, claimsPerDoc: number): DocSpec[] {
  mkdirSync(dir, { recursive: true });
  const specs: DocSpec[] = [];
  for (let i = 0; i < docs; i++) {
    const prefix = `crash-${String(i).padStart(3, '0')}`;
    const source = `${prefix}-src`;
    const people = Math.max(1, Math.ceil(claimsPerDoc / 5));
    const lines = [
      'format: isnad/1',
      'defaults:',
      `  source: ${source}`,
      '  status: accepted',
      '  recordedBy: crash-test',
      '  recordedAt: "2026-01-01T00:00:00Z"',
      'sources:',
      `  - { id: ${source}, kind: article, title: "Generated report ${i}", date: "2020-01-01" }`,
      'entities:',
      `  - { id: ${prefix}-org, type: organization, canonical: "Generated Group ${i}", names: [{ name: "Generated Group ${i}", kind: alias }] }`,
    ];
    for (let p = 0; p < people; p++) {
      lines.push(`  - { id: ${prefix}-p${p}, type: person, canonical: "Person ${i} ${p}", names: [{ name: "Person ${i} ${p}", kind: real_name }, { name: "Abu ${i} ${p}", kind: kunya }] }`);
    }
    lines.push('claims:');
    for (let c = 0; c < claimsPerDoc; c++) {
      const year = 1990 + (c % 30);
      lines.push(`  - { id: ${prefix}-c${c}, subject: ${prefix}-p${c % people}, predicate: member_of, object: ${prefix}-org, time: "${year}/${year + 2}", evidence: "person ${c % people} was a member from ${year} (claim ${c})" }`);
    }
    writeFileSync(join(dir, `${prefix}.yaml`), lines.join('\n') + '\n');
    specs.push({ source, prefix, claims: claimsPerDoc, entities: people + 1, names: people * 2 + 1 });
  }
  return specs;
}

interface Acks {
  docs: Set<string>;
  /** Latest acknowledged edit per claim. */
  edits: Map<string, { version: number; status: string; note: string | null }>;
  count: number;
}

function parseAcks(text: string): Acks {
  const acks: Acks = { docs: new Set(), edits: new Map(), count: 0 };
  for (const line of text.split('\n')) {
    const p = line.split(' ');
    if (p[0] !== 'ACK') continue;
    if (p[1] === 'doc') acks.docs.add(p[2]!);
    else if (p[1] === 'edit') {
      acks.count++;
      const version = Number(p[3]);
      const prev = acks.edits.get(p[2]!);
      if (!prev || prev.version < version) acks.edits.set(p[2]!, { version, status: p[4]!, note: JSON.parse(p.slice(5).join(' ')) as string | null });
    }
  }
  return acks;
}

/** Runs the worker; SIGKILLs it `killAfterMs` after it says READY (never when undefined). */
async function runWorker(db: string, docsDir: string, editIds: readonly string[], seed: number, killAfterMs: number | undefined, ackFile: string): Promise<{ killed: boolean; ms: number; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, db, docsDir, editIds.join(','), String(seed)], { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  live.worker = child;
  let stderr = '';
  let buffered = '';
  let readyAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let killed = false;
  const guard = setTimeout(() => killPid(child, 'SIGKILL'), 300_000);
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-5000)));
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buffered += d;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      appendFileSync(ackFile, line + '\n');
      if (line === 'READY') {
        readyAt = Date.now();
        if (killAfterMs !== undefined) {
          timer = setTimeout(() => {
            if (child.exitCode === null && child.signalCode === null) {
              killed = true;
              killPid(child, 'SIGKILL');
            }
          }, killAfterMs);
        }
      }
    }
  });
  await exited(child);
  await new Promise((r) => setImmediate(r));
  if (buffered) appendFileSync(ackFile, buffered + '\n');
  clearTimeout(guard);
  if (timer) clearTimeout(timer);
  return { killed, ms: readyAt ? Date.now() - readyAt : 0, stderr, code: child.exitCode };
}

interface Observed {
  integrity: string[];
  docs: Map<string, { source: number; entities: number; names: number; claims: number; evidence: number }>;
  claims: Map<string, { version: number; status: string; note: string | null }>;
  historyVersions: Map<string, Set<number>>;
}

const ORPHAN_QUERIES: readonly [string, string][] = [
  ['evidence without claim', 'select count(*) as n from evidence e left join claim c on c.id = e.claim_id where c.id is null'],
  ['evidence without source', 'select count(*) as n from evidence e left join source s on s.id = e.source_id where s.id is null'],
  ['attribution without claim', 'select count(*) as n from attribution a left join claim c on c.id = a.claim_id where c.id is null'],
  ['name without entity', 'select count(*) as n from entity_name n left join entity e on e.id = n.entity_id where e.id is null'],
  ['claim without subject', 'select count(*) as n from claim c left join entity e on e.id = c.subject_id where e.id is null'],
  ['claim with missing object', 'select count(*) as n from claim c left join entity e on e.id = c.object_id where c.object_id is not null and e.id is null'],
  ['claim without evidence (generated)', "select count(*) as n from claim c where c.id like 'crash-%' and not exists (select 1 from evidence e where e.claim_id = c.id)"],
];

function docQuery(): string {
  return `select s.id as source,
    (select count(*) from source x where x.id = s.id) as source_n,
    (select count(*) from entity e where e.id like s.prefix || '-%') as entities,
    (select count(*) from entity_name n where n.entity_id like s.prefix || '-%') as names,
    (select count(*) from claim c where c.id like s.prefix || '-c%') as claims,
    (select count(*) from evidence v where v.source_id = s.id) as evidence
    from docs s`;
}

async function observeSqlite(file: string, specs: readonly DocSpec[], editIds: readonly string[]): Promise<Observed> {
  // Restart: open the store the way a restarting server does (migrations, WAL recovery).
  const repo = await openStore(file);
  await repo.counts();
  await repo.close();
  const db = new Database(file);
  try {
    const integrity: string[] = [];
    const ic = db.pragma('integrity_check') as { integrity_check: string }[];
    if (ic.length !== 1 || ic[0]!.integrity_check !== 'ok') integrity.push(`integrity_check: ${ic.map((r) => r.integrity_check).join('; ').slice(0, 300)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) integrity.push(`foreign_key_check: ${fk.length} rows, e.g. ${JSON.stringify(fk[0])}`);
    for (const [what, q] of ORPHAN_QUERIES) {
      const n = Number((db.prepare(q).get() as { n: number }).n);
      if (n) integrity.push(`${what}: ${n}`);
    }
    db.exec('create temp table docs (id text, prefix text)');
    const ins = db.prepare('insert into docs values (?, ?)');
    for (const s of specs) ins.run(s.source, s.prefix);
    const docs = new Map<string, Observed['docs'] extends Map<string, infer V> ? V : never>();
    for (const r of db.prepare(docQuery()).all() as Record<string, number | string>[]) {
      docs.set(String(r.source), { source: Number(r.source_n), entities: Number(r.entities), names: Number(r.names), claims: Number(r.claims), evidence: Number(r.evidence) });
    }
    const claims = new Map<string, { version: number; status: string; note: string | null }>();
    const historyVersions = new Map<string, Set<number>>();
    const getClaim = db.prepare('select version, status, note from claim where id = ?');
    const getHist = db.prepare("select after from change_log where target_kind = 'claim' and target_id = ?");
    for (const id of editIds) {
      const c = getClaim.get(id) as { version: number; status: string; note: string | null } | undefined;
      if (c) claims.set(id, c);
      historyVersions.set(id, versionsOf((getHist.all(id) as { after: string | null }[]).map((h) => h.after)));
    }
    return { integrity, docs, claims, historyVersions };
  } finally {
    db.close();
  }
}

function versionsOf(afters: readonly (string | null)[]): Set<number> {
  const out = new Set<number>();
  for (const a of afters) {
    if (!a) continue;
    try {
      const v = (JSON.parse(a) as { version?: unknown }).version;
      if (typeof v === 'number') out.add(v);
    } catch {
      /* not JSON */
    }
  }
  return out;
}

async function observePostgres(url: string, specs: readonly DocSpec[], editIds: readonly string[], amcheck: boolean): Promise<Observed> {
  const repo = await openStore(url);
  await repo.counts();
  await repo.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const integrity: string[] = [];
    if (amcheck) {
      const idx = await client.query<{ name: string }>("select c.oid::regclass::text as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam join pg_namespace ns on ns.oid = c.relnamespace where a.amname = 'btree' and ns.nspname = 'public'");
      for (const { name } of idx.rows) {
        try {
          await client.query('select bt_index_check($1::regclass, true)', [name]);
        } catch (err) {
          integrity.push(`bt_index_check(${name}): ${(err as Error).message}`);
        }
      }
    }
    const invalid = await client.query("select conname from pg_constraint where not convalidated and connamespace = 'public'::regnamespace");
    if (invalid.rowCount) integrity.push(`constraints not validated: ${invalid.rows.map((r) => r.conname).join(', ')}`);
    for (const [what, q] of ORPHAN_QUERIES) {
      const n = Number((await client.query<{ n: string }>(q)).rows[0]!.n);
      if (n) integrity.push(`${what}: ${n}`);
    }
    await client.query('create temp table docs (id text, prefix text)');
    for (const s of specs) await client.query('insert into docs values ($1, $2)', [s.source, s.prefix]);
    const docs = new Map<string, { source: number; entities: number; names: number; claims: number; evidence: number }>();
    for (const r of (await client.query(docQuery())).rows as Record<string, string>[]) {
      docs.set(String(r.source), { source: Number(r.source_n), entities: Number(r.entities), names: Number(r.names), claims: Number(r.claims), evidence: Number(r.evidence) });
    }
    const claims = new Map<string, { version: number; status: string; note: string | null }>();
    const historyVersions = new Map<string, Set<number>>();
    for (const id of editIds) {
      const c = (await client.query<{ version: number; status: string; note: string | null }>('select version, status, note from claim where id = $1', [id])).rows[0];
      if (c) claims.set(id, { ...c, version: Number(c.version) });
      const h = await client.query<{ after: string | null }>("select after from change_log where target_kind = 'claim' and target_id = $1", [id]);
      historyVersions.set(id, versionsOf(h.rows.map((r) => r.after)));
    }
    return { integrity, docs, claims, historyVersions };
  } finally {
    await client.end();
  }
}

function verify(obs: Observed, acks: Acks, specs: readonly DocSpec[]): { violations: string[]; docsPresent: number; partial: number; lost: number } {
  const violations = [...obs.integrity];
  let docsPresent = 0;
  let partial = 0;
  for (const s of specs) {
    const o = obs.docs.get(s.source);
    if (!o) {
      violations.push(`${s.source}: not observed`);
      continue;
    }
    const absent = o.source === 0 && o.entities === 0 && o.names === 0 && o.claims === 0 && o.evidence === 0;
    const full = o.source === 1 && o.entities === s.entities && o.names === s.names && o.claims === s.claims && o.evidence === s.claims;
    if (full) docsPresent++;
    if (!absent && !full) {
      partial++;
      violations.push(`${s.source}: partly present ${JSON.stringify(o)}`);
    }
    if (acks.docs.has(s.source) && !full) violations.push(`${s.source}: acknowledged import missing`);
  }
  let lost = 0;
  for (const [id, ack] of acks.edits) {
    const c = obs.claims.get(id);
    const note = ack.note;
    if (!c) {
      lost++;
      violations.push(`claim ${id}: gone after an acknowledged edit`);
    } else if (c.version < ack.version) {
      lost++;
      violations.push(`claim ${id}: version ${c.version} < acknowledged ${ack.version}`);
    } else if (c.version === ack.version && (c.status !== ack.status || c.note !== note)) {
      lost++;
      violations.push(`claim ${id} v${c.version}: ${c.status}/${c.note} ≠ acknowledged ${ack.status}/${note}`);
    } else if (!obs.historyVersions.get(id)?.has(ack.version)) {
      lost++;
      violations.push(`claim ${id}: no history entry for acknowledged version ${ack.version}`);
    }
  }
  return { violations, docsPresent, partial, lost };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

async function importCurated(location: string): Promise<string[]> {
  const repo = await openStore(location);
  try {
    await repo.importDataset(readDataset(readFileSync(CURATED, 'utf8'), { file: CURATED }), { actor: 'crash-test' });
    return (await repo.listClaims({ limit: 30 })).map((c) => c.id);
  } finally {
    await repo.close();
  }
}

async function hasAmcheck(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create extension if not exists amcheck');
    return true;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/** Runs the trials on every store asked for; returns a summary per store and every trial. */
export async function runCrash(opts: CrashOptions): Promise<{ summaries: StoreSummary[]; trials: TrialResult[]; notes: string[] }> {
  const log = opts.log ?? (() => {});
  const dir = tempDir('isnad-crash-');
  live.dir = dir;
  const summaries: StoreSummary[] = [];
  const trials: TrialResult[] = [];
  const notes: string[] = [];
  try {
    const docsDir = join(dir, 'docs');
    const specs = generateDocs(docsDir, opts.docs, opts.claimsPerDoc);
    for (const store of opts.stores) {
      let pgServer: Awaited<ReturnType<typeof throwawayPostgres>> | undefined;
      try {
        let template: string;
        let amcheck = false;
        if (store === 'sqlite') {
          template = join(dir, 'template.sqlite');
        } else {
          pgServer = await throwawayPostgres();
          if (!('server' in pgServer)) {
            summaries.push({ store, trials: 0, killedMidRun: 0, killMsMin: 0, killMsMedian: 0, killMsMax: 0, fullRunMs: 0, docsAcked: 0, docsPartial: 0, editsAcked: 0, editsLost: 0, integrityFailures: 0, violations: 0, skipped: pgServer.reason });
            continue;
          }
          template = await pgServer.server.createDatabase();
          amcheck = await hasAmcheck(template);
          notes.push(`postgres: amcheck ${amcheck ? 'available: bt_index_check on every index' : 'not available: orphan queries only'}`);
        }
        const editIds = await importCurated(template);
        if (store === 'sqlite') {
          // One file, no -wal/-shm left behind: a clean template to copy.
          const db = new Database(template);
          db.pragma('wal_checkpoint(TRUNCATE)');
          db.close();
        }
        const fresh = async (n: number): Promise<string> => {
          if (store === 'sqlite') {
            const f = join(dir, `trial-${n}.sqlite`);
            copyFileSync(template, f);
            return f;
          }
          return (pgServer as { server: { createDatabase(o: { template: string }): Promise<string> } }).server.createDatabase({ template });
        };
        const drop = async (loc: string) => {
          if (store === 'sqlite') for (const ext of ['', '-wal', '-shm']) removeDir(loc + ext);
        };
        // Calibration: one uninterrupted run gives the span the kill times are drawn from.
        const calLoc = await fresh(0);
        const calAck = join(dir, `ack-${store}-0.log`);
        const cal = await runWorker(calLoc, docsDir, editIds, opts.seed, undefined, calAck);
        if (cal.code !== 0) throw new Error(`calibration run failed (${cal.code}): ${cal.stderr.slice(-1000)}`);
        const calAcks = parseAcks(readFileSync(calAck, 'utf8'));
        const calObs = store === 'sqlite' ? await observeSqlite(calLoc, specs, editIds) : await observePostgres(calLoc, specs, editIds, amcheck);
        const calCheck = verify(calObs, calAcks, specs);
        if (calCheck.violations.length || calCheck.docsPresent !== specs.length) throw new Error(`calibration run is not consistent: ${calCheck.violations.slice(0, 5).join('; ')} (${calCheck.docsPresent}/${specs.length} documents)`);
        await drop(calLoc);
        const span = cal.ms;
        log(`crash: ${store}: uninterrupted run ${span} ms (${specs.length} documents, ${calAcks.count} edits); ${opts.trials} trials …`);
        const rand = seeded(opts.seed * 7919 + (store === 'postgres' ? 1 : 0));
        const mine: TrialResult[] = [];
        for (let t = 1; t <= opts.trials; t++) {
          const killAfterMs = Math.round(rand() * span * 1.05);
          const loc = await fresh(t);
          const ackFile = join(dir, `ack-${store}-${t}.log`);
          writeFileSync(ackFile, '');
          const run = await runWorker(loc, docsDir, editIds, opts.seed + t, killAfterMs, ackFile);
          const acks = parseAcks(readFileSync(ackFile, 'utf8'));
          const violations: string[] = [];
          if (!run.killed && run.code !== 0) violations.push(`worker failed (${run.code}): ${run.stderr.slice(-300)}`);
          const obs = store === 'sqlite' ? await observeSqlite(loc, specs, editIds) : await observePostgres(loc, specs, editIds, amcheck);
          const v = verify(obs, acks, specs);
          violations.push(...v.violations);
          const r: TrialResult = { store, trial: t, killAfterMs, killed: run.killed, docsAcked: acks.docs.size, docsPresent: v.docsPresent, editsAcked: acks.count, violations };
          mine.push(r);
          log(`  ${store} #${t}: kill at ${killAfterMs} ms${run.killed ? '' : ' (finished first)'}, ${acks.docs.size} docs acked / ${v.docsPresent} present, ${acks.count} edits acked: ${violations.length ? `VIOLATIONS ${violations.slice(0, 3).join('; ')}` : 'ok'}`);
          await drop(loc);
        }
        trials.push(...mine);
        const kills = mine.map((m) => m.killAfterMs);
        summaries.push({
          store,
          trials: mine.length,
          killedMidRun: mine.filter((m) => m.killed).length,
          killMsMin: Math.min(...kills),
          killMsMedian: median(kills),
          killMsMax: Math.max(...kills),
          fullRunMs: span,
          docsAcked: mine.reduce((n, m) => n + m.docsAcked, 0),
          docsPartial: mine.reduce((n, m) => n + m.violations.filter((x) => x.includes('partly present')).length, 0),
          editsAcked: mine.reduce((n, m) => n + m.editsAcked, 0),
          editsLost: mine.reduce((n, m) => n + m.violations.filter((x) => x.startsWith('claim ')).length, 0),
          integrityFailures: mine.reduce((n, m) => n + m.violations.filter((x) => /integrity|foreign_key|bt_index|without|missing object|not validated/.test(x)).length, 0),
          violations: mine.reduce((n, m) => n + m.violations.length, 0),
        });
      } finally {
        if (pgServer && 'server' in pgServer) await pgServer.server.stop();
      }
    }
  } finally {
    removeDir(dir);
  }
  return { summaries, trials, notes };
}

export function summaryTable(summaries: readonly StoreSummary[]): string {
  return table(
    ['store', 'trials', 'killed mid-run', 'kill ms min/med/max', 'full run ms', 'docs acked', 'partial docs', 'edits acked', 'edits lost', 'integrity failures', 'violations'],
    summaries.filter((s) => !s.skipped).map((s) => [s.store, s.trials, s.killedMidRun, `${s.killMsMin}/${s.killMsMedian}/${s.killMsMax}`, s.fullRunMs, s.docsAcked, s.docsPartial, s.editsAcked, s.editsLost, s.integrityFailures, s.violations]),
  );
}

async function main(): Promise<number> {
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const trials = Number(flag('trials', '50'));
  const seed = Number(flag('seed', '1'));
  const docs = Number(flag('docs', '12'));
  const claimsPerDoc = Number(flag('claims-per-doc', '250'));
  const storeFlag = flag('store', 'both');
  const { summaries, trials: all, notes } = await runCrash({ stores: storesFrom(storeFlag), trials, seed, docs, claimsPerDoc, log: (l) => process.stderr.write(l + '\n') });
  console.log(`isnad crash test: SIGKILL during imports (${docs} documents × ${claimsPerDoc} claims) and API edits; seed ${seed}`);
  console.log(summaryTable(summaries));
  for (const s of summaries) if (s.skipped) console.log(`${s.store}: skipped (${s.skipped})`);
  for (const n of notes) console.log(n);
  const file = writeResults('crash.json', { command: `node --import tsx scripts/reliability/crash.ts --trials ${trials} --store ${storeFlag} --seed ${seed}`, machine: machine(), docs, claimsPerDoc, seed, notes, summaries, trials: all });
  console.log(`results: ${file}`);
  const bad = all.filter((t) => t.violations.length);
  for (const t of bad.slice(0, 20)) console.error(`VIOLATION ${t.store} #${t.trial}: ${t.violations.join('; ')}`);
  return bad.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();

