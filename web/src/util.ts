/** Formatting helpers. Nothing here builds HTML: every string is rendered as text. */

/** Only http(s) URLs become links; anything else (javascript:, data:, relative) is refused. */
export function safeUrl(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const PREDICATE_PHRASES: Record<string, string> = {
  renamed_to: 'was renamed',
  merged_into: 'merged into',
  split_from: 'split from',
  founded: 'founded',
  declared: 'declared',
  dissolved: 'was dissolved',
  pledged_allegiance_to: 'pledged allegiance to',
  accepted_pledge_of: 'accepted the pledge of',
  branch_of: 'was a branch of',
  expelled: 'expelled',
  leader_of: 'led',
  deputy_of: 'was deputy of',
  spokesman_of: 'was spokesman of',
  member_of: 'was a member of',
  representative_to: 'was representative to',
  killed: 'was killed',
  arrested: 'was arrested',
  imprisoned: 'was imprisoned',
  released: 'was released',
  attacked: 'attacked',
  supported: 'supported',
  allied_with: 'was allied with',
  fought: 'fought',
  identified_as: 'is identified as',
  wrote_to: 'wrote to',
  succeeded: 'succeeded',
  located_in: 'was in',
  same_as: 'is the same as',
  distinct_from: 'is distinct from',
  related_to: 'is related to',
};

const WITH_OBJECT_SUFFIX: Record<string, string> = { killed: 'by', arrested: 'by' };

/** "was renamed", "pledged allegiance to" … (falls back to the term with spaces). */
export function predicatePhrase(p: string): string {
  return PREDICATE_PHRASES[p] ?? p.replace(/_/g, ' ');
}

/** The predicate's words with the connective used when an object follows. */
export function predicateWithObject(p: string): string {
  if (p === 'renamed_to') return 'was renamed';
  const base = predicatePhrase(p);
  const suffix = WITH_OBJECT_SUFFIX[p];
  return suffix ? `${base} ${suffix}` : base;
}

export function predicateLabel(p: string): string {
  return p.replace(/_/g, ' ');
}

/** Kind of relation, used for colours in the network and timeline. */
export type RelationKind = 'lineage' | 'allegiance' | 'role' | 'conflict' | 'support' | 'communication' | 'other';

export function relationKind(p: string): RelationKind {
  if (['renamed_to', 'merged_into', 'split_from', 'founded', 'declared', 'dissolved'].includes(p)) return 'lineage';
  if (['pledged_allegiance_to', 'accepted_pledge_of', 'branch_of'].includes(p)) return 'allegiance';
  if (['leader_of', 'deputy_of', 'spokesman_of', 'member_of', 'representative_to', 'succeeded'].includes(p)) return 'role';
  if (['fought', 'attacked', 'expelled', 'killed', 'arrested', 'imprisoned', 'released'].includes(p)) return 'conflict';
  if (['supported', 'allied_with'].includes(p)) return 'support';
  if (['wrote_to', 'identified_as', 'related_to', 'same_as', 'distinct_from', 'located_in'].includes(p)) return 'communication';
  return 'other';
}

export const KIND_COLORS: Record<RelationKind, string> = {
  lineage: '#2f5d8a',
  allegiance: '#8a5a00',
  role: '#3d7a4a',
  conflict: '#a23b3b',
  support: '#6a4c93',
  communication: '#4f6b73',
  other: '#6b6b6b',
};

export const KIND_LABELS: Record<RelationKind, string> = {
  lineage: 'lineage (founding, renaming, merger, split)',
  allegiance: 'allegiance (pledge, branch)',
  role: 'roles (leader, deputy, member)',
  conflict: 'conflict (fighting, attacks, arrests)',
  support: 'support and alliance',
  communication: 'correspondence and identification',
  other: 'other',
};

export const NAME_KIND_LABELS: Record<string, string> = {
  real_name: 'real name',
  kunya: 'kunya',
  laqab: 'laqab',
  nisba: 'nisba',
  alias: 'alias',
  pseudonym: 'pseudonym',
  acronym: 'acronym',
  transliteration: 'transliteration',
  short_form: 'short form',
};

export const NAME_KIND_HELP: Record<string, string> = {
  real_name: 'Birth or legal name',
  kunya: 'Teknonym of the form Abu/Umm X, often a nom de guerre',
  laqab: 'Epithet or sobriquet',
  nisba: 'Name of origin or affiliation',
  alias: 'Another name the person or group is known by',
  pseudonym: 'A cover name used in correspondence',
  acronym: 'Abbreviation of an organization name',
  transliteration: 'Another romanisation of a listed name',
  short_form: 'A later short reference to a full name',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Text of a span of a string, clamped; never throws. */
export function slice(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start), Math.max(0, Math.min(text.length, end)));
}
