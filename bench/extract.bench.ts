/**
 * Extraction throughput: words per second of `extract` on a corpus of at least 1,000,000 words,
 * against compromise's plain `nlp(text)` parse of the same documents in the same run.
 *
 *   node --import tsx bench/extract.bench.ts [--words N]
 *
 * The corpus repeats and varies the texts at hand: the extraction test fixtures (always) and the
 * texts of ../shared/corpus (when present). Each copy swaps names and years so that documents
 * differ. Writes bench/results/extract.json.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { decode, extract } from '../src/extract/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = process.argv.indexOf('--words');
const target = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;

function baseTexts(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const fx = join(root, 'test', 'fixtures', 'extract');
  for (const f of readdirSync(fx).sort()) out.push({ name: `fixture:${f}`, text: decode(readFileSync(join(fx, f)), { filename: f }).text });
  const corpus = resolve(root, '../shared/corpus');
  if (existsSync(corpus)) for (const f of readdirSync(corpus).sort()) out.push({ name: `corpus:${f}`, text: readFileSync(join(corpus, f), 'utf8') });
  return out;
}

const GIVEN = ['Karim', 'Nadia', 'Walid', 'Huda', 'Sami', 'Rania', 'Tariq', 'Layla', 'Yusuf', 'Salma', 'Bilal', 'Amal'];
const NISBA = ['al-Hamawi', 'al-Halabi', 'al-Shami', 'al-Masri', 'al-Tunisi', 'al-Libi', 'al-Yamani', 'al-Sudani'];

/** A varied copy: every capitalised word from a rotating set and every year is shifted. */
function vary(text: string, k: number): string {
  const shift = k % 7;
  let s = text.replace(/\b(19|20)(\d\d)\b/g, (_m, c: string, y: string) => `${c}${String((Number(y) + shift) % 100).padStart(2, '0')}`);
  s = s.replace(/\bal-([A-Z][a-z]+)\b/g, (m, w: string) => (w.length % 3 === k % 3 ? NISBA[(w.length + k) % NISBA.length]! : m));
  s = s.replace(/\b(Kamal|Salim|Omar|Samir|Nabil|Faris|Hamid|Ahmad|Ibrahim|Hassan)\b/g, (_m, w: string) => GIVEN[(w.length + k) % GIVEN.length]!);
  return s;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

function main(): void {
  const bases = baseTexts();
  const docs: string[] = [];
  let total = 0;
  for (let k = 0; total < target; k++) {
    for (const b of bases) {
      const d = vary(b.text, k);
      docs.push(d);
      total += words(d);
      if (total >= target) break;
    }
  }
  // warm up both (JIT, lexicon loading) on a few documents
  for (const d of docs.slice(0, 5)) {
    extract(d);
    nlp(d);
  }
  let t0 = performance.now();
  let claims = 0;
  let entities = 0;
  for (const d of docs) {
    const r = extract(d);
    claims += r.claims.length;
    entities += r.entities.length;
  }
  const isnadMs = performance.now() - t0;
  t0 = performance.now();
  let terms = 0;
  for (const d of docs) terms += (nlp(d) as unknown as { document: unknown[] }).document.length;
  const nlpMs = performance.now() - t0;
  const rows = [
    { system: 'isnad extract', ms: isnadMs, wps: total / (isnadMs / 1000) },
    { system: 'compromise nlp(text)', ms: nlpMs, wps: total / (nlpMs / 1000) },
  ];
  const ratio = rows[0]!.wps / rows[1]!.wps;
  const head = `Extraction throughput: ${total.toLocaleString('en')} words in ${docs.length} documents (${bases.map((b) => b.name).join(', ')})`;
  console.log(head);
  console.log('| system               |   seconds |   words/s |');
  console.log('|----------------------|----------:|----------:|');
  for (const r of rows) console.log(`| ${r.system.padEnd(20)} | ${(r.ms / 1000).toFixed(2).padStart(9)} | ${Math.round(r.wps).toLocaleString('en').padStart(9)} |`);
  console.log(`ratio isnad / compromise: ${ratio.toFixed(2)}x   (isnad found ${entities.toLocaleString('en')} entities, ${claims.toLocaleString('en')} claims; compromise parsed ${terms.toLocaleString('en')} sentences)`);
  if (total < 1_000_000) {
    console.log('(shorter than 1,000,000 words: bench/results/extract.json left as it was)');
    return;
  }
  const out = join(root, 'bench', 'results', 'extract.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, words: total, documents: docs.length, sources: bases.map((b) => b.name), results: rows.map((r) => ({ ...r, ms: Math.round(r.ms), wps: Math.round(r.wps) })), ratio: +ratio.toFixed(3), entities, claims }, null, 2)}\n`,
  );
}

main();
