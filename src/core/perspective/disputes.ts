/**
 * Contested propositions, each side with its claimants, chains of transmission, dates and
 * quotes. Explicit disputes (claims sharing a `dispute` id) come first; any other proposition
 * that one claim asserts and another denies is a dispute too.
 */
import type { Claim, Dispute } from '../model.js';
import { propositionKey } from '../model.js';
import { groupBy } from '../collections.js';
import type { EntityLookup } from './view.js';

export interface DisputeSide {
  readonly stance: 'asserts' | 'denies';
  readonly claims: readonly Claim[];
}

export interface DisputeView {
  readonly id: string;
  readonly question: string;
  /** Entities the disputed claims are about. */
  readonly entities: readonly string[];
  readonly sides: readonly DisputeSide[];
}

function sidesOf(claims: readonly Claim[]): DisputeSide[] {
  return (['asserts', 'denies'] as const).map((stance) => ({ stance, claims: claims.filter((c) => c.stance === stance) })).filter((s) => s.claims.length > 0);
}

function questionFor(c: Claim, label: EntityLookup): string {
  const name = (id: string | undefined) => (id ? label(id)?.canonical ?? id : '');
  return `${name(c.subject)} ${c.predicate.replace(/_/g, ' ')} ${c.object ? name(c.object) : c.value ?? ''}${c.time ? ` (${c.time})` : ''}?`.replace(/\s+\?/, '?');
}

/** Lists disputes among the claims (rejected claims are left out), optionally about one entity. */
export function disputesOf(claims: readonly Claim[], disputes: readonly Dispute[], label: EntityLookup, about?: string): DisputeView[] {
  const live = claims.filter((c) => c.status !== 'rejected');
  const out: DisputeView[] = [];
  const inExplicit = new Set<string>();
  for (const [id, group] of groupBy(live.filter((c) => c.dispute), (c) => c.dispute!)) {
    group.forEach((c) => inExplicit.add(c.id));
    const d = disputes.find((x) => x.id === id);
    out.push({ id, question: d?.question ?? questionFor(group[0]!, label), entities: [...new Set(group.flatMap((c) => [c.subject, ...(c.object ? [c.object] : [])]))], sides: sidesOf(group) });
  }
  for (const [key, group] of groupBy(live.filter((c) => !inExplicit.has(c.id)), propositionKey)) {
    if (new Set(group.map((c) => c.stance)).size < 2) continue;
    const c = group[0]!;
    out.push({ id: `proposition:${key}`, question: questionFor(c, label), entities: [...new Set([c.subject, ...(c.object ? [c.object] : [])])], sides: sidesOf(group) });
  }
  const related = about ? out.filter((d) => d.entities.includes(about) || d.sides.some((s) => s.claims.some((c) => c.attribution.some((a) => a.entity === about)))) : out;
  return related.sort((a, b) => a.id.localeCompare(b.id));
}
