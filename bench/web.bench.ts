/**
 * Web benchmark: time to first render, in Chromium, of
 *  - the timeline with 10,000 events and intervals of one entity (mixed EDTF precision and
 *    uncertainty: days, months, years, seasons, ~ and ? qualifiers, intervals, open ends), and
 *  - the network as of a date with 5,000 nodes (4,900 people, 100 organizations; certain and
 *    possible memberships, alliances between organizations).
 *
 * Each synthetic dataset is generated (seeded, deterministic), imported into a temporary SQLite
 * store, served by `isnad serve`, and opened in a fresh browser context per run. "Rendered" is
 * the view's own marker: the performance mark `isnad:rendered:<view>` set after the first paint
 * that shows the data (the same moment the element gets data-rendered="true"). Times are from
 * navigation start, so they include loading the app, the API call and drawing.
 *
 *   node --import tsx bench/web.bench.ts [--runs 5]
 *
 * Prints a table and writes bench/results/web.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { browserUnavailable, DESKTOP, ensureWebBuilt, launchBrowser, ROOT, startServer, type RunningServer } from '../test/e2e/harness.js';
import { mulberry32 as rng } from './generate/prng.js';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const TIMELINE_EVENTS = 10_000;
const NETWORK_NODES = 5_000;
const NETWORK_ORGS = 100;


const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function edtfFor(r: () => number): string {
  const y = 1990 + Math.floor(r() * 30);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const k = r();
  if (k < 0.3) return `${y}-${pad(m)}-${pad(d)}`;
  if (k < 0.5) return `${y}-${pad(m)}`;
  if (k < 0.6) return `${y}`;
  if (k < 0.68) return `${y}-${pad(m)}~`;
  if (k < 0.72) return `${y}?`;
  if (k < 0.76) return `${y}-${33 + Math.floor(r() * 4)}`;
  const y2 = y + 1 + Math.floor(r() * 6);
  if (k < 0.9) return `${y}-${pad(m)}/${y2}-${pad(1 + Math.floor(r() * 12))}`;
  if (k < 0.95) return `${y}~/${y2}`;
  return `${y}-${pad(m)}/..`;
}

const SOURCE = { id: 'bench-source', kind: 'report', title: 'Synthetic benchmark source', author: 'Benchmark Generator', authorEntity: 'bench-author' };
const DEFAULTS = { source: 'bench-source', status: 'accepted', recordedBy: 'bench', recordedAt: '2026-01-01T00:00:00Z' };

/** One hub organization with 10,000 dated claims about it (events and intervals). */
function timelineDataset(): unknown {
  const r = rng(1);
  const people = 300;
  const entities: unknown[] = [
    { id: 'bench-author', type: 'person', canonical: 'Benchmark Generator', names: [{ name: 'Benchmark Generator', kind: 'real_name' }] },
    { id: 'bench-hub', type: 'organization', canonical: 'Hub Organization', names: [{ name: 'Hub Organization', kind: 'alias' }] },
  ];
  for (let i = 0; i < people; i++) entities.push({ id: `tp-${i}`, type: 'person', canonical: `Person ${i} al-Tamimi`, names: [{ name: `Person ${i} al-Tamimi`, kind: 'real_name' }] });
  const predicates = ['member_of', 'leader_of', 'deputy_of', 'spokesman_of', 'representative_to', 'wrote_to', 'pledged_allegiance_to'];
  const claims: unknown[] = [];
  for (let i = 0; i < TIMELINE_EVENTS; i++) {
    const p = predicates[Math.floor(r() * predicates.length)]!;
    const time = edtfFor(r);
    claims.push({ id: `tc-${i}`, subject: `tp-${Math.floor(r() * people)}`, predicate: p, object: 'bench-hub', time, ...(r() < 0.05 ? { stance: 'denies' } : {}), evidence: `synthetic statement ${i}` });
  }
  return { format: 'isnad/1', defaults: DEFAULTS, sources: [SOURCE], entities, claims };
}

/** 5,000 entities linked on 2005-06: memberships (certain or possible) and organization alliances. */
function networkDataset(): unknown {
  const r = rng(2);
  const entities: unknown[] = [{ id: 'bench-author', type: 'person', canonical: 'Benchmark Generator', names: [{ name: 'Benchmark Generator', kind: 'real_name' }] }];
  for (let i = 0; i < NETWORK_ORGS; i++) entities.push({ id: `no-${i}`, type: 'organization', canonical: `Organization ${i}`, names: [{ name: `Organization ${i}`, kind: 'alias' }] });
  // The author is one of the nodes only if it has a link; give it none, so the nodes are the 5,000 below.
  const persons = NETWORK_NODES - NETWORK_ORGS;
  for (let i = 0; i < persons; i++) entities.push({ id: `np-${i}`, type: 'person', canonical: `Member ${i} al-Harbi`, names: [{ name: `Member ${i} al-Harbi`, kind: 'real_name' }] });
  const claims: unknown[] = [];
  for (let i = 0; i < persons; i++) {
    const org = Math.floor(Math.pow(r(), 2) * NETWORK_ORGS);
    const certain = r() < 0.7;
    claims.push({ id: `nm-${i}`, subject: `np-${i}`, predicate: 'member_of', object: `no-${org}`, time: certain ? '2001/2010' : '2005-XX/2007', evidence: `synthetic membership ${i}` });
  }
  for (let i = 1; i < NETWORK_ORGS; i++) {
    claims.push({ id: `na-${i}`, subject: `no-${i}`, predicate: 'allied_with', object: `no-${Math.floor(r() * i)}`, time: r() < 0.5 ? '2003/2008' : '2005~/2006', evidence: `synthetic alliance ${i}` });
  }
  return { format: 'isnad/1', defaults: DEFAULTS, sources: [SOURCE], entities, claims };
}

interface Run {
  readonly totalMs: number;
  readonly apiMs: number;
  readonly drawMs: number;
  readonly items: number;
}

async function measureView(browser: Browser, server: RunningServer, hash: string, mark: string, api: RegExp, countSelector: string): Promise<Run> {
  const context = await browser.newContext({ viewport: DESKTOP, baseURL: server.url });
  const page = await context.newPage();
  try {
    await page.goto(`/${hash}`, { waitUntil: 'commit' });
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, `isnad:rendered:${mark}`, { timeout: 300_000, polling: 50 });
    const t = await page.evaluate(({ name, api }) => {
      const m = performance.getEntriesByName(name)[0]!;
      const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => new RegExp(api).test(e.name));
      const end = Math.max(0, ...res.map((e) => e.responseEnd));
      return { total: m.startTime, apiEnd: end, apiDuration: Math.max(0, ...res.map((e) => e.responseEnd - e.startTime)) };
    }, { name: `isnad:rendered:${mark}`, api: api.source });
    const items = await page.locator(countSelector).first().getAttribute('data-items').catch(() => null);
    return { totalMs: t.total, apiMs: t.apiDuration, drawMs: t.total - t.apiEnd, items: Number(items ?? 0) };
  } finally {
    await context.close();
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const why = browserUnavailable();
  if (why) {
    console.log(`web benchmark skipped: ${why}`);
    return;
  }
  await ensureWebBuilt();
  const dir = join(tmpdir(), `isnad-web-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const tlFile = join(dir, 'timeline-10k.json');
  const netFile = join(dir, 'network-5k.json');
  writeFileSync(tlFile, JSON.stringify(timelineDataset()));
  writeFileSync(netFile, JSON.stringify(networkDataset()));

  const browser = await launchBrowser();
  const rows: { view: string; size: string; runs: Run[] }[] = [];
  try {
    let t0 = performance.now();
    const tl = await startServer([tlFile], { timeoutMs: 120_000 });
    const tlImport = performance.now() - t0;
    try {
      const runs: Run[] = [];
      await measureView(browser, tl, '#/timeline?entities=bench-hub', 'timeline', /\/api\/timeline/, '.timeline-view .timeline-chart'); // warm-up
      for (let i = 0; i < RUNS; i++) runs.push(await measureView(browser, tl, '#/timeline?entities=bench-hub', 'timeline', /\/api\/timeline/, '.timeline-view .timeline-chart'));
      rows.push({ view: 'timeline', size: `${TIMELINE_EVENTS.toLocaleString('en')} events`, runs });
    } finally {
      await tl.stop();
    }
    t0 = performance.now();
    const net = await startServer([netFile], { timeoutMs: 120_000 });
    const netImport = performance.now() - t0;
    try {
      const runs: Run[] = [];
      await measureView(browser, net, '#/network?date=2005-06', 'network', /\/api\/network/, '.network-graph');
      for (let i = 0; i < RUNS; i++) runs.push(await measureView(browser, net, '#/network?date=2005-06', 'network', /\/api\/network/, '.network-graph'));
      rows.push({ view: 'network', size: `${NETWORK_NODES.toLocaleString('en')} nodes`, runs });
    } finally {
      await net.stop();
    }

    const version = browser.version();
    console.log(`\nWeb first render in Chromium ${version}, ${DESKTOP.width}×${DESKTOP.height}, median of ${RUNS} fresh page loads (after one warm-up); ms from navigation start\n`);
    const header = ['view', 'size', 'first render', 'min', 'max', 'API response', 'after data'];
    const table = rows.map((r) => [
      r.view,
      r.size,
      median(r.runs.map((x) => x.totalMs)).toFixed(0),
      Math.min(...r.runs.map((x) => x.totalMs)).toFixed(0),
      Math.max(...r.runs.map((x) => x.totalMs)).toFixed(0),
      median(r.runs.map((x) => x.apiMs)).toFixed(0),
      median(r.runs.map((x) => x.drawMs)).toFixed(0),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
    const line = (cells: readonly string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of table) console.log(line(row));
    console.log('\n"API response": the view\'s API call (server time plus transfer); "after data": from the API response to the rendered mark (parsing, layout, drawing).');

    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    const out = {
      benchmark: 'web first render',
      date: new Date().toISOString(),
      chromium: version,
      node: process.version,
      cpus: cpus().length,
      viewport: DESKTOP,
      runs: RUNS,
      importMs: { timeline: Math.round(tlImport), network: Math.round(netImport) },
      results: rows.map((r) => ({
        view: r.view,
        size: r.size,
        firstRenderMs: { median: Math.round(median(r.runs.map((x) => x.totalMs))), min: Math.round(Math.min(...r.runs.map((x) => x.totalMs))), max: Math.round(Math.max(...r.runs.map((x) => x.totalMs))) },
        apiResponseMs: Math.round(median(r.runs.map((x) => x.apiMs))),
        afterDataMs: Math.round(median(r.runs.map((x) => x.drawMs))),
        itemsDrawn: r.runs[0]?.items ?? 0,
        samples: r.runs.map((x) => Math.round(x.totalMs)),
      })),
    };
    writeFileSync(join(ROOT, 'bench', 'results', 'web.json'), `${JSON.stringify(out, null, 2)}\n`);
    console.log('\nwrote bench/results/web.json');
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
