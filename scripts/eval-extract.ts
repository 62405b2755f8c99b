/**
 * Extraction evaluation: runs `extract` on every text of ../shared/corpus that has a gold file in
 * ../shared/eval/gold, cold (no store) and warm (linked against the curated dataset), plus a
 * `compromise` baseline (people()/organizations() as entities, no aliases, no events), scores each
 * with ../shared/eval/score.mjs and prints one table (micro-averaged over the texts).
 *
 *   node --import tsx scripts/eval-extract.ts [--json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { extract, type ExtractResult, type KnownEntity } from '../src/extract/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
const corpusDir = join(shared, 'corpus');
const goldDir = join(shared, 'eval', 'gold');
const scorer = join(shared, 'eval', 'score.mjs');
const asJson = process.argv.includes('--json');

interface Prf { p: number; r: number; f1: number; tp: number; pred: number; gold: number; precision_hits?: number }
interface Score { entities: Prf; aliases: Prf; events: Prf }

/**
 * WARM HOOK: the entities a store would hold. Until the store builder is wired here, warm mode
 * links against the curated dataset in data/*.yaml (read with the native dataset reader).
 * Return undefined to skip the warm row.
 */
async function warmKnown(): Promise<KnownEntity[] | undefined> {
  try {
    const files = readdirSync(join(root, 'data')).filter((f) => /\.(ya?ml|json)$/.test(f));
    if (!files.length) return undefined;
    const { readDataset } = await import('../src/interop/native/read-dataset.js');
    const known: KnownEntity[] = [];
    for (const f of files) {
      const ds = readDataset(readFileSync(join(root, 'data', f), 'utf8'), { file: f });
      for (const e of ds.entities) known.push({ id: e.id, type: e.type, names: [e.canonical, ...e.names.map((n) => n.name)] });
    }
    return known;
  } catch (e) {
    if (!asJson) console.log(`warm: not available (${(e as Error).message.split('\n')[0]})`);
    return undefined;
  }
}

function baseline(text: string): ExtractResult {
  const doc = nlp(text);
  const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
  const people = uniq(doc.people().out('array') as string[]);
  const orgs = uniq(doc.organizations().out('array') as string[]);
  let n = 0;
  const entities = [
    ...people.map((name) => ({ id: `b${++n}`, type: 'person' as const, canonical: name, names: [name] })),
    ...orgs.map((name) => ({ id: `b${++n}`, type: 'organization' as const, canonical: name, names: [name] })),
  ];
  return { entities, claims: [] };
}

function score(gold: string, pred: ExtractResult, dir: string, tag: string): Score {
  const file = join(dir, `${tag}.json`);
  writeFileSync(file, JSON.stringify(pred));
  const out = execFileSync(process.execPath, [scorer, gold, file, '--json'], { encoding: 'utf8' });
  return JSON.parse(out) as Score;
}

function add(a: Score | undefined, b: Score): Score {
  if (!a) return structuredClone(b);
  const sum = (x: Prf, y: Prf): Prf => {
    const tp = x.tp + y.tp;
    const pred = x.pred + y.pred;
    const gold = x.gold + y.gold;
    const hits = (x.precision_hits ?? x.tp) + (y.precision_hits ?? y.tp);
    const p = pred ? hits / pred : 0;
    const r = gold ? tp / gold : 0;
    return { tp, pred, gold, precision_hits: hits, p: +p.toFixed(3), r: +r.toFixed(3), f1: p + r ? +((2 * p * r) / (p + r)).toFixed(3) : 0 };
  };
  return { entities: sum(a.entities, b.entities), aliases: sum(a.aliases, b.aliases), events: sum(a.events, b.events) };
}

async function main(): Promise<void> {
  if (!existsSync(corpusDir) || !existsSync(goldDir) || !existsSync(scorer)) {
    console.log(`eval-extract: ${shared} (corpus, gold, scorer) is not present; nothing to evaluate.`);
    return;
  }
  const texts = readdirSync(corpusDir).filter((f) => existsSync(join(goldDir, f.replace(/\.[^.]+$/, '.json'))));
  if (!texts.length) {
    console.log('eval-extract: no corpus text has a gold file; nothing to evaluate.');
    return;
  }
  const known = await warmKnown();
  const dir = mkdtempSync(join(tmpdir(), 'isnad-eval-'));
  const rows = new Map<string, Score>();
  const perText: Record<string, Record<string, Score>> = {};
  try {
    for (const f of texts) {
      const gold = join(goldDir, f.replace(/\.[^.]+$/, '.json'));
      const text = readFileSync(join(corpusDir, f), 'utf8');
      const stem = basename(f).replace(/\.[^.]+$/, '');
      const runs: Array<[string, ExtractResult]> = [['isnad cold', extract(text)]];
      if (known) runs.push(['isnad warm', extract(text, { known })]);
      runs.push(['baseline compromise', baseline(text)]);
      perText[f] = {};
      for (const [name, pred] of runs) {
        const s = score(gold, pred, dir, `${stem}-${name.replace(/\W+/g, '-')}`);
        perText[f]![name] = s;
        rows.set(name, add(rows.get(name), s));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (asJson) {
    console.log(JSON.stringify({ texts, total: Object.fromEntries(rows), perText }, null, 2));
    return;
  }
  const head = ['system', 'ent P', 'ent R', 'ent F1', 'alias P', 'alias R', 'alias F1', 'event P', 'event R', 'event F1'];
  const body = [...rows].map(([name, s]) => [name, ...[s.entities, s.aliases, s.events].flatMap((x) => [x.p, x.r, x.f1].map((v) => v.toFixed(3)))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`Extraction vs gold (${texts.length} text${texts.length === 1 ? '' : 's'}: ${texts.join(', ')})`);
  console.log(line(head));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of body) console.log(line(r));
}

await main();
