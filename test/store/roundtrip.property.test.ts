/**
 * Property: for any dataset (ids and text from all of Unicode, optional fields present or not),
 * every engine gives back exactly what it was given, so exports are byte-identical across
 * engines; and text no engine can keep (NUL, unpaired surrogates) is refused alike everywhere.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Claim, Dataset, Entity, Source } from '../../src/core/model.js';
import { NAME_KINDS, PREDICATE_NAMES } from '../../src/core/vocabulary.js';
import { writeDataset } from '../../src/interop/native/write-dataset.js';
import { testEngines } from './engines.js';

const { engines, teardown } = await testEngines();
afterAll(teardown);

const text = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\u0000'));
const id = fc.string({ unit: fc.constantFrom(...'aZ09-_.:é\u0645\u{1F600}'), minLength: 1, maxLength: 6 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const TIMES = ['2002', '2002-07~', '2006-36', '2006/2012', '../2009', '2003-36/..', '1999-12-31', '2006-XX'];

const dataset: fc.Arbitrary<Dataset> = fc
  .record({
    sourceIds: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }),
    entityIds: fc.uniqueArray(id, { minLength: 1, maxLength: 5 }),
    claimIds: fc.uniqueArray(id, { maxLength: 6 }),
  })
  .chain(({ sourceIds, entityIds, claimIds }) => {
    const entityRef = fc.constantFrom(...entityIds);
    const sourceRef = fc.constantFrom(...sourceIds);
    const sources = fc.tuple(...sourceIds.map((sid) => fc.record({ title: text, author: opt(text), date: opt(fc.constantFrom('2009-02', '2020')), url: opt(text), text: opt(text) }).map((s): Source => strip({ id: sid, kind: 'article', ...s }))));
    const entities = fc.tuple(
      ...entityIds.map((eid) =>
        fc
          .record({
            type: fc.constantFrom('person', 'organization', 'place'),
            canonical: text,
            description: opt(text),
            names: fc.array(fc.record({ name: text, kind: fc.constantFrom(...NAME_KINDS), lang: opt(fc.constantFrom('ar', 'en')), sources: fc.uniqueArray(sourceRef, { maxLength: 2 }), note: opt(text) }).map(strip), { maxLength: 3 }),
          })
          .map((e): Entity => strip({ id: eid, ...e })),
      ),
    );
    const claims = fc.tuple(
      ...claimIds.map((cid) =>
        fc
          .record({
            subject: entityRef,
            predicate: fc.constantFrom(...PREDICATE_NAMES),
            object: opt(entityRef),
            value: opt(text),
            time: opt(fc.constantFrom(...TIMES)),
            stance: fc.constantFrom('asserts', 'denies'),
            attribution: fc.array(fc.record({ entity: opt(entityRef), source: opt(sourceRef), via: opt(text), date: opt(fc.constantFrom('2004', '2009-02')) }).map(strip), { minLength: 1, maxLength: 3 }),
            evidence: fc.array(
              fc.record({ source: sourceRef, quote: text, locator: opt(fc.record({ page: opt(text), start: opt(fc.nat(10_000)), end: opt(fc.nat(10_000)), section: opt(text) }).map(strip)) }).map(strip),
              { maxLength: 2 },
            ),
            confidence: opt(fc.double({ min: 0, max: 1, noNaN: true })),
            status: fc.constantFrom('candidate', 'accepted', 'rejected'),
            note: opt(text),
            recordedBy: text,
            recordedAt: fc.constant('2020-01-01T00:00:00Z'),
          })
          .map((c) => strip({ id: cid, ...c }) as Claim),
      ),
    );
    return fc.record({ sources, entities, claims }).map(({ sources, entities, claims }): Dataset => ({ sources: [...sources], entities: [...entities], claims: [...claims], perspectives: [], disputes: [] }));
  });

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

for (const engine of engines) {
  const suite = engine.skip ? describe.skip : describe;
  suite(`round trip on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`, () => {
    it('gives back any dataset exactly, so exports are byte-identical on every engine', async () => {
      await fc.assert(
        fc.asyncProperty(dataset, async (ds) => {
          const repo = await engine.open();
          try {
            await repo.importDataset(ds);
            expect(writeDataset(await repo.exportDataset(), 'json')).toBe(writeDataset(ds, 'json'));
          } finally {
            await repo.close();
          }
        }),
        // Each run opens a fresh store (a new PostgreSQL database, migrated): keep the count modest.
        { numRuns: 20 },
      );
    }, 180_000);

    it('refuses NUL and unpaired surrogates, leaving the store empty', async () => {
      const repo = await engine.open();
      for (const bad of ['a\u0000b', 'x\uD800', '\uDC00y']) {
        const ds: Dataset = { sources: [{ id: 's', kind: 'web', title: bad }], entities: [], claims: [], perspectives: [], disputes: [] };
        await expect(repo.importDataset(ds)).rejects.toThrow(/NUL character or an unpaired surrogate/);
      }
      expect((await repo.counts()).sources).toBe(0);
      // A dispute's question or a perspective's label too, on every import path (the SQLite bulk import included).
      const dispute: Dataset = { sources: [], entities: [], claims: [], perspectives: [], disputes: [{ id: 'd', question: 'who\u0000led' }] };
      await expect(repo.importDataset(dispute)).rejects.toThrow(/disputes\[0\]\.question.*NUL character or an unpaired surrogate/);
      const perspective: Dataset = { ...dispute, disputes: [], perspectives: [{ id: 'p', label: 'x\uDC00', claimants: [] }] };
      await expect(repo.importDataset(perspective)).rejects.toThrow(/perspectives\[0\]\.label.*NUL character or an unpaired surrogate/);
      const c = await repo.counts();
      expect([c.sources, c.disputes, c.perspectives]).toEqual([0, 0, 0]);
    });
  });
}
