/**
 * Application services over a repository: resolve a name to an entity, load just the claims a
 * view needs, and build the views of `core/perspective`. The CLI and the HTTP server both call
 * these, so both answer the same questions the same way.
 */
import type { Claim, Entity, Perspective, Source } from '../core/model.js';
import { IsnadError, NotFoundError } from '../core/errors.js';
import { basicFold } from '../core/text.js';
import {
  asOf,
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
} from '../core/perspective/index.js';
import { PREDICATES } from '../core/vocabulary.js';
import type { Repository } from '../store/repository.js';

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

export class KnowledgeBase {
  private readonly entityCache = new Map<string, Entity | undefined>();
  private perspectivesCache?: Perspective[];
  private readonly sourceCache = new Map<string, Source | undefined>();

  constructor(readonly repo: Repository, private readonly searcher?: NameSearcher) {}

  /**
   * A knowledge base over the same store and name searcher with empty caches: the server takes
   * one per request, so nothing cached outlives a write.
   */
  fresh(): KnowledgeBase {
    return new KnowledgeBase(this.repo, this.searcher);
  }

  /** Entities whose names match the query, best first. */
  async search(query: string, limit = 20): Promise<SearchHit[]> {
    if (this.searcher) return this.searcher.search(query, limit);
    const folded = basicFold(query);
    const exact = await this.repo.findNames(folded, { limit: 200 });
    const prefix = exact.length ? [] : await this.repo.findNames(folded, { prefix: true, limit: 200 });
    const hits = new Map<string, SearchHit>();
    for (const [list, score, why] of [[exact, 1, 'exact name (case and diacritics ignored)'], [prefix, 0.6, 'name starts with the query']] as const) {
      for (const h of list) {
        if (hits.has(h.entityId)) continue;
        const entity = await this.entity(h.entityId);
        if (entity) hits.set(h.entityId, { entity, matchedName: h.name, score, reasons: [why] });
      }
    }
    return [...hits.values()].slice(0, limit);
  }

  /** Resolves an id or a name to exactly one entity; throws when none or several fit. */
  async resolve(nameOrId: string): Promise<Entity> {
    const byId = await this.entity(nameOrId);
    if (byId) return byId;
    const hits = await this.search(nameOrId, 20);
    const best = hits.filter((h) => h.score >= (hits[0]?.score ?? 0) && h.score >= 0.5);
    if (best.length === 1) return best[0]!.entity;
    if (best.length > 1) throw new AmbiguousNameError(nameOrId, best.map((h) => h.entity));
    throw new NotFoundError('entity', nameOrId);
  }

  async entity(id: string): Promise<Entity | undefined> {
    if (!this.entityCache.has(id)) this.entityCache.set(id, await this.repo.getEntity(id));
    return this.entityCache.get(id);
  }

  /** Synchronous lookup over entities loaded so far (views need a sync label function). */
  readonly lookup = (id: string): Entity | undefined => this.entityCache.get(id);

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

  /** Loads entities referenced by claims into the cache, so labels resolve. */
  async preload(claims: readonly Claim[]): Promise<void> {
    const ids = new Set<string>();
    for (const c of claims) {
      ids.add(c.subject);
      if (c.object) ids.add(c.object);
      for (const a of c.attribution) if (a.entity) ids.add(a.entity);
    }
    const missing = [...ids].filter((id) => !this.entityCache.has(id));
    for (const e of await this.repo.getEntities(missing)) this.entityCache.set(e.id, e);
    for (const c of claims) for (const ev of c.evidence) await this.source(ev.source);
  }

  /** Claims about an organization family: expands over lineage edges until closed (bounded). */
  async familyClaims(entity: string, maxNodes = 200): Promise<Claim[]> {
    const seen = new Set<string>([entity]);
    const claims = new Map<string, Claim>();
    let frontier = [entity];
    while (frontier.length && seen.size <= maxNodes) {
      const batch = await this.repo.listClaims({ entities: frontier, statuses: ['accepted', 'candidate'] });
      const next: string[] = [];
      for (const c of batch) {
        claims.set(c.id, c);
        if (PREDICATES[c.predicate].lineage && c.object) for (const n of [c.subject, c.object]) if (!seen.has(n)) { seen.add(n); next.push(n); }
      }
      frontier = next;
    }
    const all = [...claims.values()];
    await this.preload(all);
    return all;
  }

  async viewed(claims: readonly Claim[], perspectiveKey?: string): Promise<ViewedClaim[]> {
    return claimsInView(claims, { perspective: await this.perspective(perspectiveKey) });
  }

  async profile(nameOrId: string): Promise<Profile> {
    const e = await this.resolve(nameOrId);
    const claims = await this.repo.listClaims({ entities: [e.id] });
    const attributed = await this.repo.listClaims({ claimants: [e.id] });
    await this.preload([...claims, ...attributed]);
    return profileOf(e, claims);
  }

  async asOf(nameOrId: string, date: string, perspectiveKey?: string): Promise<AsOfView> {
    const e = await this.resolve(nameOrId);
    const claims = await this.familyClaims(e.id);
    return asOf(e.id, date, await this.viewed(claims, perspectiveKey), this.lookup);
  }

  async lineage(nameOrId: string, perspectiveKey?: string): Promise<Lineage> {
    const e = await this.resolve(nameOrId);
    if (e.type !== 'organization') throw new IsnadError('bad_input', `${e.canonical} is a ${e.type}; lineage is for organizations.`);
    const claims = await this.familyClaims(e.id);
    return lineageOf(e.id, await this.viewed(claims, perspectiveKey), this.lookup);
  }

  async timeline(opts: TimelineOptions & { entityName?: string; perspective?: string }): Promise<TimelineEntry[]> {
    const entity = opts.entityName ? (await this.resolve(opts.entityName)).id : undefined;
    const claims = entity ? [...(await this.repo.listClaims({ entities: [entity] })), ...(await this.repo.listClaims({ claimants: [entity] }))] : await this.repo.listClaims({ statuses: ['accepted'] });
    const unique = [...new Map(claims.map((c) => [c.id, c])).values()];
    await this.preload(unique);
    return timelineOf(await this.viewed(unique, opts.perspective), { ...opts, entity });
  }

  async disputes(nameOrId?: string): Promise<DisputeView[]> {
    const e = nameOrId ? await this.resolve(nameOrId) : undefined;
    const claims = e ? [...(await this.repo.listClaims({ entities: [e.id] })), ...(await this.repo.listClaims({ claimants: [e.id] }))] : await this.repo.listClaims({});
    const unique = [...new Map(claims.map((c) => [c.id, c])).values()];
    const disputeIds = [...new Set(unique.map((c) => c.dispute).filter((d): d is string => Boolean(d)))];
    const whole = e ? [...unique, ...(await Promise.all(disputeIds.map((d) => this.repo.listClaims({ dispute: d })))).flat()] : unique;
    const all = [...new Map(whole.map((c) => [c.id, c])).values()];
    await this.preload(all);
    return disputesOf(all, await this.repo.listDisputes(), this.lookup, e?.id);
  }
}
