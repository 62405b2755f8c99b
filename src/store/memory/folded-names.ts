/**
 * Every name of a read model's entities under its folded key, in the order a store's name index
 * keeps them (folded key, entity id, position; code point order, as `collate "C"` and SQLite's
 * BINARY compare): exact and prefix lookups of a folded name without asking the store, which on
 * PostgreSQL is two round trips per search.
 */
import type { Entity } from '../../core/model.js';
import type { NameHit } from '../repository.js';
import { compareBinary } from './binary-order.js';

interface FoldedName {
  readonly folded: string;
  readonly entityId: string;
  readonly seq: number;
  readonly name: string;
  readonly kind: string;
}

/** Above this many names to add at once, the list is sorted again rather than added to name by name. */
const INSERT_AT_MOST = 200;

function compare(a: FoldedName, b: FoldedName): number {
  return compareBinary(a.folded, b.folded) || compareBinary(a.entityId, b.entityId) || a.seq - b.seq;
}

export class FoldedNames {
  private names: FoldedName[];

  /** `fold` must be the store's own (what it writes to `entity_name.folded`); `insertAtMost` is for tests of both ways of adding. */
  constructor(
    entities: Iterable<Entity>,
    private readonly fold: (name: string) => string,
    private readonly insertAtMost = INSERT_AT_MOST,
  ) {
    this.names = [];
    for (const e of entities) for (const n of this.namesOf(e)) this.names.push(n);
    this.names.sort(compare);
  }

  get size(): number {
    return this.names.length;
  }

  private namesOf(e: Entity): FoldedName[] {
    return e.names.map((n, seq) => ({ folded: this.fold(n.name), entityId: e.id, seq, name: n.name, kind: n.kind }));
  }

  /** As `Repository.findNames`: names whose folded key is `folded` (or, with `prefix`, starts with it), in order, at most `limit` (100). */
  find(folded: string, opts: { prefix?: boolean; limit?: number } = {}): NameHit[] {
    const limit = opts.limit ?? 100;
    const out: NameHit[] = [];
    for (let i = this.lowerBound(folded); i < this.names.length && out.length < limit; i++) {
      const n = this.names[i]!;
      if (opts.prefix ? !n.folded.startsWith(folded) : n.folded !== folded) break;
      out.push({ entityId: n.entityId, name: n.name, kind: n.kind });
    }
    return out;
  }

  /** Gives these entities the names they have now (`current`; an entity missing from it is gone). */
  replaceEntities(ids: ReadonlySet<string>, current: readonly Entity[]): void {
    const added = current.flatMap((e) => this.namesOf(e));
    this.names = this.names.filter((n) => !ids.has(n.entityId));
    if (added.length > this.insertAtMost) {
      this.names = this.names.concat(added).sort(compare);
      return;
    }
    for (const n of added) this.names.splice(this.position(n), 0, n);
  }

  /** The first index whose folded key is not below `folded`. */
  private lowerBound(folded: string): number {
    return this.firstNotBelow((n) => compareBinary(n.folded, folded) < 0);
  }

  /** Where `n` goes to keep the order. */
  private position(n: FoldedName): number {
    return this.firstNotBelow((m) => compare(m, n) < 0);
  }

  /** The first index at which `below` is false (it is true for a prefix of the list). */
  private firstNotBelow(below: (n: FoldedName) => boolean): number {
    let lo = 0;
    let hi = this.names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (below(this.names[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
