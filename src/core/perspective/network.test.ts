import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Claim } from '../model.js';
import { readDataset } from '../../interop/native/read-dataset.js';
import { claimsInView } from './view.js';
import { networkAt } from './network.js';

const MINI = new URL('../../../test/fixtures/mini.yaml', import.meta.url);
const ds = readDataset(readFileSync(MINI, 'utf8'), { file: 'mini.yaml', now: '2020-01-01T00:00:00Z' });
const viewed = claimsInView(ds.claims);
const edge = (n: ReturnType<typeof networkAt>, s: string, p: string, o: string, stance = 'asserts') => n.edges.find((e) => e.id === `${s}|${p}|${o}|${stance}`);

describe('networkAt', () => {
  it('draws relations that certainly hold on the date as certain', () => {
    const n = networkAt('2000', viewed);
    expect(edge(n, 'valley-front', 'branch_of', 'mountain-network')?.modality).toBe('certain');
    expect(edge(n, 'tariq-mansour', 'leader_of', 'valley-front')?.modality).toBe('certain');
    expect(edge(n, 'omar-said', 'leader_of', 'mountain-network')?.modality).toBe('certain');
    expect(n.nodes).toContain('valley-front');
    expect(n.truncated).toBe(false);
  });

  it('leaves out relations that had ended or not begun', () => {
    const n = networkAt('2000', viewed);
    expect(edge(n, 'karim-haddad', 'leader_of', 'valley-front')).toBeUndefined();
    expect(edge(n, 'tariq-mansour', 'leader_of', 'river-emirate')).toBeUndefined();
    expect(n.nodes).not.toContain('karim-haddad');
  });

  it('marks relations whose uncertain end may or may not have passed as possible', () => {
    // Haddad led the Brotherhood 1990/1995~: in 1995 it may have ended already.
    const n = networkAt('1995', viewed);
    expect(edge(n, 'karim-haddad', 'leader_of', 'valley-brotherhood')?.modality).toBe('possible');
  });

  it('counts pledges once they have occurred, and keeps denials apart from assertions', () => {
    expect(edge(networkAt('1999-09', viewed), 'valley-front', 'pledged_allegiance_to', 'mountain-network')).toBeUndefined();
    expect(edge(networkAt('2000', viewed), 'valley-front', 'pledged_allegiance_to', 'mountain-network')?.modality).toBe('certain');
    const n = networkAt('2005', viewed);
    const says = edge(n, 'river-emirate', 'branch_of', 'mountain-network');
    const denies = edge(n, 'river-emirate', 'branch_of', 'mountain-network', 'denies');
    expect(says?.claimIds).toEqual(['re-branch-author', 're-branch-network-says']);
    expect(denies?.claimIds).toEqual(['re-branch-emirate-denies']);
    expect(denies?.stance).toBe('denies');
  });

  it('drops a pledge once the pledgee has expelled the pledger', () => {
    const expel: Claim = { ...ds.claims.find((c) => c.id === 'vf-pledge')!, id: 'mn-expels', subject: 'mountain-network', predicate: 'expelled', object: 'valley-front', time: '2000-06' };
    const n = networkAt('2001', [...viewed, { claim: expel, basis: 'overall' }]);
    expect(edge(n, 'valley-front', 'pledged_allegiance_to', 'mountain-network')).toBeUndefined();
  });

  it('limits the network to hops around a focus', () => {
    const one = networkAt('2000', viewed, { focus: 'tariq-mansour', hops: 1 });
    expect(new Set(one.nodes)).toEqual(new Set(['tariq-mansour', 'valley-front']));
    const two = networkAt('2000', viewed, { focus: 'tariq-mansour', hops: 2 });
    expect(two.nodes).toContain('mountain-network');
    expect(two.nodes).not.toContain('omar-said');
    expect(two.nodes[0]).toBe('tariq-mansour');
  });

  it('caps the number of nodes and drops edges that leave the cut', () => {
    const n = networkAt('2000', viewed, { maxNodes: 2 });
    expect(n.nodes).toHaveLength(2);
    expect(n.truncated).toBe(true);
    for (const e of n.edges) expect(n.nodes).toEqual(expect.arrayContaining([e.source, e.target]));
  });

  it('every edge ends on a node, and certain edges are a subset of a wider window\u2019s edges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1985, max: 2012 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        const n = networkAt(month, viewed);
        const nodes = new Set(n.nodes);
        for (const e of n.edges) expect(nodes.has(e.source) && nodes.has(e.target)).toBe(true);
        // A relation certain for the month at least possibly holds for the year around it.
        const year = networkAt(String(y), viewed);
        for (const e of n.edges.filter((x) => x.modality === 'certain')) expect(year.edges.some((x) => x.id === e.id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
