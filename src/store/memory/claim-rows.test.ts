import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propositionKey, type Claim } from '../../core/model.js';
import { compareBinary } from './binary-order.js';
import { ClaimRows } from './claim-rows.js';

/** A claim as the read model holds it, with only what the lists and flags look at varying. */
const claimArb = (id: string) =>
  fc.record({
    subject: fc.constantFrom('a', 'b'),
    object: fc.constantFrom('b', 'c', undefined),
    stance: fc.constantFrom('asserts' as const, 'denies' as const),
    status: fc.constantFrom('accepted' as const, 'candidate' as const, 'rejected' as const),
    dispute: fc.constantFrom('d1', undefined),
    claimant: fc.constantFrom('x', 'y'),
  }).map(
    (r): Claim => ({
      id,
      subject: r.subject,
      predicate: 'member_of',
      ...(r.object !== undefined ? { object: r.object } : {}),
      stance: r.stance,
      status: r.status,
      ...(r.dispute !== undefined ? { dispute: r.dispute } : {}),
      attribution: [{ entity: r.claimant }],
      evidence: [],
      recordedBy: 'test',
      recordedAt: '2020-01-01T00:00:00Z',
    }),
  );

const op = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), claim: fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4').chain(claimArb) }),
  fc.record({ kind: fc.constant('drop' as const), id: fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4') }),
);

describe('ClaimRows', () => {
  it('keeps the contested lists exactly in step with the contested flags, however claims are replaced, dropped and re-marked', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const rows = new ClaimRows();
        const held = new Map<string, Claim>();
        for (const o of ops) {
          const id = o.kind === 'put' ? o.claim.id : o.id;
          const touched = new Set<string>();
          const old = held.get(id);
          const row = rows.row(id);
          if (old) touched.add(propositionKey(old));
          if (row !== undefined) rows.drop(row);
          held.delete(id);
          if (o.kind === 'put') {
            rows.put(o.claim, null, null);
            held.set(id, o.claim);
            touched.add(propositionKey(o.claim));
          }
          // As the read model does: every claim on a touched proposition is marked again.
          for (const p of touched) rows.markContested([...held.values()].filter((c) => propositionKey(c) === p).map((c) => rows.row(c.id)!));
          expect(rows.contestedListProblems()).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns claims in id order after a build, however claims are later added, replaced and dropped', () => {
    // Ids a later put can fall between, and ones whose UTF-16 order differs from SQLite's.
    const ids = ['c0', 'c1', 'c2', 'c3', 'c4', 'c\uE000', 'c\u{1F600}'];
    const built = fc.uniqueArray(fc.constantFrom(...ids), { maxLength: ids.length });
    const later = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), claim: fc.constantFrom(...ids).chain(claimArb) }),
      fc.record({ kind: fc.constant('drop' as const), id: fc.constantFrom(...ids) }),
    );
    fc.assert(
      fc.property(built.chain((first) => fc.tuple(fc.constant(first), fc.tuple(...first.map(claimArb)), fc.array(later, { maxLength: 30 }))), ([, first, ops]) => {
        const rows = new ClaimRows();
        const held = new Map<string, Claim>();
        rows.startBuild();
        for (const c of [...first].sort((a, b) => compareBinary(a.id, b.id))) {
          rows.put(c, null, null);
          held.set(c.id, c);
        }
        rows.endBuild();
        const check = () => {
          const expected = [...held.values()].sort((a, b) => compareBinary(a.id, b.id));
          expect(rows.listClaims({ entities: ['a', 'b', 'c'] })).toEqual(expected);
          expect(rows.listClaims({ subjects: ['a'] })).toEqual(expected.filter((c) => c.subject === 'a'));
        };
        check();
        for (const o of ops) {
          const id = o.kind === 'put' ? o.claim.id : o.id;
          const row = rows.row(id);
          if (row !== undefined) rows.drop(row);
          held.delete(id);
          if (o.kind === 'put') {
            rows.put(o.claim, null, null);
            held.set(id, o.claim);
          }
          check();
        }
      }),
      { numRuns: 300 },
    );
  });
});
