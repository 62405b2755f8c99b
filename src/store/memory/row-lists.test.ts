import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowLists } from './row-lists.js';

describe('RowLists', () => {
  it('gives, under a key, exactly the rows added and not removed, and with codes only those rows, however they were added', () => {
    const op = fc.record({ key: fc.constantFrom('a', 'b'), row: fc.nat(60), remove: fc.nat(3).map((x) => x === 0) });
    fc.assert(
      fc.property(fc.array(op, { minLength: 40, maxLength: 200 }), fc.array(fc.nat(6), { maxLength: 4 }), fc.boolean(), (ops, wanted, appendFirst) => {
        const code = (row: number) => row % 7;
        const lists = new RowLists(code);
        const naive = new Map<string, number[]>();
        for (const [i, o] of ops.entries()) {
          const list = naive.get(o.key) ?? [];
          if (o.remove) {
            const at = list.indexOf(o.row);
            if (at >= 0) list.splice(at, 1);
            lists.remove(o.key, o.row);
          } else {
            list.push(o.row);
            // The first half appended as a build does (then sorted), the rest kept in order as they come.
            lists.add(o.key, o.row, !(appendFirst && i < ops.length / 2));
          }
          naive.set(o.key, list);
          if (appendFirst && i + 1 === Math.ceil(ops.length / 2)) lists.sortAll();
        }
        if (appendFirst && ops.length < 2) lists.sortAll();
        const codes = [...new Set(wanted)].sort((a, b) => a - b);
        for (const key of ['a', 'b']) {
          const all = naive.get(key) ?? [];
          const sorted = (xs: readonly number[]) => [...xs].sort((x, y) => x - y);
          expect(sorted(lists.get(key))).toEqual(sorted(all));
          // Short lists come whole (the reader's filter does the rest); longer ones only the rows with a wanted code.
          expect(sorted(lists.get(key, codes))).toEqual(sorted(all.length < 16 ? all : all.filter((r) => codes.includes(code(r)))));
        }
      }),
      { numRuns: 300 },
    );
  });
});
