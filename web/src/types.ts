/** The JSON shapes the isnad HTTP API returns (see src/app/present.ts). */

export interface EntityRef { readonly id: string; readonly name: string; readonly type?: string }

export interface ChainLink { readonly entity?: EntityRef; readonly source?: string; readonly via?: string; readonly date?: string }

export interface EvidenceItem {
  readonly source: string;
  readonly title?: string;
  readonly url?: string;
  readonly quote: string;
  readonly start?: number;
  readonly end?: number;
  readonly page?: string;
}

export interface CitedClaim {
  readonly id: string;
  readonly subject: EntityRef;
  readonly predicate: string;
  readonly object?: EntityRef;
  readonly value?: string;
  readonly time?: string;
  readonly timeText: string;
  readonly stance: string;
  readonly claimant?: EntityRef;
  readonly chain: readonly ChainLink[];
  readonly evidence: readonly EvidenceItem[];
  readonly confidence?: number;
  readonly status: string;
  readonly dispute?: string;
  readonly note?: string;
  readonly basis?: string;
  readonly within?: 'certain' | 'possible';
  readonly version?: number;
}

export interface SearchHit {
  readonly id: string;
  readonly type: string;
  readonly canonical: string;
  readonly matchedName: string;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly description?: string;
}

export interface Page<T> { readonly items: readonly T[]; readonly total: number }

export interface EntitySummary {
  readonly id: string;
  readonly type: string;
  readonly canonical: string;
  readonly description?: string;
  readonly names?: readonly { name: string; kind: string }[];
}

export interface Profile {
  readonly entity: { id: string; type: string; canonical: string; description?: string };
  readonly names: readonly { name: string; kind: string; sources: readonly string[]; note?: string }[];
  readonly roles: readonly CitedClaim[];
  readonly events: readonly CitedClaim[];
  readonly relations: readonly CitedClaim[];
  readonly byClaimant: readonly { claimant: EntityRef; claims: readonly string[] }[];
}

export interface AsOfItem { readonly entity: EntityRef; readonly modality: 'certain' | 'possible'; readonly detail?: string; readonly claims: readonly CitedClaim[] }

export interface AsOf {
  readonly entity: EntityRef;
  readonly date: string;
  readonly dateText: string;
  readonly perspective: string;
  readonly forms: readonly (AsOfItem & { names: readonly { name: string; kind: string }[] })[];
  readonly leaders: readonly AsOfItem[];
  readonly deputies: readonly AsOfItem[];
  readonly spokesmen: readonly AsOfItem[];
  readonly allegiance: readonly AsOfItem[];
  readonly conflicts: readonly { topic: string; asserting: readonly CitedClaim[]; denying: readonly CitedClaim[] }[];
  readonly notes: readonly string[];
}

export interface LineageEdge {
  readonly from: EntityRef;
  readonly to: EntityRef;
  readonly predicate: string;
  readonly time?: string;
  readonly timeText: string;
  readonly family: boolean;
  readonly disputed: boolean;
  readonly claims: readonly CitedClaim[];
}

export interface Lineage {
  readonly focus: EntityRef;
  readonly roots: readonly EntityRef[];
  readonly nodes: readonly EntityRef[];
  readonly edges: readonly LineageEdge[];
}

export interface NetworkEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly predicate: string;
  readonly modality: 'certain' | 'possible';
  readonly stance?: string;
  readonly claimIds: readonly string[];
}

export interface Network {
  readonly date: string;
  readonly nodes: readonly EntityRef[];
  readonly edges: readonly NetworkEdge[];
}

export interface DisputeSide { readonly stance: string; readonly claims: readonly CitedClaim[] }
export interface Dispute { readonly id: string; readonly question: string; readonly entities: readonly EntityRef[]; readonly sides: readonly DisputeSide[] }

export interface Perspective { readonly id: string; readonly label: string; readonly claimants?: readonly string[] }

export interface SourceMeta {
  readonly id: string;
  readonly title: string;
  readonly author?: string;
  readonly date?: string;
  readonly url?: string;
  readonly kind?: string;
  readonly text?: string;
}

export interface SourceDetail {
  readonly source: SourceMeta;
  readonly spans: readonly { start: number; end: number; claimIds: readonly string[] }[];
  readonly claims?: readonly CitedClaim[];
}

export interface PredicateInfo { readonly id: string; readonly description?: string; readonly temporality?: string }
