/**
 * Lists of claim rows under a key (an entity, a claimant, a dispute) for the read model. Lists
 * can be kept ordered by a small code of each row (the claim's predicate), so a read of some
 * predicates of an entity takes those ranges instead of every claim naming it: an organization
 * is named by hundreds of memberships, and its forms walk reads only its few successions.
 */
export type Row = number;

export class RowLists {
  private readonly lists = new Map<string, Row[]>();

  /** With `codeOf`, each list is kept in the order of its rows' codes. */
  constructor(private readonly codeOf?: (row: Row) => number) {}

  /** Adds a row; `inOrder: false` appends (a build then calls {@link sortAll} once). */
  add(key: string, row: Row, inOrder = true): void {
    const list = this.lists.get(key);
    if (!list) {
      this.lists.set(key, [row]);
      return;
    }
    if (!this.codeOf || !inOrder) list.push(row);
    else list.splice(this.bound(list, this.codeOf(row) + 1), 0, row);
  }

  remove(key: string, row: Row): void {
    const list = this.lists.get(key);
    if (!list) return;
    const i = list.indexOf(row);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.lists.delete(key);
  }

  /** Orders every list by code (after adding out of order). */
  sortAll(): void {
    const code = this.codeOf;
    if (!code) return;
    for (const list of this.lists.values()) if (list.length > 1) list.sort((a, b) => code(a) - code(b));
  }

  /** The rows under a key; with `codes` (and lists ordered by code), only rows with one of them. */
  get(key: string, codes?: readonly number[]): readonly Row[] {
    const list = this.lists.get(key);
    if (!list) return [];
    if (!codes || !this.codeOf || list.length < 16) return list;
    return this.collect(list, codes, []);
  }

  /** The rows under several keys, each list read as {@link get} does, appended to `out` (returned). */
  getAll(keys: readonly string[], codes?: readonly number[], out: Row[] = []): Row[] {
    for (const key of keys.length > 1 ? new Set(keys) : keys) {
      const list = this.lists.get(key);
      if (!list) continue;
      if (!codes || !this.codeOf || list.length < 16) for (const row of list) out.push(row);
      else this.collect(list, codes, out);
    }
    return out;
  }

  /** Appends the rows of an ordered list whose codes are among `codes` (ascending). */
  private collect(list: readonly Row[], codes: readonly number[], out: Row[]): Row[] {
    for (const code of codes) {
      const from = this.bound(list, code);
      const to = this.bound(list, code + 1);
      for (let i = from; i < to; i++) out.push(list[i]!);
    }
    return out;
  }

  /** The first index whose row's code is at least `code`. */
  private bound(list: readonly Row[], code: number): number {
    const codeOf = this.codeOf!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (codeOf(list[mid]!) < code) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
