/**
 * The lineage of an organization family: renames, mergers, declarations, foundings and splits,
 * as a graph of successive forms. Allegiance (branch_of, expulsions) rides along as secondary
 * edges for diagrams, but does not decide who belongs to the family.
 */
import type { Claim } from '../model.js';
import type { Predicate } from '../vocabulary.js';
import { PREDICATE_NAMES, PREDICATES } from '../vocabulary.js';
import { sortKey, parseTime } from '../time.js';
import { byId, groupBy } from '../collections.js';
import type { EntityLookup, ViewedClaim } from './view.js';

/** Predicates whose subject's identity continues in the object. */
export const SUCCESSION: ReadonlySet<Predicate> = new Set<Predicate>(['renamed_to', 'merged_into', 'declared']);

export interface LineageEdge {
  /** Earlier form (or parent, for splits and foundings). */
  readonly from: string;
  /** Later form (or offshoot). */
  readonly to: string;
  readonly predicate: Predicate;
  readonly time?: string;
  /** Family edges shape the tree; others (branch_of, expelled) are drawn dashed. */
  readonly family: boolean;
  /** Some claimant in the reading denies this edge. */
  readonly disputed: boolean;
  readonly claims: readonly ViewedClaim[];
}

export interface Lineage {
  readonly focus: string;
  readonly nodes: readonly string[];
  readonly edges: readonly LineageEdge[];
  /** Nodes with no family edge coming in, oldest first. */
  readonly roots: readonly string[];
}

/** Direction of a lineage claim as an edge from earlier/parent to later/offshoot. */
function edgeOf(c: Claim): { from: string; to: string } | undefined {
  if (!c.object) return undefined;
  if (c.predicate === 'split_from') return { from: c.object, to: c.subject };
  if (c.predicate === 'branch_of') return { from: c.object, to: c.subject };
  return { from: c.subject, to: c.object };
}

const isFamily = (p: Predicate) => p !== 'branch_of' && p !== 'expelled';

/** The predicates whose claims between organizations make them one family (renames, mergers, splits, foundings, declarations). */
export const FAMILY_PREDICATES: readonly Predicate[] = PREDICATE_NAMES.filter((p) => PREDICATES[p].lineage === true && isFamily(p));

/** Builds the lineage graph around an organization from the claims of a reading. */
export function lineageOf(focus: string, viewed: readonly ViewedClaim[], entity: EntityLookup): Lineage {
  const isOrg = (id: string) => entity(id)?.type === 'organization';
  // In claim-id order, so the graph does not depend on the order a store happened to load them in.
  const lineageClaims = [...viewed].sort((a, b) => byId(a.claim, b.claim)).filter(({ claim: c }) => PREDICATES[c.predicate].lineage === true && c.object !== undefined && isOrg(c.subject) && isOrg(c.object));
  const groups = groupBy(lineageClaims, ({ claim: c }) => {
    const e = edgeOf(c);
    return `${e?.from}|${e?.to}|${c.predicate}`;
  });
  const all: LineageEdge[] = [];
  for (const group of groups.values()) {
    const first = group[0]!.claim;
    const e = edgeOf(first)!;
    const asserting = group.filter((v) => v.claim.stance === 'asserts');
    // An edge only denied is no edge; the disputes view shows the denial.
    if (asserting.length === 0) continue;
    const dated = [...asserting, ...group].find((v) => v.claim.time)?.claim.time;
    all.push({
      from: e.from,
      to: e.to,
      predicate: first.predicate,
      time: dated,
      family: isFamily(first.predicate),
      disputed: group.some((v) => v.claim.stance === 'denies'),
      claims: group,
    });
  }
  // The family: everything reachable from the focus over family edges, either way.
  const adj = new Map<string, LineageEdge[]>();
  for (const e of all.filter((x) => x.family)) {
    for (const n of [e.from, e.to]) adj.set(n, [...(adj.get(n) ?? []), e]);
  }
  const nodes = new Set<string>([focus]);
  const queue = [focus];
  while (queue.length) {
    const n = queue.shift()!;
    for (const e of adj.get(n) ?? []) for (const m of [e.from, e.to]) if (!nodes.has(m)) { nodes.add(m); queue.push(m); }
  }
  const edges = all.filter((e) => nodes.has(e.from) && nodes.has(e.to) || (!e.family && (nodes.has(e.from) || nodes.has(e.to))));
  for (const e of edges) { nodes.add(e.from); nodes.add(e.to); }
  const incoming = new Set(edges.filter((e) => e.family).map((e) => e.to));
  const firstSeen = (id: string) => Math.min(...edges.filter((e) => e.from === id || e.to === id).map((e) => sortKey(e.time ? parseTime(e.time) : undefined)));
  const roots = [...nodes].filter((n) => !incoming.has(n) && edges.some((e) => e.family && e.from === n)).sort((a, b) => firstSeen(a) - firstSeen(b));
  return { focus, nodes: [...nodes], edges: edges.sort((a, b) => sortKey(a.time ? parseTime(a.time) : undefined) - sortKey(b.time ? parseTime(b.time) : undefined)), roots: roots.length ? roots : [focus] };
}
