/**
 * Folded names in memory answer exact and prefix lookups as the store's name index does
 * (folded key, entity id, position, by code point), after any run of entities replaced, added
 * or removed, whether they are few (added one by one) or many (sorted again).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../core/model.js';
import { basicFold } from '../../core/text.js';
import { compareBinary } from './binary-order.js';
import { FoldedNames } from './folded-names.js';

/** Short names over a few letters (so keys collide and share prefixes), with case, a diacritic and an astral letter. */
const nameArb = fc.array(fc.constantFrom('a', 'b', 'A', 'á', ' ', '𝔞', 'ﬀ'), { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
const idArb: fc.Arbitrary<string> = fc.constantFrom('e1', 'e2', 'e3', 'e10', 'e𝔞', 'eﬀ');
const entityArb = fc.record({ id: idArb, names: fc.array(nameArb, { minLength: 0, maxLength: 3 }) }).map(
  ({ id, names }): Entity => ({ id, type: 'person', canonical: names[0] ?? id, names: names.map((name) => ({ name, kind: 'alias', sources: [] })) }),
);

/** The lookup the store does, over plain rows. */
function expected(entities: ReadonlyMap<string, Entity>, folded: string, prefix: boolean, limit: number) {
  const rows = [...entities.values()].flatMap((e) => e.names.map((n, seq) => ({ folded: basicFold(n.name), entityId: e.id, seq, name: n.name, kind: n.kind })));
  rows.sort((a, b) => compareBinary(a.folded, b.folded) || compareBinary(a.entityId, b.entityId) || a.seq - b.seq);
  return rows.filter((r) => (prefix ? r.folded.startsWith(folded) : r.folded === folded)).slice(0, limit).map((r) => ({ entityId: r.entityId, name: r.name, kind: r.kind }));
}

const byId = (es: readonly Entity[]) => new Map(es.map((e) => [e.id, e]));

describe('folded names in memory', () => {
  it('find exact and prefix matches in the store order, after entities are replaced, added and removed', () => {
    fc.assert(
      fc.property(
        fc.array(entityArb, { maxLength: 8 }),
        fc.array(fc.record({ ids: fc.uniqueArray(idArb, { maxLength: 3 }), now: fc.array(entityArb, { maxLength: 3 }) }), { maxLength: 4 }),
        fc.array(fc.tuple(nameArb, fc.boolean(), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (initial, changes, queries, many) => {
          const held = byId(initial);
          // `many` sorts every change again instead of inserting: both ways must agree.
          const names = new FoldedNames(held.values(), basicFold, many ? 0 : undefined);
          for (const { ids, now } of changes) {
            const current = [...byId(now.filter((e) => ids.includes(e.id))).values()];
            names.replaceEntities(new Set(ids), current);
            for (const id of ids) held.delete(id);
            for (const e of current) held.set(e.id, e);
          }
          for (const [q, prefix, limit] of queries) {
            const folded = basicFold(q).slice(0, prefix ? 2 : undefined);
            expect(names.find(folded, { prefix, limit })).toEqual(expected(held, folded, prefix, limit));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
