/**
 * A chronology: dated claims in order of the earliest moment they can stand for, each with
 * its uncertainty kept and a citation; undated claims at the end.
 */
import type { Claim } from '../model.js';
import { occurredDuring, parseTime, sortKey, type TimeSpan } from '../time.js';
import type { ViewedClaim } from './view.js';

export interface TimelineEntry {
  readonly viewed: ViewedClaim;
  /** The claim's time, or undefined when undated. */
  readonly span?: TimeSpan;
  /** Whether the entry certainly or only possibly falls within the requested window. */
  readonly within: 'certain' | 'possible';
}

export interface TimelineOptions {
  readonly entity?: string;
  readonly from?: string;
  readonly to?: string;
  readonly includeUndated?: boolean;
}

const involves = (c: Claim, id: string) => c.subject === id || c.object === id || c.attribution.some((a) => a.entity === id);

/** Orders claims of a reading into a timeline. */
export function timelineOf(viewed: readonly ViewedClaim[], opts: TimelineOptions = {}): TimelineEntry[] {
  const window = opts.from || opts.to ? parseTime(`${opts.from ?? '..'}/${opts.to ?? '..'}`) : undefined;
  const out: TimelineEntry[] = [];
  for (const v of viewed) {
    if (opts.entity && !involves(v.claim, opts.entity)) continue;
    const span = v.claim.time ? parseTime(v.claim.time) : undefined;
    if (!span) {
      if (opts.includeUndated && !window) out.push({ viewed: v, within: 'possible' });
      continue;
    }
    const m = window ? occurredDuring(span, window) : 'certain';
    if (m === 'no') continue;
    out.push({ viewed: v, span, within: m });
  }
  return out.sort((a, b) => sortKey(a.span) - sortKey(b.span) || (a.span?.end.latest ?? 0) - (b.span?.end.latest ?? 0) || a.viewed.claim.id.localeCompare(b.viewed.claim.id));
}
