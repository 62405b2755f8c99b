/** Human-readable lines for claims and citations. */
import type { CitedClaim } from '../../app/present.js';

const VERB: Record<string, string> = {
  renamed_to: 'renamed to', merged_into: 'merged into', split_from: 'split from', founded: 'founded', declared: 'declared',
  dissolved: 'dissolved', pledged_allegiance_to: 'pledged allegiance to', accepted_pledge_of: 'accepted the pledge of',
  branch_of: 'branch of', expelled: 'expelled', leader_of: 'leader of', deputy_of: 'deputy of', spokesman_of: 'spokesman of',
  member_of: 'member of', representative_to: 'representative to', killed: 'killed', arrested: 'arrested', imprisoned: 'imprisoned',
  released: 'released', attacked: 'attacked', supported: 'supported', allied_with: 'allied with', fought: 'fought',
  identified_as: 'identified as', wrote_to: 'wrote to', succeeded: 'succeeded', located_in: 'in', same_as: 'same as',
  distinct_from: 'distinct from', related_to: 'related to',
};

/** Predicates whose subject undergoes the event: "X was killed (by Y)". */
const PASSIVE: Record<string, string> = { died: 'died', killed: 'was killed', arrested: 'was arrested', imprisoned: 'was imprisoned', released: 'was released' };

/** "X pledged allegiance to Y", "X was killed by Y" (or "NOT: …" for a denial). */
export function sentence(c: CitedClaim): string {
  const passive = PASSIVE[c.predicate];
  const object = c.object ? ` ${c.object.name}` : c.value ? ` ${c.value}` : '';
  const core = passive ? `${c.subject.name} ${passive}${c.object ? ` by${object}` : ''}` : `${c.subject.name} ${VERB[c.predicate] ?? c.predicate.replace(/_/g, ' ')}${object}`;
  const marked = c.status === 'accepted' ? core : `${core} [${c.status}]`;
  return c.stance === 'denies' ? `NOT: ${marked}` : marked;
}

/** "per al-Zawahiri (speech, 2014-05) ← Kyle Orton" — innermost claimant first. */
export function chainText(c: CitedClaim): string {
  return [...c.chain]
    .reverse()
    .map((l) => `${l.entity?.name ?? l.source ?? '?'}${l.via || l.date ? ` (${[l.via, l.date].filter(Boolean).join(', ')})` : ''}`)
    .join(' ← ');
}

/** A quote with its source, shortened for one line. */
export function citation(c: CitedClaim, max = 110): string {
  const e = c.evidence[0];
  if (!e) return '[no evidence]';
  const q = e.quote.length > max ? `${e.quote.slice(0, max - 1)}…` : e.quote;
  return `“${q}” — ${e.title ?? e.source}${e.page ? `, p. ${e.page}` : ''}${e.start !== undefined ? ` @${e.start}` : ''}`;
}

/** The standard multi-line rendering of a claim under a heading line. */
export function claimBlock(c: CitedClaim, indent = '    '): string {
  const lines = [`${indent}claim ${c.id}; according to ${chainText(c)}${c.confidence !== undefined ? `; confidence ${c.confidence}` : ''}${c.status !== 'accepted' ? ` [${c.status}]` : ''}`];
  lines.push(`${indent}${citation(c)}`);
  return lines.join('\n');
}
