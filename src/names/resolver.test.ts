import { describe, expect, it } from 'vitest';
import { proposeMerges } from './resolver.js';

const entities = [
  { id: 'p1', type: 'person', names: [{ name: 'Usama bin Ladin', kind: 'real_name' }] },
  { id: 'p2', type: 'person', names: [{ name: 'Osama bin Laden', kind: 'transliteration' }] },
  { id: 'p3', type: 'person', names: [{ name: 'Abu Umar al-Baghdadi' }, { name: 'Hamid al-Zawi' }] },
  { id: 'p4', type: 'person', names: [{ name: 'Abu Bakr al-Baghdadi' }, { name: 'Ibrahim al-Badri' }] },
  { id: 'p5', type: 'person', names: [{ name: 'Abdullah bin Rashid al-Baghdadi' }] },
  { id: 'p6', type: 'person', names: [{ name: 'Abd al-Rahman al-Qaduli' }] },
  { id: 'p7', type: 'person', names: [{ name: 'Abdurrahman al-Qaduli' }, { name: 'al-Qaduli' }] },
  { id: 'p8', type: 'person', names: [{ name: 'al-Badri' }] },
  { id: 'o1', type: 'organization', names: [{ name: 'Usama bin Ladin' }] },
];

describe('proposeMerges', () => {
  it('proposes transliteration duplicates, never the three Baghdadis, never across types', () => {
    const m = proposeMerges(entities);
    const pairs = m.map((x) => `${x.a}-${x.b}`);
    expect(pairs).toContain('p1-p2');
    expect(pairs).toContain('p6-p7');
    for (const p of ['p3-p4', 'p3-p5', 'p4-p5']) expect(pairs).not.toContain(p);
    expect(pairs.some((p) => p.includes('o1'))).toBe(false);
    expect(m.every((x) => x.decision === 'same' && x.reasons.length > 1)).toBe(true);
  });

  it('skips decided pairs in either order', () => {
    const m = proposeMerges(entities, { decided: [{ a: 'p2', b: 'p1', predicate: 'distinct_from' }] });
    expect(m.map((x) => `${x.a}-${x.b}`)).not.toContain('p1-p2');
  });

  it('can include undecided pairs for review', () => {
    const m = proposeMerges(entities, { includeUndecided: true, minScore: 0.3 });
    expect(m.some((x) => x.decision === 'undecided')).toBe(true);
    // same first
    const firstUndecided = m.findIndex((x) => x.decision === 'undecided');
    expect(m.slice(firstUndecided).every((x) => x.decision === 'undecided')).toBe(true);
  });
});
