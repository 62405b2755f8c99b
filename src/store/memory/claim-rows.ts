/**
 * The claims a read model holds, one per row: the claim object, and beside it the numbers a
 * filter tests first (day bounds, flags, status, predicate code; see `claim-filter.ts`), packed
 * three to a row so that testing a row reads one place in memory. Rows are listed under their
 * subject, object, claimant and dispute, and contested claims also under their subject, object
 * and claimant alone: a disputes view, or an as-of view's conflicts, reads those few instead of
 * every claim that names an entity (hundreds of memberships for an organization).
 */
import { claimantOf, type Claim } from '../../core/model.js';
import type { EntityType } from '../../core/vocabulary.js';
import type { ClaimReadFilter, ReachOptions } from '../repository.js';
import { compareBinary, sortById } from './binary-order.js';
import { CONTESTED, packMeta, rowFilter, type CoveredKey, statusCode, STRIDE, UNDATED, predicateOfMeta, statusOfMeta } from './claim-filter.js';
import { RowLists, type Row } from './row-lists.js';

/** The rows a filter can only match among; whether a row can come twice; the condition of the filter they all meet. */
interface Candidates {
  readonly rows: readonly Row[];
  readonly repeats: boolean;
  readonly covered: CoveredKey;
}

/** The lists of one set of rows, under the keys a filter starts from. */
class Lists {
  readonly bySubject: RowLists;
  readonly byObject: RowLists;
  readonly byClaimant = new RowLists();

  constructor(byCode: (row: Row) => number) {
    this.bySubject = new RowLists(byCode);
    this.byObject = new RowLists(byCode);
  }

  add(c: Claim, row: Row, inOrder: boolean): void {
    this.bySubject.add(c.subject, row, inOrder);
    if (c.object !== undefined) this.byObject.add(c.object, row, inOrder);
    const claimant = claimantOf(c);
    if (claimant !== undefined) this.byClaimant.add(claimant, row);
  }

  remove(c: Claim, row: Row): void {
    this.bySubject.remove(c.subject, row);
    if (c.object !== undefined) this.byObject.remove(c.object, row);
    const claimant = claimantOf(c);
    if (claimant !== undefined) this.byClaimant.remove(claimant, row);
  }

  sortAll(): void {
    this.bySubject.sortAll();
    this.byObject.sortAll();
  }

  /** The rows a filter that starts from entities can only match among, or undefined. */
  candidates(f: ClaimReadFilter, codes: readonly number[] | undefined): Candidates | undefined {
    // Each claim has one subject, one object, one claimant: lists under distinct keys do not overlap.
    if (f.subject !== undefined) return { rows: this.bySubject.get(f.subject, codes), repeats: false, covered: 'subject' };
    if (f.object !== undefined) return { rows: this.byObject.get(f.object, codes), repeats: false, covered: 'object' };
    if (f.subjects) return { rows: this.bySubject.getAll(f.subjects, codes), repeats: false, covered: 'subjects' };
    if (f.entities?.length) return { rows: this.byObject.getAll(f.entities, codes, this.bySubject.getAll(f.entities, codes)), repeats: true, covered: 'entities' };
    if (f.objects) return { rows: this.byObject.getAll(f.objects, codes), repeats: false, covered: 'objects' };
    if (f.claimants?.length) return { rows: this.byClaimant.getAll(f.claimants), repeats: false, covered: 'claimants' };
    return undefined;
  }
}

export class ClaimRows {
  private readonly claims: (Claim | undefined)[] = [];
  /** Per row: earliest day, latest day, and flags, status and predicate code packed (claim-filter.ts). */
  private cols = new Float64Array(STRIDE * 1024);
  private readonly rowOf = new Map<string, Row>();
  private readonly free: Row[] = [];
  private readonly codes = new Map<string, number>();
  /** `codesOf` answers by the predicates asked (few distinct sets); emptied when a predicate gets a code. */
  private readonly codeSets = new Map<string, number[]>();
  private readonly byCode = (row: Row) => predicateOfMeta(this.cols[row * STRIDE + 2]!);
  private readonly all = new Lists(this.byCode);
  private readonly contested = new Lists(this.byCode);
  private readonly byDispute = new RowLists();
  /** False while a build appends rows out of predicate order (sorted once by {@link endBuild}). */
  private ordered = true;
  /**
   * Rows below this hold their claims in id order (a build puts them so), so a read that finds
   * only such rows sorts row numbers, not ids: a comparison of two numbers instead of two
   * strings, many times over for an entity with hundreds of claims. A claim put out of order
   * lowers it to its row.
   */
  private idOrderEnd = 0;

  /** Claims held. */
  get size(): number {
    return this.rowOf.size;
  }

  /** Appends rows out of order until {@link endBuild}: for a build, which adds every claim at once. */
  startBuild(): void {
    this.ordered = false;
    this.idOrderEnd = Infinity;
  }

  endBuild(): void {
    this.all.sortAll();
    this.contested.sortAll();
    this.ordered = true;
    this.idOrderEnd = Math.min(this.idOrderEnd, this.claims.length);
  }

  row(id: string): Row | undefined {
    return this.rowOf.get(id);
  }

  claim(row: Row): Claim | undefined {
    return this.claims[row];
  }

  /** Stores a claim in a free row (or a new one) and lists it; contested when in a dispute, until {@link markContested} says otherwise. */
  put(c: Claim, tLo: number | null, tHi: number | null): Row {
    const row = this.free.pop() ?? this.claims.length;
    if ((row + 1) * STRIDE > this.cols.length) {
      const more = new Float64Array(this.cols.length * 2);
      more.set(this.cols);
      this.cols = more;
    }
    const contested = c.dispute !== undefined;
    this.claims[row] = c;
    if (row < this.idOrderEnd && !this.inIdOrderAt(row, c.id)) this.idOrderEnd = row;
    const at = row * STRIDE;
    this.cols[at] = tLo ?? NaN;
    this.cols[at + 1] = tHi ?? NaN;
    this.cols[at + 2] = packMeta((contested ? CONTESTED : 0) | (c.time === undefined ? UNDATED : 0), statusCode(c.status), this.codeOf(c.predicate));
    this.rowOf.set(c.id, row);
    this.all.add(c, row, this.ordered);
    if (contested) this.contested.add(c, row, this.ordered);
    if (c.dispute !== undefined) this.byDispute.add(c.dispute, row);
    return row;
  }

  drop(row: Row): void {
    const c = this.claims[row];
    if (!c) return;
    this.claims[row] = undefined;
    this.rowOf.delete(c.id);
    this.all.remove(c, row);
    if (this.isContested(row)) this.contested.remove(c, row);
    if (c.dispute !== undefined) this.byDispute.remove(c.dispute, row);
    this.free.push(row);
  }

  /**
   * Sets the contested flag of the claims on one proposition (all of them, as rows): in a
   * dispute, or another claim on it (not rejected) takes the other stance.
   */
  markContested(rows: readonly Row[]): void {
    let asserted = false;
    let denied = false;
    for (const row of rows) {
      const c = this.claims[row]!;
      if (c.status === 'rejected') continue;
      if (c.stance === 'asserts') asserted = true;
      else denied = true;
    }
    for (const row of rows) {
      const c = this.claims[row]!;
      const contested = (c.stance === 'asserts' ? denied : asserted) || c.dispute !== undefined;
      if (contested === this.isContested(row)) continue;
      const at = row * STRIDE + 2;
      this.cols[at] = contested ? this.cols[at]! + CONTESTED : this.cols[at]! - CONTESTED;
      if (contested) this.contested.add(c, row, this.ordered);
      else this.contested.remove(c, row);
    }
  }

  /**
   * Where the contested lists disagree with the rows' contested flags, as readable lines (none
   * when they agree): a row flagged contested must be listed under its subject, object and
   * claimant there, and a row listed there must be flagged. Reads stay right either way (the
   * flag is tested again), so only this can tell a stale list; for tests and debugging.
   */
  contestedListProblems(): string[] {
    const problems: string[] = [];
    const where: [string, RowLists, (c: Claim) => string | undefined][] = [
      ['subject', this.contested.bySubject, (c) => c.subject],
      ['object', this.contested.byObject, (c) => c.object],
      ['claimant', this.contested.byClaimant, claimantOf],
    ];
    for (const [name, lists, keyOf] of where) {
      for (const [key, rows] of lists.entries()) {
        for (const row of rows) {
          const c = this.claims[row];
          if (!c || !this.isContested(row) || keyOf(c) !== key) problems.push(`${name} list "${key}" holds row ${row} (${c ? `${c.id}, ${this.isContested(row) ? 'contested' : 'not contested'}` : 'empty'})`);
        }
      }
      this.claims.forEach((c, row) => {
        const key = c && keyOf(c);
        if (c && key !== undefined && this.isContested(row) && lists.get(key).filter((r) => r === row).length !== 1) problems.push(`${name} list "${key}" does not hold contested row ${row} (${c.id}) exactly once`);
      });
    }
    return problems;
  }

  /** Whether `id` sorts after the claim in the nearest held row below `row` and before the one above (within the ordered rows). */
  private inIdOrderAt(row: Row, id: string): boolean {
    for (let r = row - 1; r >= 0; r--) {
      const below = this.claims[r];
      if (below) {
        if (compareBinary(below.id, id) >= 0) return false;
        break;
      }
    }
    for (let r = row + 1; r < Math.min(this.idOrderEnd, this.claims.length); r++) {
      const above = this.claims[r];
      if (above) return compareBinary(id, above.id) < 0;
    }
    return true;
  }

  private isContested(row: Row): boolean {
    return (this.cols[row * STRIDE + 2]! & CONTESTED) !== 0;
  }

  /** The code of a predicate, given on first sight. */
  private codeOf(predicate: string): number {
    let code = this.codes.get(predicate);
    if (code === undefined) {
      this.codes.set(predicate, (code = this.codes.size));
      this.codeSets.clear();
    }
    return code;
  }

  /** The codes of these predicates, ascending (those never seen have no claims to find). */
  private codesOf(predicates: readonly string[] | undefined): number[] | undefined {
    if (!predicates?.length) return undefined;
    const key = predicates.join('\n');
    let codes = this.codeSets.get(key);
    if (!codes) {
      codes = [...new Set(predicates)].flatMap((p) => this.codes.get(p) ?? []).sort((a, b) => a - b);
      if (this.codeSets.size >= 1000) this.codeSets.clear();
      this.codeSets.set(key, codes);
    }
    return codes;
  }

  /** Claims by the filter, ordered by id, or undefined when the filter does not start from entities, claimants, a dispute or ids. */
  listClaims(f: ClaimReadFilter): Claim[] | undefined {
    const unique = this.matching([f]);
    if (unique === undefined || f.limit === undefined) return unique;
    const from = f.offset ?? 0;
    return unique.slice(from, from + f.limit);
  }

  /** Claims matching any of the filters (limits aside), each once, ordered by id; undefined when one of them does not start from entities, claimants, a dispute or ids. */
  listClaimsAny(filters: readonly ClaimReadFilter[]): Claim[] | undefined {
    return this.matching(filters);
  }

  private matching(filters: readonly ClaimReadFilter[]): Claim[] | undefined {
    const found: Row[] = [];
    let maxRow = -1;
    let repeats = filters.length > 1;
    for (const f of filters) {
      const codes = this.codesOf(f.predicates);
      const start = this.candidates(f, codes);
      if (!start) return undefined;
      repeats ||= start.repeats;
      const test = rowFilter(f, this.cols, codes, start.covered);
      for (const row of start.rows) {
        if (!test.row(row)) continue;
        const claim = this.claims[row];
        if (claim && (!test.claim || test.claim(claim))) {
          found.push(row);
          if (row > maxRow) maxRow = row;
        }
      }
    }
    const out = this.inIdOrder(found, maxRow);
    // A row found twice (an entity both subject and object, or two filters) is the same object, now adjacent.
    return repeats ? out.filter((c, i) => c !== out[i - 1]) : out;
  }

  /** The claims of these rows ordered by id: by row number where the rows are all in id order. */
  private inIdOrder(rows: Row[], maxRow: number): Claim[] {
    if (maxRow < this.idOrderEnd) {
      const sorted = rows.length > 1 ? Int32Array.from(rows).sort() : rows;
      const out: Claim[] = new Array<Claim>(sorted.length);
      for (let i = 0; i < sorted.length; i++) out[i] = this.claims[sorted[i]!]!;
      return out;
    }
    return sortById(rows.map((row) => this.claims[row]!));
  }

  /**
   * The rows a filter can only match among, and whether a row can come more than once; undefined
   * for a scan. An entity's lists are ordered by predicate: with `codes` (of the filter's
   * predicates) only those ranges are read.
   */
  private candidates(f: ClaimReadFilter, codes: readonly number[] | undefined): Candidates | undefined {
    if (f.ids) return { rows: f.ids.flatMap((id) => this.rowOf.get(id) ?? []), repeats: true, covered: 'ids' };
    const fromEntities = (f.contested ? this.contested : this.all).candidates(f, codes);
    if (fromEntities) return fromEntities;
    if (f.dispute) return { rows: this.byDispute.get(f.dispute), repeats: false, covered: 'dispute' };
    return undefined;
  }

  /** As `Repository.reachable`: breadth first from `start`, each entity once, at most `maxNodes + 1`; `typeOf` tells an entity's type. */
  reachable(start: string, opts: ReachOptions, typeOf: (id: string) => EntityType | undefined): string[] {
    const codes = this.codesOf(opts.predicates) ?? [];
    const statuses = new Set(opts.statuses.map(statusCode));
    const found = [start];
    const seen = new Set(found);
    const visit = (rows: readonly Row[]) => {
      for (const row of rows) {
        const meta = this.cols[row * STRIDE + 2]!;
        if (!codes.includes(predicateOfMeta(meta)) || !statuses.has(statusOfMeta(meta))) continue;
        const c = this.claims[row]!;
        if (c.object === undefined) continue;
        for (const next of [c.subject, c.object]) {
          if (seen.has(next) || (opts.type !== undefined && typeOf(next) !== opts.type) || found.length > opts.maxNodes) continue;
          seen.add(next);
          found.push(next);
        }
      }
    };
    for (let i = 0; i < found.length && found.length <= opts.maxNodes; i++) {
      visit(this.all.bySubject.get(found[i]!, codes));
      visit(this.all.byObject.get(found[i]!, codes));
    }
    return found;
  }
}
