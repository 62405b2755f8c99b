/**
 * Lists of claim rows under a key (an entity, a claimant, a dispute) for the read model. Lists
 * can be kept ordered by a small code of each row (the claim's predicate), so a read of some
 * predicates of an entity takes those ranges instead of every claim naming it: an organization
 * is named by hundreds of memberships, and its forms walk reads only its few successions.
 */
export type Row = number;

/** One key's rows, and with codes each row's code beside it (a search reads them in one place, not a row's numbers each). */
interface Entry {
  readonly rows: Row[];
  readonly codes: number[] | undefined;
}

export class RowLists {
  private readonly lists = new Map<string, Entry>();

  /** With `codeOf`, each list is kept in the order of its rows' codes; a row's code must not change while it is listed. */
  constructor(private readonly codeOf?: (row: Row) => number) {}

  /** Adds a row; `inOrder: false` appends (a build then calls {@link sortAll} once). */
  add(key: string, row: Row, inOrder = true): void {
    const code = this.codeOf?.(row);
    const entry = this.lists.get(key);
    if (!entry) {
      this.lists.set(key, { rows: [row], codes: code === undefined ? undefined : [code] });
      return;
    }
    if (code === undefined || !entry.codes) {
      entry.rows.push(row);
      return;
    }
    const at = inOrder ? bound(entry.codes, code + 1) : entry.rows.length;
    entry.rows.splice(at, 0, row);
    entry.codes.splice(at, 0, code);
  }

  remove(key: string, row: Row): void {
    const entry = this.lists.get(key);
    if (!entry) return;
    const i = entry.rows.indexOf(row);
    if (i >= 0) {
      entry.rows.splice(i, 1);
      entry.codes?.splice(i, 1);
    }
    if (entry.rows.length === 0) this.lists.delete(key);
  }

  /** Orders every list by code (after adding out of order); rows of one code keep their order. */
  sortAll(): void {
    for (const { rows, codes } of this.lists.values()) {
      if (!codes || rows.length < 2) continue;
      const order = rows.map((_, i) => i).sort((a, b) => codes[a]! - codes[b]!);
      const sortedRows = order.map((i) => rows[i]!);
      const sortedCodes = order.map((i) => codes[i]!);
      for (let i = 0; i < order.length; i++) {
        rows[i] = sortedRows[i]!;
        codes[i] = sortedCodes[i]!;
      }
    }
  }

  /** Every key with its rows: for checks of the lists against what they should hold. */
  *entries(): IterableIterator<[string, readonly Row[]]> {
    for (const [key, entry] of this.lists) yield [key, entry.rows];
  }

  /** The rows under a key; with `codes` (and lists ordered by code), only rows with one of them. */
  get(key: string, codes?: readonly number[]): readonly Row[] {
    const entry = this.lists.get(key);
    if (!entry) return [];
    if (!codes || !entry.codes || entry.rows.length < 16) return entry.rows;
    return collect(entry, codes, []);
  }

  /** The rows under several keys, each list read as {@link get} does, appended to `out` (returned). */
  getAll(keys: readonly string[], codes?: readonly number[], out: Row[] = []): Row[] {
    for (const key of keys.length > 1 ? new Set(keys) : keys) {
      const entry = this.lists.get(key);
      if (!entry) continue;
      if (!codes || !entry.codes || entry.rows.length < 16) for (const row of entry.rows) out.push(row);
      else collect(entry, codes, out);
    }
    return out;
  }
}

/** Appends the rows of an ordered list whose codes are among `codes` (ascending). */
function collect(entry: Entry, codes: readonly number[], out: Row[]): Row[] {
  const listCodes = entry.codes!;
  for (const code of codes) {
    const from = bound(listCodes, code);
    const to = bound(listCodes, code + 1);
    for (let i = from; i < to; i++) out.push(entry.rows[i]!);
  }
  return out;
}

/** The first index of an ascending list of codes whose code is at least `code`. */
function bound(codes: readonly number[], code: number): number {
  let lo = 0;
  let hi = codes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (codes[mid]! < code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
