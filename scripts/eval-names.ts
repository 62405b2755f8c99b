/**
 * Evaluate isnad's name matcher on data/names-eval/pairs.yaml against two baselines: plain
 * Jaro-Winkler and plain Levenshtein ratio (talisman), each at its best threshold.
 *
 * Run: node --import tsx scripts/eval-names.ts [--json]
 *
 * Positive class = "same person". A method "merges" a pair when it decides same (isnad) or its
 * similarity is at or above its threshold (baselines). Reported: precision, recall, F1, and the
 * false-merge rate (share of `different` pairs merged), overall and per category.
 *
 * Hold-out: pairs are split deterministically (FNV-1a hash of the pair) into a tuning half and a
 * held-out half. Baseline thresholds and isnad's one tunable (the evidence weight needed for
 * `same`) are chosen on the tuning half only, and reported on the held-out half and on all pairs.
 * isnad's tunable is chosen as the best F1 on the tuning half among weights with a false-merge rate
 * of at most 0.5% there. isnad's default rules (SAME_WEIGHT) are reported as well, and so are the
 * baselines' thresholds chosen with hindsight on all pairs (their upper bound).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { SAME_WEIGHT, matchNames } from '../src/names/match.js';

const require = createRequire(import.meta.url);
const jaroWinkler = require('talisman/metrics/jaro-winkler') as ((a: string, b: string) => number) & { similarity?: (a: string, b: string) => number };
const levenshtein = require('talisman/metrics/levenshtein') as (a: string, b: string) => number;
const jw = (a: string, b: string): number => (jaroWinkler.similarity ?? jaroWinkler)(a, b);

interface Pair {
  readonly a: string;
  readonly b: string;
  readonly label: 'same' | 'different';
  readonly category: string;
  readonly provenance: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = parseYaml(readFileSync(join(root, 'data/names-eval/pairs.yaml'), 'utf8')) as { pairs: Pair[] };
const pairs = data.pairs;
const asJson = process.argv.includes('--json');

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
const isTune = (p: Pair): boolean => fnv1a(`${p.a}\u0000${p.b}`) % 2 === 0;
const tune = pairs.filter(isTune);
const held = pairs.filter((p) => !isTune(p));

/** Plain baseline input: lower case, nothing else (that is what "plain" means). */
const plain = (s: string): string => s.toLowerCase();
const levRatio = (a: string, b: string): number => {
  const x = plain(a);
  const y = plain(b);
  const m = Math.max(x.length, y.length);
  return m === 0 ? 1 : 1 - levenshtein(x, y) / m;
};
const jwSim = (a: string, b: string): number => jw(plain(a), plain(b));

interface Metrics {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  falseMergeRate: number;
}

function metrics(ps: readonly Pair[], merged: (p: Pair) => boolean): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of ps) {
    const m = merged(p);
    if (p.label === 'same') m ? tp++ : fn++;
    else m ? fp++ : tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const falseMergeRate = fp + tn === 0 ? 0 : fp / (fp + tn);
  return { n: ps.length, tp, fp, fn, tn, precision, recall, f1, falseMergeRate };
}

/** The threshold maximising F1 on `ps` (ties: the higher threshold, i.e. fewer merges). */
function bestThreshold(ps: readonly Pair[], score: (p: Pair) => number): number {
  const scores = new Map(ps.map((p) => [p, score(p)]));
  const cands = [...new Set(scores.values())].sort((a, b) => a - b);
  let best = 1;
  let bestF1 = -1;
  for (const t of cands) {
    const f = metrics(ps, (p) => (scores.get(p) as number) >= t).f1;
    if (f > bestF1 || (f === bestF1 && t > best)) {
      bestF1 = f;
      best = t;
    }
  }
  return best;
}

// Precompute scores once.
const jwScore = new Map(pairs.map((p) => [p, jwSim(p.a, p.b)]));
const levScore = new Map(pairs.map((p) => [p, levRatio(p.a, p.b)]));
const isnadDefault = new Map(pairs.map((p) => [p, matchNames(p.a, p.b).decision === 'same']));

// isnad's tunable: the evidence weight needed for `same`, chosen on the tuning half.
const weights = [1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.2, 2.5];
const byWeight = new Map(weights.map((w) => [w, new Map(pairs.map((p) => [p, matchNames(p.a, p.b, { sameWeight: w }).decision === 'same']))]));
// Objective: the best F1 on the tuning half among weights whose false-merge rate there is at
// most MAX_FMR (a wrong merge is worse than a missed one); ties go to the higher weight.
const MAX_FMR = 0.005;
let tunedWeight = Math.max(...weights);
let tunedF1 = -1;
for (const w of weights) {
  const m = metrics(tune, (p) => byWeight.get(w)?.get(p) === true);
  if (m.falseMergeRate > MAX_FMR) continue;
  if (m.f1 > tunedF1 || (m.f1 === tunedF1 && w > tunedWeight)) {
    tunedF1 = m.f1;
    tunedWeight = w;
  }
}
const isnadTuned = byWeight.get(tunedWeight) as Map<Pair, boolean>;

const jwT = bestThreshold(tune, (p) => jwScore.get(p) as number);
const levT = bestThreshold(tune, (p) => levScore.get(p) as number);
const jwOracle = bestThreshold(pairs, (p) => jwScore.get(p) as number);
const levOracle = bestThreshold(pairs, (p) => levScore.get(p) as number);

interface Method {
  readonly name: string;
  readonly setting: string;
  readonly merged: (p: Pair) => boolean;
}
const methods: Method[] = [
  { name: 'isnad (default rules)', setting: `weight>=${SAME_WEIGHT}`, merged: (p) => isnadDefault.get(p) === true },
  { name: 'isnad (weight tuned)', setting: `weight>=${tunedWeight}`, merged: (p) => isnadTuned.get(p) === true },
  { name: 'Jaro-Winkler (tuned)', setting: `sim>=${jwT.toFixed(3)}`, merged: (p) => (jwScore.get(p) as number) >= jwT },
  { name: 'Levenshtein ratio (tuned)', setting: `ratio>=${levT.toFixed(3)}`, merged: (p) => (levScore.get(p) as number) >= levT },
  { name: 'Jaro-Winkler (best on all)', setting: `sim>=${jwOracle.toFixed(3)}`, merged: (p) => (jwScore.get(p) as number) >= jwOracle },
  { name: 'Levenshtein (best on all)', setting: `ratio>=${levOracle.toFixed(3)}`, merged: (p) => (levScore.get(p) as number) >= levOracle },
];

const categories = [...new Set(pairs.map((p) => p.category))];
const labelOf = (c: string): string => pairs.find((p) => p.category === c)?.label ?? '';

const result = {
  set: 'data/names-eval/pairs.yaml',
  pairs: pairs.length,
  same: pairs.filter((p) => p.label === 'same').length,
  different: pairs.filter((p) => p.label === 'different').length,
  tunePairs: tune.length,
  heldOutPairs: held.length,
  tuned: { isnadSameWeight: tunedWeight, isnadMaxFalseMergeRateWhenTuning: MAX_FMR, jaroWinkler: jwT, levenshtein: levT },
  hindsight: { jaroWinkler: jwOracle, levenshtein: levOracle },
  overall: methods.map((m) => ({ method: m.name, setting: m.setting, all: metrics(pairs, m.merged), heldOut: metrics(held, m.merged), tune: metrics(tune, m.merged) })),
  perCategory: categories.map((c) => {
    const ps = pairs.filter((p) => p.category === c);
    return {
      category: c,
      label: labelOf(c),
      n: ps.length,
      mergedShare: Object.fromEntries(methods.map((m) => [m.name, ps.filter(m.merged).length / ps.length])),
    };
  }),
};

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(6);
  const f3 = (x: number): string => x.toFixed(3);
  console.log(`isnad names evaluation: ${result.set}`);
  console.log(`${result.pairs} pairs (${result.same} same, ${result.different} different); tuning half ${tune.length}, held-out half ${held.length}`);
  console.log('positive = same person; false-merge = share of different-people pairs decided same\n');
  const w = Math.max(...methods.map((m) => m.name.length));
  const sw = Math.max(...methods.map((m) => m.setting.length));
  console.log(`${'method'.padEnd(w)} | ${'setting'.padEnd(sw)} | pairs    | P     | R     | F1    | false-merge`);
  console.log(`${'-'.repeat(w)}-|-${'-'.repeat(sw)}-|----------|-------|-------|-------|------------`);
  for (const o of result.overall) {
    for (const [label, m] of [['all', o.all], ['held-out', o.heldOut]] as const) {
      console.log(`${o.method.padEnd(w)} | ${o.setting.padEnd(sw)} | ${label.padEnd(8)} | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.f1)} | ${pct(m.falseMergeRate)} (${m.fp}/${m.fp + m.tn})`);
    }
  }
  console.log('\nPer category: share of pairs decided/merged as same (want high for same, 0 for different)');
  const cw = Math.max(...categories.map((c) => c.length));
  const short = ['isnad', 'isnad-t', 'JW', 'Lev', 'JW*', 'Lev*'];
  console.log(`${'category'.padEnd(cw)} | label     |   n | ${short.map((s) => s.padStart(7)).join(' | ')}`);
  console.log(`${'-'.repeat(cw)}-|-----------|-----|-${short.map(() => '-------').join('-|-')}`);
  for (const c of result.perCategory) {
    const cells = methods.map((m) => pct(c.mergedShare[m.name] as number).padStart(7));
    console.log(`${c.category.padEnd(cw)} | ${c.label.padEnd(9)} | ${String(c.n).padStart(3)} | ${cells.join(' | ')}`);
  }
  console.log(`\nisnad = default rules; isnad-t = weight tuned on the tuning half (best F1 with false-merge <= ${100 * MAX_FMR}%);`);
  console.log('JW/Lev = thresholds tuned on the tuning half (best F1);');
  console.log('JW*/Lev* = thresholds chosen with hindsight on all pairs (the baselines\' upper bound).');
}
