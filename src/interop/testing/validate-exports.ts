/**
 * Validates a folder of exports with the same validators the tests use, for the curated
 * dataset (docs/interop.md lists the commands). Usage:
 *   npx tsx src/interop/testing/validate-exports.ts DIR
 * where DIR holds kb.stix.json, kb.ftm.jsonl, kb.jsonld, kb.ttl, kb.gexf, kb.graphml,
 * kb.md, kb.html and csv/ (any may be missing). Exits 1 on the first invalid file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import oxigraph from 'oxigraph';
import { modelProblems } from '../ftm/validate.js';
import type { FtmEntityDatum } from '../ftm/entity.js';
import { describeErrors, stixValidator } from '../stix/schemas.js';
import { ROOT } from './fixtures.js';

const dir = process.argv[2];
if (!dir) { console.error('usage: validate-exports.ts DIR'); process.exit(2); }
let failed = false;
const report = (file: string, problems: readonly string[], summary: string) => {
  if (problems.length) { failed = true; console.log(`FAIL ${file}: ${problems.length} problems\n  ${problems.slice(0, 10).join('\n  ')}`); }
  else console.log(`ok   ${file}: ${summary}`);
};
const at = (name: string) => join(dir, name);

if (existsSync(at('kb.stix.json'))) {
  const bundle = JSON.parse(readFileSync(at('kb.stix.json'), 'utf8')) as { objects: Array<{ type: string; id: string }> };
  const v = stixValidator();
  const problems = [...describeErrors(v.bundle(bundle), 'bundle ')];
  for (const o of bundle.objects) {
    const errors = v.object(o);
    if (errors === undefined) problems.push(`${o.id}: no schema for type ${o.type}`);
    else problems.push(...describeErrors(errors, `${o.id} `));
  }
  const types = new Map<string, number>();
  for (const o of bundle.objects) types.set(o.type, (types.get(o.type) ?? 0) + 1);
  report('kb.stix.json', problems, `valid against the STIX 2.1 JSON Schemas (${bundle.objects.length} objects: ${[...types].map(([t, n]) => `${n} ${t}`).join(', ')})`);
}
if (existsSync(at('kb.ftm.jsonl'))) {
  const entities = readFileSync(at('kb.ftm.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as FtmEntityDatum);
  const schemata = new Map<string, number>();
  for (const e of entities) schemata.set(e.schema, (schemata.get(e.schema) ?? 0) + 1);
  report('kb.ftm.jsonl', modelProblems(entities), `valid against the FtM model (${entities.length} entities: ${[...schemata].map(([t, n]) => `${n} ${t}`).join(', ')})`);
}
for (const [file, format] of [['kb.ttl', 'text/turtle'], ['kb.jsonld', 'application/ld+json']] as const) {
  if (!existsSync(at(file))) continue;
  const store = new oxigraph.Store();
  try {
    store.load(readFileSync(at(file), 'utf8'), { format });
    const rows = store.query('SELECT (COUNT(?c) AS ?n) WHERE { ?c a <urn:isnad:vocab:Claim> }') as Array<Map<string, oxigraph.Term>>;
    report(file, [], `loaded into oxigraph: ${store.size} triples, ${rows[0]?.get('n')?.value} claim statements`);
  } catch (err) { report(file, [(err as Error).message], ''); }
}
const xmllint = (file: string, args: string[], what: string) => {
  if (!existsSync(at(file))) return;
  const r = spawnSync('xmllint', ['--noout', '--nonet', ...args, at(file)], { encoding: 'utf8' });
  report(file, r.status === 0 && !/error/i.test(r.stderr.replace(/validates/g, '')) ? [] : [(r.stderr || r.error?.message || 'xmllint failed').trim()], what);
};
xmllint('kb.gexf', ['--relaxng', join(ROOT, 'vendor/xsd/gexf-1.3/gexf.rng')], 'valid against the GEXF 1.3 RELAX NG grammar (xmllint)');
xmllint('kb.graphml', ['--schema', join(ROOT, 'vendor/xsd/graphml-1.0/graphml.xsd')], 'valid against the GraphML XSD (xmllint)');
xmllint('kb.html', ['--html'], 'parses as HTML without errors (xmllint --html)');
if (existsSync(at('kb.html'))) {
  const html = readFileSync(at('kb.html'), 'utf8');
  report('kb.html (self-contained)', /<script|<link|<img|src=/i.test(html) ? ['has scripts or external resources'] : [], 'no scripts, no external resources');
}
if (existsSync(at('kb.md'))) {
  const md = readFileSync(at('kb.md'), 'utf8');
  const refs = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]));
  const defs = new Set([...md.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => m[1]));
  const missing = [...refs].filter((r) => !defs.has(r));
  report('kb.md', missing.map((m) => `footnote ${m} referenced but not defined`), `${refs.size} footnotes, all defined`);
}
if (existsSync(at('csv'))) {
  for (const f of readdirSync(at('csv')).sort()) {
    const text = readFileSync(join(at('csv'), f), 'utf8').replace(/^\uFEFF/, '');
    const rows: string[][] = [];
    let row: string[] = []; let cell = ''; let q = false; const problems: string[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (q) { if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') q = false; else cell += ch; continue; }
      if (ch === '"' && cell === '') q = true;
      else if (ch === ',') { row.push(cell); cell = ''; }
      else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
      else if (ch === '\n' || ch === '\r' || ch === '"') { problems.push(`bad character at ${i}`); break; }
      else cell += ch;
    }
    const widths = new Set(rows.map((r) => r.length));
    if (widths.size !== 1) problems.push(`rows of different widths: ${[...widths].join(', ')}`);
    const formula = rows.flat().filter((c) => /^[=+\-@]/.test(c));
    if (formula.length) problems.push(`cells starting a formula: ${formula.slice(0, 3).join(' | ')}`);
    report(`csv/${f}`, problems, `RFC 4180, ${rows.length - 1} rows × ${rows[0]?.length ?? 0} columns, no formula cells`);
  }
}
process.exit(failed ? 1 : 0);
