/**
 * Which claims a reading rests on. Overall, every accepted claim counts and conflicts are shown.
 * From a perspective ("as IS tells it"), the perspective's claimants decide every proposition
 * they speak to; on everything else the reading falls back to claims nobody contests
 * ("common ground"), so the view is complete without borrowing the other side's account.
 */
import type { Claim, EntityLabel, Perspective } from '../model.js';
import { claimantOf, propositionKey } from '../model.js';
import { groupBy } from '../collections.js';

export interface Viewpoint {
  readonly perspective?: Perspective;
  /** Count candidate claims too (review previews). */
  readonly includeCandidates?: boolean;
}

/** Why a claim is in a reading. */
export type Basis = 'overall' | 'perspective' | 'common-ground';

export interface ViewedClaim {
  readonly claim: Claim;
  readonly basis: Basis;
}

/** Lookup of entities by id, for labels. */
export type EntityLookup = (id: string) => EntityLabel | undefined;

/** True when some claim on the same proposition or in the same dispute takes the other stance or another claimant differs. */
export function contestedPropositions(claims: readonly Claim[]): Set<string> {
  const out = new Set<string>();
  for (const [key, group] of groupBy(claims, propositionKey)) {
    if (new Set(group.map((c) => c.stance)).size > 1) out.add(key);
  }
  for (const [dispute, group] of groupBy(claims.filter((c) => c.dispute), (c) => c.dispute)) {
    if (dispute) for (const c of group) out.add(propositionKey(c));
  }
  return out;
}

/** Selects the claims a viewpoint reads, each with the reason it is included. */
export function claimsInView(claims: readonly Claim[], vp: Viewpoint = {}): ViewedClaim[] {
  const live = claims.filter((c) => c.status === 'accepted' || (vp.includeCandidates && c.status === 'candidate'));
  if (!vp.perspective) return live.map((claim) => ({ claim, basis: 'overall' }));
  const voices = new Set(vp.perspective.claimants);
  const own = live.filter((c) => {
    const who = claimantOf(c);
    return who !== undefined && voices.has(who);
  });
  const spoken = new Set(own.map(propositionKey));
  const contested = contestedPropositions(live);
  const common = live.filter((c) => !own.includes(c) && !spoken.has(propositionKey(c)) && !contested.has(propositionKey(c)) && !c.dispute);
  return [...own.map((claim) => ({ claim, basis: 'perspective' as const })), ...common.map((claim) => ({ claim, basis: 'common-ground' as const }))];
}

/** Resolves a perspective given as an id, or builds one from a claimant entity id. */
export function resolvePerspective(key: string, perspectives: readonly Perspective[], entity: EntityLookup): Perspective | undefined {
  const p = perspectives.find((x) => x.id === key);
  if (p) return p;
  const e = entity(key);
  return e ? { id: e.id, label: `as ${e.canonical} tells it`, claimants: [e.id] } : undefined;
}
