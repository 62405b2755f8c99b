/**
 * Which FollowTheMoney schema stands for each isnad record (docs/interop.md#followthemoney).
 * Only the schema and a role word are chosen here; the properties holding an edge's two ends
 * and an interval's dates come from the model's `edge` and `temporalExtent`.
 */
import type { EntityType, NameKind, Predicate } from '../../core/vocabulary.js';

export const ENTITY_SCHEMA: Record<EntityType, string> = { person: 'Person', organization: 'Organization', place: 'Address' };

/** Name kinds FtM calls weak aliases: partial names that identify only in context. */
export const WEAK_NAME_KINDS: ReadonlySet<NameKind> = new Set(['kunya', 'nisba', 'laqab', 'short_form']);

export interface LinkMapping {
  readonly schema: string;
  /** Written to the schema's role (Interest) or relationship (Family/Associate) property. */
  readonly role: string;
}

/** The link schema for a claim with an object, given the two ends' types. */
export function linkFor(predicate: Predicate, subject: EntityType, object: EntityType): LinkMapping {
  const orgObject = object === 'organization';
  switch (predicate) {
    case 'leader_of': return { schema: 'Directorship', role: 'leader' };
    case 'deputy_of': return orgObject ? { schema: 'Directorship', role: 'deputy' } : { schema: 'Associate', role: 'deputy' };
    case 'spokesman_of': return { schema: 'Directorship', role: 'spokesman' };
    case 'member_of': return { schema: 'Membership', role: 'member' };
    case 'representative_to': return { schema: 'Membership', role: 'representative' };
    case 'related_to': return { schema: 'Family', role: 'relative' };
    case 'renamed_to': case 'merged_into': case 'declared':
      if (subject === 'organization' && orgObject) return { schema: 'Succession', role: predicate.replace(/_/g, ' ') };
      return { schema: 'UnknownLink', role: predicate.replace(/_/g, ' ') };
    default: return { schema: 'UnknownLink', role: predicate.replace(/_/g, ' ') };
  }
}

/** Claims without an object (killed, released …) become an Event involving the subject. */
export const EVENT_SCHEMA = 'Event';

/** Roles read back on import: schema + role → predicate. */
export function predicateFor(schema: string, role: string | undefined): Predicate | undefined {
  const r = (role ?? '').toLowerCase().trim().replace(/\s+/g, '_');
  if (schema === 'Directorship') return r === 'deputy' ? 'deputy_of' : r === 'spokesman' ? 'spokesman_of' : 'leader_of';
  if (schema === 'Membership') return r === 'representative' ? 'representative_to' : 'member_of';
  if (schema === 'Family') return 'related_to';
  if (schema === 'Associate') return r === 'deputy' ? 'deputy_of' : undefined;
  if (schema === 'Succession') return (['merged_into', 'declared'] as const).find((p) => p === r) ?? 'renamed_to';
  if (schema === 'UnknownLink') return r ? (r as Predicate) : undefined;
  return undefined;
}
