/**
 * An in-memory read model of a store's claims and entities, for a long-running process (the
 * HTTP server) where a view must be answered in well under a millisecond. Reading a claim from
 * a store costs a B-tree descent for it, its evidence and its attribution (and on PostgreSQL a
 * round trip to the server); here it is a map lookup, and a view's claims come as the very
 * objects the store would have built.
 *
 * It answers the claim reads that start from an entity, a claimant, a dispute or ids (what
 * every view asks), entities and their labels, the sources views cite, and reachability;
 * anything else (a scan of every claim by status or date) stays with the store. This class is
 * the engine-neutral part: what is held, the reads, and how the records a history entry names
 * are put in place. Each engine's model (`sqlite/read-model.ts`, `kysely-read-model.ts`) builds
 * it from its store and follows the store's append-only history to keep it current, whichever
 * process wrote. Cost per million claims: about 1 GB of heap.
 */
import { byId, groupBy } from '../../core/collections.js';
import { propositionKey, type Claim, type Dispute, type Entity, type EntityLabel, type Source } from '../../core/model.js';
import { claimDayBounds } from '../day-bounds.js';
import type { ChangeTargetKind, ClaimReadFilter, ReachOptions } from '../repository.js';
import { ClaimRows } from './claim-rows.js';
import { SourceCache } from './source-cache.js';

/** History entries naming more records than this are followed by a rebuild rather than record by record. */
export const FOLLOW_AT_MOST = 20_000;

/** A build given up because its owner asked (the store was closed, or the model is no longer wanted). */
export class BuildStopped extends Error {
  constructor() {
    super('read model build stopped');
  }
}

/**
 * A model built in the background: the model, or undefined when its build was stopped (not an
 * error) or failed; a failure is handed to `failed`, to be kept for whoever waits on the model
 * (nobody awaits a background build), and reads go to the store as without a model.
 */
export async function buildInBackground<M>(build: () => Promise<M>, failed: (err: Error) => void): Promise<M | undefined> {
  try {
    return await build();
  } catch (err) {
    if (!(err instanceof BuildStopped)) failed(err instanceof Error ? err : new Error(String(err)));
    return undefined;
  }
}

/** The ids an import's history entry lists (`writes.ts` records them in `after.ids`). */
export interface ImportedIds {
  readonly claims?: readonly string[];
  readonly entities?: readonly string[];
  readonly sources?: readonly string[];
  readonly disputes?: readonly string[];
}

/** One history entry as a model follows it: its target, and for an import the ids it wrote (undefined when not listed or too many). */
export interface FollowedEntry {
  readonly kind: ChangeTargetKind | string;
  readonly id: string;
  readonly action: string;
  readonly imported: () => ImportedIds | undefined;
}

/** The records some history entries name, to be read again. */
export interface NamedRecords {
  readonly claims: Set<string>;
  readonly entities: Set<string>;
  readonly sources: Set<string>;
  readonly disputes: Set<string>;
}

/**
 * The records these entries wrote, or undefined when one of them cannot be followed record by
 * record (a revert of an import, an import of many thousands of records): the model must then
 * be built again.
 */
export function recordsNamed(entries: Iterable<FollowedEntry>): NamedRecords | undefined {
  const named: NamedRecords = { claims: new Set(), entities: new Set(), sources: new Set(), disputes: new Set() };
  for (const x of entries) {
    if (x.kind === 'claim') named.claims.add(x.id);
    else if (x.kind === 'entity') named.entities.add(x.id);
    else if (x.kind === 'source') named.sources.add(x.id);
    else if (x.kind === 'dataset' && x.action === 'import') {
      const ids = x.imported();
      if (!ids?.claims || !ids.entities || !ids.sources || !ids.disputes || ids.claims.length + ids.entities.length > FOLLOW_AT_MOST) return undefined;
      for (const id of ids.claims) named.claims.add(id);
      for (const id of ids.entities) named.entities.add(id);
      for (const id of ids.sources) named.sources.add(id);
      for (const id of ids.disputes) named.disputes.add(id);
    } else return undefined;
  }
  return named;
}

/** What a model reads again of the records some entries named, from one engine. */
export interface RecordsRead {
  readonly entities: readonly Entity[];
  readonly claims: readonly Claim[];
  readonly disputes: readonly Dispute[];
  /** Ids of the stored claims on a proposition (those that share one decide each other's contested flag). */
  readonly onProposition: (proposition: string) => readonly string[];
}

/** The records of `held` under these ids as read again: replaced, or removed when not read. */
function replace<T extends { id: string }>(held: Map<string, T>, ids: Iterable<string>, read: readonly T[]): void {
  const found = new Map(read.map((r) => [r.id, r]));
  for (const id of ids) {
    const r = found.get(id);
    if (r) held.set(id, r);
    else held.delete(id);
  }
}

export class MemoryReadModel {
  /** The claims, their numbers and their lists. */
  protected readonly rows = new ClaimRows();
  /** Every entity with its names: views name what they show by it, and a profile starts from one. */
  protected readonly entities = new Map<string, Entity>();
  /** Sources as views cite them: read at the build as far as a text budget goes, the rest on first use. */
  protected readonly sources = new SourceCache();
  /** Every dispute (a question, for the disputes view). */
  protected readonly disputes = new Map<string, Dispute>();
  /** The newest history entry this model reflects. */
  protected seenChange = 0;
  /** Told of entities read again (and of those gone: in `ids`, not in `current`), after the model holds them: for what is kept beside it, such as a name index. */
  onEntities?: (ids: ReadonlySet<string>, current: readonly Entity[]) => void;

  /** Claims held. */
  get size(): number {
    return this.rows.size;
  }

  // ---- keeping current ----

  /** The propositions the model's versions of these claims are on (a change can make their other claims (un)contested). */
  protected heldPropositions(claimIds: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const id of claimIds) {
      const row = this.rows.row(id);
      const old = row === undefined ? undefined : this.rows.claim(row);
      if (old) out.add(propositionKey(old));
    }
    return out;
  }

  /**
   * Puts in place what was read again of the records `named` names: entities and claims as
   * stored now (a record not read was removed), sources dropped to be read on next use, and the
   * contested flag of every claim on a proposition a claim left or joined. Day bounds are
   * computed as the store computed them when it wrote each claim.
   */
  protected apply(named: NamedRecords, read: RecordsRead): void {
    for (const id of named.sources) this.sources.forget(id);
    replace(this.disputes, named.disputes, read.disputes);
    replace(this.entities, named.entities, read.entities);
    if (named.entities.size) this.onEntities?.(named.entities, read.entities);
    const touched = this.heldPropositions(named.claims);
    const stored = new Map(read.claims.map((c) => [c.id, c]));
    for (const id of named.claims) {
      const row = this.rows.row(id);
      if (row !== undefined) this.rows.drop(row);
      const now = stored.get(id);
      if (!now) continue;
      const [lo, hi] = claimDayBounds(now);
      this.rows.put(now, lo, hi);
      touched.add(propositionKey(now));
    }
    for (const p of touched) this.markContested(read.onProposition(p));
  }

  /** Sets the contested flag of the held claims among these, which are all the stored claims on one proposition. */
  protected markContested(ids: readonly string[]): void {
    this.rows.markContested(ids.flatMap((id) => this.rows.row(id) ?? []));
  }

  /** {@link markContested} for every proposition among these stored claims (all the claims on each). */
  protected markContestedByProposition(claims: Iterable<{ readonly id: string; readonly proposition: string }>): void {
    for (const group of groupBy(claims, (c) => c.proposition).values()) this.markContested(group.map((c) => c.id));
  }

  // ---- reads ----

  /** Claims by the filter, ordered by id, or undefined when the filter does not start from entities, claimants, a dispute or ids. */
  listClaims(f: ClaimReadFilter): Claim[] | undefined {
    return this.rows.listClaims(f);
  }

  /** Claims matching any of the filters, each once, ordered by id, or undefined as {@link listClaims}. */
  listClaimsAny(filters: readonly ClaimReadFilter[]): Claim[] | undefined {
    return this.rows.listClaimsAny(filters);
  }

  /** Every entity held. */
  allEntities(): IterableIterator<Entity> {
    return this.entities.values();
  }

  /** Entities by id, each once, in the order first asked, missing ones left out. */
  getEntities(ids: readonly string[]): Entity[] {
    return [...new Set(ids)].flatMap((id) => this.entities.get(id) ?? []);
  }

  /** Disputes by id, each once, ordered by id, missing ones left out. */
  getDisputes(ids: readonly string[]): Dispute[] {
    return [...new Set(ids)].flatMap((id) => this.disputes.get(id) ?? []).sort(byId);
  }

  /** Type and canonical name of entities by id, each once, in the order first asked, missing ones left out. */
  getLabels(ids: readonly string[]): EntityLabel[] {
    return [...new Set(ids)].flatMap((id) => this.labelAtHand(id) ?? []);
  }

  /** An entity's label, or null when there is no such entity. */
  labelAtHand(id: string): EntityLabel | null {
    const e = this.entities.get(id);
    return e ? { id: e.id, type: e.type, canonical: e.canonical } : null;
  }

  /** A source the model holds (null: known not to exist), or undefined when it would take a read. */
  sourceAtHand(id: string): Source | null | undefined {
    return this.sources.atHand(id);
  }

  /** As `Repository.reachable`: breadth first from `start`, each entity once, at most `maxNodes + 1`. */
  reachable(start: string, opts: ReachOptions): string[] {
    return this.rows.reachable(start, opts, (id) => this.entities.get(id)?.type);
  }
}
