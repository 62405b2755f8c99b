/**
 * The engine-neutral repository suite: every test runs against each engine of
 * `engines.ts` (SQLite always, PostgreSQL when available), on the invented dataset
 * `test/fixtures/mini.yaml`. Expected values never depend on the engine.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, IsnadError, NotFoundError } from '../../src/core/errors.js';
import type { Claim, Dataset, Entity } from '../../src/core/model.js';
import { readDataset } from '../../src/interop/native/read-dataset.js';
import { entitiesOnly, person } from '../../src/interop/testing/fixtures.js';
import { writeDataset } from '../../src/interop/native/write-dataset.js';
import type { KyselyRepository } from '../../src/store/kysely-repository.js';
import { defaultFold } from '../../src/store/fold.js';
import type { ReachOptions } from '../../src/store/repository.js';
import type { EngineHarness } from './engines.js';

export const MINI_FILE = new URL('../fixtures/mini.yaml', import.meta.url);

export function loadMini(): Dataset {
  return readDataset(readFileSync(MINI_FILE, 'utf8'), { file: 'test/fixtures/mini.yaml', now: '2020-01-01T00:00:00Z' });
}

const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
const sorted = (xs: readonly string[]) => [...xs].sort();

async function snapshot(repo: KyselyRepository) {
  return { counts: await repo.counts(), json: writeDataset(await repo.exportDataset(), 'json') };
}

export function repositorySuite(engine: EngineHarness): void {
  const suite = engine.skip ? describe.skip : describe;
  suite(`repository on ${engine.name}${engine.variant ? ` ${engine.variant}` : ''}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`, () => {
    const mini = loadMini();
    let repo: KyselyRepository;

    beforeEach(async () => {
      repo = await engine.open();
      await repo.importDataset(mini, { actor: 'fixture' });
    });
    afterEach(() => engine.release());

    describe('import and export', () => {
      it('imports the fixture and counts every record', async () => {
        const c = await repo.counts();
        expect(c).toEqual({
          sources: 2,
          entities: 12,
          names: 21,
          claims: 20,
          perspectives: 2,
          disputes: 1,
          claimsByStatus: { candidate: 1, accepted: 19, rejected: 0 },
        });
        expect(repo.engine).toBe(engine.name);
      });

      it('returns an import summary that matches the dataset', async () => {
        const fresh = await engine.open();
        expect(await fresh.latestChangeId()).toBe(0);
        const summary = await fresh.importDataset(mini);
        expect(summary).toEqual({ sources: 2, entities: 12, names: 21, claims: 20, perspectives: 2, disputes: 1 });
        expect(await fresh.latestChangeId()).toBe((await fresh.listChanges()).at(-1)!.id);
      });

      it('exports exactly what was imported (json and yaml)', async () => {
        const exported = await repo.exportDataset();
        expect(writeDataset(exported, 'json')).toBe(writeDataset(mini, 'json'));
        expect(writeDataset(exported, 'yaml')).toBe(writeDataset(mini, 'yaml'));
      });

      it('export → import → export is byte-identical', async () => {
        const first = writeDataset(await repo.exportDataset(), 'yaml');
        const again = readDataset(first, { file: 'export.yaml' });
        const other = await engine.open();
        await other.importDataset(again);
        const second = writeDataset(await other.exportDataset(), 'yaml');
        expect(second).toBe(first);
      });

      it('does not write store versions into the native format', async () => {
        await repo.setClaimStatus('candidate-one', 'accepted');
        const json = writeDataset(await repo.exportDataset(), 'json');
        expect(json).not.toContain('"version"');
      });

      it('re-importing the same dataset is idempotent', async () => {
        const before = await snapshot(repo);
        await repo.importDataset(mini);
        await repo.importDataset(mini);
        expect(await snapshot(repo)).toEqual(before);
      });

      it('takes two imports of the same new records at once: both land, the later replacing the earlier', async () => {
        // On PostgreSQL both find the records absent and insert; the second then meets the first's
        // keys, is rolled back whole and runs again on the path that replaces records.
        const ds: Dataset = { sources: [], entities: [person('twice-person', 'Twice Person')], claims: [{ ...mini.claims[0]!, id: 'twice-claim' }], perspectives: [], disputes: [] };
        const changesBefore = (await repo.listChanges()).length;
        await Promise.all([repo.importDataset(ds, { actor: 'first' }), repo.importDataset(ds, { actor: 'second' })]);
        expect((await repo.getClaim('twice-claim'))?.version).toBe(2);
        expect((await repo.getEntity('twice-person'))?.version).toBe(2);
        expect(await repo.getClaim('twice-claim')).toMatchObject({ subject: mini.claims[0]!.subject, evidence: mini.claims[0]!.evidence });
        expect((await repo.listChanges()).slice(changesBefore).map((c) => c.action)).toEqual(['import', 'import']);
      });

      it('orders records by code point on every engine', async () => {
        const extra: Dataset = {
          sources: [],
          perspectives: [],
          disputes: [],
          claims: [],
          entities: ['Zeta', 'alpha', 'Alpha-2', 'a_b', 'a-b', 'ab'].map((id) => ({ id, type: 'place', canonical: id, names: [{ name: id, kind: 'alias', sources: [] }] })),
        };
        await repo.importDataset(extra);
        const got = ids(await repo.listEntities({ type: 'place' }));
        expect(got).toEqual(['Alpha-2', 'Zeta', 'a-b', 'a_b', 'ab', 'alpha', 'delta-town']);
      });
    });

    describe('atomicity and integrity', () => {
      const broken: Dataset = {
        sources: [{ id: 'late-source', kind: 'web', title: 'Late' }],
        perspectives: [],
        disputes: [{ id: 'late-dispute', question: 'Late?' }],
        entities: [{ id: 'newcomer', type: 'person', canonical: 'Newcomer', names: [{ name: 'Newcomer', kind: 'real_name', sources: [] }] }],
        claims: [
          {
            id: 'vb-founded',
            subject: 'newcomer',
            predicate: 'founded',
            object: 'valley-brotherhood',
            stance: 'asserts',
            attribution: [{ source: 'late-source' }],
            evidence: [{ source: 'late-source', quote: 'x' }],
            status: 'accepted',
            recordedBy: 't',
            recordedAt: '2020-01-01T00:00:00Z',
          },
          {
            id: 'dangling',
            subject: 'no-such-entity',
            predicate: 'killed',
            stance: 'asserts',
            attribution: [{ source: 'late-source' }],
            evidence: [{ source: 'late-source', quote: 'x' }],
            status: 'accepted',
            recordedBy: 't',
            recordedAt: '2020-01-01T00:00:00Z',
          },
        ],
      };

      it('an import that fails midway leaves the store exactly as before', async () => {
        const before = await snapshot(repo);
        const historyBefore = await repo.listChanges();
        await expect(repo.importDataset(broken)).rejects.toThrow();
        expect(await snapshot(repo)).toEqual(before);
        expect(await repo.getEntity('newcomer')).toBeUndefined();
        expect(await repo.getSource('late-source')).toBeUndefined();
        expect((await repo.getClaim('vb-founded'))?.subject).toBe('karim-haddad');
        expect(await repo.listChanges()).toEqual(historyBefore);
      });

      it('enforces foreign keys on direct writes', async () => {
        const claim = (await repo.getClaim('vb-founded'))!;
        const before = await snapshot(repo);
        await expect(repo.updateClaim({ ...claim, object: 'no-such-entity' })).rejects.toThrow();
        await expect(repo.updateClaim({ ...claim, evidence: [{ source: 'no-such-source', quote: 'q' }] })).rejects.toThrow();
        expect(await snapshot(repo)).toEqual(before);
      });

      it('rolls back a transaction whose callback throws', async () => {
        const before = await snapshot(repo);
        await expect(
          repo.transaction(async (tx) => {
            await tx.setClaimStatus('candidate-one', 'rejected', { actor: 'tx' });
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await snapshot(repo)).toEqual(before);
        expect(await repo.history('claim', 'candidate-one')).toEqual([]);
      });
    });

    describe('entities and names', () => {
      it('gets one entity and several in the order asked', async () => {
        const e = await repo.getEntity('karim-haddad');
        expect(e?.canonical).toBe('Karim Haddad');
        expect(e?.names.map((n) => [n.name, n.kind])).toEqual([
          ['Karim Haddad', 'real_name'],
          ['Abu Salim al-Nahri', 'kunya'],
          ['al-Nahri', 'nisba'],
        ]);
        expect(e?.version).toBe(1);
        expect(await repo.getEntity('nobody')).toBeUndefined();
        expect(ids(await repo.getEntities(['omar-said', 'nobody', 'delta-town', 'omar-said']))).toEqual(['omar-said', 'delta-town']);
      });

      it('lists entities by type, ordered by id, page by page', async () => {
        expect(ids(await repo.listEntities({ type: 'person' }))).toEqual(['abu-salim-al-jabali', 'karim-haddad', 'lina-farouk', 'omar-said', 'tariq-mansour']);
        const all = ids(await repo.listEntities());
        expect(all).toHaveLength(12);
        expect(all).toEqual(sorted(all));
        expect(ids(await repo.listEntities({ limit: 3, offset: 2 }))).toEqual(all.slice(2, 5));
      });

      it('finds names by exact folded key', async () => {
        const hits = await repo.findNames('abu salim al nahri');
        expect(hits).toEqual([{ entityId: 'karim-haddad', name: 'Abu Salim al-Nahri', kind: 'kunya' }]);
        expect(await repo.findNames('abu salim')).toEqual([]);
      });

      it('finds names by folded prefix', async () => {
        const hits = await repo.findNames('abu salim', { prefix: true });
        expect(hits.map((h) => h.entityId)).toEqual(['abu-salim-al-jabali', 'karim-haddad']);
        expect((await repo.findNames('al', { prefix: true })).map((h) => h.name)).toEqual(['al-Nahri']);
        expect(await repo.findNames('abu', { prefix: true, limit: 2 })).toHaveLength(2);
        // By folded key (the index's order, so a common prefix is not sorted whole), then entity:
        // here the key order is not the entity order.
        await repo.importDataset(entitiesOnly([person('a-zaid', 'Abu Zaid'), person('z-aban', 'Abu Aban')]));
        const abu = (await repo.findNames('abu', { prefix: true })).map((h) => `${defaultFold(h.name)}\u0000${h.entityId}`);
        expect(abu.length).toBeGreaterThan(3);
        expect(abu).toEqual([...abu].sort());
        expect(abu[0]).toBe(`${defaultFold('Abu Aban')}\u0000z-aban`);
      });

      it('finds similar names by trigram similarity, the same on every engine', async () => {
        const hits = await repo.findSimilarNames('omar saed');
        expect(hits.map((h) => h.name)).toEqual(['Omar Saeed', 'Omar Said']);
        expect(hits[0]!.similarity).toBeGreaterThan(hits[1]!.similarity);
        // pg_trgm: 9 shared of 12 trigrams; 7 of 13.
        expect(hits.map((h) => h.similarity)).toEqual([0.75, 0.5385]);
        expect(await repo.findSimilarNames('zzzz qqqq')).toEqual([]);
      });

      it('lists every name with its entity type', async () => {
        const all = [];
        for await (const n of repo.allNames()) all.push(n);
        expect(all).toHaveLength(21);
        expect(all[0]).toEqual({ entityId: 'abu-salim-al-jabali', name: 'Abu Salim al-Jabali', kind: 'kunya', type: 'person' });
      });

      it('gets labels (type and canonical name) by id, each once in the order first asked, missing ones left out', async () => {
        expect(await repo.getLabels(['valley-front', 'nobody', 'karim-haddad', 'valley-front'])).toEqual([
          { id: 'valley-front', type: 'organization', canonical: (await repo.getEntity('valley-front'))!.canonical },
          { id: 'karim-haddad', type: 'person', canonical: (await repo.getEntity('karim-haddad'))!.canonical },
        ]);
        expect(await repo.getLabels([])).toEqual([]);
      });

      it('gets sources by id (each once, in the order first asked) and by content hash', async () => {
        expect((await repo.getSource('farouk-2020'))?.author).toBe('Lina Farouk');
        expect(ids(await repo.listSources())).toEqual(['farouk-2020', 'mn-statement-2009']);
        expect(await repo.findSourceByHash('sha256:none')).toBeUndefined();
        expect(ids(await repo.getSources(['mn-statement-2009', 'nothing', 'farouk-2020', 'mn-statement-2009']))).toEqual(['mn-statement-2009', 'farouk-2020']);
        expect(await repo.getSources([])).toEqual([]);
      });
    });

    describe('claims', () => {
      const list = async (f: Parameters<KyselyRepository['listClaims']>[0]) => {
        const got = ids(await repo.listClaims(f));
        expect(await repo.countClaims(f)).toBe(got.length);
        return got;
      };

      it('lists all claims ordered by id', async () => {
        const all = await list({});
        expect(all).toHaveLength(20);
        expect(all).toEqual(sorted(all));
        expect((await repo.getClaim('vb-founded'))?.predicate).toBe('founded');
        expect(await repo.getClaim('nope')).toBeUndefined();
      });

      it('filters by entities (subject or object)', async () => {
        expect(await list({ entities: ['hill-group'] })).toEqual(['hill-merged', 'hill-split']);
        expect(await list({ entities: ['delta-town', 'omar-said'] })).toEqual(['mansour-attack', 'omar-leads-mn']);
      });

      it('filters by subject and by object', async () => {
        expect(await list({ subject: 'tariq-mansour' })).toEqual(['candidate-one', 'mansour-leads-re', 'mansour-leads-vf']);
        expect(await list({ object: 'united-river-council' })).toEqual(['hill-merged', 'vf-merged']);
        expect(await list({ subject: 'karim-haddad', object: 'valley-front' })).toEqual(['haddad-leads-vf']);
        expect(await list({ subjects: ['tariq-mansour', 'karim-haddad'], predicates: ['leader_of'] })).toEqual(['haddad-leads', 'haddad-leads-vf', 'mansour-leads-re', 'mansour-leads-vf']);
        expect(await list({ objects: ['united-river-council', 'valley-front'], predicates: ['merged_into', 'renamed_to'] })).toEqual(['hill-merged', 'vb-renamed', 'vf-merged']);
        expect(await list({ subjects: [] })).toEqual([]);
      });

      it('filters by predicates and statuses', async () => {
        expect(await list({ predicates: ['merged_into', 'split_from'] })).toEqual(['hill-merged', 'hill-split', 'vf-merged']);
        expect(await list({ statuses: ['candidate'] })).toEqual(['candidate-one']);
        expect(await list({ statuses: ['rejected'] })).toEqual([]);
        expect(await list({ predicates: ['leader_of'], statuses: ['accepted'] })).toHaveLength(5);
      });

      it('filters by claimant, dispute and source', async () => {
        expect(await list({ claimants: ['river-emirate'] })).toEqual(['re-branch-emirate-denies']);
        expect(await list({ claimants: ['mountain-network', 'river-emirate'] })).toEqual(['re-branch-emirate-denies', 're-branch-network-says']);
        expect(await list({ claimants: ['lina-farouk'] })).toHaveLength(18);
        expect(await list({ dispute: 'emirate-branch' })).toEqual(['re-branch-author', 're-branch-emirate-denies', 're-branch-network-says']);
        expect((await repo.getDisputes(['nothing', 'emirate-branch'])).map((d) => d.id)).toEqual(['emirate-branch']);
        expect(await repo.getDisputes([])).toEqual([]);
        expect(await list({ source: 'mn-statement-2009' })).toEqual([]);
        expect(await list({ source: 'farouk-2020' })).toHaveLength(20);
      });

      it('filters by time window (overlap; undated claims excluded)', async () => {
        const in2004 = await list({ fromDay: day('2004-01-01'), toDay: day('2004-12-31') });
        expect(in2004).toEqual(['mansour-attack', 'mansour-leads-re', 'omar-leads-mn', 're-branch-author', 're-branch-emirate-denies', 're-branch-network-says']);
        expect(await list({ toDay: day('1990-12-31') })).toEqual(['haddad-leads', 'vb-founded']);
        expect(await list({ fromDay: day('2007-01-01'), predicates: ['leader_of'] })).toEqual(['mansour-leads-re', 'omar-leads-mn']);
      });

      it('lists the claims matching any of several filters, each once, ordered by id (the union of the single reads)', async () => {
        const filters = [
          { subjects: ['tariq-mansour', 'karim-haddad'], predicates: ['leader_of'] },
          { entities: ['hill-group'] },
          { claimants: ['river-emirate'] },
          { dispute: 'emirate-branch' },
          { objects: ['united-river-council'], contested: true },
          { fromDay: day('2004-01-01'), toDay: day('2004-12-31'), entities: ['delta-town', 'omar-said'] },
        ] as const;
        const union = new Set<string>();
        for (const f of filters) for (const id of await list(f)) union.add(id);
        const got = ids(await repo.listClaimsAny(filters));
        expect(got).toEqual(sorted([...union]));
        expect(got.length).toBeGreaterThan(8);
        // Overlapping filters give each claim once; one filter reads as listClaims does; none gives nothing.
        expect(ids(await repo.listClaimsAny([{ entities: ['hill-group'] }, { predicates: ['merged_into', 'split_from'] }]))).toEqual(['hill-merged', 'hill-split', 'vf-merged']);
        expect(ids(await repo.listClaimsAny([{ subject: 'tariq-mansour' }]))).toEqual(await list({ subject: 'tariq-mansour' }));
        expect(await repo.listClaimsAny([])).toEqual([]);
        expect(await repo.listClaimsAny([{ subjects: [] }, { claimants: ['nobody'] }])).toEqual([]);
      });

      it('finds the entities reachable over some predicates, either way, optionally through one type only', async () => {
        const succession: ReachOptions = { predicates: ['renamed_to', 'merged_into', 'declared'], statuses: ['accepted', 'candidate'], maxNodes: 200 };
        const forms = ['hill-group', 'river-emirate', 'united-river-council', 'valley-brotherhood', 'valley-front'];
        for (const start of forms) expect(sorted(await repo.reachable(start, succession))).toEqual(forms);
        expect((await repo.reachable('valley-front', succession))[0]).toBe('valley-front');
        // founded joins Haddad to the family, unless the walk keeps to organizations
        const family: ReachOptions = { predicates: ['renamed_to', 'merged_into', 'declared', 'founded', 'split_from'], statuses: ['accepted'], maxNodes: 200 };
        expect(await repo.reachable('valley-brotherhood', family)).toContain('karim-haddad');
        expect(sorted(await repo.reachable('valley-brotherhood', { ...family, type: 'organization' }))).toEqual(forms);
        expect(await repo.reachable('delta-town', succession)).toEqual(['delta-town']);
        expect((await repo.reachable('valley-front', { ...succession, maxNodes: 1 })).length).toBeGreaterThanOrEqual(2);
      });

      it('filters contested claims: in a dispute, or with another claim taking the other stance', async () => {
        const all = await repo.listClaims({});
        const other = (c: Claim) => all.some((o) => o.id !== c.id && o.subject === c.subject && o.predicate === c.predicate && (o.object ?? '') === (c.object ?? '') && (o.value ?? '') === (c.value ?? '') && o.stance !== c.stance && o.status !== 'rejected');
        const expected = all.filter((c) => c.dispute || other(c)).map((c) => c.id);
        expect(expected.length).toBeGreaterThan(2);
        expect(await list({ contested: true })).toEqual(expected);
        expect(await list({ contested: true, entities: ['river-emirate'] })).toEqual(expected.filter((id) => all.find((c) => c.id === id)!.subject === 'river-emirate' || all.find((c) => c.id === id)!.object === 'river-emirate'));
      });

      it('keeps undated claims in a time window when asked (includeUndated)', async () => {
        const dated = (await repo.getClaim('hill-split'))!;
        const { time: _time, ...rest } = dated;
        await repo.importDataset({ ...mini, sources: [], entities: [], perspectives: [], disputes: [], claims: [{ ...rest, id: 'hill-undated' }] });
        const undated = (await repo.listClaims({})).filter((c) => !c.time).map((c) => c.id);
        expect(undated).toEqual(['hill-undated']);
        const in2004 = await list({ fromDay: day('2004-01-01'), toDay: day('2004-12-31') });
        expect(await list({ fromDay: day('2004-01-01'), toDay: day('2004-12-31'), includeUndated: true })).toEqual(sorted([...in2004, ...undated]));
        expect(await list({ toDay: day('1990-12-31'), includeUndated: true, predicates: ['founded', 'split_from'] })).toEqual(['hill-undated', 'vb-founded']);
      });

      it('pages with limit and offset', async () => {
        const all = await list({});
        expect(ids(await repo.listClaims({ limit: 5, offset: 0 }))).toEqual(all.slice(0, 5));
        expect(ids(await repo.listClaims({ limit: 5, offset: 17 }))).toEqual(all.slice(17));
        expect(await repo.countClaims({ limit: 5 })).toBe(20);
      });

      it('keeps attribution chains, evidence, confidence and disputes', async () => {
        const c = (await repo.getClaim('re-branch-network-says'))!;
        expect(c.attribution).toEqual([{ entity: 'lina-farouk' }, { entity: 'mountain-network', source: 'mn-statement-2009', via: 'statement', date: '2009-02' }]);
        expect(c.evidence[0]?.quote).toBe('the Network says the Emirate stayed its branch until 2008');
        expect(c.dispute).toBe('emirate-branch');
        expect((await repo.getClaim('re-branch-author'))?.confidence).toBe(0.6);
        expect((await repo.getClaim('re-branch-emirate-denies'))?.stance).toBe('denies');
      });
    });

    describe('perspectives and disputes', () => {
      it('lists perspectives with claimants in order', async () => {
        expect(await repo.listPerspectives()).toEqual([
          { id: 'emirate', label: 'as the River Emirate tells it', claimants: ['river-emirate', 'tariq-mansour'] },
          { id: 'network', label: 'as the Mountain Network tells it', claimants: ['mountain-network', 'omar-said'] },
        ]);
      });

      it('lists disputes', async () => {
        expect(await repo.listDisputes()).toEqual([{ id: 'emirate-branch', question: 'Did the River Emirate remain a branch of the Mountain Network after 2003?' }]);
      });
    });

    describe('versions, history and revert', () => {
      it('imports an archive of thousands of sources, with a history target every engine can index', async () => {
        const sources = Array.from({ length: 2000 }, (_, i) => ({ ...mini.sources[0]!, id: `archive-source-${String(i).padStart(5, '0')}` }));
        await repo.importDataset({ sources, entities: [], claims: [], perspectives: [], disputes: [] }, { actor: 'archive' });
        const entry = (await repo.listChanges()).at(-1)!;
        expect(entry.targetId).toMatch(/^archive-source-00000,archive-source-00001,.*,… \(\+\d+ more\)$/);
        expect(entry.targetId.length).toBeLessThan(240);
        expect((await repo.counts()).sources).toBe(2002);
      });

      it('updateClaim bumps the version and records who changed what', async () => {
        const c = (await repo.getClaim('vb-founded'))!;
        expect(c.version).toBe(1);
        const updated = await repo.updateClaim({ ...c, note: 'checked' }, { actor: 'ann', action: 'edit', expectedVersion: 1 });
        expect(updated.version).toBe(2);
        expect(updated.note).toBe('checked');
        const h = await repo.history('claim', 'vb-founded');
        expect(h).toHaveLength(1);
        expect(h[0]).toMatchObject({ actor: 'ann', action: 'edit', targetKind: 'claim', targetId: 'vb-founded' });
        expect((h[0]!.before as Claim).note).toBeUndefined();
        expect((h[0]!.after as Claim).note).toBe('checked');
        expect(Date.parse(h[0]!.at)).not.toBeNaN();
      });

      it('refuses a stale write with a ConflictError carrying the current record', async () => {
        const c = (await repo.getClaim('vb-founded'))!;
        await repo.updateClaim({ ...c, note: 'first' }, { actor: 'ann', expectedVersion: 1 });
        const err = await repo.updateClaim({ ...c, note: 'second' }, { actor: 'bob', expectedVersion: 1 }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConflictError);
        const conflict = err as ConflictError<Claim>;
        expect(conflict.code).toBe('conflict');
        expect(conflict.current?.note).toBe('first');
        expect(conflict.currentVersion).toBe(2);
        expect(conflict.expectedVersion).toBe(1);
        // The record's own version is the default expectation.
        await expect(repo.updateClaim({ ...c, note: 'third' })).rejects.toBeInstanceOf(ConflictError);
        expect((await repo.getClaim('vb-founded'))?.note).toBe('first');
        expect(await repo.history('claim', 'vb-founded')).toHaveLength(1);
      });

      it('lets exactly one of two concurrent writers of the same version win', async () => {
        const c = (await repo.getClaim('vb-founded'))!;
        const results = await Promise.allSettled([
          repo.updateClaim({ ...c, note: 'a' }, { actor: 'a', expectedVersion: 1 }),
          repo.updateClaim({ ...c, note: 'b' }, { actor: 'b', expectedVersion: 1 }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.filter((r) => r.status === 'rejected');
        expect(rejected).toHaveLength(1);
        expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
        expect((await repo.getClaim('vb-founded'))?.version).toBe(2);
        expect(await repo.history('claim', 'vb-founded')).toHaveLength(1);
      });

      it('updateClaim of a missing claim is NotFound', async () => {
        const c = (await repo.getClaim('vb-founded'))!;
        await expect(repo.updateClaim({ ...c, id: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
      });

      it('setClaimStatus accepts, rejects and reopens, each recorded', async () => {
        const accepted = await repo.setClaimStatus('candidate-one', 'accepted', { actor: 'ann', expectedVersion: 1 });
        expect(accepted).toMatchObject({ status: 'accepted', version: 2 });
        await repo.setClaimStatus('candidate-one', 'rejected', { actor: 'bob' });
        await repo.setClaimStatus('candidate-one', 'candidate', { actor: 'ann' });
        await expect(repo.setClaimStatus('candidate-one', 'accepted', { actor: 'x', expectedVersion: 2 })).rejects.toBeInstanceOf(ConflictError);
        const h = await repo.history('claim', 'candidate-one');
        expect(h.map((e) => [e.action, e.actor])).toEqual([
          ['accept', 'ann'],
          ['reject', 'bob'],
          ['reopen', 'ann'],
        ]);
        expect((await repo.counts()).claimsByStatus).toEqual({ candidate: 1, accepted: 19, rejected: 0 });
      });

      it('updateEntity replaces names, bumps the version and keeps search in step', async () => {
        const e = (await repo.getEntity('omar-said'))!;
        const updated = await repo.updateEntity({ ...e, names: [...e.names, { name: 'Abu Hafs', kind: 'kunya', sources: ['farouk-2020'] }] }, { actor: 'ann', expectedVersion: 1 });
        expect(updated.version).toBe(2);
        expect(updated.names).toHaveLength(3);
        expect(await repo.findNames('abu hafs')).toEqual([{ entityId: 'omar-said', name: 'Abu Hafs', kind: 'kunya' }]);
        await expect(repo.updateEntity({ ...e, canonical: 'stale' }, { actor: 'bob' })).rejects.toBeInstanceOf(ConflictError);
        const h = await repo.history('entity', 'omar-said');
        expect(h.map((x) => x.action)).toEqual(['edit']);
        expect((h[0]!.before as Entity).names).toHaveLength(2);
      });

      it('records merges and splits as attributed same_as / distinct_from claims', async () => {
        const merge = await repo.recordResolution({ kind: 'merge', subject: 'abu-salim-al-jabali', object: 'karim-haddad', note: 'test decision' }, { actor: 'ann' });
        expect(merge).toMatchObject({ predicate: 'same_as', subject: 'abu-salim-al-jabali', object: 'karim-haddad', status: 'accepted', recordedBy: 'ann', version: 1 });
        expect(merge.attribution[0]?.via).toContain('ann');
        const split = await repo.recordResolution({ kind: 'split', subject: 'abu-salim-al-jabali', object: 'karim-haddad', claimant: 'lina-farouk' }, { actor: 'bob' });
        expect(split).toMatchObject({ predicate: 'distinct_from', attribution: [{ entity: 'lina-farouk' }] });
        expect(await repo.countClaims({ predicates: ['same_as', 'distinct_from'] })).toBe(2);
        expect((await repo.history('claim', merge.id)).map((e) => [e.action, e.actor, e.before])).toEqual([['merge', 'ann', null]]);
        // Deciding the same question again replaces the decision, recorded as a second change.
        const again = await repo.recordResolution({ kind: 'merge', subject: 'abu-salim-al-jabali', object: 'karim-haddad', status: 'rejected' }, { actor: 'bob' });
        expect(again).toMatchObject({ id: merge.id, status: 'rejected', version: 2 });
        expect((await repo.history('claim', merge.id)).map((e) => e.action)).toEqual(['merge', 'merge']);
      });

      it('reverts an edit, recording the revert, and refuses to revert over newer changes', async () => {
        const c = (await repo.getClaim('vb-founded'))!;
        await repo.updateClaim({ ...c, time: '1991' }, { actor: 'ann' });
        await repo.updateClaim({ ...(await repo.getClaim('vb-founded'))!, note: 'n' }, { actor: 'bob' });
        const [first, second] = await repo.history('claim', 'vb-founded');
        await expect(repo.revertChange(first!.id, { actor: 'carl' })).rejects.toBeInstanceOf(ConflictError);
        const undoSecond = await repo.revertChange(second!.id, { actor: 'carl' });
        expect(undoSecond).toMatchObject({ action: 'revert', actor: 'carl', reverts: second!.id, targetId: 'vb-founded' });
        const undoFirst = await repo.revertChange(first!.id, { actor: 'carl' });
        expect(undoFirst.reverts).toBe(first!.id);
        const now = (await repo.getClaim('vb-founded'))!;
        expect(now.time).toBe('1990');
        expect(now.note).toBeUndefined();
        expect(now.version).toBe(5);
        expect(writeDataset(await repo.exportDataset(), 'json')).toBe(writeDataset(mini, 'json'));
        // A revert is a change like any other: it can be reverted in turn.
        await repo.revertChange(undoFirst.id, { actor: 'dana' });
        expect((await repo.getClaim('vb-founded'))?.time).toBe('1991');
        expect((await repo.history('claim', 'vb-founded')).map((e) => e.action)).toEqual(['edit', 'edit', 'revert', 'revert', 'revert']);
      });

      it('reverts an entity edit and a resolution (which deletes the claim it created)', async () => {
        const e = (await repo.getEntity('delta-town'))!;
        const edit = await repo.updateEntity({ ...e, canonical: 'Delta City' }, { actor: 'ann' });
        const [entry] = await repo.history('entity', 'delta-town');
        await repo.revertChange(entry!.id, { actor: 'bob' });
        expect(await repo.getEntity('delta-town')).toMatchObject({ canonical: 'Delta Town', version: edit.version! + 1 });

        const merge = await repo.recordResolution({ kind: 'merge', subject: 'omar-said', object: 'tariq-mansour' }, { actor: 'ann' });
        const [created] = await repo.history('claim', merge.id);
        await repo.revertChange(created!.id, { actor: 'bob' });
        expect(await repo.getClaim(merge.id)).toBeUndefined();
        expect((await repo.history('claim', merge.id)).map((x) => [x.action, x.after])).toEqual([
          ['merge', expect.objectContaining({ id: merge.id })],
          ['revert', null],
        ]);
        expect(writeDataset(await repo.exportDataset(), 'json')).toBe(writeDataset(mini, 'json'));
      });

      it('reverts an import: created records go, replaced records come back', async () => {
        const base = await snapshot(repo);
        const changed: Dataset = {
          ...mini,
          sources: [],
          perspectives: [],
          disputes: [],
          entities: [{ id: 'river-town', type: 'place', canonical: 'River Town', names: [{ name: 'River Town', kind: 'alias', sources: [] }] }],
          claims: [
            { ...mini.claims.find((c) => c.id === 'mansour-attack')!, object: 'river-town' },
            { ...mini.claims.find((c) => c.id === 'mansour-attack')!, id: 'second-attack', time: '2005' },
          ],
        };
        await repo.importDataset(changed, { actor: 'ann' });
        expect((await repo.getClaim('mansour-attack'))?.object).toBe('river-town');
        const imports = (await repo.listChanges()).filter((e) => e.action === 'import');
        expect(imports.map((e) => e.actor)).toEqual(['fixture', 'ann']);
        const revert = await repo.revertChange(imports[1]!.id, { actor: 'bob' });
        expect(revert).toMatchObject({ action: 'revert', targetKind: 'dataset', reverts: imports[1]!.id });
        expect(await snapshot(repo)).toEqual(base);
        expect((await repo.getClaim('mansour-attack'))?.version).toBe(3);
      });

      it('refuses to revert an import whose records changed since', async () => {
        const [imp] = await repo.listChanges();
        await repo.setClaimStatus('candidate-one', 'accepted', { actor: 'ann' });
        const err = await repo.revertChange(imp!.id, { actor: 'bob' }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConflictError);
        expect((err as Error).message).toContain('candidate-one');
      });

      it('reports unknown changes as NotFound and lists history page by page', async () => {
        await expect(repo.revertChange(999_999)).rejects.toBeInstanceOf(NotFoundError);
        await repo.setClaimStatus('candidate-one', 'accepted', { actor: 'ann' });
        await repo.setClaimStatus('candidate-one', 'rejected', { actor: 'ann' });
        const all = await repo.listChanges();
        expect(all).toHaveLength(3);
        expect(await repo.listChanges({ afterId: all[0]!.id, limit: 1 })).toEqual([all[1]]);
        expect(await repo.latestChangeId()).toBe(all[2]!.id);
        expect(await repo.getChange(all[2]!.id)).toEqual(all[2]);
        expect(all.every((e) => e instanceof Object && !(e instanceof IsnadError))).toBe(true);
      });
    });
  });
}
