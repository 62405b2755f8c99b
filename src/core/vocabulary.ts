/**
 * The controlled vocabulary: entity types, name kinds and predicates.
 *
 * Every claim's predicate must be one of {@link PREDICATES}. Each term says which subject and
 * object types it takes and whether it describes a moment (an event) or a stretch of time over
 * which a relation holds (a state). Perspective resolution reads these flags instead of
 * hard-coding predicate names.
 */

export const ENTITY_TYPES = ['person', 'organization', 'place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const NAME_KINDS = [
  'real_name',
  'kunya',
  'laqab',
  'nisba',
  'alias',
  'pseudonym',
  'acronym',
  'transliteration',
  'short_form',
] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export const NAME_KIND_DESCRIPTIONS: Readonly<Record<NameKind, string>> = {
  real_name: 'Birth or legal name (ism + nasab + family name as known).',
  kunya: 'Teknonym of the form Abu/Umm X, often used as a nom de guerre ("Abu Musab al-Zarqawi").',
  laqab: 'Epithet or sobriquet ("Haji Bakr").',
  nisba: 'Name of origin or affiliation used on its own ("al-Zarqawi", "al-Iraqi").',
  alias: 'Any other name the person or group is known by.',
  pseudonym: 'A cover name used in correspondence ("Karim").',
  acronym: 'Abbreviation of an organization name ("ISI", "AQM").',
  transliteration: 'Another romanisation of a name already listed ("Usama bin Ladin" / "Osama bin Laden").',
  short_form: 'A later short reference to a full name ("al-Khalayleh", "al-Nusra").',
};

export const STANCES = ['asserts', 'denies'] as const;
export type Stance = (typeof STANCES)[number];

export const CLAIM_STATUSES = ['candidate', 'accepted', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Whether a predicate describes a moment or a relation holding over an interval. */
export type Temporality = 'event' | 'state';

export interface PredicateSpec {
  readonly subject: readonly EntityType[];
  /** Allowed object types; empty means the predicate takes no object (e.g. `killed`, `arrested`). */
  readonly object: readonly EntityType[];
  /** True when the object may be omitted even though object types are listed. */
  readonly objectOptional?: boolean;
  readonly temporality: Temporality;
  readonly description: string;
  /** Lineage edges connect successive forms of one organization family. */
  readonly lineage?: boolean;
  /** Allegiance edges are read by the as-of view's "owes allegiance to". */
  readonly allegiance?: boolean;
  /** Role edges are read by the as-of view's leaders and a person's roles. */
  readonly role?: 'leader' | 'deputy' | 'spokesman' | 'member' | 'representative';
  /** Not in DESIGN.md's list: added because the sources need it. */
  readonly extension?: boolean;
}

const P = 'person' as const;
const O = 'organization' as const;
const L = 'place' as const;

const PREDICATE_TABLE = {
  renamed_to: { subject: [O], object: [O], temporality: 'event', lineage: true, description: 'The same body continued under a new name (rebrand).' },
  merged_into: { subject: [O], object: [O], temporality: 'event', lineage: true, description: 'The subject joined or was merged into the object.' },
  split_from: { subject: [O], object: [O], temporality: 'event', lineage: true, description: 'The subject broke away from the object.' },
  founded: { subject: [P, O], object: [O], temporality: 'event', lineage: true, description: 'The subject set up the object organization.' },
  declared: { subject: [O, P], object: [O], temporality: 'event', lineage: true, description: 'Public declaration of a new entity (e.g. a state) by the subject.' },
  dissolved: { subject: [O], object: [], temporality: 'event', description: 'The organization ceased to exist (or was ordered dissolved).' },
  pledged_allegiance_to: { subject: [P, O], object: [P, O], temporality: 'event', allegiance: true, description: 'The subject gave bayat (a pledge of allegiance) to the object.' },
  accepted_pledge_of: { subject: [P, O], object: [P, O], temporality: 'event', allegiance: true, description: 'The subject accepted the object\u2019s pledge of allegiance.' },
  branch_of: { subject: [O], object: [O], temporality: 'state', allegiance: true, lineage: true, description: 'The subject was a branch or affiliate of the object over the interval.' },
  expelled: { subject: [O, P], object: [O, P], temporality: 'event', lineage: true, description: 'The subject expelled the object from its ranks.' },
  leader_of: { subject: [P], object: [O], temporality: 'state', role: 'leader', description: 'The person led (was emir of) the organization over the interval.' },
  deputy_of: { subject: [P], object: [O, P], temporality: 'state', role: 'deputy', description: 'The person was deputy of the organization or of its leader.' },
  spokesman_of: { subject: [P], object: [O], temporality: 'state', role: 'spokesman', description: 'The person was the organization\u2019s official spokesman.' },
  member_of: { subject: [P], object: [O], temporality: 'state', role: 'member', description: 'The person belonged to the organization.' },
  representative_to: { subject: [P], object: [O], temporality: 'state', role: 'representative', description: 'The person acted as liaison or envoy to the organization.' },
  killed: { subject: [P], object: [P, O], objectOptional: true, temporality: 'event', description: 'The subject died by violence; the object, when given, is the killer.' },
  died: { subject: [P], object: [], temporality: 'event', extension: true, description: 'The person died; the sources do not say how (use `killed` when they say it was by violence).' },
  arrested: { subject: [P], object: [P, O], objectOptional: true, temporality: 'event', description: 'The person was arrested or captured; the object, when given, made the arrest.' },
  imprisoned: { subject: [P], object: [], temporality: 'state', description: 'The person was held in prison over the interval.' },
  released: { subject: [P], object: [], temporality: 'event', description: 'The person was released from prison.' },
  attacked: { subject: [O, P], object: [P, O, L], temporality: 'event', description: 'Attack, assassination or bombing by the subject against the object.' },
  supported: { subject: [O, P, L], object: [O, P], temporality: 'state', description: 'Material or political support from the subject to the object.' },
  allied_with: { subject: [O], object: [O], temporality: 'state', description: 'The organizations were allied.' },
  fought: { subject: [O], object: [O], temporality: 'state', description: 'The organizations fought each other.' },
  identified_as: { subject: [P, O], object: [P, O], temporality: 'event', extension: true, description: 'A claimant identifies the subject (known by a pseudonym or ostensible name) as the object.' },
  wrote_to: { subject: [P, O], object: [P, O], temporality: 'event', extension: true, description: 'The subject sent a letter or message to the object.' },
  succeeded: { subject: [P], object: [P], temporality: 'event', extension: true, description: 'The subject succeeded the object in a post.' },
  located_in: { subject: [P, O], object: [L], temporality: 'state', extension: true, description: 'The subject was present in or operated from the place over the interval.' },
  same_as: { subject: [P, O, L], object: [P, O, L], temporality: 'event', extension: true, description: 'Entity resolution: a reviewer decided the two records are one entity (a merge). Rejecting the claim undoes it.' },
  distinct_from: { subject: [P, O, L], object: [P, O, L], temporality: 'event', extension: true, description: 'Entity resolution: a reviewer decided the two records are different entities (a split or a blocked merge).' },
  related_to: { subject: [P], object: [P], temporality: 'state', extension: true, description: 'Family relation (e.g. brother-in-law); the kind goes in the claim\u2019s note.' },
} as const satisfies Record<string, PredicateSpec>;

export type Predicate = keyof typeof PREDICATE_TABLE;
export const PREDICATES: Readonly<Record<Predicate, PredicateSpec>> = PREDICATE_TABLE;
export const PREDICATE_NAMES = Object.keys(PREDICATES) as Predicate[];

/** True when `name` is a predicate of the vocabulary. */
export function isPredicate(name: string): name is Predicate {
  return Object.prototype.hasOwnProperty.call(PREDICATES, name);
}

/** The specification of a predicate. */
export function predicateSpec(p: Predicate): PredicateSpec {
  return PREDICATES[p];
}
