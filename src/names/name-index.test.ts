import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameIndex, blockingKeys } from './name-index.js';
import { parseName } from './parse.js';

const people: [string, string[]][] = [
  ['zarqawi', ['Ahmad al-Khalayleh', 'Abu Musab al-Zarqawi']],
  ['zawi', ['Hamid al-Zawi', 'Abu Umar al-Baghdadi']],
  ['badri', ['Ibrahim al-Badri', 'Abu Bakr al-Baghdadi', 'Ibrahim Awad Ibrahim al-Badri']],
  ['qaduli', ['Abd al-Rahman al-Qaduli', 'Abu Ali al-Anbari']],
  ['ubl', ['Usama bin Ladin']],
  ['zawahiri', ['Ayman al-Zawahiri']],
  ['badawi', ['Abd al-Munim al-Badawi', 'Abu Hamza al-Muhajir']],
];

function build(): NameIndex {
  const ix = new NameIndex();
  for (const [id, ns] of people) for (const n of ns) ix.add(id, n);
  return ix;
}

describe('NameIndex', () => {
  it('counts names and entities', () => {
    const ix = build();
    expect(ix.size).toBe(13);
    expect(ix.entityCount).toBe(7);
  });

  it('finds transliteration variants', () => {
    const ix = build();
    const r = ix.lookup('Osama bin Laden');
    expect(r[0]?.entityId).toBe('ubl');
    expect(r[0]?.decision).toBe('same');
    expect(ix.lookup('Abdurrahman al-Qaduli')[0]?.entityId).toBe('qaduli');
    expect(ix.lookup('Abou Moussab el-Zarqaoui')[0]?.entityId).toBe('zarqawi');
    expect(ix.lookup('أيمن الظواهري')[0]?.entityId).toBe('zawahiri');
  });

  it('lists the three al-Baghdadis separately, undecided', () => {
    const r = build().lookup('al-Baghdadi');
    expect(r.map((x) => x.entityId).sort()).toEqual(['badri', 'qaduli', 'zawi'].filter((x) => x !== 'qaduli').sort());
    expect(r.every((x) => x.decision === 'undecided')).toBe(true);
  });

  it('groups results per entity and honours the limit', () => {
    const ix = build();
    const r = ix.lookup('Ibrahim al-Badri', { limit: 1 });
    expect(r).toHaveLength(1);
    expect(r[0]?.entityId).toBe('badri');
  });

  it('leaves out different people unless asked', () => {
    const ix = build();
    expect(ix.lookup('Abu Umar al-Baghdadi').map((x) => x.entityId)).toEqual(['zawi']);
    expect(ix.lookup('Abu Umar al-Baghdadi', { includeDifferent: true }).length).toBeGreaterThan(1);
  });

  it('accepts addMany with tuples and records', () => {
    const ix = new NameIndex();
    ix.addMany([['a', 'Samir Hijazi'], { entityId: 'b', name: 'Haji Bakr' }]);
    expect(ix.size).toBe(2);
    expect(ix.lookup('Samir Hijazy')[0]?.entityId).toBe('a');
  });

  it('blocks kunyas with their role', () => {
    const k = blockingKeys(parseName('Abu Bakr al-Baghdadi'));
    expect(k.some((x) => x.startsWith('Kabu:'))).toBe(true);
    expect(k).not.toContain(blockingKeys(parseName('Bakr'))[0]);
  });

  it('scales to many names with a bounded candidate set', () => {
    const ix = new NameIndex();
    for (let i = 0; i < 20000; i++) ix.add(`e${i}`, `Muhammad bin Ali${i % 50 === 0 ? ' al-Masri' : ''} Name${i.toString(36)}`);
    ix.add('target', 'Muhammad bin Ali al-Masri');
    const c = ix.candidates(parseName('Muhammad bin Ali al-Masri'), 100);
    expect(c.length).toBeLessThanOrEqual(100);
    expect(ix.lookup('Mohammed bin Ali al-Masri', { limit: 5 }).some((r) => r.entityId === 'target')).toBe(true);
  });

  it('forgets removed entities and finds the names they get instead', () => {
    const ix = build();
    expect(ix.removeEntities(['zarqawi', 'nobody'])).toBe(2);
    expect(ix.size).toBe(11);
    expect(ix.removed).toBe(2);
    expect(ix.lookup('Abu Musab al-Zarqawi').map((x) => x.entityId)).not.toContain('zarqawi');
    expect(ix.removeEntities(['zarqawi'])).toBe(0);
    ix.add('zarqawi', 'Abu Musab al-Zarqawi');
    expect(ix.lookup('Abou Moussab el-Zarqaoui')[0]?.entityId).toBe('zarqawi');
    expect(ix.lookup('Ahmad al-Khalayleh').map((x) => x.entityId)).not.toContain('zarqawi');
  });

  it('replaces an entity\'s names with its current ones, and says when removals make a rebuild worth it', () => {
    const ix = build();
    ix.replaceEntities(['zarqawi', 'ubl'], [{ id: 'zarqawi', names: [{ name: 'Abu Musab al-Zarqawi' }] }]);
    expect(ix.size).toBe(11);
    expect(ix.lookup('Ahmad al-Khalayleh').map((x) => x.entityId)).not.toContain('zarqawi');
    expect(ix.lookup('Abou Moussab el-Zarqaoui')[0]?.entityId).toBe('zarqawi');
    expect(ix.lookup('Osama bin Laden').map((x) => x.entityId)).not.toContain('ubl');
    // 3 removed beside 11 kept: over a quarter.
    expect(ix.removed).toBe(3);
    expect(ix.worthRebuilding).toBe(true);
    const one = build();
    one.removeEntities(['ubl']);
    expect(one.worthRebuilding).toBe(false); // 1 beside 12
  });

  it('after removals answers as an index built from the remaining names (property)', () => {
    const parts = ['Ahmad', 'Ibrahim', 'Umar', 'Ali', 'Hamid', 'Abu Bakr', 'Abu Musab', 'al-Baghdadi', 'al-Zarqawi', 'al-Badri', 'al-Anbari', 'bin Ladin'];
    const name = fc.array(fc.constantFrom(...parts), { minLength: 2, maxLength: 3 }).map((xs) => xs.join(' '));
    const entities = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), name), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(entities, fc.subarray(['a', 'b', 'c', 'd', 'e', 'f']), name, (stored, removed, query) => {
        const ix = new NameIndex();
        for (const [e, n] of stored) ix.add(e, n);
        ix.removeEntities(removed);
        const fresh = new NameIndex();
        for (const [e, n] of stored) if (!removed.includes(e)) fresh.add(e, n);
        // Every entity fits in the limit. Candidates come in an order that depends on block sizes, so
        // equal scores (of two entities, or of two names of one entity) may come in either order:
        // compare each entity's decision and score.
        const byEntity = (xs: readonly { entityId: string; decision: string; score: number }[]) =>
          xs.map(({ entityId, decision, score }) => ({ entityId, decision, score })).sort((x, y) => x.entityId.localeCompare(y.entityId));
        const got = ix.lookup(query, { includeDifferent: true, limit: 10 });
        expect(got.map((x) => x.entityId).filter((e) => removed.includes(e))).toEqual([]);
        expect(byEntity(got)).toEqual(byEntity(fresh.lookup(query, { includeDifferent: true, limit: 10 })));
        expect(ix.size).toBe(fresh.size);
      }),
      { numRuns: 200 },
    );
  });
});
