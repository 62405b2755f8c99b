/**
 * Application services over a repository: resolve a name to an entity, load just the claims a
 * view needs, and build the views of `core/perspective`. The CLI and the HTTP server both call
 * these, so both answer the same questions the same way.
 */
import type { Claim, Entity, EntityLabel, Perspective, Source } from '../core/model.js';
import { isNetworkPredicate, networkAt, networkReads, type Network } from '../core/perspective/network.js';
import { IsnadError, NotFoundError } from '../core/errors.js';
import {
  asOf,
  asOfReads,
  claimsInView,
  disputesOf,
  lineageOf,
  profileOf,
  resolvePerspective,
  timelineOf,
  type AsOfView,
  type DisputeView,
  type Lineage,
  type Profile,
  type TimelineEntry,
  type TimelineOptions,
  type ViewedClaim,
  type EntityLookup,
  SUCCESSION,
  FAMILY_PREDICATES,
  type AsOfReads,
} from '../core/perspective/index.js';
import { PREDICATE_NAMES, PREDICATES, type ClaimStatus, type Predicate } from '../core/vocabulary.js';
import { parseTime, readWindow, sortKey, type ReadWindow } from '../core/time.js';
import type { ClaimFilter, Repository } from '../store/repository.js';
import { nameSearcher } from './name-search.js';

/** The predicates whose claims shape an organization family (and all the lineage view reads). */
const LINEAGE_PREDICATES: readonly Predicate[] = PREDICATE_NAMES.filter((p) => PREDICATES[p].lineage);

/** Thrown when a name fits several entities; lists them so the user can pick one by id. */
export class AmbiguousNameError extends IsnadError {
  override readonly name = 'AmbiguousNameError';
  constructor(readonly query: string, readonly candidates: readonly Entity[]) {
    super('ambiguous', `"${query}" could be ${candidates.length} entities: ${candidates.map((e) => `${e.canonical} [${e.id}]`).join('; ')}. Name one by its id.`);
  }
}

export interface SearchHit {
  readonly entity: Entity;
  readonly matchedName: string;
  readonly score: number;
  readonly reasons: readonly string[];
}

/** A name search strategy; the names module provides a transliteration-aware one. */
export interface NameSearcher {
  search(query: string, limit: number): Promise<SearchHit[]>;
}

const DAY_MS = 86_400_000;

/**
 * A read window as a claim filter in whole days, a day wider on each side (the view decides
 * exactly, the store only narrows); undated claims kept, as they may hold at any time.
 */
function inWindow(w: ReadWindow): ClaimFilter {
  const day = (ms: number, edge: number) => (Number.isFinite(ms) ? Math.floor(ms / DAY_MS) + edge : undefined);
  const fromDay = day(w.from, -1);
  const toDay = day(w.to, 1);
  return { ...(fromDay !== undefined ? { fromDay } : {}), ...(toDay !== undefined ? { toDay } : {}), includeUndated: true };
}

/** Each claim once, first occurrence kept. */
function uniqueClaims(claims: readonly Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    if (seen.has(c.id)) return false;
    seen.add(c.id);
    return true;
  });
}

export class KnowledgeBase {
  private readonly entityCache = new Map<string, Entity | undefined>();
  /** Labels (type and canonical name) of entities the views name; full entities are in `entityCache`. */
  private readonly labelCache = new Map<string, EntityLabel | undefined>();
  private perspectivesCache?: Perspective[];
  private readonly sourceCache = new Map<string, Source | undefined>();

  private readonly searcher: NameSearcher;

  /** `searcher` defaults to the names module's transliteration-aware search. */
  constructor(readonly repo: Repository, searcher?: NameSearcher) {
    this.searcher = searcher ?? nameSearcher(repo, (ids) => this.entities(ids));
  }

  /**
   * A knowledge base over the same store with empty caches: the server takes one per request,
   * so nothing cached outlives a write. (The name index is per store, not per knowledge base.)
   */
  fresh(): KnowledgeBase {
    return new KnowledgeBase(this.repo);
  }

  /** Runs a view's reads as one unit for the store (see `Repository.oneView`). */
  private view<T>(fn: () => Promise<T>): Promise<T> {
    return this.repo.oneView ? this.repo.oneView(fn) : fn();
  }

  /** The roles (leader, deputy, spokesman …) an entity held, oldest first, with labels loaded. */
  async rolesOf(id: string): Promise<Claim[]> {
    return this.view(async () => {
      const claims = (await this.repo.listClaims({ subject: id, statuses: ['accepted'] })).filter((c) => PREDICATES[c.predicate].role !== undefined && c.stance === 'asserts');
      await this.preload(claims);
      return claims.sort((a, b) => sortKey(a.time ? parseTime(a.time) : undefined) - sortKey(b.time ? parseTime(b.time) : undefined));
    });
  }

  /** Entities whose names match the query, best first, each with why it matched. */
  async search(query: string, limit = 20): Promise<SearchHit[]> {
    return this.searcher.search(query, limit);
  }

  /** Resolves an id or a name to exactly one entity; throws when none or several fit. */
  async resolve(nameOrId: string): Promise<Entity> {
    const byId = await this.entity(nameOrId);
    if (byId) return byId;
    const hits = await this.search(nameOrId, 20);
    // Only a confident match resolves a name; an exact name beats a transliteration match.
    const strong = hits.filter((h) => h.score >= 0.9);
    const exact = strong.filter((h) => h.score >= 1);
    const pick = exact.length ? exact : strong;
    if (pick.length === 1) return pick[0]!.entity;
    if (pick.length > 1) throw new AmbiguousNameError(nameOrId, pick.map((h) => h.entity));
    if (hits.length) throw new AmbiguousNameError(nameOrId, hits.slice(0, 8).map((h) => h.entity));
    throw new NotFoundError('entity', nameOrId);
  }

  async entity(id: string): Promise<Entity | undefined> {
    if (!this.entityCache.has(id)) this.entityCache.set(id, await this.repo.getEntity(id));
    return this.entityCache.get(id);
  }

  /** Entities by id (those that exist), loaded in one call and kept for the synchronous lookups. */
  async entities(ids: readonly string[]): Promise<Entity[]> {
    const missing = [...new Set(ids)].filter((id) => !this.entityCache.has(id));
    if (missing.length) {
      const found = new Map((await this.repo.getEntities(missing)).map((e) => [e.id, e]));
      for (const id of missing) this.entityCache.set(id, found.get(id));
    }
    return ids.flatMap((id) => this.entityCache.get(id) ?? []);
  }

  /** Synchronous label lookup over entities loaded so far (views need a sync label function). */
  readonly lookup = (id: string): EntityLabel | undefined => this.entityCache.get(id) ?? this.labelCache.get(id);

  /** Synchronous lookup over whole entities (with names) loaded so far. */
  entitySync(id: string): Entity | undefined {
    return this.entityCache.get(id);
  }

  async source(id: string): Promise<Source | undefined> {
    if (!this.sourceCache.has(id)) this.sourceCache.set(id, await this.repo.getSource(id));
    return this.sourceCache.get(id);
  }

  /** Synchronous lookup over sources loaded so far. */
  sourceSync(id: string): Source | undefined {
    return this.sourceCache.get(id);
  }

  async perspectives(): Promise<Perspective[]> {
    this.perspectivesCache ??= await this.repo.listPerspectives();
    return this.perspectivesCache;
  }

  /** A perspective by id or by claimant name; undefined for "overall". */
  async perspective(key: string | undefined): Promise<Perspective | undefined> {
    if (!key) return undefined;
    const ps = await this.perspectives();
    const direct = ps.find((p) => p.id === key);
    if (direct) return direct;
    const e = await this.resolve(key).catch(() => undefined);
    const p = e ? resolvePerspective(e.id, ps, this.lookup) : undefined;
    if (!p) throw new NotFoundError('perspective or claimant', `${key}" (perspectives: ${ps.map((x) => x.id).join(', ') || 'none'})`);
    return p;
  }

  /**
   * Loads the labels of entities referenced by claims, and their sources, so a view can name and
   * cite them: those the store holds in memory are taken at once, the rest read in one call each.
   */
  async preload(claims: readonly Claim[]): Promise<void> {
    const labels = new Set<string>();
    const sources = new Set<string>();
    for (const c of claims) {
      if (!this.labelKnown(c.subject)) labels.add(c.subject);
      if (c.object && !this.labelKnown(c.object)) labels.add(c.object);
      for (const a of c.attribution) if (a.entity && !this.labelKnown(a.entity)) labels.add(a.entity);
      for (const ev of c.evidence) if (!this.sourceKnown(ev.source)) sources.add(ev.source);
    }
    await this.loadLabels([...labels]);
    if (sources.size === 0) return;
    const found = new Map((await this.repo.getSources([...sources])).map((x) => [x.id, x]));
    for (const id of sources) this.sourceCache.set(id, found.get(id));
  }

  /** True when this entity's label is loaded, or now taken from the store's memory. */
  private labelKnown(id: string): boolean {
    if (this.entityCache.has(id) || this.labelCache.has(id)) return true;
    const atHand = this.repo.labelAtHand?.(id);
    if (atHand === undefined) return false;
    this.labelCache.set(id, atHand ?? undefined); // null: no such entity, remembered as a label lookup does
    return true;
  }

  /** True when this source is loaded, or now taken from the store's memory. */
  private sourceKnown(id: string): boolean {
    if (this.sourceCache.has(id)) return true;
    const atHand = this.repo.sourceAtHand?.(id);
    if (atHand === undefined) return false;
    this.sourceCache.set(id, atHand ?? undefined);
    return true;
  }

  /** Loads these entities into the cache (those not there yet) in one store call. */
  private async loadEntities(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.entityCache.has(id));
    if (missing.length === 0) return;
    for (const e of await this.repo.getEntities(missing)) this.entityCache.set(e.id, e);
  }

  /** Loads the labels of these entities (those not known yet) in one store call, for {@link lookup}. */
  async loadLabels(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.entityCache.has(id) && !this.labelCache.has(id));
    if (missing.length === 0) return;
    const found = new Map((await this.repo.getLabels(missing)).map((l) => [l.id, l]));
    for (const id of missing) this.labelCache.set(id, found.get(id));
  }

  /** Claims about an organization family: everything reachable over lineage edges (bounded), and every claim about it. */
  async familyClaims(entity: string, maxNodes = 200): Promise<Claim[]> {
    const statuses: ClaimStatus[] = ['accepted', 'candidate'];
    const family = await this.repo.reachable(entity, { predicates: LINEAGE_PREDICATES, statuses, maxNodes });
    const all = await this.repo.listClaims({ entities: family, statuses });
    await this.preload(all);
    return all;
  }

  async viewed(claims: readonly Claim[], perspectiveKey?: string): Promise<ViewedClaim[]> {
    return claimsInView(claims, { perspective: await this.perspective(perspectiveKey) });
  }

  async profile(nameOrId: string): Promise<Profile> {
    return this.view(async () => {
      const e = await this.resolve(nameOrId);
      const claims = await this.repo.listClaims({ entities: [e.id] });
      await this.preload(claims);
      return profileOf(e, claims);
    });
  }

  /**
   * What the as-of view reads: the forms an organization took (closure over renames, mergers and
   * declarations only, both ways) and the claims about those forms — all of them, or with `reads`
   * only those the overall view can be changed by (see `asOfReads`). Allegiance and splits do not
   * make another body one of its forms, so they do not widen the set (a branch's parent and its
   * other branches stay out). Claims come ordered by id either way.
   */
  async successionClaims(entity: string, maxNodes = 200, reads?: AsOfReads): Promise<Claim[]> {
    const claims = await this.formsClaims(entity, maxNodes, reads);
    await this.preload(claims);
    return claims;
  }

  /** {@link successionClaims} without loading the entities and sources they name. */
  private async formsClaims(entity: string, maxNodes: number, reads?: AsOfReads): Promise<Claim[]> {
    const statuses: ClaimStatus[] = ['accepted', 'candidate'];
    const entities = await this.repo.reachable(entity, { predicates: [...SUCCESSION], statuses, maxNodes });
    if (!reads) return this.repo.listClaims({ entities, statuses });
    const atDate: ClaimFilter = { entities, statuses, ...inWindow(reads) };
    return this.repo.listClaimsAny([
      { entities, statuses, predicates: reads.events },
      { subjects: entities, statuses, predicates: reads.eventsBy },
      { objects: entities, statuses, predicates: reads.eventsOn },
      { ...atDate, predicates: reads.states },
      { ...atDate, predicates: reads.contestedStates, contested: true },
    ]);
  }

  async asOf(nameOrId: string, date: string, perspectiveKey?: string): Promise<AsOfView> {
    return this.view(async () => {
      const e = await this.resolve(nameOrId);
      // The overall reading needs only what asOfReads names; a perspective weighs every claim on a proposition.
      const claims = await this.formsClaims(e.id, 200, perspectiveKey ? undefined : asOfReads(date));
      const viewed = await this.viewed(claims, perspectiveKey);
      return this.labelled((lookup) => asOf(e.id, date, viewed, lookup), (v) => {
        const items = [...v.forms, ...v.leaders, ...v.deputies, ...v.spokesmen, ...v.allegiance];
        return {
          entities: items.map((i) => i.entity),
          claims: [...items.flatMap((i) => [...i.claims, ...(i.deniedBy ?? [])]), ...v.conflicts.flatMap((c) => [...c.asserting, ...c.denying])].map((x) => x.claim),
        };
      });
    });
  }

  /**
   * Builds a view, then loads the labels and sources of only what it shows (an organization's
   * as-of view reads hundreds of memberships to show a few leaders). A label the view asks for
   * that is not loaded yet is taken from the store when it has it at hand (in memory); when it
   * has not, the pure view is built again once the labels are loaded, so its text names entities
   * as before.
   */
  private async labelled<T>(build: (lookup: EntityLookup) => T, shown: (view: T) => { entities: readonly string[]; claims: readonly Claim[] }): Promise<T> {
    const missing = new Set<string>();
    const view = build((id) => {
      if (this.labelKnown(id)) return this.lookup(id);
      missing.add(id);
      return undefined;
    });
    const { entities, claims } = shown(view);
    await this.loadLabels([...missing]);
    await this.loadEntities(entities);
    await this.preload(claims);
    return missing.size ? build(this.lookup) : view;
  }

  async lineage(nameOrId: string, perspectiveKey?: string): Promise<Lineage> {
    return this.view(async () => {
      const e = await this.resolve(nameOrId);
      if (e.type !== 'organization') throw new IsnadError('bad_input', `${e.canonical} is a ${e.type}; lineage is for organizations.`);
      return lineageOf(e.id, await this.viewed(await this.lineageClaims(e.id), perspectiveKey), this.lookup);
    });
  }

  /**
   * What the lineage view reads: the family (organizations joined by family edges — renames,
   * mergers, splits, foundings, declarations — either way) and every lineage claim touching it.
   * People who founded a form or were expelled, and allegiance edges, do not widen the family, as
   * they do not in the view, so a branch's parent and its other branches stay out.
   */
  async lineageClaims(entity: string, maxNodes = 200): Promise<Claim[]> {
    const statuses: ClaimStatus[] = ['accepted', 'candidate'];
    const family = await this.repo.reachable(entity, { predicates: FAMILY_PREDICATES, statuses, type: 'organization', maxNodes });
    const all = await this.repo.listClaims({ entities: family, statuses, predicates: LINEAGE_PREDICATES });
    await this.preload(all);
    return all;
  }

  /** Claims about an entity or asserted by it, each once; `also` narrows both reads (a time window, contested claims only). */
  private async claimsInvolving(id: string, also: ClaimFilter = {}): Promise<Claim[]> {
    return this.repo.listClaimsAny([{ ...also, entities: [id] }, { ...also, claimants: [id] }]);
  }

  async timeline(opts: TimelineOptions & { entityName?: string; perspective?: string; family?: boolean }): Promise<TimelineEntry[]> {
    return this.view(async () => {
      const entity = opts.entityName ? (await this.resolve(opts.entityName)).id : undefined;
      let claims: Claim[];
      if (entity && opts.family) claims = await this.familyClaims(entity);
      else if (entity) {
        // The overall reading of a window needs only claims whose time can fall in it (undated ones never do);
        // a perspective weighs every claim on a proposition, so it reads them all.
        const window = (opts.from || opts.to) && !opts.perspective ? inWindow(readWindow(`${opts.from ?? '..'}/${opts.to ?? '..'}`)) : {};
        claims = await this.claimsInvolving(entity, { ...window, includeUndated: false });
      }
      else claims = await this.repo.listClaims({ statuses: ['accepted'] });
      // Each read above gives each claim once.
      await this.preload(claims);
      return timelineOf(await this.viewed(claims, opts.perspective), { ...opts, entity: opts.family ? undefined : entity });
    });
  }


  async disputes(nameOrId?: string): Promise<DisputeView[]> {
    return this.view(async () => {
      const e = nameOrId ? await this.resolve(nameOrId) : undefined;
      // Only contested claims can be in a dispute; their partners are contested too, so none is missed.
      const unique = e ? await this.claimsInvolving(e.id, { contested: true }) : await this.repo.listClaims({});
      const disputeIds = [...new Set(unique.map((c) => c.dispute).filter((d): d is string => Boolean(d)))];
      const whole = e ? [...unique, ...(await Promise.all(disputeIds.map((d) => this.repo.listClaims({ dispute: d })))).flat()] : unique;
      const all = uniqueClaims(whole);
      await this.preload(all);
      return disputesOf(all, e ? await this.repo.getDisputes(disputeIds) : await this.repo.listDisputes(), this.lookup, e?.id);
    });
  }

  /**
   * The network as of a date around a focus, `hops` relations out, loading only that
   * neighbourhood (the same steps as the HTTP API's `/api/network` with a focus).
   */
  async networkAround(nameOrId: string, date: string, opts: { hops?: number; perspective?: string; maxNodes?: number } = {}): Promise<Network> {
    return this.view(async () => {
      const focus = (await this.resolve(nameOrId)).id;
      const hops = opts.hops ?? 2;
      const maxNodes = opts.maxNodes ?? 5000;
      const loaded = new Map<string, Claim>();
      const seen = new Set([focus]);
      let frontier = [focus];
      // The overall reading walks and loads only what can hold on the date; a perspective reads everything.
      const reads = opts.perspective ? undefined : networkReads(date);
      const load = async (entities: string[]): Promise<Claim[]> => {
        if (!reads) return this.repo.listClaims({ entities, statuses: ['accepted'] });
        const window = inWindow(reads);
        return this.repo.listClaimsAny([
          { entities, statuses: ['accepted'], predicates: reads.states, ...window },
          { entities, statuses: ['accepted'], predicates: reads.events, ...window, fromDay: undefined },
        ]);
      };
      for (let hop = 0; hop < hops && frontier.length && seen.size <= maxNodes; hop++) {
        const next: string[] = [];
        for (const cl of await load(frontier)) {
          loaded.set(cl.id, cl);
          if (!cl.object || !isNetworkPredicate(cl.predicate)) continue;
          for (const n of [cl.subject, cl.object]) if (!seen.has(n)) { seen.add(n); next.push(n); }
        }
        frontier = next;
      }
      const claims = [...loaded.values()];
      const net = networkAt(date, await this.viewed(claims, opts.perspective), { focus, hops, maxNodes });
      await this.loadLabels(net.nodes);
      return net;
    });
  }
}
