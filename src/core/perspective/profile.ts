/**
 * An entity profile: names with kinds and sources, roles over time, events, relations, and who
 * asserts what about the entity.
 */
import type { Claim, Entity } from '../model.js';
import { claimantOf } from '../model.js';
import { PREDICATES } from '../vocabulary.js';
import { groupBy } from '../collections.js';
import { parseTime, sortKey } from '../time.js';

export interface Profile {
  readonly entity: Entity;
  /** State claims with a role (leader, deputy …) where the entity is the subject. */
  readonly roles: readonly Claim[];
  /** Event claims the entity takes part in. */
  readonly events: readonly Claim[];
  /** Other state claims (allegiance, support, membership of others …). */
  readonly relations: readonly Claim[];
  /** Claims grouped by their claimant. */
  readonly byClaimant: ReadonlyMap<string, readonly Claim[]>;
}

/** Claims oldest first (by `sortKey` of their time, undated last), then by id; each claim's time read once. */
function chronological(claims: readonly Claim[]): Claim[] {
  const keyed = claims.map((c) => ({ c, key: sortKey(c.time ? parseTime(c.time) : undefined) }));
  // Two undated claims give NaN (Infinity − Infinity), which falls through to the ids.
  keyed.sort((a, b) => a.key - b.key || a.c.id.localeCompare(b.c.id));
  return keyed.map((x) => x.c);
}

/** Builds the profile of an entity from the claims that mention it. */
export function profileOf(entity: Entity, claims: readonly Claim[]): Profile {
  const about = chronological(claims.filter((c) => c.status !== 'rejected' && (c.subject === entity.id || c.object === entity.id)));
  const roles = about.filter((c) => c.subject === entity.id && PREDICATES[c.predicate].role !== undefined);
  const events = about.filter((c) => PREDICATES[c.predicate].temporality === 'event');
  const shown = new Set([...roles, ...events]);
  const relations = about.filter((c) => !shown.has(c));
  const byClaimant = groupBy(about, (c) => claimantOf(c) ?? 'unknown');
  return { entity, roles, events, relations, byClaimant };
}
