/**
 * The read model (`read-model.ts`) of a store reached through Kysely and a network (the shared
 * PostgreSQL store): built from the store in pages, and kept current from its history. Each
 * check is one statement (the entries after the newest one seen, usually none); the claims,
 * entities and sources the new entries name are read again, whichever process wrote them, and
 * put in place at once, so a view never sees half of a change. What cannot be followed record
 * by record (a revert of an import, an import of many thousands of records) makes the owner
 * build it again.
 *
 * Following the history by "entries after the newest seen" relies on entries becoming visible
 * in id order, which migration 007 makes so on PostgreSQL (SQLite has one writer at a time).
 */
import { groupBy } from '../../core/collections.js';
import { propositionKey, type Claim, type Dispute, type Entity, type Source } from '../../core/model.js';
import { claimDayBounds } from '../day-bounds.js';
import type { ChangeEntry } from '../repository.js';
import { BuildStopped, FOLLOW_AT_MOST, MemoryReadModel, recordsNamed, type ImportedIds } from './read-model.js';

/** Claims read per page of a build. */
const PAGE = 2000;

/** What the model reads from the store: straight from it, never from the model itself. */
export interface StoreReads {
  latestChangeId(): Promise<number>;
  listChanges(opts: { afterId: number; limit: number }): Promise<ChangeEntry[]>;
  /** Records whose id is after `afterId`, in id order (code point order), at most `limit`. */
  claimsAfter(afterId: string, limit: number): Promise<Claim[]>;
  entitiesAfter(afterId: string, limit: number): Promise<Entity[]>;
  sourcesAfter(afterId: string, limit: number): Promise<Source[]>;
  getClaims(ids: readonly string[]): Promise<Claim[]>;
  getEntities(ids: readonly string[]): Promise<Entity[]>;
  getSources(ids: readonly string[]): Promise<Source[]>;
  getDisputes(ids: readonly string[]): Promise<Dispute[]>;
  listDisputes(): Promise<Dispute[]>;
  /** The claims (id and proposition) on these propositions. */
  claimsOnPropositions(propositions: readonly string[]): Promise<{ id: string; proposition: string }[]>;
  /** The claims (id and proposition) on every proposition that more than one claim is on. */
  claimsSharingPropositions(): Promise<{ id: string; proposition: string }[]>;
}

export class KyselyReadModel extends MemoryReadModel {
  private constructor(private readonly store: StoreReads) {
    super();
  }

  /**
   * Reads every entity, claim and (as far as their text allows) source into memory, a page at
   * a time. Pages are not one snapshot: what is written meanwhile is in the history after the id
   * taken first, and the first {@link sync} reads it again. Throws {@link BuildStopped} when
   * `stop()` says so between pages.
   */
  static async build(store: StoreReads, stop: () => boolean = () => false): Promise<KyselyReadModel> {
    const m = new KyselyReadModel(store);
    const page = async <T extends { id: string }>(read: (after: string) => Promise<T[]>, keep: (some: T[]) => boolean) => {
      for (let last = ''; ; ) {
        if (stop()) throw new BuildStopped();
        const some = await read(last);
        if (some.length === 0 || !keep(some)) return;
        last = some.at(-1)!.id;
      }
    };
    m.seenChange = await store.latestChangeId();
    await page(
      (after) => store.entitiesAfter(after, PAGE * 4),
      (some) => (some.forEach((e) => m.entities.set(e.id, e)), true),
    );
    for (const d of await store.listDisputes()) m.disputes.set(d.id, d);
    await page((after) => store.sourcesAfter(after, PAGE), (some) => m.sources.fill(some));
    m.rows.startBuild();
    await page(
      (after) => store.claimsAfter(after, PAGE),
      (some) => {
        for (const c of some) {
          const [lo, hi] = claimDayBounds(c);
          m.rows.put(c, lo, hi);
        }
        return true;
      },
    );
    m.rows.endBuild();
    if (stop()) throw new BuildStopped();
    m.markContestedByProposition(await store.claimsSharingPropositions());
    return m;
  }

  /**
   * Follows the history entries written since the model was built or last synced. Returns false
   * when one of them cannot be followed record by record; the model is then stale and must be
   * built again. The owner runs one at a time.
   */
  async sync(): Promise<boolean> {
    const entries = await this.store.listChanges({ afterId: this.seenChange, limit: FOLLOW_AT_MOST + 1 });
    if (entries.length === 0) return true;
    if (entries.length > FOLLOW_AT_MOST) return false;
    const named = recordsNamed(
      entries.map((e) => ({ kind: e.targetKind, id: e.targetId, action: e.action, imported: () => (e.after as { ids?: ImportedIds } | null)?.ids })),
    );
    if (!named) return false;
    // Everything is read first and put in place in one step: reads meanwhile see the model as it was.
    const claims = named.claims.size ? await this.store.getClaims([...named.claims]) : [];
    const entities = named.entities.size ? await this.store.getEntities([...named.entities]) : [];
    const disputes = named.disputes.size ? await this.store.getDisputes([...named.disputes]) : [];
    const propositions = this.heldPropositions(named.claims);
    for (const c of claims) propositions.add(propositionKey(c));
    const onProposition = groupBy(propositions.size ? await this.store.claimsOnPropositions([...propositions]) : [], (c) => c.proposition);
    this.apply(named, { entities, claims, disputes, onProposition: (p) => (onProposition.get(p) ?? []).map((c) => c.id) });
    this.seenChange = entries.at(-1)!.id;
    return true;
  }

  /** Sources by id, each once, in the order asked, missing ones left out. */
  getSources(ids: readonly string[]): Promise<Source[]> {
    return this.sources.getLater(ids, (missing) => this.store.getSources(missing));
  }
}
