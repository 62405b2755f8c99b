/**
 * The in-memory read model answers as the store does, and stays so, on every engine that has
 * one (the SQLite file, and the shared PostgreSQL store when it can be had; required under CI):
 * after this store's writes, after another process's writes to the same store, after what it
 * must be rebuilt for, around transactions, and when the store closes while it is being built.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generate/kb.js';
import { nameSearcher } from '../../src/app/name-search.js';
import type { Claim, Dataset, EntityLabel, Source } from '../../src/core/model.js';
import { basicFold } from '../../src/core/text.js';
import type { KyselyRepository } from '../../src/store/kysely-repository.js';
import { openPostgresStore } from '../../src/store/postgres/open-postgres.js';
import type { ClaimFilter, Repository } from '../../src/store/repository.js';
import { FastSqliteRepository } from '../../src/store/sqlite/fast-repository.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite.js';
import { postgresForTests } from '../support/postgres.js';

/** A store that can hold a read model: the SQLite file's, or the PostgreSQL store's. */
type Modelled = KyselyRepository & {
  readModel(): Promise<{ readonly size: number; sync(): boolean | Promise<boolean> } | undefined>;
  oneView<T>(fn: () => Promise<T>): Promise<T>;
  otherWritersLagMs: number;
  labelAtHand(id: string): EntityLabel | null | undefined;
  sourceAtHand(id: string): Source | null | undefined;
};

interface Engine {
  readonly name: string;
  readonly skip?: string;
  /** Whether the store's own reads see its open transaction's writes (SQLite: one connection; PostgreSQL: a pool). */
  readonly readsSeeOpenTransaction?: boolean;
  /** Where a new store can be made. */
  location(): Promise<string>;
  open(location: string, readModel: boolean): Promise<Modelled>;
}

const dir = mkdtempSync(join(tmpdir(), 'isnad-read-model-'));
const opened: Repository[] = [];
const pg = await postgresForTests();
afterAll(async () => {
  for (const r of opened) await r.close().catch(() => {});
  if (pg.available) await pg.server.stop();
  rmSync(dir, { recursive: true, force: true });
});
let n = 0;
const keep = <T extends Repository>(repo: T): T => (opened.push(repo), repo);

const sqlite: Engine = {
  name: 'the SQLite store',
  readsSeeOpenTransaction: true,
  location: async () => join(dir, `store-${n++}.sqlite`),
  async open(file, readModel) {
    const repo = keep(await openSqliteStore({ file, readModel }));
    expect(repo).toBeInstanceOf(FastSqliteRepository);
    return repo as FastSqliteRepository;
  },
};
let template: Promise<string> | undefined;
const postgres: Engine = pg.available
  ? {
      name: 'the PostgreSQL store',
      async location() {
        // One database migrated once, copied for each store.
        template ??= pg.server.createDatabase().then(async (url) => (await (await openPostgresStore({ url, maxConnections: 1 })).close(), url));
        return pg.server.createDatabase({ template: await template });
      },
      open: async (url, readModel) => keep(await openPostgresStore({ url, maxConnections: 4, readModel })),
    }
  : { name: 'the PostgreSQL store', skip: pg.reason, location: () => Promise.reject(new Error(pg.reason)), open: () => Promise.reject(new Error(pg.reason)) };
if (!pg.available) console.log(`postgres read model tests skipped: ${pg.reason} (set ISNAD_REQUIRE_POSTGRES=1 to make this an error)`);

const generated = generateDataset('tiny', 7);
const disputed = generated.claims.filter((c) => c.dispute);
/** A claim on a proposition another claim denies, outside any dispute: its contested flag rests on the other's status. */
const opposed = generated.claims.find((c) => !c.dispute && c.stance === 'denies' && generated.claims.some((o) => o.id !== c.id && o.subject === c.subject && o.predicate === c.predicate && o.object === c.object && o.value === c.value && o.stance === 'asserts' && !o.dispute));

describe.each([sqlite, postgres])('the read model of $name', (engine) => {
  if (engine.skip) {
    it.skip(`(skipped: ${engine.skip})`, () => {});
    return;
  }

  /** A store read through its model, and a second, plain connection to the same store (another process, as far as the store knows). */
  async function twoConnections(ds: Dataset): Promise<{ modelled: Modelled; other: Modelled; location: string }> {
    const location = await engine.location();
    const other = await engine.open(location, false);
    await other.importDataset(ds, { actor: 'test' });
    const modelled = await engine.open(location, true);
    expect((await modelled.readModel())?.size).toBe(ds.claims.length);
    return { modelled, other, location };
  }

  /** Two connections over 100 claims, the model's history checks counted. */
  async function countingChecks(): Promise<{ modelled: Modelled; other: Modelled; checks: { count: number } }> {
    const { modelled, other } = await twoConnections({ ...generated, claims: generated.claims.slice(0, 100) });
    const model = (await modelled.readModel())!;
    const checks = { count: 0 };
    const sync = model.sync.bind(model);
    model.sync = () => (checks.count++, sync());
    return { modelled, other, checks };
  }

const status = async (repo: Repository, id: string) => (await repo.getClaim(id))?.status;

/** Both connections give the same answers to reads that start from these entities. */
async function sameAnswers(a: Repository, b: Repository, entities: readonly string[]): Promise<void> {
  const filters: ClaimFilter[] = [
    { entities },
    { entities, contested: true },
    { entities, statuses: ['accepted'] },
    ...entities.map((e) => ({ subject: e })),
    ...entities.map((e) => ({ object: e })),
    ...entities.flatMap((e) => [{ subject: e, contested: true }, { object: e, contested: true }, { claimants: [e], contested: true }]),
    ...[...new Set(disputed.map((c) => c.dispute!))].slice(0, 5).map((d) => ({ dispute: d })),
  ];
  for (const f of filters) expect(await a.listClaims(f), JSON.stringify(f)).toEqual(await b.listClaims(f));
  expect(await a.getLabels(entities)).toEqual(await b.getLabels(entities));

  const reach = { predicates: ['renamed_to', 'merged_into', 'split_from'] as const, statuses: ['accepted', 'candidate'] as const, maxNodes: 50 };
  for (const e of entities) expect(new Set(await a.reachable(e, { ...reach, predicates: [...reach.predicates], statuses: [...reach.statuses] }))).toEqual(new Set(await b.reachable(e, { ...reach, predicates: [...reach.predicates], statuses: [...reach.statuses] })));
}

  it('follows writes made through its own store and through another connection, record by record', async () => {
    expect(opposed).toBeDefined();
    const { modelled, other } = await twoConnections(generated);
    const model = await modelled.readModel();
    const partner = generated.claims.find((o) => o.id !== opposed!.id && o.subject === opposed!.subject && o.predicate === opposed!.predicate && o.stance === 'asserts' && o.object === opposed!.object && o.value === opposed!.value)!;
    const touched = [opposed!.subject, ...(opposed!.object ? [opposed!.object] : [])];
    expect((await modelled.listClaims({ entities: [opposed!.subject], contested: true })).map((c) => c.id)).toContain(opposed!.id);

    // Rejecting the only claim that asserts it: the denial is no longer contested.
    await other.setClaimStatus(partner.id, 'rejected', { actor: 'other' });
    await sameAnswers(modelled, other, touched);
    expect((await modelled.listClaims({ entities: [opposed!.subject], contested: true })).map((c) => c.id)).not.toContain(opposed!.id);
    // Accepted again, rejected again, accepted again: contested, not, contested, each claim listed once.
    for (const status of ['accepted', 'rejected', 'accepted'] as const) {
      await other.setClaimStatus(partner.id, status, { actor: 'other' });
      await sameAnswers(modelled, other, touched);
    }

    // An edit that moves a claim to other entities, through this store.
    const moved: Claim = { ...generated.claims[3]!, subject: generated.claims[9]!.subject, note: 'moved' };
    await modelled.updateClaim(moved, { actor: 'me' });
    await sameAnswers(modelled, other, [generated.claims[3]!.subject, moved.subject]);

    // A source cited (so held), then replaced elsewhere.
    const source = generated.sources[0]!;
    expect(await modelled.getSources([source.id])).toEqual([source]);
    await other.importDataset({ sources: [{ ...source, title: `${source.title} (second edition)` }], entities: [], perspectives: [], disputes: [], claims: [] }, { actor: 'other' });
    expect((await modelled.getSources([source.id]))[0]?.title).toBe(`${source.title} (second edition)`);

    // A dispute's question reworded elsewhere.
    const dispute = generated.disputes[0]!;
    expect(await modelled.getDisputes([dispute.id])).toEqual([dispute]);
    await other.importDataset({ sources: [], entities: [], perspectives: [], claims: [], disputes: [{ ...dispute, question: `${dispute.question} (reworded)` }] }, { actor: 'other' });
    expect(await modelled.getDisputes([dispute.id])).toEqual([{ ...dispute, question: `${dispute.question} (reworded)` }]);

    // An entity renamed elsewhere, and a small import elsewhere.
    const entity = generated.entities.find((e) => e.id === moved.subject)!;
    await other.updateEntity({ ...entity, canonical: `${entity.canonical} (renamed)` }, { actor: 'other' });
    const added: Claim = { ...generated.claims[5]!, id: 'claim-added-elsewhere', dispute: undefined };
    await other.importDataset({ sources: [], entities: [], perspectives: [], disputes: [], claims: [added] }, { actor: 'other' });
    await sameAnswers(modelled, other, [moved.subject, added.subject]);
    expect(await modelled.getClaim(added.id)).toEqual(await other.getClaim(added.id));
    // All of it followed without building the model again.
    expect(await modelled.readModel()).toBe(model);
  });

  it('answers name lookups and searches as the store does, and follows a name added by another connection', async () => {
    const { modelled, other } = await twoConnections({ ...generated, claims: generated.claims.slice(0, 50) });
    const entity = generated.entities.find((e) => e.type === 'person')!;
    const folded = basicFold(entity.names[0]!.name);
    const lookups = async () => {
      for (const q of [folded, folded.slice(0, 3), folded.slice(0, 1)]) for (const prefix of [false, true]) expect(await modelled.findNames(q, { prefix, limit: 20 }), `${q} ${prefix}`).toEqual(await other.findNames(q, { prefix, limit: 20 }));
    };
    await lookups();
    const found = async (repo: Repository, q: string) => (await nameSearcher(repo).search(q, 5)).map((h) => h.entity.id);
    expect(await found(modelled, entity.canonical)).toContain(entity.id);
    await other.updateEntity({ ...entity, names: [...entity.names, { name: 'Zubayr ibn Testi al-Qurashi', kind: 'alias', sources: [] }] }, { actor: 'other' });
    // Another spelling: only the name index (not an exact or prefix match) finds it.
    expect(await modelled.oneView(() => found(modelled, 'Zubair al-Qurashi'))).toContain(entity.id);
    await lookups();
    expect(await modelled.findNames(basicFold('Zubayr ibn Testi al-Qurashi'))).toEqual([{ entityId: entity.id, name: 'Zubayr ibn Testi al-Qurashi', kind: 'alias' }]);
  });

  it('holds a claim in a dispute as contested when no other claim shares its proposition, followed and built', async () => {
    const { modelled, other, location } = await twoConnections(generated);
    // Moved to another subject, the disputed claim is alone on its proposition: only its dispute makes it contested.
    const lone: Claim = { ...disputed[0]!, subject: generated.entities.find((e) => e.type === 'place')!.id };
    await other.updateClaim(lone, { actor: 'other' });
    const contested = async (repo: Repository) => (await repo.listClaims({ subject: lone.subject, contested: true })).map((c) => c.id);
    expect(await contested(other)).toContain(lone.id);
    expect(await contested(modelled)).toEqual(await contested(other));
    const rebuilt = await engine.open(location, true);
    expect((await rebuilt.readModel())?.size).toBe(generated.claims.length);
    expect(await contested(rebuilt)).toEqual(await contested(other));
  });

  it('is built again after a change it cannot follow record by record (an import reverted)', async () => {
    const { modelled, other } = await twoConnections({ ...generated, claims: generated.claims.slice(0, 200) });
    const model = await modelled.readModel();
    const more: Dataset = { sources: [], entities: [], perspectives: [], disputes: [], claims: generated.claims.slice(200, 260).map((c) => ({ ...c, dispute: undefined })) };
    await other.importDataset(more, { actor: 'other' });
    const [entry] = (await other.listChanges()).slice(-1);
    await other.revertChange(entry!.id, { actor: 'other' });
    const subjects = [...new Set(more.claims.map((c) => c.subject))];
    // Until it is rebuilt, reads go to the file and are right; then the new model is right too.
    await sameAnswers(modelled, other, subjects);
    const rebuilt = await modelled.readModel();
    expect(rebuilt).not.toBe(model);
    expect(rebuilt?.size).toBe(200);
    await sameAnswers(modelled, other, subjects);
  });

  it("does not take in a transaction's writes, and keeps nothing of one rolled back", async () => {
    const { modelled, other } = await twoConnections({ ...generated, claims: generated.claims.slice(0, 100) });
    const claim = generated.claims[150]!;
    await expect(
      modelled.transaction(async (trx) => {
        await trx.importDataset({ sources: [], entities: [], perspectives: [], disputes: [], claims: [{ ...claim, dispute: undefined }] }, { actor: 'me' });
        // Read through the store itself while the transaction is open: the store answers (SQLite's
        // one connection sees the write; PostgreSQL reads on another connection, and the model has not taken it in either).
        expect(await modelled.getClaim(claim.id)).toEqual(engine.readsSeeOpenTransaction ? expect.objectContaining({ id: claim.id }) : undefined);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await modelled.getClaim(claim.id)).toBeUndefined();
    await sameAnswers(modelled, other, [claim.subject]);
  });

  it('checks the history once per view, and again after its own writes; a later view sees other writers', async () => {
    const { modelled, other, checks } = await countingChecks();
    const [first, second] = generated.claims;

    await modelled.oneView(async () => {
      for (let i = 0; i < 5; i++) await modelled.listClaims({ subject: first!.subject });
      expect(checks.count).toBe(1);
      // Its own write is seen at once.
      await modelled.setClaimStatus(first!.id, 'rejected', { actor: 'me' });
      expect(await status(modelled, first!.id)).toBe('rejected');
      expect(checks.count).toBe(2);
    });
    // Another connection's write is seen by the next view, and by reads outside any view.
    await other.setClaimStatus(second!.id, 'rejected', { actor: 'other' });
    expect(await modelled.oneView(() => status(modelled, second!.id))).toBe('rejected');
    await other.setClaimStatus(second!.id, 'accepted', { actor: 'other' });
    expect(await status(modelled, second!.id)).toBe('accepted');
    // Outside views, every read checks.
    checks.count = 0;
    for (let i = 0; i < 3; i++) await modelled.getClaim(first!.id);
    expect(checks.count).toBe(3);
    await sameAnswers(modelled, other, [first!.subject, second!.subject]);
  });

  it('with a lag for other writers, checks the history only when a view begins that long after the last check, but sees its own writes at once', async () => {
    const { modelled, other, checks } = await countingChecks();
    const [first, second] = generated.claims;
    modelled.otherWritersLagMs = 60_000;

    await modelled.oneView(() => status(modelled, first!.id)); // checks or not, as the model was just built
    checks.count = 0;
    await other.setClaimStatus(second!.id, 'rejected', { actor: 'other' });
    // Within the lag: no check, so another connection's commit is not seen yet.
    for (let i = 0; i < 5; i++) expect(await modelled.oneView(() => status(modelled, second!.id))).toBe('accepted');
    expect(checks.count).toBe(0);
    // Its own write is seen at once, and the check that finds it brings in the other's too.
    await modelled.setClaimStatus(first!.id, 'rejected', { actor: 'me' });
    expect(await modelled.oneView(() => status(modelled, first!.id))).toBe('rejected');
    expect(await modelled.oneView(() => status(modelled, second!.id))).toBe('rejected');
    expect(checks.count).toBe(1);
    // Past the lag, the next view checks again.
    await other.setClaimStatus(second!.id, 'accepted', { actor: 'other' });
    modelled.otherWritersLagMs = 5;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await modelled.oneView(() => status(modelled, second!.id))).toBe('accepted');
    expect(checks.count).toBe(2);
  });

  it('gives a label at hand once the model is built (null for no such entity), and none from a store without one', async () => {
    const { modelled, other } = await twoConnections({ ...generated, claims: generated.claims.slice(0, 20) });
    await modelled.readModel();
    const ids = [...generated.entities.slice(0, 5).map((e) => e.id), 'no-such-entity'];
    for (const id of ids) {
      expect(modelled.labelAtHand(id)).toEqual((await other.getLabels([id]))[0] ?? null);
      expect(other.labelAtHand(id)).toBeUndefined();
    }
  });

  it('gives a source at hand once it holds it (null for a source known not to exist), undefined when it would take a read', async () => {
    const { modelled, other } = await twoConnections({ ...generated, claims: generated.claims.slice(0, 20) });
    await modelled.readModel();
    const cited = generated.sources[0]!.id;
    // A source a view read once is held; one never asked for may still take a read.
    await modelled.getSources([cited, 'no-such-source']);
    expect(modelled.sourceAtHand(cited)).toEqual(await other.getSource(cited));
    expect(modelled.sourceAtHand('no-such-source')).toBeNull();
    expect(modelled.sourceAtHand('never-asked-for')).toBeUndefined();
    expect(other.sourceAtHand(cited)).toBeUndefined();
  });

  it('stops building when the store is closed, without an error', async () => {
    const location = await engine.location();
    const writer = await engine.open(location, false);
    await writer.importDataset(generated, { actor: 'test' });
    const repo = await engine.open(location, true);
    expect(await repo.listClaims({ subject: generated.claims[0]!.subject })).not.toHaveLength(0); // starts the build
    await repo.close();
    expect(await repo.readModel()).toBeUndefined();
  });
});
