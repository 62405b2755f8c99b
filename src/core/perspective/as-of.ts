/**
 * An organization as of a date: which form of it was current (and so what it was called), who
 * led it, whom it owed allegiance to; each answer certain or only possible, with the claims it
 * rests on, and conflicts between accounts shown rather than resolved.
 */
import type { Claim } from '../model.js';
import { claimantOf } from '../model.js';
import { both, holdsAt, occurredBy, parseTime, readWindow, sortKey, type Modality, type ReadWindow, type TimeSpan } from '../time.js';
import { PREDICATE_NAMES, PREDICATES, type Predicate } from '../vocabulary.js';
import { groupBy } from '../collections.js';
import { SUCCESSION } from './lineage.js';
import type { EntityLookup, ViewedClaim } from './view.js';

export interface AsOfItem {
  /** The entity the item is about (a form, a leader, an allegiance target). */
  readonly entity: string;
  readonly modality: Exclude<Modality, 'no'>;
  readonly claims: readonly ViewedClaim[];
  readonly detail?: string;
  /** Claims in the reading that deny this answer for the date: the answer is contested. */
  readonly deniedBy?: readonly ViewedClaim[];
}

export interface AsOfConflict {
  readonly topic: string;
  readonly asserting: readonly ViewedClaim[];
  readonly denying: readonly ViewedClaim[];
}

export interface AsOfView {
  readonly entity: string;
  readonly date: string;
  /** Forms of the organization current on the date: follow renames and mergers that had happened. */
  readonly forms: readonly AsOfItem[];
  readonly leaders: readonly AsOfItem[];
  readonly deputies: readonly AsOfItem[];
  readonly spokesmen: readonly AsOfItem[];
  readonly allegiance: readonly AsOfItem[];
  readonly conflicts: readonly AsOfConflict[];
  /** Facts left out because they are undated, and similar caveats. */
  readonly notes: readonly string[];
}

const spanOf = (c: Claim): TimeSpan | undefined => (c.time ? parseTime(c.time) : undefined);

function upgrade(map: Map<string, { modality: Exclude<Modality, 'no'>; claims: ViewedClaim[] }>, id: string, m: Exclude<Modality, 'no'>, via: ViewedClaim[]) {
  const prev = map.get(id);
  if (!prev) map.set(id, { modality: m, claims: [...via] });
  else {
    if (m === 'certain') prev.modality = 'certain';
    for (const v of via) if (!prev.claims.includes(v)) prev.claims.push(v);
  }
}

/** Predicates whose object comes into being through the claim (a later form, a new body). */
const CREATION: ReadonlySet<Predicate> = new Set<Predicate>(['renamed_to', 'declared']);

/**
 * The forms of an organization current at the date, following succession edges that had
 * occurred. An edge that another claim in the reading denies only ever makes a form possible.
 */
export function formsAt(entity: string, at: TimeSpan, viewed: readonly ViewedClaim[]): Map<string, { modality: Exclude<Modality, 'no'>; claims: ViewedClaim[] }> {
  const denied = new Set(viewed.filter((v) => v.claim.stance === 'denies').map((v) => `${v.claim.subject}|${v.claim.predicate}|${v.claim.object ?? ''}`));
  const succ = viewed.filter((v) => SUCCESSION.has(v.claim.predicate) && v.claim.object && v.claim.stance === 'asserts');
  const out = groupBy(succ, (v) => v.claim.subject);
  const created = groupBy(succ.filter((v) => CREATION.has(v.claim.predicate)), (v) => v.claim.object!);
  const result = new Map<string, { modality: Exclude<Modality, 'no'>; claims: ViewedClaim[] }>();
  const seen = new Set<string>();
  const stepModality = (v: ViewedClaim): Modality => {
    const m = v.claim.time ? occurredBy(parseTime(v.claim.time), at) : 'possible';
    return m === 'certain' && denied.has(`${v.claim.subject}|${v.claim.predicate}|${v.claim.object}`) ? 'possible' : m;
  };
  const walk = (id: string, m: Exclude<Modality, 'no'>, via: ViewedClaim[]) => {
    const key = `${id}|${m}`;
    if (seen.has(key)) return;
    seen.add(key);
    const steps = (out.get(id) ?? []).map((v) => ({ v, m: stepModality(v) })).filter((s) => s.m !== 'no');
    if (!steps.some((s) => s.m === 'certain')) upgrade(result, id, steps.length ? 'possible' : m, via);
    for (const s of steps) walk(s.v.claim.object!, both(m, s.m) as Exclude<Modality, 'no'>, [...via, s.v]);
  };
  // Not yet formed at the date (every creating rename or declaration lies after it): start from its predecessors.
  const creations = created.get(entity) ?? [];
  const notYet = creations.filter((v) => v.claim.time && occurredBy(parseTime(v.claim.time), at) === 'no');
  if (creations.length && notYet.length === creations.length) {
    for (const o of notYet) walk(o.claim.subject, 'certain', []);
  } else {
    walk(entity, 'certain', []);
  }
  return result;
}

function roleItems(predicate: Predicate, targets: ReadonlySet<string>, at: TimeSpan, viewed: readonly ViewedClaim[], notes: string[], label: EntityLookup): AsOfItem[] {
  const found = new Map<string, { modality: Exclude<Modality, 'no'>; claims: ViewedClaim[] }>();
  for (const v of viewed) {
    const c = v.claim;
    if (c.predicate !== predicate || !c.object || !targets.has(c.object) || c.stance !== 'asserts') continue;
    const span = spanOf(c);
    if (!span) { notes.push(`undated: ${label(c.subject)?.canonical ?? c.subject} ${predicate.replace(/_/g, ' ')} ${label(c.object)?.canonical ?? c.object} (claim ${c.id})`); continue; }
    const m = holdsAt(span, at);
    if (m !== 'no') upgrade(found, c.subject, m, [v]);
  }
  return [...found].map(([entity, x]) => ({ entity, modality: x.modality, claims: x.claims }));
}

function allegianceItems(subjects: ReadonlySet<string>, at: TimeSpan, viewed: readonly ViewedClaim[]): AsOfItem[] {
  const found = new Map<string, { modality: Exclude<Modality, 'no'>; claims: ViewedClaim[]; detail?: string }>();
  for (const v of viewed) {
    const c = v.claim;
    if (c.predicate !== 'branch_of' || !subjects.has(c.subject) || !c.object || c.stance !== 'asserts') continue;
    const span = spanOf(c);
    const m = span ? holdsAt(span, at) : 'no';
    if (m !== 'no') upgrade(found, c.object, m, [v]);
  }
  // The latest pledge each subject had made by the date, unless it was expelled by the pledgee since.
  const pledges = viewed.filter((v) => v.claim.predicate === 'pledged_allegiance_to' && subjects.has(v.claim.subject) && v.claim.object && v.claim.stance === 'asserts' && v.claim.time && occurredBy(parseTime(v.claim.time), at) !== 'no');
  for (const [, list] of groupBy(pledges, (v) => v.claim.subject)) {
    const latest = [...list].sort((a, b) => sortKey(spanOf(b.claim)) - sortKey(spanOf(a.claim)))[0]!;
    const target = latest.claim.object!;
    const expelled = viewed.some((v) => v.claim.predicate === 'expelled' && v.claim.subject === target && subjects.has(v.claim.object ?? '') && v.claim.stance === 'asserts' && v.claim.time && occurredBy(parseTime(v.claim.time), at) === 'certain');
    if (expelled) continue;
    const m = occurredBy(parseTime(latest.claim.time!), at);
    if (m === 'no') continue;
    upgrade(found, target, m === 'certain' ? 'possible' : 'possible', [latest]);
    const item = found.get(target)!;
    item.detail = `pledge of ${latest.claim.time}, not known to be withdrawn by then`;
  }
  return [...found].map(([entity, x]) => ({ entity, modality: x.modality, claims: x.claims, ...(x.detail && x.modality !== 'certain' ? { detail: x.detail } : {}) }));
}

/** Claims on one proposition that hold at the date with both stances. */
function conflictsAt(subjects: ReadonlySet<string>, at: TimeSpan, viewed: readonly ViewedClaim[], label: EntityLookup): AsOfConflict[] {
  const relevant = viewed.filter((v) => {
    const c = v.claim;
    if (!(subjects.has(c.subject) || subjects.has(c.object ?? ''))) return false;
    if (PREDICATES[c.predicate].temporality !== 'state') return false;
    return holdsAt(spanOf(c), at) !== 'no';
  });
  const out: AsOfConflict[] = [];
  for (const [, group] of groupBy(relevant, (v) => `${v.claim.subject}|${v.claim.predicate}|${v.claim.object ?? ''}`)) {
    const asserting = group.filter((v) => v.claim.stance === 'asserts');
    const denying = group.filter((v) => v.claim.stance === 'denies');
    if (asserting.length && denying.length) {
      const c = group[0]!.claim;
      out.push({ topic: `${label(c.subject)?.canonical ?? c.subject} ${c.predicate.replace(/_/g, ' ')} ${c.object ? label(c.object)?.canonical ?? c.object : ''}`.trim(), asserting, denying });
    }
  }
  return out;
}

/** States the view shows as items (roles, allegiance); every other state only ever shows as a conflict. */
const ITEM_STATES: readonly Predicate[] = ['leader_of', 'deputy_of', 'spokesman_of', 'branch_of'];
const OTHER_STATES: readonly Predicate[] = PREDICATE_NAMES.filter((p) => PREDICATES[p].temporality === 'state' && !ITEM_STATES.includes(p));

/** What {@link asOf} reads of the claims about an organization's forms, for the overall reading. */
export interface AsOfReads extends ReadWindow {
  /** Claims with these predicates count at any time, whichever end a form is at (successions). */
  readonly events: readonly Predicate[];
  /** … at any time, with a form as subject (its pledges). */
  readonly eventsBy: readonly Predicate[];
  /** … at any time, with a form as object (its expulsions). */
  readonly eventsOn: readonly Predicate[];
  /** Roles and allegiance: count only when undated or when their time can overlap the window. */
  readonly states: readonly Predicate[];
  /** Other states (memberships, alliances …) only show as conflicts: they count when contested, and undated or overlapping the window. */
  readonly contestedStates: readonly Predicate[];
}

/**
 * The claims the overall as-of view can be changed by: every other claim about the forms (an
 * attack, a membership that ended years before, a membership nobody contests, a pledge made to
 * the organization rather than by it) is ignored by {@link asOf}, so a store need not load it. A
 * perspective's reading weighs claims on the same proposition at other times too (contested or
 * not), so it must read all of them.
 */
export function asOfReads(date: string): AsOfReads {
  return { events: [...SUCCESSION], eventsBy: ['pledged_allegiance_to'], eventsOn: ['expelled'], states: ITEM_STATES, contestedStates: OTHER_STATES, ...readWindow(date) };
}

/** The as-of view of an organization (or any entity with roles and allegiance) on a date. */
export function asOf(entity: string, date: string, viewed: readonly ViewedClaim[], label: EntityLookup): AsOfView {
  const at = parseTime(date);
  const notes: string[] = [];
  const formMap = formsAt(entity, at, viewed);
  const forms: AsOfItem[] = [...formMap].map(([id, x]) => ({ entity: id, modality: x.modality, claims: x.claims }));
  const targets = new Set<string>([entity, ...formMap.keys()]);
  const leaders = roleItems('leader_of', targets, at, viewed, notes, label);
  const deputies = roleItems('deputy_of', targets, at, viewed, notes, label);
  const spokesmen = roleItems('spokesman_of', targets, at, viewed, notes, label);
  const allegiance = allegianceItems(targets, at, viewed);
  const conflicts = conflictsAt(targets, at, viewed, label);
  const contested = (predicate: Predicate, items: AsOfItem[], subjectIsItem: boolean): AsOfItem[] =>
    items.map((i) => {
      const denied = viewed.filter((v) => {
        const c = v.claim;
        if (c.predicate !== predicate || c.stance !== 'denies') return false;
        const hit = subjectIsItem ? c.subject === i.entity && targets.has(c.object ?? '') : targets.has(c.subject) && c.object === i.entity;
        return hit && holdsAt(spanOf(c), at) !== 'no';
      });
      return denied.length ? { ...i, deniedBy: denied } : i;
    });
  const claimants = new Set(leaders.flatMap((l) => l.claims.map((v) => claimantOf(v.claim))));
  if (leaders.filter((l) => l.modality === 'certain').length > 1 && claimants.size > 1) notes.push('accounts name different leaders for this date');
  return {
    entity,
    date,
    forms,
    leaders: contested('leader_of', leaders, true),
    deputies: contested('deputy_of', deputies, true),
    spokesmen: contested('spokesman_of', spokesmen, true),
    allegiance: contested('branch_of', allegiance, false),
    conflicts,
    notes: [...new Set(notes)],
  };
}
