/**
 * The claims-first model. Plain, readonly data: a store, an importer or a view can create and
 * pass these around without classes. Everything derived (names as of a date, leaders,
 * allegiance, lineage) is computed from claims by the functions in `perspective/`.
 */
import type { ClaimStatus, EntityType, NameKind, Predicate, Stance } from './vocabulary.js';

export const SOURCE_KINDS = ['article', 'speech', 'letter', 'book', 'report', 'statement', 'video', 'web', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A document that claims are taken from. */
export interface Source {
  readonly id: string;
  readonly kind: SourceKind;
  readonly title: string;
  readonly author?: string;
  /** The entity that stands for the author, so the author's assertions have a claimant. */
  readonly authorEntity?: string;
  /** EDTF date of publication. */
  readonly date?: string;
  readonly url?: string;
  /** `sha256:<hex>` of the text, when the text is known. */
  readonly contentHash?: string;
  /** The document's text, when stored, so evidence spans can be shown in place. */
  readonly text?: string;
}

/** One name of an entity, with its kind and the sources that use it. */
export interface Name {
  readonly name: string;
  readonly kind: NameKind;
  readonly lang?: string;
  readonly sources: readonly string[];
  readonly note?: string;
}

/** What a view needs to name an entity: no names list, so a store can load it in one short row. */
export type EntityLabel = Pick<Entity, 'id' | 'type' | 'canonical'>;

/** A person, organization or place. */
export interface Entity {
  readonly id: string;
  readonly type: EntityType;
  readonly canonical: string;
  readonly names: readonly Name[];
  readonly description?: string;
  /**
   * The store's version of this record, bumped by every write; a writer sends back the version
   * it read so a stale write is refused. Set by the store only; not part of the native format.
   */
  readonly version?: number;
}

/** Where in a source the evidence stands. */
export interface Locator {
  readonly page?: string;
  /** Character offsets into the source text (UTF-16 code units, end exclusive). */
  readonly start?: number;
  readonly end?: number;
  readonly section?: string;
}

/** The words a claim rests on. */
export interface Evidence {
  readonly source: string;
  readonly quote: string;
  readonly locator?: Locator;
}

/**
 * One link in a chain of transmission: who said it, in what, when. A chain is ordered from the
 * outermost reporter (usually the source's author) to the innermost, whose assertion it is.
 */
export interface AttributionLink {
  /** Entity id of the speaker/writer, when known as an entity. */
  readonly entity?: string;
  /** Source id when the link is a document rather than a person (a quoted letter, a speech). */
  readonly source?: string;
  /** Free description of the medium ("speech", "letter to Atiya"). */
  readonly via?: string;
  /** EDTF date of the statement. */
  readonly date?: string;
}

/** The atom of the knowledge base. */
export interface Claim {
  readonly id: string;
  readonly subject: string;
  readonly predicate: Predicate;
  /** Entity id of the object, when the predicate takes one. */
  readonly object?: string;
  /** Literal value, for predicates that take one. */
  readonly value?: string;
  /** EDTF instant or interval; absent when the sources give no date. */
  readonly time?: string;
  readonly stance: Stance;
  /** Outermost reporter first; the last link is the claimant. Never empty. */
  readonly attribution: readonly AttributionLink[];
  readonly evidence: readonly Evidence[];
  /** 0..1, how strongly the claimant's words support the proposition. */
  readonly confidence?: number;
  readonly status: ClaimStatus;
  /** Groups claims that answer one contested question. */
  readonly dispute?: string;
  readonly note?: string;
  readonly recordedBy: string;
  /** ISO 8601 timestamp. */
  readonly recordedAt: string;
  /**
   * The store's version of this record, bumped by every write; a writer sends back the version
   * it read so a stale write is refused. Set by the store only; not part of the native format.
   */
  readonly version?: number;
}

/** A named reading of the store: the claims of some claimants ("as IS tells it"). */
export interface Perspective {
  readonly id: string;
  readonly label: string;
  readonly claimants: readonly string[];
}

/** A contested question with a label; claims join it through `Claim.dispute`. */
export interface Dispute {
  readonly id: string;
  readonly question: string;
}

/** A whole knowledge base, or a file's worth of one. */
export interface Dataset {
  readonly sources: readonly Source[];
  readonly entities: readonly Entity[];
  readonly claims: readonly Claim[];
  readonly perspectives: readonly Perspective[];
  readonly disputes: readonly Dispute[];
}

/** The claimant of a claim: the innermost link of its attribution chain. */
export function claimantOf(claim: Claim): string | undefined {
  const last = claim.attribution[claim.attribution.length - 1];
  return last?.entity ?? last?.source;
}

/** The proposition a claim is about, independent of who says it and with what stance. */
export function propositionKey(claim: Pick<Claim, 'subject' | 'predicate' | 'object' | 'value'>): string {
  return `${claim.subject}|${claim.predicate}|${claim.object ?? ''}|${claim.value ?? ''}`;
}

export const EMPTY_DATASET: Dataset = Object.freeze({ sources: [], entities: [], claims: [], perspectives: [], disputes: [] });
