/**
 * The SQLite fast paths return exactly what the generic Kysely path returns: the same rows and
 * history after a bulk import (and the same fallback when records exist), and the same answers
 * to every read with a fast path, on the test fixture and on a small generated knowledge base.
 */
import Database from 'better-sqlite3';
import edtf from 'edtf';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../bench/generate/kb.js';
import { KnowledgeBase } from '../../app/knowledge-base.js';
import { presentAsOf } from '../../app/present.js';
import type { Claim, Dataset } from '../../core/model.js';
import { asOf, asOfReads, claimsInView, disputesOf, lineageOf, networkAt, timelineOf } from '../../core/perspective/index.js';
import { parseTime } from '../../core/time.js';
import { readDataset } from '../../interop/native/read-dataset.js';
import { SQLITE_CAPABILITIES } from '../capabilities.js';
import { defaultFold } from '../fold.js';
import { KyselyRepository } from '../kysely-repository.js';
import { migrateToLatest } from '../migrate.js';
import type { ClaimFilter, Repository } from '../repository.js';
import { toDay } from '../day-bounds.js';
import type { Database as Schema } from '../schema.js';
import { dayBounds } from '../day-bounds.js';
import { FastSqliteRepository } from './fast-repository.js';
import { openSqliteStore } from './open-sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'isnad-fast-test-'));
const opened: Repository[] = [];
afterAll(async () => {
  for (const r of opened) await r.close();
  rmSync(dir, { recursive: true, force: true });
});
let n = 0;

async function pair(readModel = false): Promise<{ fast: FastSqliteRepository; generic: KyselyRepository; genericRaw: Database.Database }> {
  const fast = await openSqliteStore({ file: join(dir, `fast-${n}.sqlite`), readModel });
  const database = new Database(join(dir, `generic-${n++}.sqlite`));
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  await migrateToLatest(db as Kysely<unknown>, SQLITE_CAPABILITIES);
  const generic = new KyselyRepository(db, SQLITE_CAPABILITIES, { fold: defaultFold, close: () => db.destroy() });
  opened.push(fast, generic);
  expect(fast).toBeInstanceOf(FastSqliteRepository);
  return { fast: fast as FastSqliteRepository, generic, genericRaw: database };
}

const withoutTimes = (xs: readonly { at: string }[]) => xs.map(({ at: _at, ...rest }) => rest);

async function sameReads(fast: Repository, generic: Repository, ds: Dataset): Promise<void> {
  expect(await fast.exportDataset()).toEqual(await generic.exportDataset());
  expect(await fast.counts()).toEqual(await generic.counts());
  const entityIds = ds.entities.map((e) => e.id);
  const some = entityIds.filter((_, i) => i % Math.max(1, Math.floor(entityIds.length / 25)) === 0);
  const claimants = [...new Set(ds.claims.map((c) => c.attribution.at(-1)?.entity).filter((x): x is string => Boolean(x)))].slice(0, 10);
  const disputes = [...new Set(ds.claims.map((c) => c.dispute).filter((x): x is string => Boolean(x)))].slice(0, 10);
  const filters: ClaimFilter[] = [
    {},
    { statuses: ['accepted'] },
    { entities: some.slice(0, 1) },
    { entities: some.slice(0, 5), statuses: ['accepted', 'candidate'] },
    { entities: some, limit: 7, offset: 3 },
    { claimants: claimants.slice(0, 1) },
    { claimants },
    { claimants, contested: true },
    { claimants: claimants.slice(0, 3), fromDay: toDay(Date.UTC(2000, 0, 1))!, toDay: toDay(Date.UTC(2009, 11, 31))! },
    { fromDay: toDay(Date.UTC(2000, 0, 1))!, toDay: toDay(Date.UTC(2005, 11, 31))! },
    { fromDay: toDay(Date.UTC(2000, 0, 1))!, toDay: toDay(Date.UTC(2005, 11, 31))!, includeUndated: true, entities: some.slice(0, 5) },
    { toDay: toDay(Date.UTC(1995, 0, 1))!, includeUndated: true },
    { contested: true },
    { subjects: some.slice(0, 6), predicates: ['member_of', 'pledged_allegiance_to'] },
    { objects: some.slice(0, 6) },
    { subjects: [] },
    { contested: true, entities: some.slice(0, 8) },
    { subject: some[1] ?? '', predicates: ['member_of', 'leader_of', 'renamed_to'] },
    { object: some[2] ?? '' },
    { source: ds.sources[0]!.id },
    { entities: [], claimants: [] },
    // Two keys: the rows come from one key's lists and the other is tested on each claim.
    { subjects: some.slice(0, 4), objects: some.slice(2, 8) },
    { subject: some[0] ?? '', entities: some.slice(3, 6) },
    { objects: some.slice(0, 6), claimants: claimants.slice(0, 4) },
    ...disputes.slice(0, 2).map((d) => ({ dispute: d, entities: some.slice(0, 4) })),
    ...disputes.map((d) => ({ dispute: d })),
    ...some.map((e) => ({ entities: [e] })),
  ];
  for (const f of filters) {
    expect(await fast.listClaims(f), JSON.stringify(f)).toEqual(await generic.listClaims(f));
    expect(await fast.countClaims(f)).toEqual(await generic.countClaims(f));
  }
  // Unions: each pair of neighbouring filters (limits aside), and all of them at once.
  const unlimited = filters.filter((f) => f.limit === undefined);
  for (const pair of [...unlimited.keys()].map((i) => unlimited.slice(i, i + 2))) expect(await fast.listClaimsAny(pair), JSON.stringify(pair)).toEqual(await generic.listClaimsAny(pair));
  expect(await fast.listClaimsAny(unlimited)).toEqual(await generic.listClaimsAny(unlimited));
  const claimIds = ds.claims.filter((_, i) => i % 7 === 0).map((c) => c.id);
  const asked = [...claimIds.slice(0, 20).reverse(), 'missing', claimIds[0] ?? ''];
  expect(await (fast as KyselyRepository).getClaims(asked)).toEqual(await (generic as KyselyRepository).getClaims(asked));
  for (const id of [...claimIds.slice(0, 30), 'missing']) expect(await fast.getClaim(id)).toEqual(await generic.getClaim(id));
  const askedEntities = [...some.reverse(), 'nobody', some[0] ?? ''];
  expect(await fast.getEntities(askedEntities)).toEqual(await generic.getEntities(askedEntities));
  expect(await fast.getEntities(askedEntities.slice(0, 3))).toEqual(await generic.getEntities(askedEntities.slice(0, 3)));
  for (const id of [...some, 'nobody']) expect(await fast.getEntity(id)).toEqual(await generic.getEntity(id));
  for (const s of [...ds.sources.slice(0, 10).map((x) => x.id), 'nothing']) expect(await fast.getSource(s)).toEqual(await generic.getSource(s));
  for (const id of [...some, 'nobody']) {
    for (const opts of [{ predicates: ['renamed_to', 'merged_into', 'declared'], statuses: ['accepted', 'candidate'], maxNodes: 200 }, { predicates: ['renamed_to', 'merged_into', 'split_from', 'founded', 'declared'], statuses: ['accepted'], type: 'organization', maxNodes: 200 }] as const) {
      const asked = { ...opts, predicates: [...opts.predicates], statuses: [...opts.statuses] };
      expect(new Set(await fast.reachable(id, asked))).toEqual(new Set(await generic.reachable(id, asked)));
    }
  }
  expect(await fast.getLabels(askedEntities)).toEqual(await generic.getLabels(askedEntities));
  const someSources = [...ds.sources.slice(0, 12).map((x) => x.id).reverse(), 'nothing'];
  expect(await fast.getSources(someSources)).toEqual(await generic.getSources(someSources));
  const someDisputes = [...ds.disputes.slice(0, 12).map((x) => x.id).reverse(), 'nothing'];
  expect(await fast.getDisputes(someDisputes)).toEqual(await generic.getDisputes(someDisputes));
  const names = ds.entities.flatMap((e) => e.names.map((x) => defaultFold(x.name))).filter((_, i) => i % 11 === 0).slice(0, 40);
  for (const q of [...names, 'abu', 'al', 'zzz', '']) {
    for (const opts of [{}, { prefix: true }, { prefix: true, limit: 3 }]) expect(await fast.findNames(q, opts)).toEqual(await generic.findNames(q, opts));
  }
  const fastChanges = await fast.listChanges();
  const genericChanges = await generic.listChanges();
  expect(withoutTimes(fastChanges)).toEqual(withoutTimes(genericChanges));
}

const mini = readDataset(readFileSync(new URL('../../../test/fixtures/mini.yaml', import.meta.url), 'utf8'), { file: 'mini.yaml' });
const generated = generateDataset('tiny', 42);

describe('SQLite fast paths', () => {
  it('stores day bounds exactly as rows.ts computes them', () => {
    const times = [...generated.claims.map((c) => c.time), ...mini.claims.map((c) => c.time)].filter((t): t is string => Boolean(t));
    for (const t of [...times, '2004-02-29', '2004-12~', '2006-21', '2006-36', '../2003', '2003/..', '2003/', '1999-12-31?/2000-01', '2006/2006', '0999', '2006-05/2006-04']) {
      let want: unknown;
      try {
        const s = parseTime(t);
        want = [toDay(s.start.earliest), toDay(s.end.latest)];
      } catch {
        want = 'invalid';
      }
      let got: unknown;
      try {
        got = dayBounds(t);
      } catch {
        got = 'invalid';
      }
      expect(got, t).toEqual(want);
    }
  });

  it('parses the common EDTF forms (fast path of time.ts) exactly as the edtf package does', async () => {
    const DAY = 86_400_000;
    const flag = (f: unknown) => Boolean(f) && (typeof f === 'boolean' ? f : (f as { value: number }).value !== 0);
    const viaPackage = (p: string) => {
      const v = edtf(p) as unknown as { min: number; max: number; precision?: number; approximate?: unknown; uncertain?: unknown };
      const fuzzy = flag(v.approximate) || flag(v.uncertain);
      const m = fuzzy ? (v.precision === 3 ? 3 * DAY : v.precision === 2 ? 31 * DAY : v.precision === 1 ? 366 * DAY : Math.max(DAY, (v.max - v.min) / 2)) : 0;
      return [v.min - m, v.max + m, fuzzy];
    };
    const points = new Set<string>();
    for (const c of generated.claims) for (const p of c.time?.split('/') ?? []) if (p && p !== '..') points.add(p);
    for (let y = 1996; y < 2026; y += 7) {
      for (const q of ['', '~', '?']) {
        points.add(`${y}${q}`);
        for (let m = 1; m <= 13; m++) {
          const mm = String(m).padStart(2, '0');
          points.add(`${y}-${mm}${q}`);
          for (const d of ['00', '01', '15', '28', '29', '30', '31']) points.add(`${y}-${mm}-${d}${q}`);
        }
        for (const s of [20, 21, 22, 23, 24, 25, 33, 34, 35, 36, 37]) points.add(`${y}-${s}${q}`);
      }
    }
    let i = 0;
    for (const p of points) {
      if (++i % 500 === 0) await new Promise((r) => setImmediate(r)); // let the test runner's messages through
      let want: unknown;
      try {
        want = viaPackage(p);
      } catch {
        want = 'invalid';
      }
      let got: unknown;
      try {
        const t = parseTime(p);
        got = [t.start.earliest, t.end.latest, t.fuzzy];
      } catch {
        got = 'invalid';
      }
      expect(got, p).toEqual(want);
    }
  });

  for (const [name, ds, readModel] of [['mini.yaml', mini, false], ['a generated knowledge base', generated, false], ['a generated knowledge base', generated, true]] as const) {
    it(`imports and reads ${name} as the generic path does${readModel ? ', reading claims from the in-memory read model' : ''}`, async () => {
      const { fast, generic, genericRaw } = await pair(readModel);
      if (readModel) expect((await fast.readModel())?.size).toBe(0);
      fast.rebuildIndexesAt = 1; // exercise dropping and rebuilding indexes too
      expect(await fast.importDataset(ds, { actor: 'test' })).toEqual(await generic.importDataset(ds, { actor: 'test' }));
      if (readModel) expect((await fast.readModel())?.size).toBe(ds.claims.length);
      await sameReads(fast, generic, ds);
      const indexes = (db: Database.Database) => db.prepare("select name, tbl_name, sql from sqlite_master where type = 'index' order by name").all();
      expect(indexes(fast.raw)).toEqual(indexes(genericRaw));
      expect(indexes(fast.raw).length).toBeGreaterThan(10);
      // Importing again replaces every record: the fast path falls back to the generic one.
      const again: Dataset = { ...ds, claims: ds.claims.map((c): Claim => ({ ...c, note: 'again' })) };
      expect(await fast.importDataset(again, { actor: 'again' })).toEqual(await generic.importDataset(again, { actor: 'again' }));
      await sameReads(fast, generic, ds);
    }, 60_000);
  }

  it('checks references once at the end of a large import: a missing entity rolls the whole import back', async () => {
    const { fast } = await pair();
    fast.rebuildIndexesAt = 1;
    const base: Dataset = { ...generated, claims: [], disputes: [] };
    const dangling: Claim = { ...generated.claims.find((c) => !c.dispute)!, id: 'dangling', subject: 'nobody-at-all' };
    await expect(fast.importMany([base, { sources: [], entities: [], perspectives: [], disputes: [], claims: [dangling] }], { actor: 'bulk', claims: 2 })).rejects.toThrow(/refers to records that do not exist: 1 row\(s\), the first in table claim .* missing entity/);
    expect(await fast.counts()).toMatchObject({ entities: 0, claims: 0, sources: 0 });
    expect(fast.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect((await fast.importMany([base], { actor: 'bulk', claims: 2 }))[0]?.entities).toBe(generated.entities.length);
  });

  it('imports chunks in one transaction (importMany) as one importDataset call per chunk does', async () => {
    const { fast, generic } = await pair();
    fast.rebuildIndexesAt = 1;
    const chunks: Dataset[] = [{ ...generated, claims: [], disputes: [] }];
    const byDispute = new Map(generated.disputes.map((d) => [d.id, d]));
    for (let i = 0; i < generated.claims.length; i += 700) {
      const claims = generated.claims.slice(i, i + 700);
      const disputes = [...new Set(claims.map((c) => c.dispute).filter((d): d is string => Boolean(d)))].filter((d) => byDispute.has(d)).map((d) => byDispute.get(d)!);
      for (const d of disputes) byDispute.delete(d.id);
      chunks.push({ sources: [], entities: [], perspectives: [], claims, disputes });
    }
    function* stream() {
      yield* chunks;
    }
    const summaries = await fast.importMany(stream(), { actor: 'bulk', claims: generated.claims.length });
    const expected = [];
    for (const c of chunks) expected.push(await generic.importDataset(c, { actor: 'bulk' }));
    expect(summaries).toEqual(expected);
    await sameReads(fast, generic, generated);
    // Existing records: falls back to one generic import per chunk.
    const again = chunks.map((c) => ({ ...c, claims: c.claims.map((x): Claim => ({ ...x, note: 'again' })) }));
    expect(await fast.importMany(again, { actor: 'again' })).toEqual(await Promise.all([]).then(async () => { const out = []; for (const c of again) out.push(await generic.importDataset(c, { actor: 'again' })); return out; }));
    await sameReads(fast, generic, generated);
  }, 60_000);

  it('gives the lineage view the family claims it reads (lineage predicates only), with the same result', async () => {
    const { fast } = await pair();
    await fast.importDataset(generated);
    const orgs = generated.entities.filter((e) => e.type === 'organization').map((e) => e.id);
    for (const [i, id] of orgs.slice(0, 12).entries()) {
      for (const perspective of i % 2 ? [undefined] : [undefined, generated.perspectives[0]!.id]) {
        await new Promise((r) => setImmediate(r));
        const full = new KnowledgeBase(fast);
        const claims = await full.familyClaims(id);
        const expected = lineageOf(id, await full.viewed(claims, perspective), full.lookup);
        expect(await new KnowledgeBase(fast).lineage(id, perspective)).toEqual(expected);
      }
    }
  }, 60_000);

  it('reads only contested claims for disputes and only the window for a timeline, with the views a full read gives', async () => {
    const { fast } = await pair();
    await fast.importDataset(generated);
    const involving = async (id: string) => {
      const seen = new Map<string, Claim>();
      for (const c of [...(await fast.listClaims({ entities: [id] })), ...(await fast.listClaims({ claimants: [id] }))]) if (!seen.has(c.id)) seen.set(c.id, c);
      return [...seen.values()];
    };
    let disputed = 0;
    let entries = 0;
    const ids = generated.entities.filter((e) => e.type !== 'place').map((e) => e.id).filter((_, k) => k % 29 === 0).slice(0, 30);
    for (const [i, id] of ids.entries()) {
      await new Promise((r) => setImmediate(r));
      const full = new KnowledgeBase(fast);
      const all = await involving(id);
      const members = (await Promise.all([...new Set(all.map((c) => c.dispute).filter((d): d is string => Boolean(d)))].map((d) => fast.listClaims({ dispute: d })))).flat();
      const whole = [...new Map([...all, ...members].map((c) => [c.id, c])).values()];
      await full.preload(whole);
      const expected = disputesOf(whole, await fast.listDisputes(), full.lookup, id);
      expect(await new KnowledgeBase(fast).disputes(id)).toEqual(expected);
      disputed += expected.length;
      const from = String(1985 + (i % 25));
      const to = String(1985 + (i % 25) + 9);
      const window = timelineOf(claimsInView(all), { entity: id, from, to });
      expect(await new KnowledgeBase(fast).timeline({ entityName: id, from, to })).toEqual(window);
      entries += window.length;
    }
    expect(disputed).toBeGreaterThan(3);
    expect(entries).toBeGreaterThan(20);
  }, 60_000);

  it('walks the overall network on a date over the relations that can hold then, with the edges a reading of every claim gives', async () => {
    const { fast } = await pair();
    await fast.importDataset(generated);
    const all = await fast.listClaims({ statuses: ['accepted'] });
    const people = generated.entities.filter((e) => e.type !== 'place').map((e) => e.id);
    let edges = 0;
    for (const [i, id] of people.filter((_, k) => k % 37 === 0).slice(0, 24).entries()) {
      const date = `${1988 + (i % 30)}-0${(i % 9) + 1}`;
      await new Promise((r) => setImmediate(r));
      const kb = new KnowledgeBase(fast);
      const got = await kb.networkAround(id, date, { hops: 2 });
      const whole = networkAt(date, claimsInView(all), { focus: id, hops: 2 });
      // The walk loads relations touching the focus and its neighbours: those are the edges to compare.
      const near = new Set([id, ...whole.edges.filter((e) => e.source === id || e.target === id).flatMap((e) => [e.source, e.target])]);
      const expected = whole.edges.filter((e) => near.has(e.source) || near.has(e.target));
      expect(new Set(got.nodes)).toEqual(new Set(whole.nodes));
      expect([...got.edges].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...expected].sort((a, b) => a.id.localeCompare(b.id)));
      edges += got.edges.length;
    }
    expect(edges).toBeGreaterThan(20);
  }, 60_000);

  it.each([false, true])('gives the overall as-of view only the claims that can change it, with the same result as reading all (read model: %s)', async (readModel) => {
    const { fast } = await pair(readModel);
    await fast.importDataset(generated);
    // With the model, labels the view names come at hand (labelAtHand) instead of by a second build.
    expect(Boolean(await fast.readModel())).toBe(readModel);
    const orgs = generated.entities.filter((e) => e.type === 'organization').map((e) => e.id);
    let compared = 0;
    for (const [i, id] of orgs.slice(0, 16).entries()) {
      for (const date of ['1988', `${1990 + i}-0${(i % 9) + 1}`, '2003-06-15', '2010-21', '2016']) {
        await new Promise((r) => setImmediate(r));
        const full = new KnowledgeBase(fast);
        const all = await full.successionClaims(id);
        const expected = asOf(id, date, await full.viewed(all), full.lookup);
        for (const f of expected.forms) await full.entity(f.entity); // the forms are shown with their names
        const narrowed = new KnowledgeBase(fast);
        const view = await narrowed.asOf(id, date);
        expect(view).toEqual(expected);
        expect(presentAsOf(narrowed, view)).toEqual(presentAsOf(full, expected));
        expect((await narrowed.successionClaims(id, 200, asOfReads(date))).length).toBeLessThanOrEqual(all.length);
        compared += expected.leaders.length + expected.forms.length + expected.conflicts.length;
      }
    }
    expect(compared).toBeGreaterThan(20);
  }, 60_000);

  it('finds generated names with the lazily built name index', async () => {
    const { fast } = await pair();
    await fast.importDataset(generated);
    const person = generated.entities[5]!;
    const hits = fast.nameIndex().lookup(person.names[0]!.name, { limit: 5 });
    expect(hits.map((h) => h.entityId)).toContain(person.id);
    const disputes = [...new Set(generated.claims.map((c) => c.dispute).filter((x): x is string => Boolean(x)))];
    expect(await fast.getDisputes(disputes.slice(0, 3))).toEqual((await fast.listDisputes()).filter((d) => disputes.slice(0, 3).includes(d.id)));
  });
});
