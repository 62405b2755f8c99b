/**
 * Merge candidates across a whole set of entities: for every name of every entity, the blocking
 * index proposes the other entities (of the same type) whose names match, and the matcher decides.
 * Never all-pairs: cost grows with the number of names times the (small) candidate blocks.
 *
 * Pairs already decided by a reviewer (`same_as` / `distinct_from` claims) are left out; the
 * proposals are for review, not applied.
 */
import { NameIndex } from './name-index.js';
import type { NameLookupResult } from './name-index.js';

/** An entity as the resolver needs it. */
export interface ResolvableEntity {
  readonly id: string;
  readonly type: string;
  readonly names: readonly { readonly name: string; readonly kind?: string }[];
}

/** A reviewer's decision on a pair of entities. */
export interface DecidedPair {
  readonly a: string;
  readonly b: string;
  readonly predicate: 'same_as' | 'distinct_from';
}

/** Options of {@link proposeMerges}. */
export interface ProposeMergesOptions {
  /** Pairs already decided; either order. */
  readonly decided?: readonly DecidedPair[];
  /** Also propose `undecided` pairs at or above `minScore` (default false: only `same`). */
  readonly includeUndecided?: boolean;
  /** Lowest score proposed (default 0.5). */
  readonly minScore?: number;
  /** Candidate entities examined per name (default 25). */
  readonly perName?: number;
}

/** A proposed merge of two entities, for review. `a < b` in string order. */
export interface MergeCandidate {
  readonly a: string;
  readonly b: string;
  readonly score: number;
  readonly decision: 'same' | 'undecided';
  /** Which names matched and why. */
  readonly reasons: string[];
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Propose merges across `entities`, best first. Only entities of the same type are paired.
 */
export function proposeMerges(entities: readonly ResolvableEntity[], opts: ProposeMergesOptions = {}): MergeCandidate[] {
  const decided = new Set((opts.decided ?? []).map((d) => pairKey(d.a, d.b)));
  const minScore = opts.minScore ?? 0.5;
  const byType = new Map<string, ResolvableEntity[]>();
  for (const e of entities) {
    const l = byType.get(e.type);
    if (l) l.push(e);
    else byType.set(e.type, [e]);
  }
  const found = new Map<string, MergeCandidate>();
  for (const group of byType.values()) {
    const index = new NameIndex();
    for (const e of group) for (const n of e.names) index.add(e.id, n.name);
    for (const e of group) {
      for (const n of e.names) {
        const results: NameLookupResult[] = index.lookup(n.name, { limit: opts.perName ?? 25 });
        for (const r of results) {
          if (r.entityId === e.id) continue;
          if (r.decision === 'different') continue;
          if (r.decision === 'undecided' && !opts.includeUndecided) continue;
          if (r.score < minScore) continue;
          const k = pairKey(e.id, r.entityId);
          if (decided.has(k)) continue;
          const cur = found.get(k);
          const better = cur === undefined || (r.decision === 'same' && cur.decision !== 'same') || (r.decision === cur.decision && r.score > cur.score);
          if (!better) continue;
          const [a, b] = e.id < r.entityId ? [e.id, r.entityId] : [r.entityId, e.id];
          found.set(k, {
            a,
            b,
            score: r.score,
            decision: r.decision,
            reasons: [`"${n.name}" (${e.id}) ~ "${r.name}" (${r.entityId})`, ...r.reasons],
          });
        }
      }
    }
  }
  return [...found.values()].sort((x, y) => (x.decision === y.decision ? y.score - x.score : x.decision === 'same' ? -1 : 1) || (x.a < y.a ? -1 : 1));
}
