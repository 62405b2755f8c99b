/**
 * Property-based fuzzing (fast-check) of every parser and importer, and of the HTTP API:
 *
 * - edtf: `parseTime` on arbitrary strings and on strings built from EDTF's own pieces;
 * - dataset: the native YAML/JSON reader (`readDataset`) on arbitrary text and on mutated
 *   valid documents (fields deleted, replaced by other JSON values, arrays duplicated, text cut);
 * - stix, ftm: the STIX 2.1 and FollowTheMoney importers (`IMPORTERS`) on arbitrary text and on
 *   mutated exports of a valid dataset;
 * - extract: `decode` + `extract` (`extractDocument`) on arbitrary strings, bytes, HTML and Markdown;
 * - names: `parseName` and `matchNames` on arbitrary (and Arabic-script) names;
 * - api: the Hono app in-process (`app.request()`, over a SQLite copy of test/fixtures/mini.yaml):
 *   random query strings on every GET route, random ids in paths, random JSON bodies on the
 *   write routes.
 *
 * A case fails when it throws anything other than a typed error (IsnadError and its subclasses
 * ValidationError / TimeError, or ExtractError), when the API answers 5xx (501 on the account
 * routes of local mode excepted) or a non-JSON body, or when it takes longer than --case-ms.
 *
 *   node --import tsx scripts/reliability/fuzz.ts [--cases 100000] [--seed 1] [--case-ms 5000]
 *
 * Results: bench/results/fuzz.json.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseTime } from '../../src/core/time.js';
import { IsnadError } from '../../src/core/errors.js';
import { readDataset } from '../../src/interop/native/read-dataset.js';
import { EXPORTERS, IMPORTERS } from '../../src/interop/registry.js';
import { extractDocument, ExtractError } from '../../src/extract/index.js';
import { matchNames, parseName } from '../../src/names/index.js';
import { routeSpecs } from '../../src/server/route-spec.js';
import { MINI_FIXTURE, testServer } from '../../src/server/testing.js';
import { flag, machine, table, writeResults } from './common.js';

const TOTAL = Number(flag('cases', '100000'));
const SEED = Number(flag('seed', '1'));
const CASE_MS = Number(flag('case-ms', '5000'));
/** `--only edtf,api`: run some targets (with the case counts they get in a full run). */
const ONLY = flag('only', '') ? new Set(flag('only', '').split(',')) : undefined;
const wanted = (target: string) => !ONLY || ONLY.has(target);

/** Share of the cases per target. */
const WEIGHTS: Record<string, number> = { edtf: 0.2, dataset: 0.15, stix: 0.08, ftm: 0.08, extract: 0.12, names: 0.17, api: 0.2 };

interface TargetResult {
  target: string;
  cases: number;
  failures: number;
  typedErrors: number;
  maxMs: number;
  totalMs: number;
  examples: { input: string; error: string }[];
}

function newResult(target: string): TargetResult {
  return { target, cases: 0, failures: 0, typedErrors: 0, maxMs: 0, totalMs: 0, examples: [] };
}

const isTyped = (err: unknown) => err instanceof IsnadError || err instanceof ExtractError;
const show = (x: unknown) => {
  const s = typeof x === 'string' ? JSON.stringify(x) : (() => { try { return JSON.stringify(x); } catch { return String(x); } })();
  return s.length > 400 ? `${s.slice(0, 400)}…(${s.length} chars)` : s;
};

function fail(r: TargetResult, input: unknown, why: string): void {
  r.failures++;
  if (r.examples.length < 5) r.examples.push({ input: show(input), error: why.slice(0, 500) });
}

/** Runs one synchronous case, classifying its outcome. */
function runSync(r: TargetResult, input: unknown, fn: () => unknown): void {
  const t0 = performance.now();
  try {
    fn();
  } catch (err) {
    if (isTyped(err)) r.typedErrors++;
    else fail(r, input, `untyped ${(err as Error)?.name ?? typeof err}: ${(err as Error)?.message ?? String(err)}\n${((err as Error)?.stack ?? '').split('\n').slice(1, 4).join('\n')}`);
  }
  const ms = performance.now() - t0;
  r.cases++;
  r.totalMs += ms;
  if (ms > r.maxMs) r.maxMs = ms;
  if (ms > CASE_MS) fail(r, input, `took ${ms.toFixed(0)} ms (limit ${CASE_MS})`);
}

// ------------------------------------------------------------------ generators

const EDTF_PIECES = ['19', '20', '2001', '1999', '0000', '-0044', '2004', '-', '/', '..', '~', '?', '%', 'X', 'XX', '-21', '-24', '-33', '-36', '-41', '-12', '-31', '-02-29', '-13', 'T', '10:00:00', 'Z', '+01:00', '[', ']', '{', '}', ',', 'Y', 'Y17E7', 'E', 'S2', '01', '12', '31', ' ', '^', '00'];
const edtfLike = fc.array(fc.constantFrom(...EDTF_PIECES), { minLength: 1, maxLength: 8 }).map((xs) => xs.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

/** Applies seeded structural mutations to a JSON value. */
function mutate(value: unknown, ops: readonly [number, number, unknown][]): unknown {
  const root = structuredClone(value) as unknown;
  let doc: unknown = root;
  for (const [pick, kind, replacement] of ops) {
    const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
    const walk = (v: unknown) => {
      if (slots.length > 2000) return;
      if (Array.isArray(v)) v.forEach((x, i) => { slots.push({ parent: v, key: i }); walk(x); });
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { slots.push({ parent: v as Record<string, unknown>, key: k }); walk(x); }
    };
    walk(doc);
    if (!slots.length) { doc = replacement; continue; }
    const { parent, key } = slots[pick % slots.length]!;
    const current = (parent as Record<string | number, unknown>)[key];
    switch (kind % 6) {
      case 0:
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      case 1:
        (parent as Record<string | number, unknown>)[key] = replacement;
        break;
      case 2:
        if (Array.isArray(parent)) parent.push(structuredClone(current));
        else (parent as Record<string, unknown>)[`${String(key)}_x`] = current;
        break;
      case 3:
        (parent as Record<string | number, unknown>)[key] = typeof current === 'string' ? current.slice(0, Math.floor(current.length / 2)) : String(current);
        break;
      case 4:
        (parent as Record<string | number, unknown>)[key] = typeof current === 'number' ? -current * 1e9 : typeof current === 'string' ? current + current : null;
        break;
      default:
        (parent as Record<string | number, unknown>)[key] = Array.isArray(current) ? {} : [current];
    }
  }
  return doc;
}

const mutations = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('', '2001-13-45', '../..', 'no-such-entity', 'x'.repeat(500), '<script>', -1, 1e308, null, true))), { minLength: 1, maxLength: 4 });

/** Cut-off or spliced serialisations of a document. */
function textVariants(json: unknown, yamlText: string) {
  return fc.oneof(
    mutations.map((ops) => JSON.stringify(mutate(json, ops))),
    fc.tuple(fc.nat(), fc.string({ maxLength: 20 })).map(([cut, ins]) => {
      const at = cut % (yamlText.length + 1);
      return yamlText.slice(0, at) + ins + yamlText.slice(at + Math.min(20, cut % 7));
    }),
    anyText,
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  );
}

// ------------------------------------------------------------------ targets

async function main(): Promise<number> {
  const counts = Object.fromEntries(Object.entries(WEIGHTS).map(([k, w]) => [k, Math.max(1, Math.round(TOTAL * w))]));
  const results: TargetResult[] = [];
  const miniYaml = readFileSync(MINI_FIXTURE, 'utf8');
  const miniDs = readDataset(miniYaml, { file: 'mini.yaml', now: '2020-01-01T00:00:00Z' });
  const miniJson = JSON.parse(JSON.stringify((await import('yaml')).parse(miniYaml))) as unknown;
  const progress = (r: TargetResult) => process.stderr.write(`fuzz: ${r.target}: ${r.cases} cases, ${r.failures} failures, max ${r.maxMs.toFixed(1)} ms\n`);
  const run = (target: string, arb: fc.Arbitrary<unknown>, fn: (x: never) => unknown) => {
    if (!wanted(target)) return;
    const r = newResult(target);
    fc.assert(fc.property(arb, (x) => { runSync(r, x, () => fn(x as never)); }), { numRuns: counts[target]!, seed: SEED });
    results.push(r);
    progress(r);
  };

  // EDTF
  run('edtf', fc.oneof(edtfLike, anyText, fc.tuple(edtfLike, edtfLike).map(([a, b]) => `${a}/${b}`)), (s: string) => parseTime(s));

  // Native datasets
  run('dataset', fc.tuple(textVariants(miniJson, miniYaml), fc.boolean()), ([text]: [string, boolean]) => readDataset(text, { file: 'fuzz.yaml', now: '2020-01-01T00:00:00Z' }));

  // STIX and FtM importers
  for (const fmt of (['stix', 'ftm'] as const).filter(wanted)) {
    const exported = await EXPORTERS.get(fmt)!.write(miniDs, {});
    const text = typeof exported === 'string' ? exported : Object.values(exported).join('\n');
    const importer = IMPORTERS.get(fmt)!;
    let variants: fc.Arbitrary<string>;
    if (fmt === 'stix') {
      variants = textVariants(JSON.parse(text), text);
    } else {
      const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
      variants = fc.oneof(
        mutations.map((ops) => {
          const m = mutate(lines, ops);
          return Array.isArray(m) ? m.map((l) => JSON.stringify(l)).join('\n') : JSON.stringify(m);
        }),
        textVariants(lines[0], text),
      );
    }
    const r = newResult(fmt);
    await fc.assert(
      fc.asyncProperty(variants, async (t) => {
        const t0 = performance.now();
        try {
          await importer.read(t, { file: `fuzz.${fmt}` });
        } catch (err) {
          if (isTyped(err)) r.typedErrors++;
          else fail(r, t, `untyped ${(err as Error)?.name}: ${(err as Error)?.message}\n${((err as Error)?.stack ?? '').split('\n').slice(1, 4).join('\n')}`);
        }
        const ms = performance.now() - t0;
        r.cases++;
        r.totalMs += ms;
        if (ms > r.maxMs) r.maxMs = ms;
        if (ms > CASE_MS) fail(r, t, `took ${ms.toFixed(0)} ms`);
      }),
      { numRuns: counts[fmt]!, seed: SEED },
    );
    results.push(r);
    progress(r);
  }

  // Decode + extract (HTML, Markdown, text; strings and bytes)
  const html = fc.array(fc.oneof(fc.constantFrom('<p>', '</p>', '<script>x()</script>', '<b>', '<!--', '-->', '&amp;', '&#x0;', '<h1>', '<br/>', '# ', '* ', '[a](b)', '`', '\n', 'Abu Bakr al-Baghdadi ', 'was killed in 2010 ', 'founded ISIS in June 2014. ', 'al-Qaeda ', 'أبو بكر البغدادي '), fc.string({ maxLength: 10 })), { maxLength: 40 }).map((xs) => xs.join(''));
  run(
    'extract',
    fc.oneof(
      fc.tuple(fc.oneof(html, anyText), fc.constantFrom(undefined, 'html', 'markdown', 'text')).map(([s, f]) => ({ input: s as string | Uint8Array, format: f })),
      fc.uint8Array({ maxLength: 300 }).map((b) => ({ input: b as string | Uint8Array, format: undefined })),
    ),
    (x: { input: string | Uint8Array; format: 'html' | 'markdown' | 'text' | undefined }) => extractDocument(x.input, x.format ? { format: x.format } : {}),
  );

  // Names
  const nameText = fc.oneof(
    fc.array(fc.constantFrom('Abu', 'abu', 'Umm', 'ibn', 'bin', 'al-', 'al', 'Muhammad', 'Bakr', "Ja'far", 'Zarqawi', 'al-Baghdadi', 'Sheikh', 'Dr.', 'أبو', 'محمد', 'ال', 'عبد', '-', "'", ' ', 'ʿ', 'ā'), { maxLength: 8 }).map((xs) => xs.join(' ')),
    anyText,
  );
  run('names', fc.tuple(nameText, nameText), ([a, b]: [string, string]) => {
    parseName(a);
    matchNames(a, b);
  });

  // The HTTP API, in-process
  if (wanted('api')) await fuzzApi(results, counts.api!, progress);

  const total = results.reduce((n, r) => n + r.cases, 0);
  console.log(`isnad fuzz: ${total} cases in all, seed ${SEED}, limit ${CASE_MS} ms per case`);
  console.log(table(['target', 'cases', 'failures', 'typed errors / 4xx', 'mean ms/case', 'max ms/case'], results.map((r) => [r.target, r.cases, r.failures, r.typedErrors, Number((r.totalMs / Math.max(1, r.cases)).toFixed(3)), Number(r.maxMs.toFixed(1))])));
  for (const r of results) for (const e of r.examples) console.log(`FAIL ${r.target}: ${e.error.split('\n')[0]}\n  input: ${e.input}`);
  const file = writeResults('fuzz.json', { command: `node --import tsx scripts/reliability/fuzz.ts --cases ${TOTAL} --seed ${SEED}`, machine: machine(), seed: SEED, caseLimitMs: CASE_MS, total, results });
  console.log(`results: ${file}`);
  return results.some((r) => r.failures) ? 1 : 0;
}

async function fuzzApi(results: TargetResult[], numRuns: number, progress: (r: TargetResult) => void): Promise<void> {
  const t = await testServer({ options: { validateResponses: false } });
  try {
    const r = newResult('api');
    const gets = routeSpecs().filter((s) => s.method === 'get');
    const PAYLOADS = ["' OR 1=1 --", '../../etc/passwd', '<script>alert(1)</script>', '%00', '\u0000', '2000/1999', '..', 'a'.repeat(3000), '-1', '1e309', 'valley-front', 'karim-haddad', 'vb-founded', '2006-36', '../2014'];
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...PAYLOADS), fc.integer().map(String), edtfLike);
    const keys = fc.constantFrom('q', 'limit', 'offset', 'type', 'entity', 'date', 'from', 'to', 'perspective', 'focus', 'hops', 'predicate', 'status', 'claimant', 'dispute', 'source', 'after');
    const getCase = fc.record({ kind: fc.constant('get' as const), spec: fc.constantFrom(...gets), params: fc.array(fc.tuple(keys, value), { maxLength: 6 }), id: value });
    const writeRoutes = ['PATCH /api/claims/:id', 'POST /api/claims/:id/accept', 'POST /api/claims/:id/reject', 'POST /api/entities/merge', 'POST /api/entities/split', 'POST /api/changes/:id/revert', 'POST /api/auth/login', 'POST /api/auth/tokens', 'POST /api/users'];
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 60 }),
      fc.record({ note: value, time: value, object: fc.oneof(value, fc.constant(null)), predicate: value, confidence: fc.oneof(fc.double(), fc.constant(null)), expectedVersion: fc.oneof(fc.integer(), fc.double()), stance: value, keep: value, merge: value, entity: value, other: value }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    );
    const writeCase = fc.record({ kind: fc.constant('write' as const), route: fc.constantFrom(...writeRoutes), id: fc.oneof(value, fc.constantFrom('vb-founded', 're-branch-author', '1', '2')), body, contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', '') });
    await fc.assert(
      fc.asyncProperty(fc.oneof(getCase, writeCase), async (c) => {
        let method: string;
        let path: string;
        let init: RequestInit;
        if (c.kind === 'get') {
          const qs = new URLSearchParams(c.params).toString();
          method = 'GET';
          path = `${c.spec.path.replace(/:(\w+)/g, encodeURIComponent(c.id) || 'x')}${qs ? `?${qs}` : ''}`;
          init = { method };
        } else {
          const [m, p] = c.route.split(' ') as [string, string];
          method = m;
          path = p.replace(':id', encodeURIComponent(c.id) || 'x');
          init = { method, body: c.body, headers: c.contentType ? { 'Content-Type': c.contentType } : {} };
        }
        const t0 = performance.now();
        let timer: NodeJS.Timeout | undefined;
        try {
          const res = await Promise.race([
            t.app.request(path, init),
            new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${CASE_MS} ms`)), CASE_MS); }),
          ]);
          const text = await res.text();
          if (res.status >= 500 && !(res.status === 501 && path.startsWith('/api/auth') || res.status === 501 && path.startsWith('/api/users'))) fail(r, `${method} ${path} ${c.kind === 'write' ? c.body : ''}`, `${res.status} ${text.slice(0, 300)}`);
          else if (res.status >= 400) r.typedErrors++;
          if (!/json/.test(res.headers.get('content-type') ?? '')) fail(r, `${method} ${path}`, `content-type ${res.headers.get('content-type')}`);
        } catch (err) {
          fail(r, `${method} ${path}`, `threw ${(err as Error).message}`);
        } finally {
          clearTimeout(timer);
        }
        const ms = performance.now() - t0;
        r.cases++;
        r.totalMs += ms;
        if (ms > r.maxMs) r.maxMs = ms;
      }),
      { numRuns, seed: SEED },
    );
    if (t.errors.length) fail(r, 'server log', `${t.errors.length} unexpected errors logged, e.g. ${String(t.errors[0])}`);
    results.push(r);
    progress(r);
  } finally {
    await t.close();
  }

}

process.exitCode = await main();
