/**
 * A blocking index over many names, so that one name can be looked up among millions in
 * milliseconds without comparing it with every stored name.
 *
 * Each stored name is parsed once and kept as a short list of ids of interned parts (a part —
 * role, text, folded key — is stored once however many names share it). Blocking keys are the
 * loose consonant skeletons of the parts (`looseSkeleton`: vowels dropped, g/k/j and d/z merged),
 * so transliteration variants that the matcher accepts land in the same block; kunyas and laqabs
 * are blocked with their role so that `Abu Bakr` does not block with `Bakr`. A lookup gathers
 * candidates from the query's rarer blocks (a name that can be decided `same` shares at least two
 * parts, so it appears in some block other than the largest), ranks them by the rarity of the
 * blocks they share, and scores only the best few hundred with the full matcher.
 *
 * Known limit: a variant that changes the consonants of every part beyond g/k/j, d/z (a one-letter
 * misspelling of each part) is not found.
 */
import { looseSkeleton } from './fold.js';
import { betterMatch, matchParsed } from './match.js';
import type { MatchResult } from './match.js';
import { parseName } from './parse.js';
import type { NamePart, ParsedName } from './parse.js';

/** One result of {@link NameIndex.lookup}: the best-matching name of one entity. */
export interface NameLookupResult extends MatchResult {
  readonly entityId: string;
  /** The stored name that matched best. */
  readonly name: string;
}

/** Options of {@link NameIndex.lookup}. */
export interface NameLookupOptions {
  /** Maximum number of entities returned (default 20). */
  readonly limit?: number;
  /** Also return entities decided `different` (default false). */
  readonly includeDifferent?: boolean;
  /** Maximum number of candidate names scored with the full matcher (default 200). */
  readonly maxCandidates?: number;
}

/** The blocking keys of a parsed name. */
export function blockingKeys(p: ParsedName): string[] {
  const keys = new Set<string>();
  for (const part of p.parts) {
    if (part.role === 'title') continue;
    if (part.role === 'kunya' || part.role === 'laqab') {
      const sp = part.key.indexOf(' ');
      const x = sp < 0 ? part.key : part.key.slice(sp + 1);
      keys.add(`${part.role === 'kunya' ? 'K' : 'L'}${sp < 0 ? '' : part.key.slice(0, sp)}:${looseSkeleton(x) || x}`);
    } else {
      const sk = looseSkeleton(part.key);
      keys.add(sk === '' ? `v:${part.key}` : sk);
    }
  }
  return [...keys];
}

class GrowableInt32 {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i] as number;
  }
}

/** A blocking index of entity names; see the module comment. */
export class NameIndex {
  /** Interned parts, by `role\u0000text\u0000key\u0000unvoc`. */
  private readonly partIds = new Map<string, number>();
  private readonly parts: NamePart[] = [];
  /** Per name: offset into `nameParts`; name i's parts are [partStart[i], partStart[i+1]). */
  private readonly partStart = new GrowableInt32();
  private readonly nameParts = new GrowableInt32();
  private readonly nameEntity = new GrowableInt32();
  private readonly rawNames: string[] = [];
  private readonly entityIds: string[] = [];
  private readonly entityIdx = new Map<string, number>();
  /** Blocking key → ids of names. */
  private readonly postings = new Map<string, number[]>();
  private counts = new Uint16Array(0);
  /** Names removed (by {@link removeEntities}): 1 at their id. They stay in the postings and are skipped. */
  private dead = new Uint8Array(0);
  private deadCount = 0;

  constructor() {
    this.partStart.push(0);
  }

  /** Number of names stored (removed ones not counted). */
  get size(): number {
    return this.rawNames.length - this.deadCount;
  }

  /** Number of removed names still taking space. */
  get removed(): number {
    return this.deadCount;
  }

  /** True when removed names take a quarter of the index or more: a rebuild would be smaller and faster to search. */
  get worthRebuilding(): boolean {
    return this.deadCount > this.size / 4;
  }

  /**
   * Gives these entities the names they have now (`current`; an entity missing from it is
   * gone): their old names removed, the current ones added.
   */
  replaceEntities(entityIds: Iterable<string>, current: Iterable<{ readonly id: string; readonly names: readonly { readonly name: string }[] }>): void {
    this.removeEntities(entityIds);
    for (const e of current) for (const n of e.names) this.add(e.id, n.name);
  }

  /**
   * Removes every name of these entities (to add their new names after an edit, say). One pass
   * over the stored names: milliseconds for millions. Returns how many names were removed.
   */
  removeEntities(entityIds: Iterable<string>): number {
    const gone = new Set<number>();
    for (const id of entityIds) {
      const e = this.entityIdx.get(id);
      if (e !== undefined) gone.add(e);
    }
    if (gone.size === 0) return 0;
    if (this.dead.length < this.rawNames.length) {
      const d = new Uint8Array(Math.max(this.rawNames.length, this.dead.length * 2));
      d.set(this.dead);
      this.dead = d;
    }
    let n = 0;
    for (let id = 0; id < this.rawNames.length; id++) {
      if (this.dead[id] === 0 && gone.has(this.nameEntity.get(id))) {
        this.dead[id] = 1;
        n++;
      }
    }
    this.deadCount += n;
    return n;
  }

  private isDead(id: number): boolean {
    return this.deadCount > 0 && this.dead[id] === 1;
  }

  /** Number of distinct entities. */
  get entityCount(): number {
    return this.entityIds.length;
  }

  /** Store one name of an entity. Returns the name's id. */
  add(entityId: string, name: string): number {
    const id = this.rawNames.length;
    let e = this.entityIdx.get(entityId);
    if (e === undefined) {
      e = this.entityIds.length;
      this.entityIds.push(entityId);
      this.entityIdx.set(entityId, e);
    }
    const p = parseName(name);
    for (const part of p.parts) {
      if (part.role === 'title') continue;
      const k = `${part.role}\u0000${part.text}\u0000${part.key}\u0000${part.unvocalised ? 1 : 0}`;
      let pid = this.partIds.get(k);
      if (pid === undefined) {
        pid = this.parts.length;
        this.parts.push(part);
        this.partIds.set(k, pid);
      }
      this.nameParts.push(pid);
    }
    this.partStart.push(this.nameParts.length);
    this.nameEntity.push(e);
    this.rawNames.push(name);
    for (const b of blockingKeys(p)) {
      let list = this.postings.get(b);
      if (list === undefined) {
        list = [];
        this.postings.set(b, list);
      }
      list.push(id);
    }
    return id;
  }

  /** Store many names: `[entityId, name]` pairs or `{entityId, name}` records. */
  addMany(items: Iterable<readonly [string, string] | { readonly entityId: string; readonly name: string }>): void {
    for (const it of items) {
      if (Array.isArray(it)) this.add(it[0] as string, it[1] as string);
      else {
        const r = it as { entityId: string; name: string };
        this.add(r.entityId, r.name);
      }
    }
  }

  /** The parsed form of stored name `id`, rebuilt from interned parts. */
  parsedName(id: number): ParsedName {
    const parts: NamePart[] = [];
    for (let i = this.partStart.get(id); i < this.partStart.get(id + 1); i++) parts.push(this.parts[this.nameParts.get(i)] as NamePart);
    return { raw: this.rawNames[id] as string, titles: [], nasab: [], nisbas: [], parts };
  }

  /** The entity of stored name `id`. */
  entityOf(id: number): string {
    return this.entityIds[this.nameEntity.get(id)] as string;
  }

  /** The stored name `id`. */
  nameOf(id: number): string {
    return this.rawNames[id] as string;
  }

  /** Ids of stored names sharing a block with the query, best candidates first. */
  candidates(p: ParsedName, maxCandidates = 200): number[] {
    const lists = blockingKeys(p)
      .map((k) => this.postings.get(k))
      .filter((l): l is number[] => l !== undefined && l.length > 0)
      .sort((a, b) => a.length - b.length);
    if (lists.length === 0) return [];
    if (lists.length === 1) return (this.deadCount > 0 ? (lists[0] as number[]).filter((id) => !this.isDead(id)) : (lists[0] as number[])).slice(0, maxCandidates);
    if (this.counts.length < this.rawNames.length) this.counts = new Uint16Array(Math.max(this.rawNames.length, this.counts.length * 2));
    const counts = this.counts;
    const touched: number[] = [];
    // Score = sum of block rarity (log-IDF), so a shared rare block outranks a shared common one.
    const n = this.rawNames.length;
    const weights = lists.map((l) => Math.max(1, Math.round(8 * Math.log2(1 + n / l.length))));
    // When the blocks are large, names met only in the largest block are skipped: every name that
    // can be decided `same` shares two parts, so it is also in a smaller block.
    let total = 0;
    for (const l of lists) total += l.length;
    const skipLargest = total > maxCandidates * 4;
    for (let li = 0; li < lists.length; li++) {
      const l = lists[li] as number[];
      const w = weights[li] as number;
      const isLargest = skipLargest && li === lists.length - 1;
      for (let j = 0; j < l.length; j++) {
        const id = l[j] as number;
        if (this.isDead(id)) continue;
        const c = counts[id] as number;
        if (c === 0) {
          if (isLargest) continue; // only names already met through a rarer block
          touched.push(id);
        }
        counts[id] = Math.min(65535, c + w);
      }
    }
    let out = touched;
    if (touched.length > maxCandidates) {
      // Keep the best-ranked: shared block rarity first, then fewer parts (closer to the query).
      // Ranks are small integers, so a histogram finds the cut without sorting.
      const ranks = new Int32Array(touched.length);
      let maxRank = 0;
      for (let i = 0; i < touched.length; i++) {
        const id = touched[i] as number;
        const r = (counts[id] as number) * 16 + 15 - Math.min(15, this.partStart.get(id + 1) - this.partStart.get(id));
        ranks[i] = r;
        if (r > maxRank) maxRank = r;
      }
      const hist = new Uint32Array(maxRank + 1);
      for (let i = 0; i < ranks.length; i++) {
        const r = ranks[i] as number;
        hist[r] = (hist[r] as number) + 1;
      }
      let cut = maxRank;
      let above = 0;
      while (cut > 0 && above + (hist[cut] as number) < maxCandidates) {
        above += hist[cut] as number;
        cut--;
      }
      out = [];
      for (let i = 0; i < touched.length; i++) if ((ranks[i] as number) > cut) out.push(touched[i] as number);
      for (let i = 0; i < touched.length && out.length < maxCandidates; i++) if ((ranks[i] as number) === cut) out.push(touched[i] as number);
    }
    for (const id of touched) counts[id] = 0;
    return out;
  }

  /**
   * Look a name up: the best-matching stored name per entity, ranked by decision (same, then
   * undecided) and score. Entities decided `different` are left out unless asked for.
   */
  lookup(name: string, opts: NameLookupOptions = {}): NameLookupResult[] {
    const limit = opts.limit ?? 20;
    const q = parseName(name);
    const best = new Map<number, { r: MatchResult; id: number }>();
    for (const id of this.candidates(q, opts.maxCandidates ?? 200)) {
      const r = matchParsed(q, this.parsedName(id));
      if (r.decision === 'different' && !opts.includeDifferent) continue;
      const e = this.nameEntity.get(id);
      const cur = best.get(e);
      if (cur === undefined || betterMatch(r, cur.r)) best.set(e, { r, id });
    }
    const rank = { same: 2, undecided: 1, different: 0 } as const;
    return [...best.entries()]
      .sort(([, x], [, y]) => rank[y.r.decision] - rank[x.r.decision] || y.r.score - x.r.score)
      .slice(0, limit)
      .map(([e, { r, id }]) => ({ entityId: this.entityIds[e] as string, name: this.rawNames[id] as string, score: r.score, decision: r.decision, reasons: r.reasons }));
  }
}
