/**
 * The network as of a date: every relation between two entities that holds on the date, each
 * certain or only possible. State predicates (branch_of, leader_of, member_of, allied_with,
 * fought, located_in …) count when their interval holds at the date ({@link holdsAt}); pledges of
 * allegiance and their acceptance count once they had occurred ({@link occurredBy}), unless the
 * pledgee had certainly expelled the pledger since. Claims with both stances stay apart: an edge
 * is one (subject, predicate, object, stance), so a denial is drawn, not dropped.
 */
import type { Claim } from '../model.js';
import { holdsAt, occurredBy, parseTime, readWindow, type Modality, type ReadWindow, type TimeSpan } from '../time.js';
import { PREDICATE_NAMES, PREDICATES, type Predicate } from '../vocabulary.js';
import type { ViewedClaim } from './view.js';

export interface NetworkEdge {
  /** `subject|predicate|object|stance`: stable across dates, so a UI can animate a slider. */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly predicate: Predicate;
  readonly modality: Exclude<Modality, 'no'>;
  readonly stance: Claim['stance'];
  readonly claimIds: readonly string[];
}

export interface Network {
  readonly date: string;
  /** Entity ids, in order of first appearance (the focus first when given). */
  readonly nodes: readonly string[];
  readonly edges: readonly NetworkEdge[];
  /** True when `maxNodes` cut the network short. */
  readonly truncated: boolean;
}

export interface NetworkOptions {
  /** Keep only what lies within `hops` edges of this entity. */
  readonly focus?: string;
  /** Default is 2. Ignored without a focus. */
  readonly hops?: number;
  /** Most nodes to return; default is 5,000. Edges whose ends are cut are dropped. */
  readonly maxNodes?: number;
}

/** Event predicates that stand for a standing relation once they have happened. */
const STANDING_EVENTS: ReadonlySet<Predicate> = new Set(['pledged_allegiance_to', 'accepted_pledge_of']);

/** Whether a predicate can appear in the network at all. */
export function isNetworkPredicate(p: Predicate): boolean {
  const spec = PREDICATES[p];
  return spec.object.length > 0 && (spec.temporality === 'state' || STANDING_EVENTS.has(p));
}

const NETWORK_STATES: readonly Predicate[] = PREDICATE_NAMES.filter((p) => isNetworkPredicate(p) && PREDICATES[p].temporality === 'state');

/** What {@link networkAt} reads, for the overall reading (see `networkReads`). */
export interface NetworkReads extends ReadWindow {
  /** State relations: count when undated or when their time can overlap the window. */
  readonly states: readonly Predicate[];
  /** Standing events and expulsions: count when undated or when they can have begun by its end. */
  readonly events: readonly Predicate[];
}

/**
 * The claims that can change the overall network on a date: relations that may hold then, and
 * pledges and expulsions that may have happened by then. A store need load nothing else, and a
 * walk out from a focus need only follow these (a perspective weighs claims on the same
 * proposition at other times too, so it reads everything).
 */
export function networkReads(date: string): NetworkReads {
  return { states: NETWORK_STATES, events: [...STANDING_EVENTS, 'expelled'], ...readWindow(date) };
}

const spanOf = (c: Claim): TimeSpan | undefined => (c.time ? parseTime(c.time) : undefined);

function modalityAt(c: Claim, at: TimeSpan): Modality {
  const span = spanOf(c);
  if (PREDICATES[c.predicate].temporality === 'state') return holdsAt(span, at);
  return span ? occurredBy(span, at) : 'possible';
}

/** Builds the network of a reading on a date. */
export function networkAt(date: string, viewed: readonly ViewedClaim[], opts: NetworkOptions = {}): Network {
  const at = parseTime(date);
  const expelledBy = new Set<string>();
  for (const { claim: c } of viewed) {
    if (c.predicate !== 'expelled' || !c.object || c.stance !== 'asserts') continue;
    const span = spanOf(c);
    if (span && occurredBy(span, at) === 'certain') expelledBy.add(`${c.subject}|${c.object}`);
  }

  const edges = new Map<string, { source: string; target: string; predicate: Predicate; stance: Claim['stance']; modality: Exclude<Modality, 'no'>; claimIds: string[] }>();
  for (const { claim: c } of viewed) {
    if (!c.object || c.object === c.subject || !isNetworkPredicate(c.predicate)) continue;
    const m = modalityAt(c, at);
    if (m === 'no') continue;
    // A pledge stops standing once the pledgee has certainly expelled the pledger.
    if (c.predicate === 'pledged_allegiance_to' && expelledBy.has(`${c.object}|${c.subject}`)) continue;
    if (c.predicate === 'accepted_pledge_of' && expelledBy.has(`${c.subject}|${c.object}`)) continue;
    const id = `${c.subject}|${c.predicate}|${c.object}|${c.stance}`;
    const prev = edges.get(id);
    if (!prev) edges.set(id, { source: c.subject, target: c.object, predicate: c.predicate, stance: c.stance, modality: m, claimIds: [c.id] });
    else {
      if (m === 'certain') prev.modality = 'certain';
      prev.claimIds.push(c.id);
    }
  }

  const all = [...edges].map(([id, e]) => ({ id, ...e, claimIds: [...e.claimIds].sort() }));
  const maxNodes = Math.max(1, opts.maxNodes ?? 5000);
  let keep: string[];
  if (opts.focus) {
    const adjacent = new Map<string, string[]>();
    for (const e of all) {
      adjacent.set(e.source, [...(adjacent.get(e.source) ?? []), e.target]);
      adjacent.set(e.target, [...(adjacent.get(e.target) ?? []), e.source]);
    }
    const seen = new Set([opts.focus]);
    let frontier = [opts.focus];
    for (let hop = 0; hop < Math.max(0, opts.hops ?? 2) && frontier.length; hop++) {
      const next: string[] = [];
      for (const n of frontier) for (const m of adjacent.get(n) ?? []) if (!seen.has(m)) { seen.add(m); next.push(m); }
      frontier = next;
    }
    keep = [...seen];
  } else {
    const order = new Set<string>();
    for (const e of all) { order.add(e.source); order.add(e.target); }
    keep = [...order];
  }
  const truncated = keep.length > maxNodes;
  const nodes = keep.slice(0, maxNodes);
  const inside = new Set(nodes);
  return { date, nodes, edges: all.filter((e) => inside.has(e.source) && inside.has(e.target)), truncated };
}
