/**
 * The one repository interface every store engine implements (SQLite embedded, PostgreSQL
 * shared). Callers see core records only; rows and SQL stay behind it.
 */
import type { Claim, Dataset, Dispute, Entity, EntityLabel, Evidence, Perspective, Source } from '../core/model.js';
import type { ClaimStatus, EntityType, Predicate } from '../core/vocabulary.js';

export interface ClaimFilter {
  /** Claims whose subject or object is one of these entities. */
  readonly entities?: readonly string[];
  readonly subject?: string;
  readonly object?: string;
  /** Claims whose subject is one of these entities. */
  readonly subjects?: readonly string[];
  /** Claims whose object is one of these entities. */
  readonly objects?: readonly string[];
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
  /** With `fromDay`/`toDay`: keep undated claims too (they may hold at any time). */
  readonly includeUndated?: boolean;
  /** Only claims in an explicit dispute, or on a proposition that another claim (not rejected) takes the other stance on. */
  readonly contested?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

/** A claim filter that may also name claims by id (a read by id, or a read model's refresh). */
export type ClaimReadFilter = ClaimFilter & { readonly ids?: readonly string[] };

export interface ReachOptions {
  readonly predicates: readonly Predicate[];
  readonly statuses: readonly ClaimStatus[];
  readonly type?: EntityType;
  readonly maxNodes: number;
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

/** What a change was made to: one claim or entity, or a whole import (`dataset`). */
export type ChangeTargetKind = 'claim' | 'entity' | 'source' | 'dataset';

/** One entry of the append-only audit history. */
export interface ChangeEntry {
  readonly id: number;
  /** ISO 8601 timestamp. */
  readonly at: string;
  readonly actor: string;
  /** `import`, `edit`, `accept`, `reject`, `reopen`, `merge`, `split`, `revert`, … */
  readonly action: string;
  readonly targetKind: string;
  readonly targetId: string;
  /** The record before the change (`null` when the change created it). For an import: the records it replaced. */
  readonly before: unknown;
  /** The record after the change (`null` when the change deleted it). For an import: counts and the ids it wrote. */
  readonly after: unknown;
  /** For a revert: the id of the change it undid. */
  readonly reverts?: number;
}

/** Who writes, and the version they read (a stale version is refused with a `ConflictError`). */
export interface WriteOptions {
  /** Recorded in the history. Default is `'local'`. */
  readonly actor?: string;
  /**
   * The version the writer last read. When given and the stored version differs, the write
   * throws `ConflictError` carrying the current record. When omitted, the record's own
   * `version` field is used if set; with neither, the write is unconditional (local mode).
   */
  readonly expectedVersion?: number;
}

/** An entity-resolution decision, stored as a `same_as` (merge) or `distinct_from` (split) claim. */
export interface Resolution {
  readonly kind: 'merge' | 'split';
  readonly subject: string;
  readonly object: string;
  /** Claim id. Default is `resolution-<predicate>-<subject>-<object>`; recording the same decision again replaces it. */
  readonly id?: string;
  /** Entity id of the analyst who decided, when the analyst is an entity; the actor is always recorded. */
  readonly claimant?: string;
  readonly evidence?: readonly Evidence[];
  readonly note?: string;
  /** Default is `'accepted'`. */
  readonly status?: ClaimStatus;
}

export interface Repository {
  readonly engine: 'sqlite' | 'postgres';

  /** Writes every record of the dataset in one transaction (all or nothing); records with an existing id are replaced. */
  importDataset(ds: Dataset, opts?: { actor?: string }): Promise<ImportSummary>;
  /** Imports datasets in order in one transaction (all or nothing), one history entry each: a bulk load streamed in chunks. `claims` is the total expected, when known. */
  importMany(datasets: Iterable<Dataset>, opts?: { actor?: string; claims?: number }): Promise<ImportSummary[]>;
  /** The whole store as a dataset. */
  exportDataset(): Promise<Dataset>;

  getEntity(id: string): Promise<Entity | undefined>;
  getEntities(ids: readonly string[]): Promise<Entity[]>;
  /** Type and canonical name of entities by id (no names list), each once, in the order first asked, missing ones left out: what views need to name them. */
  getLabels(ids: readonly string[]): Promise<EntityLabel[]>;
  listEntities(opts?: { type?: EntityType; limit?: number; offset?: number }): Promise<Entity[]>;
  /** Names whose folded key equals or starts with the folded query, by folded key, then entity and position. */
  findNames(foldedQuery: string, opts?: { prefix?: boolean; limit?: number }): Promise<NameHit[]>;
  /**
   * Names whose folded key is similar to the folded query by trigram similarity (pg_trgm's
   * measure; computed in the store on PostgreSQL, portably elsewhere), best first.
   * `threshold` default is 0.3, `limit` default is 20.
   */
  findSimilarNames(foldedQuery: string, opts?: { threshold?: number; limit?: number }): Promise<(NameHit & { similarity: number })[]>;
  /** Every (entity, name) pair, for building a name index. */
  allNames(): AsyncIterable<NameHit & { type: EntityType }>;

  getSource(id: string): Promise<Source | undefined>;
  /** Sources by id, each once, in the order first asked, missing ones left out: a view's citations in one call. */
  getSources(ids: readonly string[]): Promise<Source[]>;
  findSourceByHash(contentHash: string): Promise<Source | undefined>;
  listSources(): Promise<Source[]>;

  getClaim(id: string): Promise<Claim | undefined>;
  listClaims(filter?: ClaimFilter): Promise<Claim[]>;
  /**
   * Claims matching any of the filters, each once, ordered by id as `listClaims` orders them: a
   * view that needs several kinds of claims about the same entities reads them in one call.
   */
  listClaimsAny(filters: readonly Omit<ClaimFilter, 'limit' | 'offset'>[]): Promise<Claim[]>;
  /**
   * The entities reachable from `start` over claims with these predicates and statuses (and an
   * object), in either direction, `start` first; with `type`, only through entities of that type.
   * Stops soon after more than `maxNodes` are found (how soon depends on the store): what a view
   * walks (an organization's forms, its family), found by the store in one step where it can.
   */
  reachable(start: string, opts: ReachOptions): Promise<string[]>;
  countClaims(filter?: ClaimFilter): Promise<number>;
  /**
   * Replaces a claim (e.g. after review or an edit), bumps its version and records the change,
   * in one transaction. Throws `NotFoundError` when it does not exist and `ConflictError` when
   * the expected version is stale. Returns the claim as stored (with its new version).
   */
  updateClaim(claim: Claim, opts?: WriteOptions & { action?: string }): Promise<Claim>;
  /** Accepts, rejects or reopens a claim (action `accept` / `reject` / `reopen`); as {@link updateClaim}. */
  setClaimStatus(id: string, status: ClaimStatus, opts?: WriteOptions): Promise<Claim>;
  /** Replaces an entity and its names; as {@link updateClaim}. */
  updateEntity(entity: Entity, opts?: WriteOptions & { action?: string }): Promise<Entity>;
  /**
   * Records a merge or split decision as a `same_as` / `distinct_from` claim attributed to the
   * actor (and claimant entity, when given), with action `merge` / `split` in the history.
   */
  recordResolution(resolution: Resolution, opts: { actor: string }): Promise<Claim>;
  /**
   * Undoes one change: restores its `before` state (deleting what it created), records the
   * revert as a change of its own and returns that entry. Throws `ConflictError` when the
   * record has changed since (revert the later change first) or when others now refer to
   * what would be deleted.
   */
  revertChange(changeId: number, opts?: { actor?: string }): Promise<ChangeEntry>;
  getChange(id: number): Promise<ChangeEntry | undefined>;
  /** The whole history, oldest first, page by page. */
  listChanges(opts?: { afterId?: number; limit?: number }): Promise<ChangeEntry[]>;
  /**
   * Id of the newest history entry (0 when there is none). Every write appends one, so a reader
   * that keeps something derived from the store (a name index) learns from it what changed.
   */
  latestChangeId(): Promise<number>;
  /**
   * Appends history entries copied from another store (by `migrateStore`), keeping their time,
   * actor, action, target and before/after. Ids are this store's own; returns them in order.
   * `reverts` must already name this store's ids.
   */
  importHistory(entries: readonly ChangeEntry[]): Promise<number[]>;

  listPerspectives(): Promise<Perspective[]>;
  listDisputes(): Promise<Dispute[]>;
  /** Disputes by id, ordered by id, missing ones left out: a view about one entity needs a few, not the table. */
  getDisputes(ids: readonly string[]): Promise<Dispute[]>;
  counts(): Promise<StoreCounts>;
  /** The change history of one record, oldest first. */
  history(targetKind: ChangeTargetKind, targetId: string): Promise<ChangeEntry[]>;

  /** Runs `fn` in one transaction against a repository bound to it. */
  transaction<T>(fn: (repo: Repository) => Promise<T>): Promise<T>;
  /**
   * Runs `fn`, the reads of one view, letting a store that checks for other writers before every
   * read (SQLite with its read model) check once: each read in `fn` sees the store as it was when
   * `fn` began or later (or, where the store allows other writers a lag, that long before), and
   * every write made through this repository. Optional: without it a view's reads simply run.
   */
  oneView?<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * An entity's label when the store holds it in memory (null: there is no such entity), or
   * undefined when it would take a read: lets a view built synchronously name an entity it did
   * not load first. Optional.
   */
  labelAtHand?(id: string): EntityLabel | null | undefined;
  /** A source when the store holds it in memory (null: there is no such source), or undefined when it would take a read. Optional. */
  sourceAtHand?(id: string): Source | null | undefined;
  close(): Promise<void>;
}
