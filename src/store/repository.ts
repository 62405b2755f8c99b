/**
 * The one repository interface every store engine implements (SQLite embedded, PostgreSQL
 * shared). Callers see core records only; rows and SQL stay behind it.
 */
import type { Claim, Dataset, Dispute, Entity, Perspective, Source } from '../core/model.js';
import type { ClaimStatus, EntityType, Predicate } from '../core/vocabulary.js';

export interface ClaimFilter {
  /** Claims whose subject or object is one of these entities. */
  readonly entities?: readonly string[];
  readonly subject?: string;
  readonly object?: string;
  readonly predicates?: readonly Predicate[];
  readonly statuses?: readonly ClaimStatus[];
  /** Claims whose claimant (innermost attribution) is one of these entities. */
  readonly claimants?: readonly string[];
  readonly dispute?: string;
  /** Claims citing this source as evidence. */
  readonly source?: string;
  /** Claims whose time can overlap [from, to] (days since epoch); undated claims are excluded when set. */
  readonly fromDay?: number;
  readonly toDay?: number;
  readonly limit?: number;
  readonly offset?: number;
}

export interface NameHit {
  readonly entityId: string;
  readonly name: string;
  readonly kind: string;
}

export interface ImportSummary {
  readonly sources: number;
  readonly entities: number;
  readonly names: number;
  readonly claims: number;
  readonly perspectives: number;
  readonly disputes: number;
}

export interface StoreCounts extends ImportSummary {
  readonly claimsByStatus: Readonly<Record<ClaimStatus, number>>;
}

export interface ChangeEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly targetKind: string;
  readonly targetId: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface Repository {
  readonly engine: 'sqlite' | 'postgres';

  /** Writes every record of the dataset in one transaction (all or nothing); records with an existing id are replaced. */
  importDataset(ds: Dataset, opts?: { actor?: string }): Promise<ImportSummary>;
  /** The whole store as a dataset. */
  exportDataset(): Promise<Dataset>;

  getEntity(id: string): Promise<Entity | undefined>;
  getEntities(ids: readonly string[]): Promise<Entity[]>;
  listEntities(opts?: { type?: EntityType; limit?: number; offset?: number }): Promise<Entity[]>;
  /** Names whose folded key equals or starts with the folded query. */
  findNames(foldedQuery: string, opts?: { prefix?: boolean; limit?: number }): Promise<NameHit[]>;
  /** Every (entity, name) pair, for building a name index. */
  allNames(): AsyncIterable<NameHit & { type: EntityType }>;

  getSource(id: string): Promise<Source | undefined>;
  findSourceByHash(contentHash: string): Promise<Source | undefined>;
  listSources(): Promise<Source[]>;

  getClaim(id: string): Promise<Claim | undefined>;
  listClaims(filter?: ClaimFilter): Promise<Claim[]>;
  countClaims(filter?: ClaimFilter): Promise<number>;
  /** Replaces a claim (e.g. after review) and records the change. */
  updateClaim(claim: Claim, opts?: { actor?: string; action?: string }): Promise<void>;

  listPerspectives(): Promise<Perspective[]>;
  listDisputes(): Promise<Dispute[]>;
  counts(): Promise<StoreCounts>;
  /** The change history of one record, oldest first. */
  history(targetKind: 'claim' | 'entity' | 'source', targetId: string): Promise<ChangeEntry[]>;

  /** Runs `fn` in one transaction against a repository bound to it. */
  transaction<T>(fn: (repo: Repository) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
