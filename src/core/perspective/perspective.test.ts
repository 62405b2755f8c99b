import { describe, expect, it } from 'vitest';
import { loadMini, lookupOf } from '../../../test/support/fixtures.js';
import { asOf, claimsInView, disputesOf, lineageOf, profileOf, timelineOf } from './index.js';

const ds = loadMini();
const label = lookupOf(ds);
const overall = claimsInView(ds.claims);
const perspective = (id: string) => ds.perspectives.find((p) => p.id === id)!;

describe('claimsInView', () => {
  it('reads accepted claims only, unless candidates are asked for', () => {
    expect(overall.some((v) => v.claim.id === 'candidate-one')).toBe(false);
    expect(claimsInView(ds.claims, { includeCandidates: true }).some((v) => v.claim.id === 'candidate-one')).toBe(true);
  });

  it('from a perspective, keeps its own claims and uncontested common ground, not the other side', () => {
    const emirate = claimsInView(ds.claims, { perspective: perspective('emirate') });
    const ids = emirate.map((v) => v.claim.id);
    expect(ids).toContain('re-branch-emirate-denies');
    expect(ids).not.toContain('re-branch-network-says');
    expect(ids).not.toContain('re-branch-author');
    expect(emirate.find((v) => v.claim.id === 'vb-founded')?.basis).toBe('common-ground');
  });
});

describe('asOf', () => {
  it('follows renames and mergers that had certainly happened to say what an organization was called', () => {
    const v = asOf('valley-brotherhood', '2002', overall, label);
    expect(v.forms.map((f) => [f.entity, f.modality])).toEqual([['united-river-council', 'certain']]);
  });

  it('keeps the old form only possible while a rename date is uncertain', () => {
    const v = asOf('valley-brotherhood', '1995', overall, label);
    const forms = Object.fromEntries(v.forms.map((f) => [f.entity, f.modality]));
    expect(forms).toEqual({ 'valley-brotherhood': 'possible', 'valley-front': 'possible' });
  });

  it('walks back to the predecessor when the organization did not exist yet', () => {
    const v = asOf('river-emirate', '2002', overall, label);
    expect(v.forms.map((f) => f.entity)).toEqual(['united-river-council']);
  });

  it('names leaders certain and possible, with the claims they rest on', () => {
    const v = asOf('valley-front', '2000', overall, label);
    expect(v.leaders.map((l) => [l.entity, l.modality])).toEqual([['tariq-mansour', 'certain']]);
    expect(v.leaders[0]!.claims[0]!.claim.id).toBe('mansour-leads-vf');
    const edge = asOf('valley-front', '1998', overall, label);
    expect(edge.leaders.map((l) => [l.entity, l.modality]).sort()).toEqual([['karim-haddad', 'possible'], ['tariq-mansour', 'possible']]);
  });

  it('shows both sides when accounts conflict on the date, and only one side from a perspective', () => {
    const v = asOf('river-emirate', '2005', overall, label);
    expect(v.conflicts).toHaveLength(1);
    expect(v.conflicts[0]!.denying.map((d) => d.claim.id)).toEqual(['re-branch-emirate-denies']);
    const emirate = asOf('river-emirate', '2005', claimsInView(ds.claims, { perspective: perspective('emirate') }), label);
    expect(emirate.allegiance).toEqual([]);
    const network = asOf('river-emirate', '2005', claimsInView(ds.claims, { perspective: perspective('network') }), label);
    expect(network.allegiance.map((a) => [a.entity, a.modality])).toEqual([['mountain-network', 'certain']]);
  });
});

describe('lineageOf', () => {
  it('builds the family tree from renames, mergers, declarations and splits', () => {
    const l = lineageOf('river-emirate', overall, label);
    expect(l.roots[0]).toBe('valley-brotherhood');
    const family = l.edges.filter((e) => e.family).map((e) => `${e.from}>${e.to}:${e.predicate}`);
    expect(family).toEqual(expect.arrayContaining(['valley-brotherhood>valley-front:renamed_to', 'valley-front>united-river-council:merged_into', 'united-river-council>river-emirate:declared', 'river-emirate>hill-group:split_from']));
    const branch = l.edges.find((e) => e.predicate === 'branch_of' && e.to === 'river-emirate');
    expect(branch?.family).toBe(false);
    expect(branch?.disputed).toBe(true);
  });
});

describe('disputesOf', () => {
  it('keeps each side with its claimants', () => {
    const [d] = disputesOf(ds.claims, ds.disputes, label, 'river-emirate');
    expect(d!.question).toMatch(/River Emirate remain a branch/);
    const asserts = d!.sides.find((s) => s.stance === 'asserts')!.claims.map((c) => c.id).sort();
    expect(asserts).toEqual(['re-branch-author', 're-branch-network-says']);
    expect(d!.sides.find((s) => s.stance === 'denies')!.claims.map((c) => c.id)).toEqual(['re-branch-emirate-denies']);
  });

  it('finds a proposition asserted and denied even without a declared dispute', () => {
    const extra = { ...ds.claims.find((c) => c.id === 'haddad-killed')!, id: 'haddad-alive', stance: 'denies' as const, attribution: [{ entity: 'tariq-mansour' }] };
    const ds2 = disputesOf([...ds.claims, extra], ds.disputes, label, 'karim-haddad');
    expect(ds2.map((d) => d.id)).toEqual(['proposition:karim-haddad|killed||']);
  });
});

describe('timelineOf', () => {
  it('orders by the earliest possible moment and filters by a window, marking what only may fall in it', () => {
    const t = timelineOf(overall, { entity: 'valley-front', from: '1995', to: '1999' });
    const ids = t.map((e) => e.viewed.claim.id);
    expect(ids[0]).toBe('vb-renamed');
    expect(ids).toContain('vf-pledge');
    expect(ids).not.toContain('vf-merged');
    expect(t.find((e) => e.viewed.claim.id === 'vb-renamed')!.within).toBe('possible');
  });
});

describe('profileOf', () => {
  it('separates roles, events and relations, and groups by claimant', () => {
    const p = profileOf(ds.entities.find((e) => e.id === 'karim-haddad')!, ds.claims);
    expect(p.roles.map((c) => c.id)).toEqual(['haddad-leads', 'haddad-leads-vf']);
    expect(p.events.map((c) => c.id)).toEqual(['vb-founded', 'haddad-killed']);
    expect([...p.byClaimant.keys()]).toEqual(['lina-farouk']);
  });
});

describe('asOf edge cases', () => {
  const extra = (claims: typeof ds.claims) => claimsInView(claims);
  it('a merger into an organization does not make the merged group its name before the merger', () => {
    const v = asOf('united-river-council', '2000', overall, label);
    expect(v.forms.map((f) => f.entity)).toEqual(['united-river-council']);
  });

  it('a succession edge that someone denies makes the later form only possible', () => {
    const denial = { ...ds.claims.find((c) => c.id === 'vf-merged')!, id: 'vf-merge-denied', stance: 'denies' as const, attribution: [{ entity: 'tariq-mansour' }] };
    const v = asOf('valley-front', '2002', extra([...ds.claims, denial]), label);
    expect(Object.fromEntries(v.forms.map((f) => [f.entity, f.modality]))).toEqual({ 'valley-front': 'possible', 'united-river-council': 'possible' });
  });

  it('marks an allegiance that another claimant denies as contested', () => {
    const v = asOf('river-emirate', '2005', overall, label);
    expect(v.allegiance[0]!.deniedBy?.map((d) => d.claim.id)).toEqual(['re-branch-emirate-denies']);
  });

  it('a lineage edge that is only denied is left out', () => {
    const denial = { ...ds.claims.find((c) => c.id === 'hill-split')!, id: 'hill-joins-denied', predicate: 'merged_into' as const, subject: 'hill-group', object: 'valley-front', stance: 'denies' as const };
    const l = lineageOf('valley-front', extra([...ds.claims, denial]), label);
    expect(l.edges.some((e) => e.from === 'hill-group' && e.to === 'valley-front')).toBe(false);
  });
});
